// The file descriptors an aggregator process inherits from the supervisor.
#pragma once

#include <array>

#include "collectors/source_table.hpp"

namespace statline {

struct SourceChannelFds {
  int ring = -1;     // SampleRing written by the source's collector
  int bell = -1;     // read end of its doorbell pipe
  int history = -1;  // HistoryLog the aggregator appends to
  bool operator==(const SourceChannelFds&) const = default;
};

// The aggregator's report to the supervisor (ipc/health_board.hpp).
struct HealthChannelFds {
  int board = -1;  // HealthBoard memfd
  int bell = -1;   // write end of the health doorbell pipe
  bool operator==(const HealthChannelFds&) const = default;
};

struct AggregatorChannels {
  int listen = -1;   // listening Unix socket, owned by the supervisor
  int config = -1;   // ring carrying the effective config (config_channel.hpp)
  int control = -1;  // ring carrying the supervisor's child table (child_table.hpp)
  std::array<SourceChannelFds, kSources.size()> sources;  // ring == -1: source disabled
  HealthChannelFds health;                                // board == -1: nobody listens
  int metrics = -1;  // listening TCP socket for Prometheus (metrics.listen); -1: none
  bool operator==(const AggregatorChannels&) const = default;
};

}  // namespace statline
