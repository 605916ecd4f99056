#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

#include "server/peer_groups.hpp"
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

TEST(PeerAccess, TheGidAlsoMatchesASupplementaryGroup) {
  AccessConfig access;
  access.gid = 500;
  const gid_t groups[] = {27, 500};
  EXPECT_TRUE(peer_allowed(1003, 1003, 1000, access, groups));
  const gid_t others[] = {27, 501};
  EXPECT_FALSE(peer_allowed(1003, 1003, 1000, access, others));
  EXPECT_FALSE(peer_allowed(1003, 1003, 1000, AccessConfig{}, groups));
}

TEST(PeerAccess, PeerGroupsAreTheConnectingProcesssGroups) {
  int fds[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
  auto groups = peer_groups(fds[0]);
  std::vector<gid_t> mine(static_cast<std::size_t>(::getgroups(0, nullptr)));
  ::getgroups(static_cast<int>(mine.size()), mine.data());
  std::sort(groups.begin(), groups.end());
  std::sort(mine.begin(), mine.end());
  EXPECT_EQ(groups, mine);
  ::close(fds[0]);
  ::close(fds[1]);
}

}  // namespace
}  // namespace statline
