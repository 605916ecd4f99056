#include <gtest/gtest.h>

#include "server/server.hpp"

namespace statline {
namespace {

TEST(PeerAccess, RootAndTheDaemonsOwnUserAreAlwaysAllowed) {
  const AccessConfig none;
  EXPECT_TRUE(peer_allowed(0, 0, 1000, none));
  EXPECT_TRUE(peer_allowed(1000, 1000, 1000, none));
  EXPECT_FALSE(peer_allowed(1001, 1001, 1000, none));
}

TEST(PeerAccess, ConfiguredUidsAndGidAreAllowed) {
  AccessConfig access;
  access.uids = {1001, 1002};
  access.gid = 500;
  EXPECT_TRUE(peer_allowed(1002, 1002, 1000, access));
  EXPECT_TRUE(peer_allowed(1003, 500, 1000, access));
  EXPECT_FALSE(peer_allowed(1003, 501, 1000, access));
}

}  // namespace
}  // namespace statline
