// The built-in tmux status segment: CPU, memory, network and load in under 60 columns,
// coloured by the configured thresholds with tmux #[...] style directives.
//
//   #[fg=yellow]CPU 52%#[default] MEM 39% ↓1.2K ↑300B L 0.52
//
// The full template language (named formats, sparklines) is a later layer; this is the
// line `statline tmux` prints when no format is named.
#pragma once

#include <string>

#include "aggregator/snapshot.hpp"
#include "config/config.hpp"

namespace statline {

std::string render_default_tmux_line(const Snapshot& snapshot, const TmuxConfig& tmux);

// dstat-like auto-scaled size, 1024-based, at most 4 characters: "300B", "1.2K", "15M".
std::string scaled_bytes(double bytes);

}  // namespace statline
