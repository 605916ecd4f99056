// One compact line per sample for `statline watch` without --json:
//
//   12:00:01 cpu 12.3% mem 39.7% rx 1.2K tx 300B load 0.52
//
// Fields without data print "-", so the line always has the same words in the same order
// (easy to read, easy to awk).
#pragma once

#include <string>

#include "client/json_lookup.hpp"

namespace statline::client {

// Without a trailing newline.
std::string format_snapshot_line(const Json& snapshot);

}  // namespace statline::client
