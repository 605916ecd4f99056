#include "aggregator/tmux_glyphs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace statline {
namespace {

// Eight levels each; the ASCII set avoids # and % (tmux gives both a meaning).
constexpr std::array<std::string_view, 8> kSparkGlyphs{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
constexpr std::string_view kSparkAscii = "_.-~=+*@";
// Partial cells of a meter, in eighths (index 0 unused).
constexpr std::array<std::string_view, 8> kEighths{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};

std::string scaled(double value, const char* unit_suffix) {
  static constexpr const char* kUnits[] = {"", "K", "M", "G", "T", "P"};
  std::size_t unit = 0;
  // Switch unit at 1000, not 1024, so the number keeps to three digits like dstat.
  while (value >= 1000.0 && unit + 1 < std::size(kUnits)) {
    value /= 1024.0;
    ++unit;
  }
  if (unit == 0) return fmt::format("{:.0f}{}", value, unit_suffix);
  // One decimal while it fits in the 4-character column.
  if (value < 9.95) return fmt::format("{:.1f}{}", value, kUnits[unit]);
  return fmt::format("{:.0f}{}", value, kUnits[unit]);
}

double fraction(double value, double max) {
  if (!(max > 0) || !std::isfinite(value)) return 0;
  return std::clamp(value / max, 0.0, 1.0);
}

}  // namespace

std::string scaled_bytes(double bytes) {
  return scaled(std::max(bytes, 0.0), "B");
}

std::string scaled_count(double count) {
  return scaled(std::max(count, 0.0), "");
}

std::string sparkline(const std::vector<std::optional<double>>& values, unsigned cells,
                      double max, bool ascii) {
  std::string out;
  const std::size_t shown = std::min<std::size_t>(values.size(), cells);
  out.append(cells - shown, ' ');
  for (std::size_t i = values.size() - shown; i < values.size(); ++i) {
    if (!values[i]) {
      out += ' ';
      continue;
    }
    const auto level = static_cast<std::size_t>(std::lround(fraction(*values[i], max) * 7));
    if (ascii) {
      out += kSparkAscii[level];
    } else {
      out += kSparkGlyphs[level];
    }
  }
  return out;
}

std::string meter(std::optional<double> value, unsigned cells, double max, bool ascii) {
  if (!value) return std::string(cells, '-');
  std::string out;
  if (ascii) {
    const auto full = static_cast<unsigned>(std::lround(fraction(*value, max) * cells));
    out.append(full, '|');
    out.append(cells - full, '.');
    return out;
  }
  const auto eighths = static_cast<unsigned>(std::lround(fraction(*value, max) * cells * 8));
  for (unsigned i = 0; i < eighths / 8; ++i) out += kSparkGlyphs[7];
  unsigned used = eighths / 8;
  if (eighths % 8 != 0) {
    out += kEighths[eighths % 8];
    ++used;
  }
  out.append(cells - used, ' ');
  return out;
}

}  // namespace statline
