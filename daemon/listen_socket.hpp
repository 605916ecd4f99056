// The listening Unix socket: owned by the supervisor for the daemon's lifetime, so
// clients can connect (and wait in the backlog) while a crashed aggregator restarts.
#pragma once

#include <string>

namespace statline {

struct ListenSocket {
  int fd = -1;
  std::string path;
  bool activated = false;  // passed by systemd: not ours to unlink
};

// A socket passed by systemd (sd_listen_fds) wins, and `path` then becomes the path it
// is bound to; more than one passed socket is an error. Otherwise binds `path` with mode
// 0600. An existing path is replaced only when it is a stale socket that refuses
// connections: a live daemon or a regular file is left alone and reported. Throws
// std::runtime_error with a message naming the path and the cause.
ListenSocket open_listen_socket(const std::string& path);

// Unlinks the socket file unless it was socket-activated.
void remove_socket_file(const ListenSocket& socket);

}  // namespace statline
