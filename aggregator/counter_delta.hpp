// The one place where a counter increase is computed from two raw readings.
//
// Every source (cpu ticks, context switches, network bytes...) goes through
// counter_delta(), so wrap and reset handling is written and tested once (DESIGN §3).
#pragma once

#include <cstdint>

namespace statline {

// What a counter that went down means.
enum class OnDecrease {
  // A wrap when plausible (32- or 64-bit, increase under 10 % of the range), otherwise a
  // reset whose increase is the new value (Prometheus semantics). For network counters,
  // context switches, interrupts, forks.
  reset_or_wrap,
  // No increase. For CPU tick fields: the kernel's iowait (and, on some kernels, idle)
  // accounting can step backwards by a few ticks; that is neither a wrap nor a reset.
  zero,
};

// The increase of a monotonic counter from `prev` to `cur`; never "negative" (huge).
std::uint64_t counter_delta(std::uint64_t prev, std::uint64_t cur,
                            OnDecrease on_decrease = OnDecrease::reset_or_wrap) noexcept;

// True when `seconds` can divide a delta into a rate: finite and at least 1 µs. Two
// samples with the same (or a reversed) timestamp give no rate at all rather than inf,
// and the floor keeps even a 2^64 delta finite.
bool valid_interval(double seconds) noexcept;

// counter_delta(prev, cur) per second. Precondition: valid_interval(seconds).
double counter_rate(std::uint64_t prev, std::uint64_t cur, double seconds) noexcept;

}  // namespace statline
