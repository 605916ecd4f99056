// Parser for /proc/loadavg: pure function from the file's text to a LoadavgSample.
#pragma once

#include <cstdint>
#include <ostream>
#include <string_view>

#include "collectors/parse_result.hpp"

namespace statline {

// "0.52 0.58 0.59 2/1234 56789": averages, running/total scheduling entities, last pid.
struct LoadavgSample {
  double avg1 = 0, avg5 = 0, avg15 = 0;
  std::uint64_t running = 0, total = 0, last_pid = 0;
  friend bool operator==(const LoadavgSample&, const LoadavgSample&) = default;
};

Result<LoadavgSample> parse_loadavg(std::string_view text);

void PrintTo(const LoadavgSample& sample, std::ostream* os);

}  // namespace statline
