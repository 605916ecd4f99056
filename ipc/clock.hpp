// The two clocks every sample carries: CLOCK_MONOTONIC for intervals (rates never see a
// wall-clock step) and CLOCK_REALTIME for the unix time users read.
#pragma once

#include <time.h>

#include <cstdint>

#include "ipc/sample_ring.hpp"

namespace statline {

inline std::int64_t clock_ns(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

inline std::int64_t monotonic_ns() {
  return clock_ns(CLOCK_MONOTONIC);
}
inline std::int64_t realtime_ns() {
  return clock_ns(CLOCK_REALTIME);
}
inline double unix_now() {
  return static_cast<double>(realtime_ns()) / 1e9;
}

// A stamp for "now" (seq is assigned by SampleRing::publish).
inline SlotStamp stamp_now() {
  return SlotStamp{0, monotonic_ns(), realtime_ns()};
}

}  // namespace statline
