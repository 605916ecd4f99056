#include "collectors/loadavg.hpp"

#include <gtest/gtest.h>

#include <string>

#include "tests/unit/collectors/parser_test_support.hpp"

namespace statline {
namespace {

using test_support::CaseName;
using test_support::expect_parsed;
using test_support::read_proc_fixture;
using LoadavgCase = test_support::ParserCase<LoadavgSample>;

ParseError error(std::string message) {
  return ParseError{std::move(message)};
}

const LoadavgCase kCases[] = {
    {"typical", "0.52 0.58 0.59 2/1234 56789\n", LoadavgSample{0.52, 0.58, 0.59, 2, 1234, 56789}},
    {"no_trailing_newline", "0.52 0.58 0.59 2/1234 56789",
     LoadavgSample{0.52, 0.58, 0.59, 2, 1234, 56789}},
    {"large_values", "123.45 67.89 10.00 1024/65536 4194304\n",
     LoadavgSample{123.45, 67.89, 10.0, 1024, 65536, 4194304}},
    {"integer_averages", "1 2 3 0/1 1\n", LoadavgSample{1, 2, 3, 0, 1, 1}},
    {"extra_fields_and_lines_ignored", "0.00 0.01 0.05 1/100 200 future\nsecond line\n",
     LoadavgSample{0.0, 0.01, 0.05, 1, 100, 200}},
    {"empty", "", error("loadavg:1: avg1: expected decimal number, got end of line")},
    {"blank_first_line", "\n0.52 0.58 0.59 2/1234 56789\n",
     error("loadavg:1: avg1: expected decimal number, got end of line")},
    {"missing_avg15", "0.52 0.58\n",
     error("loadavg:1: avg15: expected decimal number, got end of line")},
    {"bad_average", "0.52 0.5x 0.59 2/1234 56789\n",
     error("loadavg:1: avg5: expected decimal number, got \"0.5x\"")},
    {"negative_average", "-0.52 0.58 0.59 2/1234 56789\n",
     error("loadavg:1: avg1: expected decimal number, got \"-0.52\"")},
    {"nan_average", "nan 0.58 0.59 2/1234 56789\n",
     error("loadavg:1: avg1: expected decimal number, got \"nan\"")},
    {"exponent_not_accepted", "1e3 0.58 0.59 2/1234 56789\n",
     error("loadavg:1: avg1: expected decimal number, got \"1e3\"")},
    {"missing_slash", "0.52 0.58 0.59 21234 56789\n",
     error("loadavg:1: running/total: expected integer/integer, got \"21234\"")},
    {"missing_total", "0.52 0.58 0.59 2/ 56789\n",
     error("loadavg:1: running/total: expected integer/integer, got \"2/\"")},
    {"missing_running", "0.52 0.58 0.59 /1234 56789\n",
     error("loadavg:1: running/total: expected integer/integer, got \"/1234\"")},
    {"bad_total", "0.52 0.58 0.59 2/12x4 56789\n",
     error("loadavg:1: running/total: expected integer/integer, got \"2/12x4\"")},
    {"missing_running_total", "0.52 0.58 0.59\n",
     error("loadavg:1: running/total: expected integer/integer, got end of line")},
    {"missing_last_pid", "0.52 0.58 0.59 2/1234\n",
     error("loadavg:1: last_pid: expected integer, got end of line")},
    {"bad_last_pid", "0.52 0.58 0.59 2/1234 5678x\n",
     error("loadavg:1: last_pid: expected integer, got \"5678x\"")},
};

class LoadavgTableTest : public ::testing::TestWithParam<LoadavgCase> {};

TEST_P(LoadavgTableTest, Parses) {
  expect_parsed(parse_loadavg(GetParam().text), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Loadavg, LoadavgTableTest, ::testing::ValuesIn(kCases), CaseName{});

// --- Fixtures: whole samples from tests/fixtures/proc/<case>/loadavg.

TEST(LoadavgFixture, Real) {
  expect_parsed(parse_loadavg(read_proc_fixture("real/loadavg")),
                Result<LoadavgSample>(LoadavgSample{0.10, 0.10, 0.04, 1, 88, 4435}));
}

TEST(LoadavgFixture, GarbageAfterFirstLineIgnored) {
  expect_parsed(parse_loadavg(read_proc_fixture("garbage/loadavg")),
                Result<LoadavgSample>(LoadavgSample{0.11, 0.11, 0.04, 1, 88, 4415}));
}

// Cut as "0.11 0.11 0.": "0." is still a valid decimal, so the error is the missing field.
TEST(LoadavgFixture, TruncatedInsideAvg15) {
  expect_parsed(parse_loadavg(read_proc_fixture("truncated/loadavg")),
                Result<LoadavgSample>(
                    error("loadavg:1: running/total: expected integer/integer, got end of line")));
}

TEST(LoadavgFixture, Empty) {
  expect_parsed(
      parse_loadavg(read_proc_fixture("empty/loadavg")),
      Result<LoadavgSample>(error("loadavg:1: avg1: expected decimal number, got end of line")));
}

}  // namespace
}  // namespace statline
