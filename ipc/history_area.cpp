#include "ipc/history_area.hpp"

namespace statline::history_area {

std::runtime_error corrupt(std::uint64_t offset, const std::string& why) {
  return std::runtime_error("history: corrupt record at offset " + std::to_string(offset) + ": " +
                            why);
}

bool is_keyframe(std::span<const unsigned char> record) {
  return (history_record::first_word(record.data()) & history_record::kKeyframeFlag) != 0;
}

std::int64_t keyframe_time(std::uint64_t offset, std::span<const unsigned char> record) {
  SlotStamp stamp;
  if (auto why = history_record::decode_stamp(record, stamp, false)) throw corrupt(offset, *why);
  return stamp.monotonic_ns;
}

bool evict(const unsigned char* area, LogState& state, std::int64_t keep_since) {
  bool evicted = false;
  for (;;) {
    std::uint64_t index = 0, next_head = 0, dropped_bytes = 0;
    walk(area, state,
         [&](std::uint64_t offset, std::span<const unsigned char> record, std::uint64_t walked) {
           if (index > 0 && is_keyframe(record)) {
             if (keyframe_time(offset, record) < keep_since) {
               next_head = offset;
               dropped_bytes = walked;
             }
             return false;
           }
           ++index;
           return true;
         });
    if (dropped_bytes == 0) return evicted;
    state.head = next_head;
    state.used -= dropped_bytes;
    state.count -= index;
    evicted = true;
  }
}

std::optional<Placement> place(const LogState& state, std::uint64_t bytes) {
  if (state.count == 0) {
    if (bytes <= state.area_size) return Placement{0, 0};
    return std::nullopt;
  }
  if (state.tail > state.head) {  // records in [head, tail): free at the end and the start
    if (bytes <= state.area_size - state.tail) return Placement{state.tail, 0};
    if (bytes <= state.head) return Placement{0, state.area_size - state.tail};
    return std::nullopt;
  }
  // Wrapped: records in [head, end) and [0, tail); free in [tail, head). tail == head
  // with records present means full.
  if (bytes <= state.head - state.tail) return Placement{state.tail, 0};
  return std::nullopt;
}

}  // namespace statline::history_area
