#include "aggregator/counter_delta.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace statline {
namespace {

constexpr std::uint64_t k2to32 = std::uint64_t{1} << 32;
constexpr std::uint64_t kMax64 = std::numeric_limits<std::uint64_t>::max();

struct DeltaCase {
  std::string name;
  std::uint64_t prev, cur;
  OnDecrease on_decrease;
  std::uint64_t expected;
};

void PrintTo(const DeltaCase& c, std::ostream* os) {
  *os << c.name;
}

class CounterDeltaTest : public testing::TestWithParam<DeltaCase> {};

TEST_P(CounterDeltaTest, Delta) {
  const DeltaCase& c = GetParam();
  EXPECT_EQ(counter_delta(c.prev, c.cur, c.on_decrease), c.expected);
}

constexpr auto kWrap = OnDecrease::reset_or_wrap;
constexpr auto kZero = OnDecrease::zero;

INSTANTIATE_TEST_SUITE_P(
    Table, CounterDeltaTest,
    testing::Values(
        DeltaCase{"normal", 100, 250, kWrap, 150}, DeltaCase{"equal", 5, 5, kWrap, 0},
        DeltaCase{"from_zero", 0, 7, kWrap, 7}, DeltaCase{"wrap32", k2to32 - 100, 50, kWrap, 150},
        DeltaCase{"wrap32_from_max", k2to32 - 1, 0, kWrap, 1},
        // 2^32 / 10 = 429496729.6: an increase of 429496729 is under 10 %, one more is not.
        DeltaCase{"wrap32_just_under_10_percent", k2to32 - 429496729, 0, kWrap, 429496729},
        DeltaCase{"wrap32_at_10_percent_is_reset", k2to32 - 429496729, 1, kWrap, 1},
        DeltaCase{"wrap64", kMax64 - 9, 5, kWrap, 15},
        DeltaCase{"wrap64_from_max", kMax64, 0, kWrap, 1},
        DeltaCase{"wrap64_just_under_10_percent", kMax64 - kMax64 / 10 + 1, 0, kWrap, kMax64 / 10},
        DeltaCase{"reset_64bit_value", 1'000'000'000'000, 42, kWrap, 42},
        DeltaCase{"reset_32bit_value", 2'000'000'000, 100, kWrap, 100},
        DeltaCase{"reset_to_zero", 123'456, 0, kWrap, 0},
        DeltaCase{"zero_policy_decrease", 100, 90, kZero, 0},
        DeltaCase{"zero_policy_near_wrap", k2to32 - 1, 0, kZero, 0},
        DeltaCase{"zero_policy_increase", 100, 150, kZero, 50}),
    [](const testing::TestParamInfo<DeltaCase>& info) { return info.param.name; });

TEST(CounterDelta, DefaultPolicyIsResetOrWrap) {
  EXPECT_EQ(counter_delta(k2to32 - 1, 1), 2u);
  EXPECT_EQ(counter_delta(5'000'000'000, 3), 3u);
}

TEST(CounterRate, DividesTheDeltaBySeconds) {
  EXPECT_DOUBLE_EQ(counter_rate(100, 300, 2.0), 100.0);
  EXPECT_DOUBLE_EQ(counter_rate(k2to32 - 500, 500, 0.5), 2000.0);
  EXPECT_TRUE(std::isfinite(counter_rate(0, kMax64, 1e-6)));
}

TEST(ValidInterval, RejectsWhatCannotDivide) {
  EXPECT_TRUE(valid_interval(1.0));
  EXPECT_TRUE(valid_interval(0.05));
  EXPECT_FALSE(valid_interval(0.0));
  EXPECT_FALSE(valid_interval(-1.0));
  EXPECT_FALSE(valid_interval(1e-300));
  EXPECT_FALSE(valid_interval(std::numeric_limits<double>::quiet_NaN()));
  EXPECT_FALSE(valid_interval(std::numeric_limits<double>::infinity()));
}

}  // namespace
}  // namespace statline
