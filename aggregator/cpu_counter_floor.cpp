#include "aggregator/cpu_counter_floor.hpp"

#include <algorithm>

namespace statline {
namespace {

void raise_to_floor(CpuTimes& times, CpuTimes& floor) {
  for (auto member : {&CpuTimes::user, &CpuTimes::nice, &CpuTimes::system, &CpuTimes::idle,
                      &CpuTimes::iowait, &CpuTimes::irq, &CpuTimes::softirq, &CpuTimes::steal,
                      &CpuTimes::guest, &CpuTimes::guest_nice}) {
    floor.*member = std::max(floor.*member, times.*member);
    times.*member = floor.*member;
  }
}

}  // namespace

StatSample CpuCounterFloor::apply(const StatSample& sample, std::uint64_t reset_ticks) {
  StatSample out = sample;
  std::map<std::uint32_t, CpuTimes> seen;
  for (auto& core : out.cores) {
    CpuTimes floor;
    if (const auto known = floors_.find(core.cpu); known != floors_.end()) {
      floor = known->second;
      if (floor.idle >= core.times.idle + reset_ticks) floor = CpuTimes{};
    }
    raise_to_floor(core.times, floor);
    seen[core.cpu] = floor;
  }
  floors_ = std::move(seen);
  return out;
}

}  // namespace statline
