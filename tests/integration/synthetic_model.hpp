// The synthetic /proc: every counter grows at a constant, known rate, so the text of each
// file at tick k and the snapshot the daemon must compute from it both follow from one
// table. Pure: no files, no clock (synthetic_proc writes the text on schedule).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace statline::integration {

// Ticks per second (USER_HZ = 100: each core's fields add up to 100). guest and
// guest_nice are already inside user and nice, as the kernel reports them.
struct CoreRate {
  int cpu = 0;
  std::uint64_t user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0,
                steal = 0, guest = 0, guest_nice = 0;
};

// Per second.
struct InterfaceRate {
  std::string name;
  std::uint64_t rx_bytes = 0, rx_packets = 0, rx_errors = 0, rx_drops = 0;
  std::uint64_t tx_bytes = 0, tx_packets = 0, tx_errors = 0, tx_drops = 0;
};

// kB, as in /proc/meminfo.
struct MemInfoKb {
  std::uint64_t total = 0, free = 0, available = 0, buffers = 0, cached = 0, sreclaimable = 0,
                swap_total = 0, swap_free = 0;
};

struct LoadAvg {
  double avg1 = 0, avg5 = 0, avg15 = 0;
  std::uint64_t running = 0, total = 0;
};

struct SyntheticModel {
  double interval = 0.5;
  std::vector<CoreRate> cores;
  std::uint64_t context_switches = 0, interrupts = 0, forks = 0;  // per second
  std::uint64_t procs_running = 0, procs_blocked = 0;
  std::vector<InterfaceRate> interfaces;  // "lo" is left out of net.total (default filter)
  MemInfoKb mem;
  LoadAvg load;

  // File texts at tick k (counters = base + rate·k·interval).
  std::string stat_text(std::int64_t tick) const;
  std::string netdev_text(std::int64_t tick) const;
  std::string meminfo_text() const;
  std::string loadavg_text() const;

  // The snapshot DESIGN §3/§4 prescribe for any two consecutive ticks, with "time" set to
  // now; keys in the order DESIGN §4 lists them.
  nlohmann::ordered_json expected_snapshot() const;
};

// Four cores with different shares (guest ticks on cpu0 and cpu2, guest_nice on cpu1,
// steal on cpu3), eth0 at 1 MiB/s in and 256 KiB/s out, wlan0, lo.
SyntheticModel default_model(double interval);

}  // namespace statline::integration
