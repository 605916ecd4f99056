// Answers to collectd unixsock commands, byte for byte as collectd 5.x's unixsock plugin
// writes them (src/utils/cmds/{listval,getval,flush}.c):
//
//   LISTVAL   "N Values found" ("1 Value found"), then "<time> <identifier>" per value,
//             the time with three decimals
//   GETVAL    "N Values found", then "<data source>=<value>" per data source, the value
//             printf'd with "%12e" ("NaN" when not a number)
//   FLUSH     "0 Done: N successful, 0 errors"
//   errors    "-1 <message>"
//
// One deliberate difference: for an unknown type collectd writes "Type `x' is unknown."
// followed by a stray empty line, which would be read as the status line of the next
// reply by a client sending several commands; statline leaves the empty line out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "aggregator/collectd_command.hpp"
#include "aggregator/collectd_values.hpp"

namespace statline {

// `time` is when the values were sampled (the snapshot's time).
std::string collectd_reply(const CollectdCommand& command,
                           const std::vector<CollectdValue>& values, double time);

std::string collectd_error(std::string_view message);

}  // namespace statline
