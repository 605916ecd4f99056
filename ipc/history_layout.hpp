// The memfd layout of a HistoryLog, byte for byte.
//
//   offset 0    LogHeader (128 bytes)
//   offset 128  the circular record area, LogState::area_size bytes (a multiple of 8);
//               the file may be larger than header + area_size when a grow was
//               interrupted: the extra bytes are unused until the next grow.
//
// Records are contiguous: one that does not fit before the end of the area is preceded
// by a padding record filling the rest, and goes to offset 0. Offsets wrap to 0 exactly
// at area_size. A record is RecordHeader + payload_words words; a padding record is one
// word, `words` with kPaddingBit set, covering `words` words (itself included).
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
inline constexpr std::uint32_t kLogVersion = 1;
inline constexpr std::uint64_t kInitialAreaBytes = 64 * 1024;
inline constexpr std::uint64_t kPaddingBit = std::uint64_t{1} << 63;

struct LogState {
  std::uint64_t area_size;  // bytes of the circular area
  std::uint64_t head;       // offset of the oldest record (0 when empty)
  std::uint64_t tail;       // offset where the next record goes (0 when empty)
  std::uint64_t used;       // bytes from head to tail, padding included
  std::uint64_t count;      // records
  std::uint64_t last_seq;   // seq of the newest record ever appended (kept when evicted)
};

struct LogHeader {
  std::uint64_t magic;
  std::uint32_t version;
  std::uint32_t kind;    // RingKind of the source
  std::uint64_t active;  // 0 or 1: which of states[] is committed (atomic_ref, release)
  std::uint64_t reserved;
  LogState states[2];
};

struct RecordHeader {
  std::uint64_t words;  // record length in words, this header included
  std::uint64_t seq;
  std::uint64_t monotonic_ns;
  std::uint64_t realtime_ns;
  std::uint64_t payload_words;
  // std::uint64_t payload[payload_words] follows
};

static_assert(std::is_standard_layout_v<LogHeader> && std::is_standard_layout_v<RecordHeader>);
static_assert(offsetof(LogHeader, magic) == 0);
static_assert(offsetof(LogHeader, version) == 8);
static_assert(offsetof(LogHeader, kind) == 12);
static_assert(offsetof(LogHeader, active) == 16);
static_assert(offsetof(LogHeader, states) == 32);
static_assert(sizeof(LogState) == 48);
static_assert(sizeof(LogHeader) == 128 && sizeof(LogHeader) % 64 == 0);
static_assert(offsetof(RecordHeader, seq) == 8);
static_assert(offsetof(RecordHeader, payload_words) == 32);
static_assert(sizeof(RecordHeader) == 40);

}  // namespace statline::history_layout
