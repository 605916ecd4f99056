// Parser for /proc/stat: pure function from the file's text to a StatSample.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include "collectors/parse_result.hpp"
#include "collectors/text_scan.hpp"

namespace statline {

// Cumulative CPU time in USER_HZ ticks, in /proc/stat column order. Columns an
// older kernel does not print are 0.
struct CpuTimes {
  std::uint64_t user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0,
                steal = 0, guest = 0, guest_nice = 0;

  // guest and guest_nice are already counted inside user and nice: never add them again.
  std::uint64_t total() const {
    return user + nice + system + idle + iowait + irq + softirq + steal;
  }
  friend bool operator==(const CpuTimes&, const CpuTimes&) = default;
};

struct CoreTimes {
  std::uint32_t cpu = 0;  // N from the `cpuN` line; numbering may have gaps (offline CPUs)
  CpuTimes times;
  friend bool operator==(const CoreTimes&, const CoreTimes&) = default;
};

struct StatSample {
  CpuTimes total;                                 // the aggregate `cpu` line
  std::vector<CoreTimes> cores;                   // `cpuN` lines, in file order
  std::optional<std::uint64_t> context_switches;  // ctxt
  std::optional<std::uint64_t> interrupts;        // first number of intr
  std::optional<std::uint64_t> forks;             // processes
  std::optional<std::uint64_t> boot_time;         // btime, unix seconds
  std::optional<std::uint64_t> procs_running;
  std::optional<std::uint64_t> procs_blocked;
  friend bool operator==(const StatSample&, const StatSample&) = default;
};

Result<StatSample> parse_stat(std::string_view text);
// The same parse into `sample`, whose storage is reused (its old contents are replaced);
// returns the error, after which `sample` holds nothing meaningful.
std::optional<ParseError> parse_stat_into(std::string_view text, StatSample& sample,
                                          ParseScratch& scratch);

void PrintTo(const CpuTimes& times, std::ostream* os);
void PrintTo(const StatSample& sample, std::ostream* os);

}  // namespace statline
