#include "server/peer_groups.hpp"

#include <sys/socket.h>

#include <cerrno>

namespace statline {

std::vector<gid_t> peer_groups(int socket_fd) {
  std::vector<gid_t> groups(64);
  // Two attempts: ERANGE reports the size needed, and groups cannot change afterwards
  // (they were captured at connect time).
  for (int attempt = 0; attempt < 2; ++attempt) {
    socklen_t length = static_cast<socklen_t>(groups.size() * sizeof(gid_t));
    if (::getsockopt(socket_fd, SOL_SOCKET, SO_PEERGROUPS, groups.data(), &length) == 0) {
      groups.resize(length / sizeof(gid_t));
      return groups;
    }
    if (errno != ERANGE) break;
    groups.resize(length / sizeof(gid_t) + 1);
  }
  return {};
}

}  // namespace statline
