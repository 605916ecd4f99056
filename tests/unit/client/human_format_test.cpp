#include "client/human_format.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cmath>
#include <limits>
#include <string>

namespace statline::client {
namespace {

struct BytesCase {
  const char* name;
  double bytes;
  const char* text;
  const char* compact;
};

class FormatBytes : public ::testing::TestWithParam<BytesCase> {};

TEST_P(FormatBytes, MatchesTable) {
  const BytesCase& c = GetParam();
  EXPECT_EQ(format_bytes(c.bytes), c.text);
  EXPECT_EQ(format_bytes_compact(c.bytes), c.compact);
}

constexpr double KiB = 1024, MiB = KiB * 1024, GiB = MiB * 1024, TiB = GiB * 1024;

INSTANTIATE_TEST_SUITE_P(
    Table, FormatBytes,
    ::testing::Values(BytesCase{"zero", 0, "0 B", "0B"}, BytesCase{"one", 1, "1 B", "1B"},
                      BytesCase{"rounds_bytes", 299.6, "300 B", "300B"},
                      BytesCase{"last_byte_value", 1023, "1023 B", "1023B"},
                      BytesCase{"rounds_up_into_kib", 1023.7, "1.0 KiB", "1.0K"},
                      BytesCase{"one_kib", KiB, "1.0 KiB", "1.0K"},
                      BytesCase{"tenths", 1228.8, "1.2 KiB", "1.2K"},
                      BytesCase{"no_1024_kib", 1023.96 * KiB, "1.0 MiB", "1.0M"},
                      BytesCase{"mib", 3.4 * MiB, "3.4 MiB", "3.4M"},
                      BytesCase{"gib", 7.8 * GiB, "7.8 GiB", "7.8G"},
                      BytesCase{"tib", 2 * TiB, "2.0 TiB", "2.0T"},
                      BytesCase{"beyond_tib_stays_tib", 2048 * TiB, "2048.0 TiB", "2048.0T"},
                      BytesCase{"nan", std::nan(""), "-", "-"},
                      BytesCase{"infinity", std::numeric_limits<double>::infinity(), "-", "-"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(FormatRate, AppendsPerSecond) {
  EXPECT_EQ(format_rate(300), "300 B/s");
  EXPECT_EQ(format_rate(1228.8), "1.2 KiB/s");
  EXPECT_EQ(format_rate(std::nan("")), "-");
}

TEST(FormatPercent, OneDecimal) {
  EXPECT_EQ(format_percent(39.7), "39.7%");
  EXPECT_EQ(format_percent(100), "100.0%");
  EXPECT_EQ(format_percent(0.04), "0.0%");
  EXPECT_EQ(format_percent(-0.04), "0.0%") << "no negative zero";
  EXPECT_EQ(format_percent(std::nan("")), "-");
}

TEST(FormatFixed, NoNegativeZeroButRealNegatives) {
  EXPECT_EQ(format_fixed(0.524, 2), "0.52");
  EXPECT_EQ(format_fixed(-0.001, 2), "0.00");
  EXPECT_EQ(format_fixed(-1.5, 1), "-1.5");
  EXPECT_EQ(format_fixed(1234, 0), "1234");
}

TEST(FormatNumber, AtMostThreeDecimalsNoTrailingZeros) {
  EXPECT_EQ(format_number(12.3), "12.3");
  EXPECT_EQ(format_number(42), "42");
  EXPECT_EQ(format_number(0.001), "0.001");
  EXPECT_EQ(format_number(100.00000000000001), "100");
  EXPECT_EQ(format_number(63.63636363636364), "63.636");
  EXPECT_EQ(format_number(25276026880), "25276026880");
  EXPECT_EQ(format_number(-2.5), "-2.5");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(-0.0001), "0");
  EXPECT_EQ(format_number(std::numeric_limits<double>::infinity()), "-");
}

TEST(FormatDuration, TwoUnitsAtMost) {
  EXPECT_EQ(format_duration(0), "0s");
  EXPECT_EQ(format_duration(45.9), "45s");
  EXPECT_EQ(format_duration(303), "5m 03s");
  EXPECT_EQ(format_duration(2 * 3600 + 5 * 60 + 7), "2h 05m");
  EXPECT_EQ(format_duration(3 * 86400 + 4 * 3600 + 59), "3d 04h");
  EXPECT_EQ(format_duration(-1), "-");
}

TEST(FormatAge, TenthsWhenShort) {
  EXPECT_EQ(format_age(0.42), "0.4s");
  EXPECT_EQ(format_age(9.9), "9.9s");
  EXPECT_EQ(format_age(12.2), "12s");
  EXPECT_EQ(format_age(125), "2m 05s");
}

TEST(FormatClock, LocalTime) {
  ::setenv("TZ", "UTC", 1);
  ::tzset();
  EXPECT_EQ(format_clock(1700000000.9), "22:13:20");
  EXPECT_EQ(format_clock(std::nan("")), "--:--:--");
  ::setenv("TZ", "UTC-2", 1);  // POSIX sign: two hours east of UTC
  ::tzset();
  EXPECT_EQ(format_clock(1700000000), "00:13:20");
  ::setenv("TZ", "UTC", 1);
  ::tzset();
}

}  // namespace
}  // namespace statline::client
