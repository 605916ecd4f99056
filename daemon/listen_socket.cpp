#include "daemon/listen_socket.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <systemd/sd-daemon.h>  // SD_LISTEN_FDS_START only: libsystemd is dlopen()ed
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "daemon/libsystemd.hpp"

namespace statline {
namespace {

// Generous: clients queue here while the aggregator is being restarted.
constexpr int kBacklog = 1024;

std::runtime_error socket_error(const std::string& path, const char* what, int error) {
  return std::runtime_error(fmt::format("socket {}: {}: {}", path, what, std::strerror(error)));
}

sockaddr_un unix_address(const std::string& path) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (path.size() >= sizeof address.sun_path) {
    throw std::runtime_error(
        fmt::format("socket {}: path longer than {} bytes", path, sizeof address.sun_path - 1));
  }
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  return address;
}

// True when something answers on `path`: another statlined is running there.
bool socket_is_live(const sockaddr_un& address) {
  const int probe = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (probe < 0) return false;
  const bool live =
      ::connect(probe, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  ::close(probe);
  return live;
}

void remove_stale(const std::string& path, const sockaddr_un& address) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return;  // nothing there
  if (!S_ISSOCK(st.st_mode)) {
    throw std::runtime_error(
        fmt::format("socket {}: exists and is not a socket; refusing to replace it", path));
  }
  if (socket_is_live(address)) {
    throw std::runtime_error(
        fmt::format("socket {}: another statlined is already answering there", path));
  }
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) throw socket_error(path, "unlink", errno);
}

// The path the activated socket is bound to, for logs and `status`; the configured one
// if the kernel does not say (an abstract or unnamed socket).
std::string bound_path(int fd, const std::string& configured) {
  sockaddr_un address{};
  socklen_t length = sizeof address;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0 ||
      length <= offsetof(sockaddr_un, sun_path) || address.sun_path[0] == '\0') {
    return configured;
  }
  return std::string(address.sun_path,
                     strnlen(address.sun_path, length - offsetof(sockaddr_un, sun_path)));
}

ListenSocket activated_socket(int fd, const std::string& configured) {
  if (libsystemd::is_listening_unix_stream_socket(fd) <= 0) {
    throw std::runtime_error(
        "socket activation: the passed fd is not a listening Unix stream socket "
        "(the socket unit needs ListenStream=/path)");
  }
  // Ours alone: children get it through their spec, never by accident.
  ::fcntl(fd, F_SETFD, FD_CLOEXEC);
  return ListenSocket{fd, bound_path(fd, configured), true};
}

}  // namespace

ListenSocket open_listen_socket(const std::string& path) {
  // systemd first (socket activation): the socket unit decides the path and mode, and
  // clients that connected before we started wait in its backlog.
  // Without LISTEN_FDS sd_listen_fds() says 0 anyway: no need to load libsystemd.
  const char* listen_fds = std::getenv("LISTEN_FDS");
  const int passed = listen_fds == nullptr ? 0 : libsystemd::listen_fds();
  if (passed < 0) {
    throw std::runtime_error(fmt::format("socket activation: {}", std::strerror(-passed)));
  }
  if (passed > 1) {
    throw std::runtime_error(fmt::format(
        "socket activation: {} sockets passed, statlined serves exactly one (one ListenStream=)",
        passed));
  }
  if (passed == 1) return activated_socket(SD_LISTEN_FDS_START, path);
  const auto address = unix_address(path);
  remove_stale(path, address);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw socket_error(path, "socket", errno);
  // Create it 0600 from the first instant: a chmod after bind leaves a window.
  const mode_t old_mask = ::umask(0177);
  const int bound = ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
  const int bind_error = errno;
  ::umask(old_mask);
  if (bound != 0) {
    ::close(fd);
    throw socket_error(path, "bind", bind_error);
  }
  if (::listen(fd, kBacklog) != 0) {
    const int error = errno;
    ::close(fd);
    ::unlink(path.c_str());
    throw socket_error(path, "listen", error);
  }
  return ListenSocket{fd, path, false};
}

void remove_socket_file(const ListenSocket& socket) {
  if (socket.activated || socket.path.empty()) return;
  ::unlink(socket.path.c_str());
}

}  // namespace statline
