#include "server/snapshot_builder.hpp"

#include <algorithm>
#include <cmath>

#include "aggregator/cpu_rates.hpp"
#include "aggregator/load_values.hpp"
#include "aggregator/mem_values.hpp"
#include "aggregator/net_rates.hpp"
#include "aggregator/snapshot_path.hpp"
#include "ipc/sample_codec.hpp"
#include "server/enabled_sources.hpp"

namespace statline {
namespace {

double seconds_between(const SlotStamp& older, const SlotStamp& newer) {
  return static_cast<double>(newer.monotonic_ns - older.monotonic_ns) / 1e9;
}

double unix_seconds(const SlotStamp& stamp) {
  return static_cast<double>(stamp.realtime_ns) / 1e9;
}

// Fills the snapshot's part for `source` from one (previous, latest) pair. Sources that
// need two samples stay empty with one; a payload that does not decode leaves it empty.
void fill_source(Snapshot& snapshot, Source source, const StampedPayload* previous,
                 const StampedPayload& latest, const Config& config) {
  switch (source) {
    case Source::stat: {
      if (previous == nullptr) return;
      const auto prev = decode_stat(previous->payload);
      const auto cur = decode_stat(latest.payload);
      if (prev && cur) {
        snapshot.cpu = cpu_rates(*prev, *cur, seconds_between(previous->stamp, latest.stamp));
      }
      return;
    }
    case Source::netdev: {
      if (previous == nullptr) return;
      const auto prev = decode_netdev(previous->payload);
      const auto cur = decode_netdev(latest.payload);
      if (prev && cur) {
        snapshot.net = net_rates(*prev, *cur, seconds_between(previous->stamp, latest.stamp),
                                 config.collectors.netdev);
      }
      return;
    }
    case Source::meminfo: {
      if (const auto sample = decode_meminfo(latest.payload)) snapshot.mem = mem_values(*sample);
      return;
    }
    case Source::loadavg: {
      if (const auto sample = decode_loadavg(latest.payload)) snapshot.load = load_values(*sample);
      return;
    }
  }
}

bool has_value(const Snapshot& snapshot, Source source) {
  switch (source) {
    case Source::stat:
      return snapshot.cpu.has_value();
    case Source::netdev:
      return snapshot.net.has_value();
    case Source::meminfo:
      return snapshot.mem.has_value();
    case Source::loadavg:
      return snapshot.load.has_value();
  }
  return false;
}

std::optional<Source> source_of_metric(std::string_view metric) {
  const auto head = metric.substr(0, metric.find('.'));
  if (head == "cpu") return Source::stat;
  if (head == "mem") return Source::meminfo;
  if (head == "net") return Source::netdev;
  if (head == "load") return Source::loadavg;
  return std::nullopt;
}

}  // namespace

std::int64_t stale_after_ns(double interval_seconds) {
  return static_cast<std::int64_t>((3.0 * interval_seconds + 0.5) * 1e9);
}

const StampedPayload* SnapshotBuilder::fresh_latest(Source source, const Config& config,
                                                    const SourceHealth& health,
                                                    std::int64_t now_monotonic_ns) const {
  const auto& feed = feeds_[static_cast<std::size_t>(source)];
  if (!feed || !health.collector_running || !feed->latest()) return nullptr;
  const auto& latest = *feed->latest();
  if (now_monotonic_ns - latest.stamp.monotonic_ns > stale_after_ns(config.interval)) {
    return nullptr;
  }
  // The last read failed after this sample: the source is broken right now.
  const auto error = feed->error();
  if (!error.message.empty() && error.realtime_ns >= latest.stamp.realtime_ns) return nullptr;
  return &latest;
}

Snapshot SnapshotBuilder::build(const Config& config,
                                const std::array<SourceHealth, kSources.size()>& health,
                                std::int64_t now_monotonic_ns) const {
  Snapshot snapshot;
  snapshot.interval = config.interval;
  for (const auto& info : kSources) {
    const auto index = static_cast<std::size_t>(info.source);
    const auto* latest = fresh_latest(info.source, config, health[index], now_monotonic_ns);
    if (latest == nullptr) continue;
    const auto& previous = feeds_[index]->previous();
    fill_source(snapshot, info.source, previous ? &*previous : nullptr, *latest, config);
    if (has_value(snapshot, info.source)) {
      snapshot.time = std::max(snapshot.time, unix_seconds(latest->stamp));
    }
  }
  return snapshot;
}

bool SnapshotBuilder::all_settled(const Snapshot& snapshot, const Config& config) const {
  for (const auto& info : kSources) {
    if (!source_enabled(config, info.source) || has_value(snapshot, info.source)) continue;
    const auto& feed = feeds_[static_cast<std::size_t>(info.source)];
    if (feed && !feed->error().message.empty()) continue;
    return false;
  }
  return true;
}

Result<std::vector<HistoryPoint>> SnapshotBuilder::history(const std::string& metric,
                                                           const Config& config,
                                                           std::int64_t since_monotonic_ns) const {
  const auto source = source_of_metric(metric);
  if (!source) return ParseError{"unknown path \"" + metric + "\""};
  // Validate the path against the snapshot's fixed shape before walking the history.
  const auto shape = lookup_number(to_json(Snapshot{}), metric);
  if (!shape && shape.error().find("unknown path") == std::string::npos) {
    return ParseError{shape.error()};
  }
  const auto& feed = feeds_[static_cast<std::size_t>(*source)];
  std::vector<HistoryPoint> points;
  if (!feed) return points;
  std::optional<StampedPayload> previous;
  std::optional<std::string> unknown;
  feed->history().for_each(0, [&](const SlotStamp& stamp, std::span<const std::uint64_t> words) {
    StampedPayload current{stamp, std::vector<std::uint64_t>(words.begin(), words.end())};
    if (stamp.monotonic_ns >= since_monotonic_ns) {
      Snapshot snapshot;
      fill_source(snapshot, *source, previous ? &*previous : nullptr, current, config);
      if (has_value(snapshot, *source)) {
        const auto value = lookup_number(to_json(snapshot), metric);
        if (value) {
          points.push_back(HistoryPoint{unix_seconds(stamp), value.value()});
        } else if (!unknown) {
          unknown = value.error();
        }
      }
    }
    previous = std::move(current);
  });
  // A path such as net.interfaces.eth9.rx_bytes exists only while eth9 does: unknown only
  // if it never resolved anywhere in the window.
  if (points.empty() && unknown) return ParseError{*unknown};
  if (points.empty() && !shape) return ParseError{shape.error()};
  return points;
}

std::vector<nlohmann::ordered_json> SnapshotBuilder::recent(std::string_view metric,
                                                            unsigned count,
                                                            const Config& config) const {
  std::vector<nlohmann::ordered_json> snapshots;
  const auto source = source_of_metric(metric);
  if (!source || count == 0) return snapshots;
  const auto& feed = feeds_[static_cast<std::size_t>(*source)];
  if (!feed || !feed->latest()) return snapshots;
  // count samples, plus the one before them that rates need, plus slack for jitter.
  const auto window = static_cast<std::int64_t>((count + 1.5) * config.interval * 1e9);
  const std::int64_t since = feed->latest()->stamp.monotonic_ns - window;
  std::optional<StampedPayload> previous;
  feed->history().for_each(since, [&](const SlotStamp& stamp,
                                      std::span<const std::uint64_t> words) {
    StampedPayload current{stamp, std::vector<std::uint64_t>(words.begin(), words.end())};
    Snapshot snapshot;
    fill_source(snapshot, *source, previous ? &*previous : nullptr, current, config);
    if (has_value(snapshot, *source)) snapshots.push_back(to_json(snapshot));
    previous = std::move(current);
  });
  if (snapshots.size() > count) {
    snapshots.erase(snapshots.begin(), snapshots.end() - count);
  }
  return snapshots;
}

}  // namespace statline
