// The pieces of a tmux line that are drawn rather than printed: auto-scaled sizes,
// sparklines and meters, each with an ASCII form for terminals without Unicode.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace statline {

// dstat-like auto-scaled size, 1024-based, at most 4 characters: "300B", "1.2K", "15M".
std::string scaled_bytes(double bytes);
// The same scaling for a count per second, without the B: "300", "1.2K".
std::string scaled_count(double count);

// One cell per value, ▁ (0) to █ (`max` and above); a missing value is a blank cell.
// Fewer values than `cells` are padded with blanks on the left (the newest value is
// always the rightmost cell). ASCII: _.-~=+*@ .
std::string sparkline(const std::vector<std::optional<double>>& values, unsigned cells,
                      double max, bool ascii);

// `value` of `max` as a meter `cells` wide, in eighths of a cell (▏▎▍▌▋▊▉█); ASCII: | for
// a full cell, . for an empty one. A missing value is all dashes.
std::string meter(std::optional<double> value, unsigned cells, double max, bool ascii);

}  // namespace statline
