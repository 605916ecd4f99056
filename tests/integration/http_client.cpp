#include "tests/integration/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace statline::integration {
namespace {

sockaddr_in loopback(std::uint16_t port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

// The reply is complete once the headers and Content-Length bytes of body are in.
bool complete(const std::string& data) {
  const auto end = data.find("\r\n\r\n");
  if (end == std::string::npos) return false;
  const std::string head = data.substr(0, end);
  for (const char* name : {"Content-Length: ", "content-length: "}) {
    if (const auto at = head.find(name); at != std::string::npos) {
      const auto length =
          std::strtoull(head.c_str() + at + std::string_view(name).size(), nullptr, 10);
      return data.size() >= end + 4 + length;
    }
  }
  return false;
}

// Undoes Transfer-Encoding: chunked (Go's servers use it for large replies).
std::string dechunk(std::string_view body) {
  std::string out;
  while (!body.empty()) {
    const auto line_end = body.find("\r\n");
    if (line_end == std::string_view::npos) break;
    const std::size_t size =
        std::strtoull(std::string(body.substr(0, line_end)).c_str(), nullptr, 16);
    if (size == 0 || line_end + 2 + size > body.size()) break;
    out += body.substr(line_end + 2, size);
    body.remove_prefix(std::min(body.size(), line_end + 2 + size + 2));
  }
  return out;
}

}  // namespace

int idle_connection(std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const auto address = loopback(port);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

std::optional<HttpReply> http_exchange(std::uint16_t port, std::string_view request,
                                       std::chrono::milliseconds timeout) {
  const int fd = idle_connection(port);
  if (fd < 0) return std::nullopt;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string data;
  std::size_t sent = 0;
  while (sent < request.size()) {
    const auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may refuse and close before reading it all
    sent += static_cast<std::size_t>(n);
  }
  char buffer[65536];
  while (!complete(data)) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd p{fd, POLLIN, 0};
    if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    data.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  const auto end = data.find("\r\n\r\n");
  if (end == std::string::npos || data.compare(0, 5, "HTTP/") != 0) return std::nullopt;
  HttpReply reply;
  reply.status = std::atoi(data.c_str() + data.find(' ') + 1);
  reply.headers = data.substr(0, end);
  reply.body = data.substr(end + 4);
  if (reply.headers.find("Transfer-Encoding: chunked") != std::string::npos) {
    reply.body = dechunk(reply.body);
  }
  return reply;
}

std::optional<HttpReply> http_get(std::uint16_t port, std::string_view target,
                                  std::chrono::milliseconds timeout) {
  return http_exchange(
      port,
      "GET " + std::string(target) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
      timeout);
}

std::uint16_t free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  auto address = loopback(0);
  ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

}  // namespace statline::integration
