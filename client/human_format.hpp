// Numbers for people: sizes, rates, percentages, durations and clock times.
//
// Pure functions (format_clock depends only on the TZ setting), so the exact strings are
// unit tested. Sizes are 1024-based with IEC units, as free(1) -h and dstat do; a value
// that would round up to 1024 moves to the next unit ("1.0 MiB", never "1024.0 KiB").
// Values that are not finite print as "-" rather than "nan" or "inf".
#pragma once

#include <string>

namespace statline::client {

// "0 B", "300 B", "1.2 KiB", "7.8 GiB", up to TiB.
std::string format_bytes(double bytes);

// format_bytes + "/s".
std::string format_rate(double bytes_per_second);

// For narrow columns: "300B", "1.2K", "3.4M", "1.0G", "2.0T".
std::string format_bytes_compact(double bytes);

// "39.7%".
std::string format_percent(double percent);

// Fixed decimals without a negative zero: format_fixed(-0.01, 1) == "0.0".
std::string format_fixed(double value, int decimals);

// A plain number for people: at most three decimals, no trailing zeros, no exponent:
// "12.3", "42", "0.001", "63.636" (63.63636…), "100" (100.00000000000001).
std::string format_number(double value);

// Uptimes: "45s", "5m 03s", "2h 05m", "3d 04h".
std::string format_duration(double seconds);

// Ages that are usually short: "0.4s" under 10 s, otherwise format_duration.
std::string format_age(double seconds);

// Local wall-clock time of a Unix timestamp: "12:00:01".
std::string format_clock(double unix_seconds);

}  // namespace statline::client
