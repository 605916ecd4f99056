// The plain form of `statline history`: one `HH:MM:SS value` line per point of
// {"metric":…,"interval":…,"points":[[t,v],…]} (DESIGN §4), local time. A null value
// (no data for that interval) prints "-"; malformed points are skipped rather than
// failing the whole listing.
#pragma once

#include <string>

#include "client/json_lookup.hpp"

namespace statline::client {

// Every line ends in '\n'; no points, no output.
std::string format_history(const Json& history);

}  // namespace statline::client
