// The memfd layout of a HistoryLog, byte for byte.
//
//   offset 0    LogHeader (192 bytes)
//   offset 192  the circular record area, LogState::area_size bytes (a multiple of 8);
//               the file may be larger than header + area_size when a grow was
//               interrupted: the extra bytes are unused until the next grow.
//
// Records (history_record.hpp) are contiguous and 4-byte aligned: one that does not fit
// before the end of the area is preceded by a padding record filling the rest, and goes to
// offset 0. Offsets wrap to 0 exactly at area_size. The record at head is always a
// keyframe, so the log decodes from head on; records are dropped a keyframe-to-keyframe
// run at a time, and those of the run older than keep_since_ns are kept only as the base
// of the ones after them, never shown.
//
// Crash consistency: the log's state (area size, head, tail, ...) exists twice; the
// writer fills the inactive copy and then flips `active` with one release store, so a
// writer killed at any instant leaves either the old or the new state, each describing
// records that are completely written. Records are written only into bytes no
// committed state covers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace statline::history_layout {

inline constexpr std::uint64_t kLogMagic = 0x545349484E4C5453;  // "STLNHIST" in memory
inline constexpr std::uint32_t kLogVersion = 2;
inline constexpr std::uint64_t kInitialAreaBytes = 64 * 1024;

struct LogState {
  std::uint64_t area_size;     // bytes of the circular area
  std::uint64_t head;          // offset of the oldest record (0 when empty)
  std::uint64_t tail;          // offset where the next record goes (0 when empty)
  std::uint64_t used;          // bytes from head to tail, padding included
  std::uint64_t count;         // records
  std::uint64_t last_seq;      // seq of the newest record ever appended (kept when evicted)
  std::int64_t keep_since_ns;  // records read before this are not shown (monotonic ns)
  std::uint64_t reserved;
};

struct LogHeader {
  std::uint64_t magic;
  std::uint32_t version;
  std::uint32_t kind;    // RingKind of the source
  std::uint64_t active;  // 0 or 1: which of states[] is committed (atomic_ref, release)
  std::uint64_t reserved;
  LogState states[2];
  std::uint64_t tail_padding[4];  // the area starts on a cache line
};

static_assert(std::is_standard_layout_v<LogHeader>);
static_assert(offsetof(LogHeader, magic) == 0);
static_assert(offsetof(LogHeader, version) == 8);
static_assert(offsetof(LogHeader, kind) == 12);
static_assert(offsetof(LogHeader, active) == 16);
static_assert(offsetof(LogHeader, states) == 32);
static_assert(offsetof(LogState, keep_since_ns) == 48);
static_assert(sizeof(LogState) == 64);
static_assert(sizeof(LogHeader) == 192 && sizeof(LogHeader) % 64 == 0);

}  // namespace statline::history_layout
