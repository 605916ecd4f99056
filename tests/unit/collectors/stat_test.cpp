#include "collectors/stat.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/unit/collectors/parser_test_support.hpp"

// Samples below are aggregates naming only the fields a case sets; the others keep their
// defaults (0, nullopt) on purpose, which GCC 12 warns about under -Wextra.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace statline {
namespace {

using test_support::CaseName;
using test_support::expect_parsed;
using test_support::read_proc_fixture;
using StatCase = test_support::ParserCase<StatSample>;

ParseError error(std::string message) {
  return ParseError{std::move(message)};
}

// Text of a /proc/stat whose intr line carries `irqs` per-IRQ counters after the total,
// to check that a line far over 64 KiB is handled without tokenizing it.
std::string stat_with_long_intr(int irqs) {
  std::string text = "cpu  1 2 3 4 5 6 7 8 0 0\nintr 987654321";
  for (int i = 0; i < irqs; ++i) text += " " + std::to_string(i);
  return text + "\nctxt 42\n";
}

const StatCase kCases[] = {
    {"empty", "", error("stat: no cpu line")},
    {"only_newlines", "\n\n\n", error("stat: no cpu line")},
    {"counters_without_cpu_line", "ctxt 5\nbtime 6\n", error("stat: no cpu line")},
    {"four_columns_rest_zero", "cpu 1 2 3 4\n", StatSample{.total = {1, 2, 3, 4}}},
    {"ten_columns", "cpu  1 2 3 4 5 6 7 8 9 10\n",
     StatSample{.total = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}}},
    {"seven_columns_old_kernel", "cpu 1 2 3 4 5 6 7\n", StatSample{.total = {1, 2, 3, 4, 5, 6, 7}}},
    {"extra_columns_ignored_even_if_not_numbers", "cpu 1 2 3 4 5 6 7 8 9 10 11 future\n",
     StatSample{.total = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}}},
    {"no_trailing_newline", "cpu 1 2 3 4", StatSample{.total = {1, 2, 3, 4}}},
    {"tabs_between_fields", "cpu\t1\t2 \t3\t4\n", StatSample{.total = {1, 2, 3, 4}}},
    {"max_uint64", "cpu 18446744073709551615 0 0 0\n",
     StatSample{.total = {18446744073709551615u, 0, 0, 0}}},
    {"cores_in_file_order_with_gaps", "cpu 3 0 0 3\ncpu0 1 0 0 1\ncpu2 1 0 0 1\ncpu5 1 0 0 1\n",
     StatSample{.total = {3, 0, 0, 3},
                .cores = {{0, {1, 0, 0, 1}}, {2, {1, 0, 0, 1}}, {5, {1, 0, 0, 1}}}}},
    {"cores_not_sorted_keep_file_order", "cpu 2 0 0 2\ncpu7 1 0 0 1\ncpu3 1 0 0 1\n",
     StatSample{.total = {2, 0, 0, 2}, .cores = {{7, {1, 0, 0, 1}}, {3, {1, 0, 0, 1}}}}},
    {"all_counters",
     "cpu 1 2 3 4\nintr 100 7 8 9\nctxt 200\nbtime 300\nprocesses 400\nprocs_running 5\n"
     "procs_blocked 6\n",
     StatSample{.total = {1, 2, 3, 4},
                .context_switches = 200,
                .interrupts = 100,
                .forks = 400,
                .boot_time = 300,
                .procs_running = 5,
                .procs_blocked = 6}},
    {"intr_reads_only_first_number", "cpu 1 2 3 4\nintr 100 not numbers at all\n",
     StatSample{.total = {1, 2, 3, 4}, .interrupts = 100}},
    {"intr_line_over_64KiB", stat_with_long_intr(20000),
     StatSample{
         .total = {1, 2, 3, 4, 5, 6, 7, 8}, .context_switches = 42, .interrupts = 987654321}},
    {"unknown_keys_ignored",
     "page 1 2\nswap 3 4\ncpufreq 3000 MHz\ncpu-1 1 2 3 4\n# comment\ncpu 1 2 3 4\n"
     "softirq 1 2 3\nnew_kernel_key x y z\n",
     StatSample{.total = {1, 2, 3, 4}}},
    {"cpu_not_enough_fields", "cpu 1 2 3\n",
     error("stat:1: cpu: expected at least 4 integers, got 3")},
    {"cpu_key_alone", "cpu\n", error("stat:1: cpu: expected at least 4 integers, got 0")},
    {"core_not_enough_fields", "cpu 1 2 3 4\ncpu1 1 2\n",
     error("stat:2: cpu1: expected at least 4 integers, got 2")},
    {"cpu_bad_number", "cpu 1 2 3x 4\n", error("stat:1: cpu: expected integer, got \"3x\"")},
    {"cpu_negative_number", "cpu 1 -2 3 4\n", error("stat:1: cpu: expected integer, got \"-2\"")},
    {"cpu_number_overflows_uint64", "cpu 18446744073709551616 0 0 0\n",
     error("stat:1: cpu: expected integer, got \"18446744073709551616\"")},
    {"core_bad_number", "cpu 1 2 3 4\ncpu0 1 2 3 4\ncpu1 1 2 3 4 5 6 7 8 9 1O\n",
     error("stat:3: cpu1: expected integer, got \"1O\"")},
    {"long_bad_token_is_shortened", "cpu 1 2 3 " + std::string(100, 'x') + "\n",
     error("stat:1: cpu: expected integer, got \"" + std::string(40, 'x') + "...\"")},
    {"core_number_overflows_uint32", "cpu 1 2 3 4\ncpu4294967296 1 2 3 4\n",
     error("stat:2: cpu4294967296: expected CPU number, got \"4294967296\"")},
    {"counter_without_value", "cpu 1 2 3 4\nctxt\n",
     error("stat:2: ctxt: expected integer, got end of line")},
    {"counter_bad_value", "cpu 1 2 3 4\nprocs_running 2x\n",
     error("stat:2: procs_running: expected integer, got \"2x\"")},
    {"intr_bad_first_number", "cpu 1 2 3 4\nintr x 1 2\n",
     error("stat:2: intr: expected integer, got \"x\"")},
    {"duplicate_cpu_line", "cpu 1 2 3 4\ncpu 1 2 3 4\n",
     error("stat:2: cpu: duplicate key (first on line 1)")},
    {"duplicate_core", "cpu 1 2 3 4\ncpu0 1 2 3 4\ncpu1 1 2 3 4\ncpu0 1 2 3 4\n",
     error("stat:4: cpu0: duplicate key (first on line 2)")},
    {"duplicate_counter_reports_earliest_repeat", "cpu 1 2 3 4\nctxt 1\nbtime 2\nbtime 2\nctxt 1\n",
     error("stat:4: btime: duplicate key (first on line 3)")},
};

class StatTableTest : public ::testing::TestWithParam<StatCase> {};

TEST_P(StatTableTest, Parses) {
  expect_parsed(parse_stat(GetParam().text), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Stat, StatTableTest, ::testing::ValuesIn(kCases), CaseName{});

// guest and guest_nice are inside user and nice: total() must not add them again.
TEST(StatCpuTimes, TotalExcludesGuest) {
  const CpuTimes times{1, 2, 3, 4, 5, 6, 7, 8, 1000, 2000};
  EXPECT_EQ(times.total(), 36u);
}

// --- Fixtures: whole samples from tests/fixtures/proc/<case>/stat.

// The counters shared by the hand-made fixtures (their intr..softirq tail).
StatSample with_fixture_counters(StatSample sample) {
  sample.context_switches = 98765432;
  sample.interrupts = 5123456;
  sample.forks = 123456;
  sample.boot_time = 1763800000;
  sample.procs_running = 3;
  sample.procs_blocked = 1;
  return sample;
}

TEST(StatFixture, Real) {
  const StatSample expected{.total = {3003, 0, 3887, 1069405, 338, 0, 139, 0, 0, 0},
                            .cores = {{0, {1131, 0, 1998, 535102, 19, 0, 56, 0, 0, 0}},
                                      {1, {1872, 0, 1888, 534302, 318, 0, 83, 0, 0, 0}}},
                            .context_switches = 404300,
                            .interrupts = 269222,
                            .forks = 4433,
                            .boot_time = 1795429661,
                            .procs_running = 1,
                            .procs_blocked = 0};
  expect_parsed(parse_stat(read_proc_fixture("real/stat")), Result<StatSample>(expected));
}

// Mirrors the formulas of tests/fixtures/proc/cpu128/generate.py.
TEST(StatFixture, Cpu128WithLongIntrLine) {
  const std::string text = read_proc_fixture("cpu128/stat");
  ASSERT_GT(text.size(), 64u * 1024);
  StatSample expected{.context_switches = 9876543210u,
                      .interrupts = 881324980128u,
                      .forks = 12345678,
                      .boot_time = 1763800000,
                      .procs_running = 5,
                      .procs_blocked = 1};
  for (std::uint32_t n = 0; n < 128; ++n) {
    const CpuTimes core{1'000'000 + 1'009 * n,
                        2'000 + 3 * n,
                        300'000 + 211 * n,
                        50'000'000 + 7'919 * n,
                        10'000 + 13 * n,
                        2 * n,
                        5'000 + 17 * n,
                        100 + n,
                        0,
                        0};
    expected.cores.push_back({n, core});
    expected.total.user += core.user;
    expected.total.nice += core.nice;
    expected.total.system += core.system;
    expected.total.idle += core.idle;
    expected.total.iowait += core.iowait;
    expected.total.irq += core.irq;
    expected.total.softirq += core.softirq;
    expected.total.steal += core.steal;
  }
  expect_parsed(parse_stat(text), Result<StatSample>(expected));
}

TEST(StatFixture, Guest) {
  const StatSample expected = with_fixture_counters(
      {.total = {812345, 23456, 210987, 9876543, 4321, 0, 7654, 0, 345678, 12345},
       .cores = {{0, {406000, 11000, 105000, 4938000, 2100, 0, 3800, 0, 172000, 6000}},
                 {1, {406345, 12456, 105987, 4938543, 2221, 0, 3854, 0, 173678, 6345}}}});
  expect_parsed(parse_stat(read_proc_fixture("guest/stat")), Result<StatSample>(expected));
}

TEST(StatFixture, OldKernelSevenColumns) {
  const StatSample expected{.total = {1234567, 8901, 234567, 98765432, 12345, 678, 9012},
                            .cores = {{0, {617283, 4450, 117283, 49382716, 6172, 339, 4506}},
                                      {1, {617284, 4451, 117284, 49382716, 6173, 339, 4506}}},
                            .context_switches = 45678901,
                            .interrupts = 9876543,
                            .forks = 98765,
                            .boot_time = 1104537600,
                            .procs_running = 1,
                            .procs_blocked = 0};
  expect_parsed(parse_stat(read_proc_fixture("old_kernel/stat")), Result<StatSample>(expected));
}

TEST(StatFixture, CpuGaps) {
  const CpuTimes core{100000, 100, 30000, 1000000, 1000, 10, 300};
  const StatSample expected =
      with_fixture_counters({.total = {300000, 300, 90000, 3000000, 3000, 30, 900},
                             .cores = {{0, core}, {2, core}, {5, core}}});
  expect_parsed(parse_stat(read_proc_fixture("cpu_gaps/stat")), Result<StatSample>(expected));
}

TEST(StatFixture, GarbageLinesIgnored) {
  const StatSample expected{.total = {2995, 0, 3876, 1068797, 337, 0, 139, 0, 0, 0},
                            .cores = {{0, {1129, 0, 1991, 534798, 19, 0, 56, 0, 0, 0}},
                                      {1, {1866, 0, 1885, 533999, 318, 0, 83, 0, 0, 0}}},
                            .context_switches = 404009,
                            .interrupts = 268985,
                            .forks = 4411,
                            .boot_time = 1795429661,
                            .procs_running = 2,
                            .procs_blocked = 0};
  expect_parsed(parse_stat(read_proc_fixture("garbage/stat")), Result<StatSample>(expected));
}

TEST(StatFixture, TruncatedMidCpuLine) {
  expect_parsed(parse_stat(read_proc_fixture("truncated/stat")),
                Result<StatSample>(error("stat:3: cpu1: expected at least 4 integers, got 3")));
}

TEST(StatFixture, Empty) {
  expect_parsed(parse_stat(read_proc_fixture("empty/stat")),
                Result<StatSample>(error("stat: no cpu line")));
}

TEST(StatFixture, IowaitBackwardsPair) {
  const StatSample t0 =
      with_fixture_counters({.total = {200000, 100, 50000, 2000000, 8000, 0, 1000},
                             .cores = {{0, {100000, 50, 25000, 1000000, 5000, 0, 500}},
                                       {1, {100000, 50, 25000, 1000000, 3000, 0, 500}}}});
  StatSample t1 =
      with_fixture_counters({.total = {200060, 100, 50020, 2000118, 7990, 0, 1002},
                             .cores = {{0, {100030, 50, 25010, 1000062, 4990, 0, 501}},
                                       {1, {100030, 50, 25010, 1000056, 3000, 0, 501}}}});
  t1.context_switches = 98766432;
  t1.interrupts = 5124456;
  t1.forks = 123460;
  expect_parsed(parse_stat(read_proc_fixture("iowait_backwards/t0/stat")), Result<StatSample>(t0));
  expect_parsed(parse_stat(read_proc_fixture("iowait_backwards/t1/stat")), Result<StatSample>(t1));
}

TEST(StatFixture, CpuHotplugPair) {
  const CpuTimes t0_core{100000, 100, 25000, 1000000, 1000, 0, 500};
  const StatSample t0 =
      with_fixture_counters({.total = {400000, 400, 100000, 4000000, 4000, 0, 2000},
                             .cores = {{0, t0_core}, {1, t0_core}, {2, t0_core}, {3, t0_core}}});
  const CpuTimes t1_core{100050, 100, 25010, 1000100, 1000, 0, 500};
  StatSample t1 =
      with_fixture_counters({.total = {400140, 400, 100030, 4000350, 4000, 0, 2000},
                             .cores = {{0, t1_core}, {2, t1_core}, {4, {40, 0, 10, 150}}}});
  t1.context_switches = 98767001;
  t1.interrupts = 5124001;
  t1.forks = 123470;
  expect_parsed(parse_stat(read_proc_fixture("cpu_hotplug/t0/stat")), Result<StatSample>(t0));
  expect_parsed(parse_stat(read_proc_fixture("cpu_hotplug/t1/stat")), Result<StatSample>(t1));
}

}  // namespace
}  // namespace statline
