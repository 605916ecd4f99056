// What the table needs to know about standard output: is it a terminal, how big, and
// should it be coloured. Colour follows dstat and common practice: on for a terminal,
// off for a pipe or file, off with $NO_COLOR (no-color.org) or TERM=dumb, and the
// command line overrides both ways.
#pragma once

#include <optional>

#include "config/config_paths.hpp"

namespace statline::client {

struct TerminalSize {
  std::optional<int> rows, columns;  // nullopt when not a terminal or unknown
};

bool stdout_is_terminal();
TerminalSize stdout_size();

enum class ColourChoice { automatic, always, never };

bool use_colour(ColourChoice choice, bool is_terminal, const EnvLookup& env);

}  // namespace statline::client
