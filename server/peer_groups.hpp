// The supplementary groups of a Unix socket's peer (SO_PEERGROUPS, Linux 4.13+), as the
// kernel recorded them at connect(): the `access.gid` check lets in members of a group,
// not only users whose primary group it is (a system service's socket group, for one).
#pragma once

#include <sys/types.h>

#include <vector>

namespace statline {

// Empty if the kernel cannot say (then only the primary gid from SO_PEERCRED counts).
std::vector<gid_t> peer_groups(int socket_fd);

}  // namespace statline
