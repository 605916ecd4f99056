#include "client/dstat_cell.hpp"

#include <fmt/format.h>

#include <cmath>
#include <string_view>
#include <utility>

#include "client/ansi_theme.hpp"

namespace statline::client {
namespace {

// dstat is Python: round() goes half to even, which nearbyint does in the default
// rounding mode, and "%.Nf" rounds the exact binary value like fmt does.
std::string whole(double value) {
  return fmt::format("{:.0f}", std::nearbyint(value));
}

std::string fixed(double value, int decimals) {
  return fmt::format("{:.{}f}", value, decimals);
}

// str(int(round(value, decimals))): the integer part after rounding to `decimals`.
std::string integer_part(double value, int decimals) {
  const std::string text = fixed(value, decimals);
  return text.substr(0, text.find('.'));
}

struct Scaled {
  std::string text;
  int divisions = 0;  // how often the value was divided by the base: the unit's index
};

// dstat's dchg: a whole number, divided by the base until it fits.
Scaled scale_whole(double value, int width, double base) {
  Scaled scaled;
  while (true) {
    scaled.text = whole(value);
    if (static_cast<int>(scaled.text.size()) <= width) return scaled;
    value /= base;
    ++scaled.divisions;
  }
}

// dstat's fchg: as many decimals as fit, else divided by the base until it does.
Scaled scale_number(double value, int width, double base) {
  Scaled scaled;
  while (true) {
    if (value == 0) {
      scaled.text = "0";
      return scaled;
    }
    const std::string integer = integer_part(value, width);
    if (static_cast<int>(integer.size()) <= width) {
      // The most decimals that fit and still say more than the integer alone.
      for (int decimals = width - static_cast<int>(integer.size()) - 1; decimals > 0;
           --decimals) {
        std::string text = fixed(value, decimals);
        if (static_cast<int>(text.size()) <= width && text != integer) {
          scaled.text = std::move(text);
          return scaled;
        }
      }
      scaled.text = whole(value);
      return scaled;
    }
    value /= base;
    ++scaled.divisions;
  }
}

std::string right(std::string text, int width) {
  if (static_cast<int>(text.size()) < width) text.insert(0, width - text.size(), ' ');
  return text;
}

std::string_view tone_code(const Cell& cell) {
  switch (cell.tone) {
    case Tone::level:
      return ansi::levels[static_cast<std::size_t>(cell.level) % ansi::levels.size()];
    case Tone::zero:
    case Tone::missing:
      return ansi::unit;
    case Tone::done:
      return ansi::done;
    case Tone::error:
      return ansi::error;
  }
  return ansi::text;
}

}  // namespace

Cell format_cell(std::optional<double> value, const ColumnFormat& format) {
  const bool bytes_base = format.scale == 1024;
  const double base = bytes_base ? 1024 : 1000;
  // The unit takes a character of its own when the base has one (and "1000" fits).
  const bool has_unit = (format.scale == 1000 || format.scale == 1024) && format.width >= 4;
  const int width = has_unit ? format.width - 1 : format.width;
  const std::string no_unit = has_unit ? " " : "";

  if (!value || !std::isfinite(*value)) return Cell{right("-", width), no_unit, Tone::missing, 0};
  if (*value < 0) return Cell{right("-", width), no_unit, Tone::error, 0};

  const double v = *value;
  const Scaled scaled = format.kind == CellKind::number ? scale_number(v, width, base)
                                                        : scale_whole(v, width, base);
  Cell cell{right(scaled.text, width), no_unit, Tone::level, 0};
  if (scaled.text == "0") {
    cell.tone = Tone::zero;
  } else if (format.kind == CellKind::percent && std::nearbyint(v) >= 100) {
    cell.tone = Tone::done;
  } else if (!has_unit && format.scale > 0) {
    cell.level = static_cast<int>(static_cast<long long>(v / format.scale) % 8);
  } else {
    cell.level = scaled.divisions % 8;
  }
  constexpr std::string_view kByteUnits = "BkMGTPEZY";
  constexpr std::string_view kCountUnits = " kMGTPEZY";
  const std::string_view units = bytes_base ? kByteUnits : kCountUnits;
  if (has_unit && std::nearbyint(v) != 0 &&
      static_cast<std::size_t>(scaled.divisions) < units.size()) {
    cell.unit = std::string(1, units[static_cast<std::size_t>(scaled.divisions)]);
  }
  return cell;
}

std::string render_cell(const Cell& cell, bool colour) {
  if (!colour) return cell.text + cell.unit;
  std::string out(tone_code(cell));
  out += cell.text;
  if (cell.tone == Tone::error) return out + cell.unit + std::string(ansi::reset);
  if (!cell.unit.empty() && cell.unit != " ") out += ansi::unit;
  return out + cell.unit;
}

std::string center(const std::string& text, std::size_t width) {
  if (text.size() >= width) return text;
  const std::size_t margin = width - text.size();
  // CPython's pad: an odd margin goes left only when the width is odd too.
  const std::size_t left = margin / 2 + (margin & width & 1);
  return std::string(left, ' ') + text + std::string(margin - left, ' ');
}

std::string csv_number(double value) {
  if (!std::isfinite(value)) return "";
  if (value != std::nearbyint(value)) return fixed(value, 3);
  return whole(value);
}

}  // namespace statline::client
