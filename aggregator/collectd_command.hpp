// collectd's unixsock protocol (collectd-unixsock(5), collectd 5.x) on statline's socket,
// so `collectdctl -s SOCKET listval|getval` and `collectd-nagios` work unchanged. This is
// the request side, parsed without I/O; collectd_reply.hpp answers.
//
// A line belongs to this protocol when its first word is one of collectd's unixsock
// commands, compared without case as collectd does (LISTVAL, GETVAL, FLUSH, PUTVAL,
// PUTNOTIF, GETTHRESHOLD). None of them is a word of statline's own protocol, whose
// commands are lowercase and different, so the JSON protocol is unaffected.
//
// Fields are split as collectd's cmd_split does: on white space, except inside double
// quotes, where a backslash escapes the next character; `"a b"` and `key="a b"` are one
// field each. Errors carry collectd's own messages (the text after "-1 ").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "collectors/parse_result.hpp"

namespace statline {

bool is_collectd_command(std::string_view line);

struct CollectdListval {
  friend bool operator==(const CollectdListval&, const CollectdListval&) = default;
};

struct CollectdGetval {
  std::string identifier;  // as given, unquoted: "host/cpu-0/percent-user"
  std::string type;        // its type part, "percent": what types.db must know
  friend bool operator==(const CollectdGetval&, const CollectdGetval&) = default;
};

// statline keeps nothing to flush; collectd answers with how many flushes it did, one per
// plugin and identifier combination, so the reply is the same.
struct CollectdFlush {
  std::size_t flushes = 1;
  friend bool operator==(const CollectdFlush&, const CollectdFlush&) = default;
};

using CollectdCommand = std::variant<CollectdListval, CollectdGetval, CollectdFlush>;

// The line without its "\n" or "\r\n". PUTVAL and the other commands statline cannot
// serve are errors saying so.
Result<CollectdCommand> parse_collectd_command(std::string_view line);

// collectd's parse_identifier with no default host: "host/plugin[-instance]/type[-instance]"
// with both slashes present. The type part, or nullopt when the identifier is malformed.
std::optional<std::string> collectd_identifier_type(std::string_view identifier);

}  // namespace statline
