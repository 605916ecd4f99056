// The dstat-style table of `statline watch`: the two header lines and one row per
// snapshot, laid out exactly as dstat 0.8 lays out its plugins:
//
//   --total-cpu-usage-- ------memory-usage----- -net/total- ---load-avg---
//   usr sys idl wai stl| used  free  buff  cach| recv  send| 1m   5m  15m
//    30  10  50   5   5|8000M 4000M  200M 2100M|1073k  276k|1.25 0.75 0.50
//
// Titles are centred over their columns with dashes; blocks are separated by "|", the
// instances of one group (-C 0,1) by ":". When the terminal is too narrow, groups that do
// not fit are left out and the lines end in ">". Pure functions of the layout, the
// snapshot and the terminal size; colour adds dstat's escape codes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "client/json_lookup.hpp"
#include "client/watch_layout.hpp"

namespace statline::client {

// Indexes into the layout of the sections that fit in `columns` characters (all of them
// without a terminal), in order; the first one always, even if it does not fit.
std::vector<std::size_t> visible_sections(const Layout& layout, std::optional<int> columns);

// The two header lines, each ending in '\n'.
std::string table_header(const Layout& layout, const std::vector<std::size_t>& visible,
                         bool colour);

// One row, ending in '\n'.
std::string table_row(const Layout& layout, const std::vector<std::size_t>& visible,
                      const Json& snapshot, bool colour);

// Whether the header goes before row number `rows_printed` (0-based): before the first,
// and on a terminal of 6 or more lines again each screenful (header plus rows - 2 rows),
// as dstat does.
bool header_due(std::size_t rows_printed, std::optional<int> terminal_rows);

}  // namespace statline::client
