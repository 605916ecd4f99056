// The *_into parsers reuse the sample a collector keeps between reads. Whatever the last
// parse left in it (more CPUs, more interfaces, longer keys, an error halfway), the
// result must equal a fresh parse of the same text.
#include <gtest/gtest.h>

#include <string>

#include "collectors/meminfo.hpp"
#include "collectors/netdev.hpp"
#include "collectors/stat.hpp"
#include "tests/unit/collectors/parser_test_support.hpp"

namespace statline {
namespace {

using test_support::read_proc_fixture;

TEST(ParseInto, StatAfterALargerFileHoldsOnlyTheNewCores) {
  StatSample kept;
  ParseScratch scratch;
  ASSERT_FALSE(parse_stat_into(read_proc_fixture("cpu128/stat"), kept, scratch));
  ASSERT_EQ(kept.cores.size(), 128u);

  const std::string real = read_proc_fixture("real/stat");
  ASSERT_FALSE(parse_stat_into(real, kept, scratch));
  EXPECT_EQ(kept, parse_stat(real).value());
}

TEST(ParseInto, StatAfterAnErrorParsesTheNextFileWhole) {
  StatSample kept;
  ParseScratch scratch;
  const auto error = parse_stat_into("cpu 1 2 3 4\ncpu0 1 2 x 4\n", kept, scratch);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, parse_stat("cpu 1 2 3 4\ncpu0 1 2 x 4\n").error());

  const std::string real = read_proc_fixture("real/stat");
  ASSERT_FALSE(parse_stat_into(real, kept, scratch));
  EXPECT_EQ(kept, parse_stat(real).value());
}

TEST(ParseInto, StatRejectsARepeatedKeyEvenWithScratchFromALongerFile) {
  StatSample kept;
  ParseScratch scratch;
  ASSERT_FALSE(parse_stat_into(read_proc_fixture("cpu128/stat"), kept, scratch));
  const std::string repeated = "cpu 1 2 3 4\nctxt 5\nctxt 6\n";
  const auto error = parse_stat_into(repeated, kept, scratch);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, parse_stat(repeated).error());
}

TEST(ParseInto, NetdevKeepsNoInterfaceThatVanished) {
  NetdevSample kept;
  ParseScratch scratch;
  const std::string before = read_proc_fixture("iface_vanish/t0/net/dev");
  const std::string after = read_proc_fixture("iface_vanish/t1/net/dev");
  ASSERT_FALSE(parse_netdev_into(before, kept, scratch));
  ASSERT_FALSE(parse_netdev_into(after, kept, scratch));
  EXPECT_EQ(kept, parse_netdev(after).value());
  // wlan0 of the first read is gone, usb0 took its place.
  ASSERT_EQ(kept.interfaces.size(), 3u);
  EXPECT_EQ(kept.interfaces[2].name, "usb0");
}

TEST(ParseInto, NetdevNamesAreReplacedNotAppended) {
  NetdevSample kept;
  ParseScratch scratch;
  const std::string header = "Inter-|\n face |\n";
  const std::string zeros = " 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
  ASSERT_FALSE(parse_netdev_into(header + "a-very-long-name:" + zeros, kept, scratch));
  ASSERT_FALSE(parse_netdev_into(header + "b:" + zeros, kept, scratch));
  ASSERT_EQ(kept.interfaces.size(), 1u);
  EXPECT_EQ(kept.interfaces[0].name, "b");
  ASSERT_FALSE(
      parse_netdev_into(header + "a:" + zeros + "b:" + zeros + "c:" + zeros, kept, scratch));
  ASSERT_FALSE(parse_netdev_into(header + "c:" + zeros, kept, scratch));
  ASSERT_EQ(kept.interfaces.size(), 1u);
  EXPECT_EQ(kept.interfaces[0].name, "c");
}

TEST(ParseInto, MeminfoAfterAnotherLayoutEqualsAFreshParse) {
  MeminfoSample kept;
  ParseScratch scratch;
  ASSERT_FALSE(parse_meminfo_into(read_proc_fixture("real/meminfo"), kept, scratch));
  const std::string other = read_proc_fixture("no_units/meminfo");
  ASSERT_FALSE(parse_meminfo_into(other, kept, scratch));
  EXPECT_EQ(kept, parse_meminfo(other).value());
}

TEST(ParseInto, MeminfoRejectsAnEmptyReadAfterAGoodOne) {
  MeminfoSample kept;
  ParseScratch scratch;
  ASSERT_FALSE(parse_meminfo_into(read_proc_fixture("real/meminfo"), kept, scratch));
  const auto error = parse_meminfo_into("", kept, scratch);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, "meminfo: no entries");
}

}  // namespace
}  // namespace statline
