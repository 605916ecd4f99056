// Turns the feeds' newest samples into a Snapshot, and history records into series.
//
// A source is null when it has no valid sample yet, when its collector is not running,
// when its last read failed after the last good sample, or when its newest sample is
// stale (older than a few intervals): never old numbers presented as fresh.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aggregator/snapshot.hpp"
#include "collectors/parse_result.hpp"
#include "config/config.hpp"
#include "server/source_feed.hpp"

namespace statline {

struct SourceHealth {
  bool collector_running = true;  // from the supervisor's child table
  int restarts = 0;               // likewise
};

struct HistoryPoint {
  double time = 0;              // unix seconds of the newer sample
  std::optional<double> value;  // null when the metric had no data at that point
};

class SnapshotBuilder {
 public:
  using Feeds = std::array<std::unique_ptr<SourceFeed>, kSources.size()>;

  explicit SnapshotBuilder(const Feeds& feeds) : feeds_(feeds) {}

  Snapshot build(const Config& config, const std::array<SourceHealth, kSources.size()>& health,
                 std::int64_t now_monotonic_ns) const;

  // The newest sample of `source` if it may be served as current (the rules above), else
  // null. The snapshot and the Prometheus exposition both go through here.
  const StampedPayload* fresh_latest(Source source, const Config& config,
                                     const SourceHealth& health,
                                     std::int64_t now_monotonic_ns) const;

  // True once every enabled source has settled in `snapshot`: it has a value, or its
  // collector reported why it has none (a missing or broken file). This is the "first
  // full snapshot" the daemon waits for before it tells systemd it is ready.
  bool all_settled(const Snapshot& snapshot, const Config& config) const;

  // The values of `metric` (a snapshot path such as "cpu.total.usage") at each history
  // sample newer than `since_monotonic_ns`, oldest first. Errors name an unknown path.
  Result<std::vector<HistoryPoint>> history(const std::string& metric, const Config& config,
                                            std::int64_t since_monotonic_ns) const;

  // The snapshot (only the part of the source `metric` belongs to) at each of the
  // `count` most recent history samples, oldest first, in JSON form: what sparklines
  // draw. Reads only the tail of the history, however long it is kept.
  std::vector<nlohmann::ordered_json> recent(std::string_view metric, unsigned count,
                                             const Config& config) const;

 private:
  const Feeds& feeds_;
};

// How old a sample may be before its source counts as down: a few intervals, so one late
// read does not blank the status line, plus slack for very short intervals.
std::int64_t stale_after_ns(double interval_seconds);

}  // namespace statline
