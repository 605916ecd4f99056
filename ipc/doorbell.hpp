// The doorbell: a non-blocking pipe carrying 8-byte sequence numbers from a collector to
// the aggregator. A full pipe drops the ring, never blocks the collector: the reader
// catches up from the ring by sequence number.
#pragma once

#include <cstdint>

namespace statline {

struct DoorbellPipe {
  int read_fd = -1;
  int write_fd = -1;
};

// pipe2(O_NONBLOCK | O_CLOEXEC); throws std::system_error.
DoorbellPipe create_doorbell();

// Writes `seq`; returns false when the pipe is full (the ring is dropped) or closed.
// Async-signal-safe and never blocks.
bool ring_doorbell(int write_fd, std::uint64_t seq) noexcept;

// Reads every pending doorbell without blocking; returns the highest sequence seen or 0.
std::uint64_t drain_doorbell(int read_fd) noexcept;

}  // namespace statline
