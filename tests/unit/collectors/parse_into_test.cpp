// The *_into parsers reuse the sample a collector keeps between reads. Whatever the last
// parse left in it (more CPUs, more interfaces, longer keys, an error halfway), the
// result must equal a fresh parse of the same text.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "collectors/meminfo.hpp"
#include "collectors/netdev.hpp"
#include "collectors/stat.hpp"
#include "collectors/text_scan.hpp"
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

// A file whose keys are, in order, the last parse's (checked free of repeats) skips the
// repeat check; anything else is checked again.
std::vector<text_scan::KeyedLine> keyed(std::initializer_list<std::string_view> keys) {
  std::vector<text_scan::KeyedLine> lines;
  std::size_t line = 0;
  for (const std::string_view key : keys) lines.push_back({key, ++line});
  return lines;
}

std::string order_of(const std::vector<text_scan::KeyedLine>& keys) {
  std::string order;
  for (const auto& key : keys) order += std::string(key.key) + " ";
  return order;
}

TEST(FindDuplicate, SameKeysAsTheLastCheckedParseAreNotSortedAgain) {
  ParseScratch scratch;
  scratch.keys = keyed({"zeta", "alpha", "mid"});
  EXPECT_FALSE(text_scan::find_duplicate("t", scratch));
  EXPECT_EQ(order_of(scratch.keys), "mid zeta alpha ");  // checked: sorted by the check

  scratch.keys = keyed({"zeta", "alpha", "mid"});
  EXPECT_FALSE(text_scan::find_duplicate("t", scratch));
  EXPECT_EQ(order_of(scratch.keys), "zeta alpha mid ");  // unchanged: left as read

  scratch.keys = keyed({"zeta", "mid", "alpha"});  // same keys, other order: checked
  EXPECT_FALSE(text_scan::find_duplicate("t", scratch));
  EXPECT_EQ(order_of(scratch.keys), "mid zeta alpha ");
}

TEST(FindDuplicate, ARepeatAfterCheckedParsesIsFoundEveryTime) {
  ParseScratch scratch;
  scratch.keys = keyed({"a", "b"});
  EXPECT_FALSE(text_scan::find_duplicate("t", scratch));
  for (int parse = 0; parse < 2; ++parse) {
    scratch.keys = keyed({"a", "b", "a"});
    const auto error = text_scan::find_duplicate("t", scratch);
    ASSERT_TRUE(error) << parse;
    EXPECT_EQ(error->message, "t:3: a: duplicate key (first on line 1)");
  }
  // A key glued to the next one ("a" "b" -> "ab") is another sequence, not the checked one.
  scratch.keys = keyed({"a", "b"});
  EXPECT_FALSE(text_scan::find_duplicate("t", scratch));
  scratch.keys = keyed({"ab"});
  EXPECT_FALSE(text_scan::find_duplicate("t", scratch));
  EXPECT_EQ(order_of(scratch.keys), "ab ");
}

// Parses `file` twice (the second parse skips the repeat check: same keys), then `glued`,
// which repeats keys: its error must be the one-shot parse's.
template <class Sample, class IntoParser, class OnceParser>
void expect_repeat_found_after_unchanged(const std::string& file, const std::string& glued,
                                         IntoParser parse_into, OnceParser parse) {
  Sample kept;
  ParseScratch scratch;
  ASSERT_FALSE(parse_into(file, kept, scratch));
  ASSERT_FALSE(parse_into(file, kept, scratch));
  EXPECT_EQ(kept, parse(file).value());
  const auto error = parse_into(glued, kept, scratch);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, parse(glued).error());
}

TEST(ParseInto, ARepeatAfterUnchangedFilesIsStillAnError) {
  // Two reads glued together.
  const std::string meminfo = read_proc_fixture("real/meminfo");
  expect_repeat_found_after_unchanged<MeminfoSample>(meminfo, meminfo + meminfo, parse_meminfo_into,
                                                     parse_meminfo);
  const std::string stat = read_proc_fixture("real/stat");
  expect_repeat_found_after_unchanged<StatSample>(stat, stat + stat, parse_stat_into, parse_stat);
  // net/dev glued without its second read's two header lines.
  const std::string dev = read_proc_fixture("real/net/dev");
  const std::string glued_dev = dev + dev.substr(dev.find('\n', dev.find('\n') + 1) + 1);
  expect_repeat_found_after_unchanged<NetdevSample>(dev, glued_dev, parse_netdev_into,
                                                    parse_netdev);
}

}  // namespace
}  // namespace statline
