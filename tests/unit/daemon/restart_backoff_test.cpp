#include "daemon/restart_backoff.hpp"

#include <gtest/gtest.h>

namespace statline {
namespace {

using std::chrono::milliseconds;
using Seconds = std::chrono::duration<double>;

const RestartConfig kDefaults{};  // 100 ms, cap 10 s, reset after 30 s

TEST(RestartBackoff, FirstDeathWaitsTheInitialDelay) {
  const auto decision = next_delay(0, Seconds(1), kDefaults);
  EXPECT_EQ(decision.failures, 1);
  EXPECT_EQ(decision.delay, milliseconds(100));
  EXPECT_FALSE(decision.at_cap);
}

TEST(RestartBackoff, QuickDeathsDoubleTheDelay) {
  EXPECT_EQ(next_delay(1, Seconds(0.1), kDefaults).delay, milliseconds(200));
  EXPECT_EQ(next_delay(2, Seconds(0.1), kDefaults).delay, milliseconds(400));
  EXPECT_EQ(next_delay(6, Seconds(0.1), kDefaults).delay, milliseconds(6400));
}

TEST(RestartBackoff, DelayIsCappedAndTheChildMarkedFailed) {
  const auto decision = next_delay(7, Seconds(0.1), kDefaults);
  EXPECT_EQ(decision.delay, milliseconds(10000));
  EXPECT_TRUE(decision.at_cap);
  // Still retried at the cap, never in a tight loop, even after thousands of deaths.
  EXPECT_EQ(next_delay(5000, Seconds(0.1), kDefaults).delay, milliseconds(10000));
}

TEST(RestartBackoff, AChildThatLivedLongEnoughStartsOver) {
  const auto decision = next_delay(9, Seconds(30), kDefaults);
  EXPECT_EQ(decision.failures, 1);
  EXPECT_EQ(decision.delay, milliseconds(100));
  EXPECT_FALSE(decision.at_cap);
  EXPECT_EQ(next_delay(9, Seconds(29.9), kDefaults).delay, milliseconds(10000));
}

TEST(RestartBackoff, FollowsTheConfiguredPolicy) {
  const RestartConfig custom{0.5, 2.0, 5.0};
  EXPECT_EQ(next_delay(0, Seconds(0), custom).delay, milliseconds(500));
  EXPECT_EQ(next_delay(1, Seconds(0), custom).delay, milliseconds(1000));
  EXPECT_EQ(next_delay(2, Seconds(0), custom).delay, milliseconds(2000));
  EXPECT_TRUE(next_delay(2, Seconds(0), custom).at_cap);
}

}  // namespace
}  // namespace statline
