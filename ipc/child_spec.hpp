// What a child process is and which inherited fds it uses, passed from the supervisor
// to the child's binary (statlined for the aggregator, statline-collector for the
// collectors: daemon/child_executables.hpp) in the STATLINE_CHILD environment variable.
//
// Children are fork+exec'd rather than only forked: each starts with a
// clean address space and no copy of the supervisor's io_context or signal handlers,
// and its argv[0] is its title ("statlined: collector stat"), which is what ps shows.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "collectors/parse_result.hpp"
#include "collectors/source_table.hpp"
#include "ipc/aggregator_channels.hpp"

namespace statline {

inline constexpr const char* kChildSpecEnv = "STATLINE_CHILD";

struct CollectorChannels {
  int config = -1;
  int ring = -1;
  int bell = -1;  // write end of the doorbell pipe
  bool operator==(const CollectorChannels&) const = default;
};

struct ChildSpec {
  std::optional<Source> collector;  // set: a collector of this source; unset: the aggregator
  CollectorChannels collector_fds;
  AggregatorChannels aggregator_fds;
  bool operator==(const ChildSpec&) const = default;
};

// "collector stat config=4 ring=5 bell=6"
// "aggregator listen=3 config=4 control=5 stat=7,8,9 meminfo=10,11,12 ... health=20,21
//  metrics=22" (metrics only with metrics.listen)
std::string encode_child_spec(const ChildSpec& spec);
Result<ChildSpec> decode_child_spec(std::string_view text);

// "collector stat" or "aggregator": the role shown in ps titles, logs and `status`.
std::string child_role(const ChildSpec& spec);

}  // namespace statline
