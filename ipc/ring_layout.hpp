// The shared-memory layout of a SampleRing, byte for byte.
//
// The supervisor, one collector and the aggregator map the same memfd; they agree on this
// layout through kRingVersion. Changing any field, size or offset here, or the word
// format of sample_codec.cpp, requires bumping kRingVersion so that a mismatched child
// fails attach() loudly instead of misreading. Native endianness: a ring never leaves the
// machine.
//
//   offset 0    RingHeader (640 bytes)
//   offset 640  Slot 0, Slot 1, ... Slot capacity-1; each slot_size bytes, a multiple of
//               64 so that slots never share a cache line.
//   Slot       SlotHeader (40 bytes), then payload_words 64-bit words.
//
// Sample `seq` (1, 2, 3, ...) lives in slot seq % capacity.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace statline::ring_layout {

inline constexpr std::uint64_t kRingMagic = 0x474E49524E4C5453;  // "STLNRING" in memory
inline constexpr std::uint32_t kRingVersion = 2;
inline constexpr std::size_t kErrorTextBytes = 512;
inline constexpr std::size_t kCacheLine = 64;

// The collector's last read error, under its own seqlock. Words after `lock` are only
// accessed through seqlock::load/store.
struct ErrorArea {
  std::atomic<std::uint64_t> lock;
  std::uint64_t realtime_ns;  // CLOCK_REALTIME of the last error (kept when cleared)
  std::uint64_t count;        // errors since the ring was created
  std::uint64_t length;       // bytes of text in use; 0 = no error since the last publish
  std::uint64_t text[kErrorTextBytes / 8];
};

struct RingHeader {
  // Written once by create() before any other process maps the ring; read-only after.
  std::uint64_t magic;
  std::uint32_t version;
  std::uint32_t kind;           // RingKind
  std::uint32_t slot_size;      // bytes per slot, SlotHeader included
  std::uint32_t capacity;       // number of slots
  std::uint32_t payload_words;  // 64-bit words of payload per slot
  std::uint32_t reserved;
  // Written by the collector after every publish (release), read by everyone (acquire).
  std::atomic<std::uint64_t> last_seq;
  // Written by the aggregator: non-zero while it wants a doorbell after each publish.
  std::atomic<std::uint64_t> doorbell_wanted;
  std::uint64_t padding[2];  // ErrorArea starts on its own cache line
  ErrorArea error;
  std::uint64_t tail_padding[4];  // slots start on a cache line
};

struct SlotHeader {
  std::atomic<std::uint64_t> lock;  // seqlock; the words below through seqlock::load/store
  std::uint64_t seq;                // sample number held, 0 = never written
  std::uint64_t monotonic_ns;
  std::uint64_t realtime_ns;
  std::uint64_t used_words;  // payload words in use, <= payload_words
  // std::uint64_t payload[payload_words] follows
};

static_assert(std::atomic<std::uint64_t>::is_always_lock_free);
static_assert(sizeof(std::atomic<std::uint64_t>) == 8 && alignof(std::atomic<std::uint64_t>) == 8);
static_assert(std::is_standard_layout_v<ErrorArea> && std::is_standard_layout_v<RingHeader> &&
              std::is_standard_layout_v<SlotHeader>);

static_assert(offsetof(RingHeader, magic) == 0);
static_assert(offsetof(RingHeader, version) == 8);
static_assert(offsetof(RingHeader, kind) == 12);
static_assert(offsetof(RingHeader, slot_size) == 16);
static_assert(offsetof(RingHeader, capacity) == 20);
static_assert(offsetof(RingHeader, payload_words) == 24);
static_assert(offsetof(RingHeader, last_seq) == 32);
static_assert(offsetof(RingHeader, doorbell_wanted) == 40);
static_assert(offsetof(RingHeader, error) == 64);
static_assert(offsetof(ErrorArea, lock) == 0);
static_assert(offsetof(ErrorArea, realtime_ns) == 8);
static_assert(offsetof(ErrorArea, count) == 16);
static_assert(offsetof(ErrorArea, length) == 24);
static_assert(offsetof(ErrorArea, text) == 32);
static_assert(sizeof(ErrorArea) == 32 + kErrorTextBytes);
static_assert(sizeof(RingHeader) == 640 && sizeof(RingHeader) % kCacheLine == 0);

static_assert(offsetof(SlotHeader, lock) == 0);
static_assert(offsetof(SlotHeader, seq) == 8);
static_assert(offsetof(SlotHeader, monotonic_ns) == 16);
static_assert(offsetof(SlotHeader, realtime_ns) == 24);
static_assert(offsetof(SlotHeader, used_words) == 32);
static_assert(sizeof(SlotHeader) == 40);

// Bytes of one slot holding `payload_words` words, rounded up to a cache line.
constexpr std::uint64_t slot_size_for(std::uint32_t payload_words) {
  const std::uint64_t bytes = sizeof(SlotHeader) + std::uint64_t{payload_words} * 8;
  return (bytes + kCacheLine - 1) / kCacheLine * kCacheLine;
}
static_assert(slot_size_for(0) == 64 && slot_size_for(3) == 64 && slot_size_for(4) == 128);

constexpr std::uint64_t ring_bytes(std::uint32_t capacity, std::uint64_t slot_size) {
  return sizeof(RingHeader) + std::uint64_t{capacity} * slot_size;
}

}  // namespace statline::ring_layout
