#include "daemon/liveness.hpp"

#include <gtest/gtest.h>

namespace statline {
namespace {

constexpr std::int64_t kMs = 1'000'000;

ChildProgress child(std::string role, std::uint64_t progress, std::int64_t started = 0,
                    bool running = true) {
  return ChildProgress{std::move(role), running, started, progress, 500 * kMs};
}

using Roles = std::vector<std::string>;

TEST(Liveness, ProgressWithinTheWindowIsAlive) {
  LivenessMonitor monitor;
  EXPECT_EQ(monitor.stalled({child("aggregator", 1)}, 100 * kMs), Roles{});
  EXPECT_EQ(monitor.stalled({child("aggregator", 2)}, 400 * kMs), Roles{});
  EXPECT_EQ(monitor.stalled({child("aggregator", 3)}, 800 * kMs), Roles{});
}

TEST(Liveness, NoProgressForLongerThanTheWindowIsStalledUntilItMovesAgain) {
  LivenessMonitor monitor;
  EXPECT_EQ(monitor.stalled({child("aggregator", 7)}, 100 * kMs), Roles{});
  EXPECT_EQ(monitor.stalled({child("aggregator", 7)}, 500 * kMs), Roles{});
  EXPECT_EQ(monitor.stalled({child("aggregator", 7)}, 501 * kMs), Roles{"aggregator"});
  EXPECT_EQ(monitor.stalled({child("aggregator", 7)}, 900 * kMs), Roles{"aggregator"});
  EXPECT_EQ(monitor.stalled({child("aggregator", 8)}, 1000 * kMs), Roles{});
}

TEST(Liveness, AWindowCountsFromTheChildsStartNotFromTheFirstLook) {
  LivenessMonitor monitor;
  // Started at 0, first seen at 600 ms without having moved: already late.
  EXPECT_EQ(monitor.stalled({child("collector stat", 0, 0)}, 600 * kMs), Roles{"collector stat"});
  // Restarted at 700 ms: a fresh window, whatever its counter says.
  EXPECT_EQ(monitor.stalled({child("collector stat", 0, 700 * kMs)}, 800 * kMs), Roles{});
}

TEST(Liveness, ChildrenWithoutAProcessAreNeverStalled) {
  LivenessMonitor monitor;
  EXPECT_EQ(monitor.stalled({child("collector netdev", 5, 0, false)}, 10'000 * kMs), Roles{});
  // Back after a restart: judged from its new start.
  EXPECT_EQ(monitor.stalled({child("collector netdev", 5, 9'900 * kMs)}, 10'000 * kMs), Roles{});
}

TEST(Liveness, EachChildIsJudgedAlone) {
  LivenessMonitor monitor;
  monitor.stalled({child("aggregator", 1), child("collector stat", 1)}, 0);
  EXPECT_EQ(monitor.stalled({child("aggregator", 2), child("collector stat", 1)}, 600 * kMs),
            Roles{"collector stat"});
}

}  // namespace
}  // namespace statline
