// The circular record area of a HistoryLog (history_layout.hpp): walking its records,
// dropping old runs of them, and finding room for a new one. Pure functions of the area's
// bytes and a LogState; the log (history_log.cpp) maps, commits and grows.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>

#include "ipc/history_layout.hpp"
#include "ipc/history_record.hpp"

namespace statline::history_area {

using history_layout::LogState;

std::runtime_error corrupt(std::uint64_t offset, const std::string& why);

// Walks the records of `state` from head, oldest first, skipping padding: calls
// visit(offset, bytes of the record, bytes walked before it) until it returns false.
// Lengths are checked against the area and `used`, so even a corrupt area cannot make
// the walk read out of bounds or loop.
template <class Visit>
void walk(const unsigned char* area, const LogState& state, Visit visit) {
  std::uint64_t offset = state.head;
  std::uint64_t walked = 0;
  for (std::uint64_t visited = 0; visited < state.count;) {
    if (offset == state.area_size) offset = 0;
    if (state.area_size - offset < sizeof(std::uint32_t)) throw corrupt(offset, "past the area");
    const std::uint32_t first = history_record::first_word(area + offset);
    const std::uint64_t bytes = first & history_record::kLengthMask;
    if (bytes < sizeof(std::uint32_t) || bytes % history_record::kAlignment != 0 ||
        bytes > state.area_size - offset || walked + bytes > state.used) {
      throw corrupt(offset, "bad length " + std::to_string(bytes));
    }
    if ((first & history_record::kPaddingFlag) == 0) {
      if (!visit(offset, std::span<const unsigned char>(area + offset, bytes), walked)) return;
      ++visited;
    }
    walked += bytes;
    offset += bytes;
  }
}

bool is_keyframe(std::span<const unsigned char> record);

// A keyframe's absolute monotonic_ns; throws corrupt() when it cannot be read.
std::int64_t keyframe_time(std::uint64_t offset, std::span<const unsigned char> record);

// Drops whole runs (a keyframe and the difference records after it) that are older than
// `keep_since`: a run goes once the keyframe after it is older, so every record left
// still has its keyframe. True when anything was dropped.
bool evict(const unsigned char* area, LogState& state, std::int64_t keep_since);

struct Placement {
  std::uint64_t offset;   // where the record goes
  std::uint64_t padding;  // bytes of padding written at tail first (the record goes to 0)
};

// Where a record of `bytes` fits contiguously in free space, if anywhere.
std::optional<Placement> place(const LogState& state, std::uint64_t bytes);

}  // namespace statline::history_area
