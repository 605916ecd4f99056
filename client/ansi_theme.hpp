// The escape codes of dstat's default (dark background) theme, so `statline watch` looks
// like the dstat people know. Only the table uses them; colour is off unless stdout is a
// terminal (see terminal.hpp).
#pragma once

#include <array>
#include <string_view>

namespace statline::client::ansi {

inline constexpr std::string_view reset = "\033[0;0m";
inline constexpr std::string_view title = "\033[0;34m";              // dark blue
inline constexpr std::string_view subtitle = "\033[1;34m\033[4m";    // blue, underlined
inline constexpr std::string_view frame = "\033[0;34m";              // separators
inline constexpr std::string_view unit = "\033[1;30m";               // dark grey: units, zeros
inline constexpr std::string_view text = "\033[0;37m";               // grey: plain text
inline constexpr std::string_view done = "\033[1;37m";               // white: 100 %
inline constexpr std::string_view error = "\033[1;37m\033[41m";      // white on red
// By magnitude: B/k/M/G/T... or steps of the column's scale.
inline constexpr std::array<std::string_view, 8> levels{
    "\033[1;31m", "\033[1;33m", "\033[1;32m", "\033[1;34m",  // red yellow green blue
    "\033[1;36m", "\033[1;37m", "\033[0;31m", "\033[0;32m",  // cyan white darkred darkgreen
};

}  // namespace statline::client::ansi
