// Keeps per-CPU tick counters monotonic for Prometheus, as node_exporter's cpu collector
// does: the kernel lets iowait (and, across hotplug, other fields) go backwards, and a
// counter that drops looks like a reset to rate(), which then reports a huge spike.
#pragma once

#include <cstdint>
#include <map>

#include "collectors/stat.hpp"

namespace statline {

class CpuCounterFloor {
 public:
  // `sample` with each core's fields raised to the highest value seen before. A core whose
  // idle time went back by at least `reset_ticks` (node_exporter: 3 s) was replaced
  // (hotplug) and starts afresh; a core that is gone is forgotten.
  StatSample apply(const StatSample& sample, std::uint64_t reset_ticks);

 private:
  std::map<std::uint32_t, CpuTimes> floors_;
};

}  // namespace statline
