// One Prometheus scrape of the aggregator's state: node_exporter's families from each
// source's newest sample, node_exporter's per-collector scrape families, and statline's
// own health families. Shared by the socket's `metrics` request and the HTTP listener.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "aggregator/cpu_counter_floor.hpp"
#include "aggregator/statline_metrics.hpp"
#include "collectors/source_table.hpp"
#include "config/config.hpp"

namespace statline {

struct ScrapeSource {
  // The newest sample if it may be served as current (SnapshotBuilder::fresh_latest),
  // else null: the source's families are then left out and it scrapes as failed.
  const std::vector<std::uint64_t>* payload = nullptr;
  CollectorHealth health;  // `up` is filled in by the scrape
};

class MetricsScrape {
 public:
  // The exposition text (without the socket protocol's "# EOF" line).
  std::string render(const std::array<ScrapeSource, kSources.size()>& sources, const Config& config,
                     std::uint64_t clients);

 private:
  CpuCounterFloor cpu_floor_;  // across scrapes, so counters never go back
};

}  // namespace statline
