// The snapshot: the latest figures of every source, and its JSON form (DESIGN §4).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "aggregator/cpu_rates.hpp"
#include "aggregator/load_values.hpp"
#include "aggregator/mem_values.hpp"
#include "aggregator/net_rates.hpp"

namespace statline {

// A source is empty when it has no valid pair of samples yet or its collector is down:
// it is then `null` in JSON, never stale numbers presented as fresh.
struct Snapshot {
  double time = 0;      // unix seconds (CLOCK_REALTIME) of the newest sample used
  double interval = 0;  // the configured sampling interval, seconds
  std::optional<CpuRates> cpu;
  std::optional<MemValues> mem;
  std::optional<NetRates> net;
  std::optional<LoadValues> load;
  friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

// The DESIGN §4 shape, keys in the documented order (ordered_json, so golden files and
// humans see a stable layout). Sizes and counts are JSON integers, rates and percentages
// doubles at full precision; a value that cannot be computed is null, and a non-finite
// double can never appear (it becomes null too). Below a present source the shape is
// fixed: a CPU without data this interval still has every key, each null.
nlohmann::ordered_json to_json(const Snapshot& snapshot);

// One line of JSON, no trailing newline. Interface names come from the kernel and may
// hold any byte; invalid UTF-8 is replaced (U+FFFD) instead of throwing.
std::string dump_json(const nlohmann::ordered_json& json);

}  // namespace statline
