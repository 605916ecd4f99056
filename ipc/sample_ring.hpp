// A single-writer, many-reader ring of fixed-size sample slots in a memfd.
//
// The supervisor creates one ring per collector before forking and keeps the fd for the
// daemon's lifetime, so a restarted collector or aggregator re-attaches to the same ring
// and nothing leaks into /dev/shm on kill -9. Each slot is guarded by a seqlock: the
// writer bumps the slot's lock word to odd, writes, bumps it to even; a reader copies
// and retries (or gives up) when the lock word moved underneath it.
//
// Layout (all little-endian machine words, documented and static_assert'ed in the .cpp):
//   RingHeader  { magic, version, kind, slot_size, capacity, payload_words,
//                 last_seq, error seqlock + error text }
//   Slot[capacity] { lock, seq, monotonic_ns, realtime_ns, used_words, payload[payload_words] }
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace statline {

// What a ring carries; checked on attach so a child never misreads another source's ring.
enum class RingKind : std::uint32_t { stat = 1, meminfo = 2, netdev = 3, loadavg = 4, control = 5 };

struct RingGeometry {
  std::uint32_t payload_words = 0;  // capacity of one slot's payload, in 64-bit words
  std::uint32_t capacity = 0;       // number of slots
};

struct SlotStamp {
  std::uint64_t seq = 0;
  std::int64_t monotonic_ns = 0;  // CLOCK_MONOTONIC when the source file was read
  std::int64_t realtime_ns = 0;   // CLOCK_REALTIME at the same moment
};

struct RingError {
  std::string message;  // empty: no error since the last successful publish
  std::int64_t realtime_ns = 0;
  std::uint64_t count = 0;  // errors reported since the ring was created
};

class SampleRing {
 public:
  enum class Read { ok, not_published, overwritten };

  // Supervisor, before fork: memfd_create + ftruncate + mmap(MAP_SHARED). The fd is
  // created without O_CLOEXEC being relevant: the caller decides what children inherit.
  // Throws std::system_error on failure.
  static SampleRing create(std::string_view name, RingKind kind, RingGeometry geometry);

  // Child: maps an inherited fd and validates magic, layout version and kind; throws
  // std::runtime_error with a clear message ("ring fd 5: layout version 2, expected 1").
  static SampleRing attach(int fd, RingKind expected_kind);

  SampleRing(SampleRing&& other) noexcept;
  SampleRing& operator=(SampleRing&& other) noexcept;
  SampleRing(const SampleRing&) = delete;
  SampleRing& operator=(const SampleRing&) = delete;
  ~SampleRing();  // munmap and close

  int fd() const { return fd_; }
  RingKind kind() const;
  RingGeometry geometry() const;

  // Writer (exactly one process at a time). Publishes `payload` (at most payload_words
  // words) as sequence last_seq()+1 and returns that sequence number. Clears the error.
  std::uint64_t publish(const SlotStamp& stamp_without_seq, std::span<const std::uint64_t> payload);
  // Records why the last read failed; the last good sample stays in the ring.
  void set_error(std::string_view message, std::int64_t realtime_ns);
  // Whether the reader asked for a doorbell after each publish (see want_doorbell).
  bool doorbell_wanted() const;

  // Reader: asks the writer to ring (or stop ringing) the doorbell after each publish.
  // The writer checks after publishing and the reader should look at last_seq() after
  // asking, so a sample published meanwhile is seen by one of the two.
  void want_doorbell(bool wanted);

  // Readers (any process, any thread).
  std::uint64_t last_seq() const;  // 0 = nothing published yet
  // The oldest sequence number that may still be in the ring (1 when nothing was overwritten).
  std::uint64_t oldest_seq() const;
  // Copies slot `seq` into stamp/payload (payload resized to the used words).
  Read read(std::uint64_t seq, SlotStamp& stamp, std::vector<std::uint64_t>& payload) const;
  RingError error() const;

 private:
  SampleRing(int fd, void* base, std::size_t size);
  void clear_error();
  int fd_ = -1;
  void* base_ = nullptr;
  std::size_t size_ = 0;
  // Copied from the header once it was validated: a corrupt header written later by a
  // buggy process can then never make a reader index past the mapping.
  RingKind kind_ = RingKind::control;
  std::uint32_t capacity_ = 0;
  std::uint32_t payload_words_ = 0;
  std::uint32_t slot_size_ = 0;
};

}  // namespace statline
