// `statline get PATH...` without --json: every leaf of the reply as `path = value`, one
// per line, so `statline get mem | grep used` and `cut -d' ' -f3` just work. Object keys
// are joined with '.'; a leaf is a number, string, bool or null, or an empty object/array.
// Array elements are named the way the daemon resolves paths, so every printed path can
// be passed back to `get` or `history`: an element with a numeric "cpu" key by that number
// (cpu.cores.3.user is cpu3 even when cpu2 is offline), any other by its position.
#pragma once

#include <string>

#include "client/json_lookup.hpp"

namespace statline::client {

// Every line ends in '\n'; an empty object gives an empty string. Numbers print exactly
// as JSON has them (no humanising: scripts read these).
std::string flatten_json(const Json& value);

}  // namespace statline::client
