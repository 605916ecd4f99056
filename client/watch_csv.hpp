// `statline watch --csv` and `--output FILE`: the table's columns as CSV, one header line
// and one row per sample, in raw units (percent, bytes, per second) so a spreadsheet or
// pandas gets every digit.
//
// The header names columns as dstat's CSV does ("usr", or "cpu0 usage:usr" when a group
// has several blocks), quoted; the first column is always "time", the sample's Unix time.
// The time group of the table (dstat -t) is therefore not repeated. Numbers follow
// dstat's CSV too: whole values without decimals, others with three; a value the snapshot
// lacks is an empty field.
#pragma once

#include <string>

#include "client/json_lookup.hpp"
#include "client/watch_layout.hpp"

namespace statline::client {

// Ends in '\n'.
std::string csv_header(const Layout& layout);
std::string csv_row(const Layout& layout, const Json& snapshot);

}  // namespace statline::client
