// Load figures from one /proc/loadavg sample: a straight copy, kept as its own type so
// the snapshot does not depend on the parser's layout (last_pid is not published).
#pragma once

#include <cstdint>

#include "collectors/loadavg.hpp"

namespace statline {

struct LoadValues {
  double avg1 = 0, avg5 = 0, avg15 = 0;
  std::uint64_t running = 0, total = 0;  // "R/T": runnable and total scheduling entities
  friend bool operator==(const LoadValues&, const LoadValues&) = default;
};

inline LoadValues load_values(const LoadavgSample& sample) {
  return {sample.avg1, sample.avg5, sample.avg15, sample.running, sample.total};
}

}  // namespace statline
