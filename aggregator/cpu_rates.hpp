// CPU percentages and per-second counters from two /proc/stat samples (DESIGN §3).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "collectors/stat.hpp"

namespace statline {

// Share of the interval's ticks per field, 0..100. usage = 100 − idle − iowait.
struct CpuPercent {
  double usage = 0, user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0,
         steal = 0;
  friend bool operator==(const CpuPercent&, const CpuPercent&) = default;
};

struct CoreRates {
  std::uint32_t cpu = 0;              // N of the `cpuN` line
  std::optional<CpuPercent> percent;  // empty: no data this interval
  friend bool operator==(const CoreRates&, const CoreRates&) = default;
};

struct CpuRates {
  std::optional<CpuPercent> total;  // the aggregate `cpu` line; empty when Δtotal is 0
  // One entry per core of the newer sample, in its order. A core missing from the older
  // sample (just onlined) has no data yet; cores only in the older sample are gone.
  std::vector<CoreRates> cores;
  // Per second; empty when either sample lacks the line or the interval is not valid.
  std::optional<double> context_switches, interrupts, forks;
  // Gauges from the newer sample.
  std::optional<std::uint64_t> procs_running, procs_blocked;
  friend bool operator==(const CpuRates&, const CpuRates&) = default;
};

// Percentages of one CPU between two readings. Each field's increase goes through
// counter_delta(OnDecrease::zero) and Δtotal is the sum of those clamped increases, so a
// field stepping backwards can neither push another field over 100 % nor below 0 %.
// Empty when Δtotal is 0 (an idle-stopped or offline CPU): no NaN, no made-up 0 %.
std::optional<CpuPercent> cpu_percent(const CpuTimes& prev, const CpuTimes& cur);

// Everything `cpu` in the snapshot holds. Cores are matched by their number N, not by
// position, so hotplug and gaps in the numbering never pair two different CPUs.
// `seconds` is the monotonic time between the two readings; the percentages do not need
// it, the per-second counters are empty unless valid_interval(seconds).
CpuRates cpu_rates(const StatSample& prev, const StatSample& cur, double seconds);

}  // namespace statline
