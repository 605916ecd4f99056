#include "server/client_code_release.hpp"

#include <gtest/gtest.h>

namespace statline {
namespace {

TEST(ClientCodeRelease, NothingBeforeStartUpReleased) {
  ClientCodeRelease release;
  EXPECT_FALSE(release.startup_done());
  EXPECT_FALSE(release.due(3, 0));
  EXPECT_FALSE(release.due(3, 0));
}

TEST(ClientCodeRelease, ReleasesOnceAfterAQuietPeriodFollowingClients) {
  ClientCodeRelease release;
  release.startup_released(2);  // the two clients before start-up ended are covered
  EXPECT_TRUE(release.startup_done());
  EXPECT_FALSE(release.due(2, 0));  // no client since
  EXPECT_FALSE(release.due(2, 0));
  EXPECT_FALSE(release.due(3, 0));  // a client came during this period: not quiet yet
  EXPECT_TRUE(release.due(3, 0));   // a whole period without one: release
  EXPECT_FALSE(release.due(3, 0));  // and only once
  EXPECT_FALSE(release.due(3, 0));
}

TEST(ClientCodeRelease, AClientEveryPeriodKeepsTheCode) {
  ClientCodeRelease release;
  release.startup_released(0);
  for (std::uint64_t added = 1; added <= 10; ++added) EXPECT_FALSE(release.due(added, 0));
  EXPECT_TRUE(release.due(10, 0));
}

TEST(ClientCodeRelease, AConnectedClientKeepsTheCode) {
  ClientCodeRelease release;
  release.startup_released(0);
  EXPECT_FALSE(release.due(1, 1));
  EXPECT_FALSE(release.due(1, 1));  // no new client, but one is still connected
  EXPECT_FALSE(release.due(1, 1));
  EXPECT_TRUE(release.due(1, 0));  // it left, and none came during the period
}

}  // namespace
}  // namespace statline
