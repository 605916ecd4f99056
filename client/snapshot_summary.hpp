// The human form of `statline get`: one aligned line per source (DESIGN §4 snapshot).
//
//   cpu    12.3% used   (usr 8.1  sys 3.2  wai 0.4  stl 0.0)   2 cores
//   mem    3.1 GiB used of 7.8 GiB (39.7%)   avail 4.7 GiB   swap 0 B of 2.0 GiB
//   net    ↓ 1.2 KiB/s  ↑ 300 B/s   (eth0 ↓1.2 KiB/s ↑300 B/s)
//   load   0.52 0.58 0.59   2 running / 1234 tasks
//
// A null or missing source prints "(no data yet)"; a missing field prints "-".
#pragma once

#include <string>

#include "client/json_lookup.hpp"

namespace statline::client {

// Interfaces named in the net line; the busiest are kept when there are more.
inline constexpr std::size_t max_listed_interfaces = 4;

// Every line ends in '\n'.
std::string format_snapshot_summary(const Json& snapshot);

}  // namespace statline::client
