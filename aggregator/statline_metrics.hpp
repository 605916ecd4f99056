// statline's own families: what node_exporter cannot say, the health of each collector,
// so an alert can tell "the machine is idle" from "the monitor is blind".
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "aggregator/prometheus_text.hpp"

namespace statline {

struct CollectorHealth {
  std::string_view source;  // stat, meminfo, netdev, loadavg
  bool up = false;          // a fresh, valid sample is being served
  std::uint64_t restarts = 0;
  std::uint64_t samples = 0;              // published since the daemon started
  std::uint64_t lost = 0;                 // overwritten in the ring before the aggregator read them
  std::optional<double> last_sample_age;  // seconds; none before the first sample
};

struct DaemonHealth {
  std::span<const CollectorHealth> collectors;
  std::uint64_t clients = 0;  // connected socket clients
};

// statline_build_info{version}, statline_collector_up{source},
// statline_collector_restarts_total, statline_collector_samples_total,
// statline_collector_lost_samples_total, statline_collector_last_sample_age_seconds,
// statline_clients.
void write_statline_metrics(PrometheusText& out, const DaemonHealth& health,
                            std::string_view version);

}  // namespace statline
