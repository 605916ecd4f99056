// Process-wide logging to stderr.
//
// Under systemd (JOURNAL_STREAM names our stderr) every line gets an sd-daemon `<N>`
// priority prefix so the journal records its level; on a terminal or in a pipe lines are
// plain. Each process tags its lines with its role ("supervisor", "collector stat", ...).
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

#include "config/config.hpp"

namespace statline {

// Numeric values are syslog priorities, as sd-daemon's <N> prefixes expect.
enum class LogPriority { error = 3, warning = 4, notice = 5, info = 6, debug = 7 };

// The configured `log_level` as a priority threshold.
constexpr LogPriority to_log_priority(LogLevel level) {
  switch (level) {
    case LogLevel::debug:
      return LogPriority::debug;
    case LogLevel::info:
      return LogPriority::info;
    case LogLevel::notice:
      return LogPriority::notice;
    case LogLevel::warning:
      return LogPriority::warning;
    case LogLevel::error:
      return LogPriority::error;
  }
  return LogPriority::info;
}

// Sets the role tag and the lowest priority printed; detects the journal once.
void init_logging(std::string role, LogPriority threshold);
void set_log_threshold(LogPriority threshold);
bool log_enabled(LogPriority priority);
void log_line(LogPriority priority, std::string_view message);

template <class... Args>
void log(LogPriority priority, fmt::format_string<Args...> format, Args&&... args) {
  if (log_enabled(priority)) log_line(priority, fmt::format(format, std::forward<Args>(args)...));
}

}  // namespace statline
