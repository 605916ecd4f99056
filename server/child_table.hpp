// The supervisor's view of its children, published through the control ring so the
// aggregator can answer `status` (pids, states, restarts, last exits) without asking.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ipc/sample_ring.hpp"

namespace statline {

struct ChildStatus {
  std::string role;   // "collector stat", "aggregator"
  int pid = 0;        // 0 while not running
  std::string state;  // "running", "backoff", "failed", "stopping", "down"
  int restarts = 0;
  std::string last_exit;      // "exit 1", "signal 9 (Killed)", "" if it never died
  double last_exit_time = 0;  // unix seconds, 0 if it never died
  double started_time = 0;    // unix seconds of the current/last start
  bool operator==(const ChildStatus&) const = default;
};

struct ChildTable {
  double daemon_started = 0;  // unix seconds
  std::string config_path;    // file the config came from, or "built-in defaults"
  std::string socket_path;
  std::vector<ChildStatus> children;
  bool operator==(const ChildTable&) const = default;
};

inline constexpr std::size_t kControlTextBytes = 16 * 1024;

void publish_child_table(SampleRing& ring, const ChildTable& table);
// nullopt until the supervisor published one.
std::optional<ChildTable> read_child_table(const SampleRing& ring);

}  // namespace statline
