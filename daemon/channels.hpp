// Every IPC channel of the daemon, created by the supervisor before the first fork and
// kept open for its lifetime so restarted children re-attach to the same memory.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "collectors/source_table.hpp"
#include "config/config.hpp"
#include "ipc/aggregator_channels.hpp"
#include "ipc/child_spec.hpp"
#include "ipc/doorbell.hpp"
#include "ipc/health_board.hpp"
#include "ipc/history_log.hpp"
#include "ipc/sample_ring.hpp"

namespace statline {

struct SourceChannel {
  SampleRing ring;
  DoorbellPipe bell;
  HistoryLog history;
};

struct Channels {
  SampleRing config;   // effective config (config_channel.hpp)
  SampleRing control;  // child table (child_table.hpp)
  // Every source has a channel, even a disabled one: a reload may enable it. The
  // doorbell fds stay open until the daemon exits, like everything else here.
  std::array<std::optional<SourceChannel>, kSources.size()> sources;
  // The aggregator's health report and its doorbell to the supervisor (systemd glue).
  HealthBoard health;
  DoorbellPipe health_bell;
};

// Sizes the rings from the machine (possible CPUs, interfaces present) seen through
// `config.proc_root`. Throws std::system_error / std::runtime_error.
Channels create_channels(const Config& config);

// The fds a child needs, and the list it must inherit.
CollectorChannels collector_fds(const Channels& channels, Source source);
AggregatorChannels aggregator_fds(const Channels& channels, int listen_fd);
std::vector<int> inherited_fds(const ChildSpec& spec);

}  // namespace statline
