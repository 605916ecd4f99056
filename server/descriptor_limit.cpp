#include "server/descriptor_limit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace statline {

rlim_t wanted_descriptor_limit(std::uint32_t max_clients, rlim_t current, rlim_t hard) {
  const rlim_t needed = static_cast<rlim_t>(max_clients) + kReservedDescriptors;
  if (hard != RLIM_INFINITY) return std::max(current, std::min(needed, hard));
  return std::max(current, needed);
}

std::string raise_descriptor_limit(std::uint32_t max_clients) {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) {
    return fmt::format("getrlimit(RLIMIT_NOFILE): {}", std::strerror(errno));
  }
  const rlim_t wanted = wanted_descriptor_limit(max_clients, limit.rlim_cur, limit.rlim_max);
  if (wanted != limit.rlim_cur) {
    limit.rlim_cur = wanted;
    if (::setrlimit(RLIMIT_NOFILE, &limit) != 0) {
      return fmt::format("setrlimit(RLIMIT_NOFILE, {}): {}", wanted, std::strerror(errno));
    }
  }
  const rlim_t needed = static_cast<rlim_t>(max_clients) + kReservedDescriptors;
  if (limit.rlim_cur < needed) {
    return fmt::format(
        "clients.max is {} but the descriptor limit is {}: at most about {} clients at once "
        "(raise LimitNOFILE= or ulimit -Hn)",
        max_clients, limit.rlim_cur,
        limit.rlim_cur > kReservedDescriptors ? limit.rlim_cur - kReservedDescriptors : 0);
  }
  return {};
}

}  // namespace statline
