#include "daemon/metrics_listener.hpp"

#include <fmt/format.h>
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <stdexcept>
#include <string>

namespace statline {

int open_metrics_listener(const ListenAddress& address) {
  const std::string shown = address.host.find(':') == std::string::npos
                                ? fmt::format("{}:{}", address.host, address.port)
                                : fmt::format("[{}]:{}", address.host, address.port);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(address.port);
  if (const int rc = ::getaddrinfo(address.host.c_str(), port.c_str(), &hints, &found); rc != 0) {
    throw std::runtime_error(
        fmt::format("metrics.listen {}: cannot resolve the host: {}", shown, gai_strerror(rc)));
  }
  const std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> list(found, ::freeaddrinfo);
  const int fd = ::socket(found->ai_family, found->ai_socktype | SOCK_CLOEXEC, found->ai_protocol);
  if (fd < 0) {
    throw std::runtime_error(fmt::format("metrics.listen {}: socket: {}", shown, strerror(errno)));
  }
  // A restarted daemon rebinds at once, whatever connections of the last one linger.
  const int on = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  if (::bind(fd, found->ai_addr, found->ai_addrlen) != 0 || ::listen(fd, 128) != 0) {
    const int error = errno;
    ::close(fd);
    throw std::runtime_error(fmt::format("metrics.listen {}: {}", shown, strerror(error)));
  }
  return fd;
}

}  // namespace statline
