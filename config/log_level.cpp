#include "config/log_level.hpp"

#include <cstddef>

namespace statline {

const char* to_string(LogLevel level) {
  const auto index = static_cast<std::size_t>(level);
  // The names are literals, so data() is NUL-terminated.
  return index < kLogLevelNames.size() ? kLogLevelNames[index].data() : "unknown";
}

std::optional<LogLevel> parse_log_level(std::string_view name) {
  for (std::size_t i = 0; i < kLogLevelNames.size(); ++i) {
    if (kLogLevelNames[i] == name) return static_cast<LogLevel>(i);
  }
  return std::nullopt;
}

}  // namespace statline
