// The human form of `statline status`. DESIGN §4 leaves the JSON open; the daemon sends
//
//   {"uptime":<s>,"config":"<path>","socket":"<path>","interval":<s>,"clients":<n>,
//    "children":[{"role":"collector stat","pid":123,"state":"running","restarts":0,
//                 "samples":42,"lost":0,"last_sample_age":0.4,"last_error":null},...]}
//
// Extra fields are ignored and missing ones print "-", so old clients read new daemons.
#pragma once

#include <string>

#include "client/json_lookup.hpp"

namespace statline::client {

// A block of "key value" lines, a blank line, then the children table. Every line ends
// in '\n'; no line has trailing spaces.
std::string format_status(const Json& status);

}  // namespace statline::client
