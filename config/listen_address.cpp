#include "config/listen_address.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <utility>

namespace statline {
namespace {

bool is_ip_literal(int family, const std::string& host) {
  unsigned char buffer[sizeof(in6_addr)];
  return inet_pton(family, host.c_str(), buffer) == 1;
}

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// RFC 1123 host name: dot-separated labels of 1 to 63 letters, digits and inner hyphens.
bool is_host_name(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  while (true) {
    const std::size_t dot = host.find('.');
    const std::string_view label = host.substr(0, dot);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    for (char c : label) {
      if (!is_alnum(c) && c != '-') return false;
    }
    if (dot == std::string_view::npos) return true;
    host.remove_prefix(dot + 1);
  }
}

std::optional<std::uint16_t> parse_port(std::string_view text) {
  unsigned value = 0;
  const char* const end = text.data() + text.size();
  const auto [rest, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc{} || rest != end || text.empty() || value == 0 || value > 65535) {
    return std::nullopt;
  }
  return static_cast<std::uint16_t>(value);
}

}  // namespace

std::optional<ListenAddress> parse_listen_address(std::string_view text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const auto port = parse_port(text.substr(colon + 1));
  if (!port) return std::nullopt;
  std::string_view host = text.substr(0, colon);

  // IPv6 literals contain colons, so they must be bracketed to tell the port apart.
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    std::string inner(host.substr(1, host.size() - 2));
    if (!is_ip_literal(AF_INET6, inner)) return std::nullopt;
    return ListenAddress{std::move(inner), *port};
  }
  std::string plain(host);
  // A dotted quad that is not a valid IPv4 address ("300.1.1.1") is a typo, not a name.
  const bool looks_numeric =
      !plain.empty() && plain.find_first_not_of("0123456789.") == std::string::npos;
  if (looks_numeric ? !is_ip_literal(AF_INET, plain) : !is_host_name(plain)) return std::nullopt;
  return ListenAddress{std::move(plain), *port};
}

}  // namespace statline
