// Which children are alive but stuck: the watchdog's question. A child that crashed is
// the supervisor's business (it restarts it); one that is still there but has stopped
// making progress (SIGSTOPped, blocked in the kernel, spinning) is what systemd's
// watchdog exists for, so the supervisor withholds WATCHDOG=1 while one is stuck.
//
// Progress is any counter that moves while the child works: a collector's samples plus
// its read errors (a broken file is reported, not hung on), the aggregator's beats.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace statline {

struct ChildProgress {
  std::string role;             // "collector stat", "aggregator"
  bool running = false;         // has a process; a child in backoff is never "stuck"
  std::int64_t started_ns = 0;  // CLOCK_MONOTONIC of its current start
  std::uint64_t progress = 0;
  std::int64_t window_ns = 0;  // how long it may go without progress
};

class LivenessMonitor {
 public:
  // Records what moved since the last call and returns the roles of running children
  // whose progress has not moved for longer than their window (counted from their start
  // if it never moved). Progress is noticed when this is called, so a child is judged
  // at the granularity of the calls (the watchdog's ticks).
  std::vector<std::string> stalled(const std::vector<ChildProgress>& children, std::int64_t now_ns);

 private:
  struct Seen {
    std::int64_t started_ns = 0;
    std::uint64_t progress = 0;
    std::int64_t changed_ns = 0;
  };
  std::map<std::string, Seen> seen_;
};

}  // namespace statline
