// Names of the log levels, as written in the config and printed by --check-config.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "config/config.hpp"

namespace statline {

// In severity order; the config accepts exactly these spellings.
inline constexpr std::array<std::string_view, 5> kLogLevelNames{"debug", "info", "notice",
                                                                "warning", "error"};

const char* to_string(LogLevel level);

// Exact, case-sensitive match, so the config has one spelling per level.
std::optional<LogLevel> parse_log_level(std::string_view name);

}  // namespace statline
