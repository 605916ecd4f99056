// Interpreting one JSON reply line from statlined: either the value the command asked
// for, or {"error": ...}, which every command turns into exit status 1 with the message
// on stderr (DESIGN §4: "Anything else gets {"error":"<what was wrong>"}").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "client/json_lookup.hpp"

namespace statline::client {

// The daemon's error message if `reply` is an {"error":...} object.
std::optional<std::string> reply_error(const Json& reply);

// Parses a reply line. Throws ClientError: exit_code::protocol if it is not JSON,
// exit_code::daemon_error (message = the daemon's) if it is an error reply.
Json parse_reply(std::string_view line);

// For replies that are not JSON on success (tmux, metrics): the error message if `line`
// is an {"error":...} object, which neither a tmux line nor Prometheus text can be.
std::optional<std::string> text_reply_error(std::string_view line);

}  // namespace statline::client
