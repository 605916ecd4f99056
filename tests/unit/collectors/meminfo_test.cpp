#include "collectors/meminfo.hpp"

#include <gtest/gtest.h>

#include <string>

#include "tests/unit/collectors/parser_test_support.hpp"

namespace statline {
namespace {

using test_support::CaseName;
using test_support::expect_parsed;
using test_support::read_proc_fixture;
using MeminfoCase = test_support::ParserCase<MeminfoSample>;

ParseError error(std::string message) {
  return ParseError{std::move(message)};
}
MeminfoEntry kb(std::string key, std::uint64_t value) {
  return {std::move(key), value, true};
}
MeminfoEntry count(std::string key, std::uint64_t value) {
  return {std::move(key), value, false};
}

const MeminfoCase kCases[] = {
    {"empty", "", error("meminfo: no entries")},
    {"only_stray_lines", "\n  \nno colon here\n", error("meminfo: no entries")},
    {"one_entry", "MemTotal:       16384 kB\n", MeminfoSample{{kb("MemTotal", 16384)}}},
    {"no_trailing_newline", "MemTotal: 16384 kB", MeminfoSample{{kb("MemTotal", 16384)}}},
    {"no_space_after_colon", "MemTotal:16384 kB\n", MeminfoSample{{kb("MemTotal", 16384)}}},
    {"unit_optional", "HugePages_Total:       4\n", MeminfoSample{{count("HugePages_Total", 4)}}},
    {"keys_with_parentheses_and_underscores",
     "Active(anon):   1544 kB\nInactive(file): 37612 kB\nNFS_Unstable:  0 kB\n",
     MeminfoSample{{kb("Active(anon)", 1544), kb("Inactive(file)", 37612), kb("NFS_Unstable", 0)}}},
    {"file_order_kept", "Zeta:   1 kB\nAlpha:  2 kB\nMid:    3\n",
     MeminfoSample{{kb("Zeta", 1), kb("Alpha", 2), count("Mid", 3)}}},
    {"stray_lines_ignored",
     "# comment\nMemTotal: 10 kB\n\nkey with blanks: 12 kB\n:no key\nMemFree: 5 kB\n",
     MeminfoSample{{kb("MemTotal", 10), kb("MemFree", 5)}}},
    {"extra_fields_after_unit_ignored", "MemTotal: 10 kB future\n",
     MeminfoSample{{kb("MemTotal", 10)}}},
    {"largest_kb_that_fits_in_bytes", "Huge: 18014398509481983 kB\n",
     MeminfoSample{{kb("Huge", 18014398509481983u)}}},
    {"bad_number", "MemTotal: 1 kB\nMemFree: 2 kB\nMemAvailable:   12x kB\n",
     error("meminfo:3: MemAvailable: expected integer, got \"12x\"")},
    {"missing_value", "MemTotal:\n",
     error("meminfo:1: MemTotal: expected integer, got end of line")},
    {"negative_value", "Committed_AS: -5 kB\n",
     error("meminfo:1: Committed_AS: expected integer, got \"-5\"")},
    {"unknown_unit", "MemTotal: 16 MB\n",
     error("meminfo:1: MemTotal: expected unit \"kB\" or end of line, got \"MB\"")},
    {"unit_cut_short", "MemTotal: 16 kB\nCached: 55868 k",
     error("meminfo:2: Cached: expected unit \"kB\" or end of line, got \"k\"")},
    {"kb_overflows_bytes", "Huge: 18014398509481984 kB\n",
     error("meminfo:1: Huge: expected a kB value that fits 64-bit bytes, got "
           "\"18014398509481984\"")},
    {"duplicate_key_is_error", "MemTotal: 1 kB\nMemFree: 2 kB\nMemTotal: 3 kB\n",
     error("meminfo:3: MemTotal: duplicate key (first on line 1)")},
};

class MeminfoTableTest : public ::testing::TestWithParam<MeminfoCase> {};

TEST_P(MeminfoTableTest, Parses) {
  expect_parsed(parse_meminfo(GetParam().text), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Meminfo, MeminfoTableTest, ::testing::ValuesIn(kCases), CaseName{});

TEST(MeminfoBytes, KbTimes1024UnitlessAsWrittenMissingIsNullopt) {
  const MeminfoSample sample{{kb("MemTotal", 16), count("HugePages_Total", 7)}};
  EXPECT_EQ(sample.bytes("MemTotal"), 16u * 1024);
  EXPECT_EQ(sample.bytes("HugePages_Total"), 7u);
  EXPECT_EQ(sample.bytes("MemAvailable"), std::nullopt);
  EXPECT_EQ(sample.bytes("memtotal"), std::nullopt);  // keys are case-sensitive
}

// --- Fixtures: whole samples from tests/fixtures/proc/<case>/meminfo.

TEST(MeminfoFixture, Real) {
  const MeminfoSample expected{{
      kb("MemTotal", 24683620),
      kb("MemFree", 24457648),
      kb("MemAvailable", 24401016),
      kb("Buffers", 1324),
      kb("Cached", 55932),
      kb("SwapCached", 0),
      kb("Active", 12304),
      kb("Inactive", 44500),
      kb("Active(anon)", 1544),
      kb("Inactive(anon)", 6888),
      kb("Active(file)", 10760),
      kb("Inactive(file)", 37612),
      kb("Unevictable", 15392),
      kb("Mlocked", 14392),
      kb("SwapTotal", 0),
      kb("SwapFree", 0),
      kb("Zswap", 0),
      kb("Zswapped", 0),
      kb("Dirty", 168),
      kb("Writeback", 0),
      kb("AnonPages", 14944),
      kb("Mapped", 10744),
      kb("Shmem", 8884),
      kb("KReclaimable", 81332),
      kb("Slab", 103736),
      kb("SReclaimable", 81332),
      kb("SUnreclaim", 22404),
      kb("KernelStack", 1428),
      kb("PageTables", 1420),
      kb("SecPageTables", 0),
      kb("NFS_Unstable", 0),
      kb("Bounce", 0),
      kb("WritebackTmp", 0),
      kb("CommitLimit", 12341808),
      kb("Committed_AS", 60968),
      kb("VmallocTotal", 34359738367),
      kb("VmallocUsed", 14204),
      kb("VmallocChunk", 0),
      kb("Percpu", 688),
      kb("AnonHugePages", 0),
      kb("ShmemHugePages", 0),
      kb("ShmemPmdMapped", 0),
      kb("FileHugePages", 0),
      kb("FilePmdMapped", 0),
      kb("Balloon", 0),
      count("HugePages_Total", 0),
      count("HugePages_Free", 0),
      count("HugePages_Rsvd", 0),
      count("HugePages_Surp", 0),
      kb("Hugepagesize", 2048),
      kb("Hugetlb", 0),
      kb("DirectMap4k", 30720),
      kb("DirectMap2M", 25135104),
  }};
  expect_parsed(parse_meminfo(read_proc_fixture("real/meminfo")), Result<MeminfoSample>(expected));
}

TEST(MeminfoFixture, NoMemAvailable) {
  const MeminfoSample expected{{
      kb("MemTotal", 8052360),
      kb("MemFree", 512344),
      kb("Buffers", 204812),
      kb("Cached", 3021456),
      kb("SwapCached", 10240),
      kb("Active", 4123456),
      kb("Inactive", 2345678),
      kb("Active(anon)", 2456789),
      kb("Inactive(anon)", 654321),
      kb("Active(file)", 1666667),
      kb("Inactive(file)", 1691357),
      kb("Unevictable", 32),
      kb("Mlocked", 32),
      kb("SwapTotal", 8388604),
      kb("SwapFree", 8123456),
      kb("Dirty", 1234),
      kb("Writeback", 0),
      kb("AnonPages", 3210987),
      kb("Mapped", 456789),
      kb("Shmem", 123456),
      kb("Slab", 345678),
      kb("SReclaimable", 290000),
      kb("SUnreclaim", 55678),
      kb("KernelStack", 4560),
      kb("PageTables", 56789),
      kb("NFS_Unstable", 0),
      kb("Bounce", 0),
      kb("WritebackTmp", 0),
      kb("CommitLimit", 12414784),
      kb("Committed_AS", 7654321),
      kb("VmallocTotal", 34359738367),
      kb("VmallocUsed", 345678),
      kb("VmallocChunk", 34359310332),
      kb("HardwareCorrupted", 0),
      kb("AnonHugePages", 1234944),
      count("HugePages_Total", 0),
      count("HugePages_Free", 0),
      count("HugePages_Rsvd", 0),
      count("HugePages_Surp", 0),
      kb("Hugepagesize", 2048),
      kb("DirectMap4k", 102400),
      kb("DirectMap2M", 8230912),
  }};
  const auto parsed = parse_meminfo(read_proc_fixture("no_memavailable/meminfo"));
  expect_parsed(parsed, Result<MeminfoSample>(expected));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->bytes("MemAvailable"), std::nullopt);  // absent, not 0
}

TEST(MeminfoFixture, NoUnits) {
  const MeminfoSample expected{{
      count("MemTotal", 16777216),
      count("MemFree", 4194304),
      count("MemAvailable", 8388608),
      count("Buffers", 65536),
      count("Cached", 2097152),
      count("SwapTotal", 0),
      count("SwapFree", 0),
      count("HugePages_Total", 16),
      count("HugePages_Free", 8),
      kb("Hugepagesize", 2048),
  }};
  const auto parsed = parse_meminfo(read_proc_fixture("no_units/meminfo"));
  expect_parsed(parsed, Result<MeminfoSample>(expected));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->bytes("MemTotal"), 16777216u);
  EXPECT_EQ(parsed->bytes("Hugepagesize"), 2048u * 1024);
}

TEST(MeminfoFixture, GarbageLinesIgnored) {
  const MeminfoSample expected{{kb("MemTotal", 24683620), kb("MemFree", 24457648),
                                kb("MemAvailable", 24400976), kb("Buffers", 1316),
                                kb("Cached", 55868)}};
  expect_parsed(parse_meminfo(read_proc_fixture("garbage/meminfo")),
                Result<MeminfoSample>(expected));
}

TEST(MeminfoFixture, TruncatedInsideUnit) {
  expect_parsed(parse_meminfo(read_proc_fixture("truncated/meminfo")),
                Result<MeminfoSample>(
                    error("meminfo:5: Cached: expected unit \"kB\" or end of line, got \"k\"")));
}

// A cut right after the digits ("Cached:  558") is indistinguishable from a unit-less
// value; the collector's whole-file read is what prevents that, not the parser.
TEST(MeminfoKnownLimit, CutAfterDigitsReadsAsUnitless) {
  const auto parsed = parse_meminfo("MemTotal: 100 kB\nCached:  558");
  ASSERT_TRUE(parsed.ok()) << parsed.error();
  EXPECT_EQ(parsed->entries.back(), count("Cached", 558));
}

TEST(MeminfoFixture, Empty) {
  expect_parsed(parse_meminfo(read_proc_fixture("empty/meminfo")),
                Result<MeminfoSample>(error("meminfo: no entries")));
}

}  // namespace
}  // namespace statline
