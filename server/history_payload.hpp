// What of a sample the history keeps: what snapshots are computed from, nothing more.
//
// The history serves `history METRIC`, sparklines and a restarted aggregator's rates, all
// of them snapshot paths. A meminfo sample has ~55 keys of which the snapshot reads 8
// (kMemValuesKeys); the rest (for Prometheus' node_memory_* families) is needed only from
// the newest sample, which the ring still holds. Keeping those 8 cuts meminfo's share of
// an hour of history from ~0.8 MB to ~0.15 MB. Other sources are kept whole: every word
// of theirs feeds the snapshot.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "collectors/source_table.hpp"

namespace statline {

// `payload` itself, or `scratch` filled with the reduced payload. A payload that does
// not decode is kept whole (its decoder will report it where it is used).
std::span<const std::uint64_t> history_payload(Source source,
                                               std::span<const std::uint64_t> payload,
                                               std::vector<std::uint64_t>& scratch);

}  // namespace statline
