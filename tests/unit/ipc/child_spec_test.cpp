#include "ipc/child_spec.hpp"

#include <gtest/gtest.h>

namespace statline {
namespace {

TEST(ChildSpec, CollectorRoundTrips) {
  ChildSpec spec;
  spec.collector = Source::netdev;
  spec.collector_fds = CollectorChannels{4, 5, 6};
  const auto text = encode_child_spec(spec);
  EXPECT_EQ(text, "collector netdev config=4 ring=5 bell=6");
  const auto decoded = decode_child_spec(text);
  ASSERT_TRUE(decoded) << decoded.error();
  EXPECT_EQ(decoded.value(), spec);
  EXPECT_EQ(child_role(spec), "collector netdev");
}

TEST(ChildSpec, AggregatorRoundTrips) {
  ChildSpec spec;
  spec.aggregator_fds.listen = 3;
  spec.aggregator_fds.config = 4;
  spec.aggregator_fds.control = 5;
  spec.aggregator_fds.sources[0] = SourceChannelFds{7, 8, 9};
  spec.aggregator_fds.sources[3] = SourceChannelFds{10, 11, 12};
  spec.aggregator_fds.health = HealthChannelFds{13, 14};
  const auto text = encode_child_spec(spec);
  EXPECT_EQ(text,
            "aggregator listen=3 config=4 control=5 stat=7,8,9 loadavg=10,11,12 health=13,14");
  const auto decoded = decode_child_spec(text);
  ASSERT_TRUE(decoded) << decoded.error();
  EXPECT_EQ(decoded.value(), spec);
  EXPECT_EQ(child_role(spec), "aggregator");
  spec.aggregator_fds.metrics = 15;  // with metrics.listen set
  EXPECT_EQ(encode_child_spec(spec), text + " metrics=15");
  EXPECT_EQ(decode_child_spec(text + " metrics=15").value(), spec);
}

TEST(ChildSpec, RejectsMalformedSpecs) {
  const struct {
    const char* text;
    const char* error;
  } cases[] = {
      {"", "STATLINE_CHILD: empty"},
      {"collector", "STATLINE_CHILD: collector without a source"},
      {"collector disk config=1 ring=2 bell=3", "STATLINE_CHILD: bad token \"disk\""},
      {"collector stat config=x ring=2 bell=3", "STATLINE_CHILD: bad token \"config=x\""},
      {"collector stat ring=2 bell=3",
       "STATLINE_CHILD: missing descriptors in \"collector stat ring=2 bell=3\""},
      {"aggregator listen=3 config=4",
       "STATLINE_CHILD: missing descriptors in \"aggregator listen=3 config=4\""},
      {"aggregator listen=3 config=4 control=5 stat=1,2", "STATLINE_CHILD: bad token \"stat=1,2\""},
      {"aggregator listen=3 config=4 control=5 health=1", "STATLINE_CHILD: bad token \"health=1\""},
      {"collector stat config=1 ring=2 bell=3 health=4,5",
       "STATLINE_CHILD: bad token \"health=4,5\""},
      {"supervisor", "STATLINE_CHILD: bad token \"supervisor\""},
  };
  for (const auto& c : cases) {
    const auto decoded = decode_child_spec(c.text);
    ASSERT_FALSE(decoded) << c.text;
    EXPECT_EQ(decoded.error(), c.error);
  }
}

}  // namespace
}  // namespace statline
