// The `metrics.listen` address: "host:port", checked when the config loads so a typo
// fails at start (exit 78) instead of when the HTTP listener binds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace statline {

struct ListenAddress {
  std::string host;  // IPv4 literal, IPv6 literal without brackets, or a host name
  std::uint16_t port = 0;
  friend bool operator==(const ListenAddress&, const ListenAddress&) = default;
};

// Accepts "127.0.0.1:9101", "[::1]:9101", "localhost:9101". The host is required
// (use 0.0.0.0 or [::] to listen everywhere: exposing metrics on every address should
// be written down, not implied by ":9101"); the port is 1 to 65535. Pure: host names
// are checked for shape, not resolved.
std::optional<ListenAddress> parse_listen_address(std::string_view text);

}  // namespace statline
