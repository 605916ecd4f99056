// A test's HTTP/1.1 client for the loopback Prometheus endpoints (statlined's, a real
// Prometheus server's, node_exporter's): raw bytes out, one reply in, bounded in time.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace statline::integration {

using namespace std::chrono_literals;

struct HttpReply {
  int status = 0;
  std::string headers;  // the header block as received, for content-type checks
  std::string body;
};

// Sends `request` (a whole HTTP request, bytes as given) to 127.0.0.1:`port` and reads
// one reply (by Content-Length, else to the close). nullopt if nothing came back in time.
std::optional<HttpReply> http_exchange(std::uint16_t port, std::string_view request,
                                       std::chrono::milliseconds timeout = 5000ms);

// GET `target` with Connection: close.
std::optional<HttpReply> http_get(std::uint16_t port, std::string_view target,
                                  std::chrono::milliseconds timeout = 5000ms);

// A TCP port on 127.0.0.1 that was free a moment ago (bind to port 0, read, close).
std::uint16_t free_loopback_port();

// An open TCP connection to 127.0.0.1:`port` that sends nothing (-1 if refused); the
// caller closes it.
int idle_connection(std::uint16_t port);

}  // namespace statline::integration
