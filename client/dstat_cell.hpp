// One value of the `statline watch` table, scaled and coloured by dstat's own rules
// (dstat 0.8: cprint, dchg and fchg), so people coming from dstat read the same numbers:
//
// - A column has a kind (dstat's type letter), a width and a scale. Scale 1024 (bytes)
//   or 1000 (counts) with a width of at least 4 reserves the last character for a unit:
//   values are divided by the base until they fit the remaining width, the number of
//   divisions picks the suffix (bytes: B k M G T..., counts: " " k M G...).
// - integer, bytes and percent print as whole numbers (Python's round: half to even);
//   number prints as many decimals as fit ("1.25" in 4 characters, "12.5", "123").
// - Colour by magnitude: zero is dark grey; a percent column at 100 is white ("done");
//   with a unit, the colour follows the suffix (B red, k yellow, M green, G blue...);
//   without one, it follows value / scale (cpu: every 34 %, load: every 0.5, procs:
//   every 10) through dstat's eight colours.
// - A negative value is "-" (dstat's error), and so is a value the daemon did not have
//   (statline's null: a collector starting or down), the latter in the zero colour.
//
// Pure functions: the exact strings are unit tested.
#pragma once

#include <optional>
#include <string>

namespace statline::client {

enum class CellKind { percent, integer, bytes, number };  // dstat types p, d, b, f

struct ColumnFormat {
  CellKind kind = CellKind::number;
  int width = 5;       // characters, unit included
  double scale = 1024;  // 1024 or 1000: auto-scaled with a unit; else the colour step
  friend bool operator==(const ColumnFormat&, const ColumnFormat&) = default;
};

// What a cell's colour means; ansi_theme.hpp turns it into escape codes.
enum class Tone { level, zero, done, error, missing };

struct Cell {
  std::string text;  // right-justified to the width (unit excluded)
  std::string unit;  // one character, or empty when the column has no unit
  Tone tone = Tone::level;
  int level = 0;  // 0..7, dstat's colour for the magnitude when tone == level
  friend bool operator==(const Cell&, const Cell&) = default;
};

Cell format_cell(std::optional<double> value, const ColumnFormat& format);

// The cell as printed: with `colour`, each part is preceded by its escape code.
std::string render_cell(const Cell& cell, bool colour);

// Python's str.center (where an odd margin goes matters for dstat's headers).
std::string center(const std::string& text, std::size_t width);

// dstat's CSV number: "%.3f" unless the value is whole, then "%d".
std::string csv_number(double value);

}  // namespace statline::client
