#include "aggregator/counter_delta.hpp"

#include <cmath>
#include <limits>

namespace statline {
namespace {

constexpr std::uint64_t kMax32 = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint64_t kMax64 = std::numeric_limits<std::uint64_t>::max();

// "Under 10 % of a 2^bits range": increase < 2^bits / 10, i.e. increase <= (2^bits - 1) / 10
// (2^bits is never a multiple of 10, so both forms agree and the right one cannot overflow).
constexpr bool plausible_wrap(std::uint64_t increase, std::uint64_t range_max) {
  return increase <= range_max / 10;
}

}  // namespace

std::uint64_t counter_delta(std::uint64_t prev, std::uint64_t cur,
                            OnDecrease on_decrease) noexcept {
  if (cur >= prev) return cur - prev;
  if (on_decrease == OnDecrease::zero) return 0;

  // A 32-bit counter (older drivers, 32-bit kernels) that wrapped: it was just below
  // 2^32 and is now just above 0. Only possible when prev fits in 32 bits.
  if (prev <= kMax32) {
    const std::uint64_t increase = (kMax32 - prev) + cur + 1;  // 2^32 - prev + cur
    if (plausible_wrap(increase, kMax32)) return increase;
  }
  // A 64-bit wrap: unsigned arithmetic gives 2^64 - prev + cur directly.
  const std::uint64_t increase = cur - prev;
  if (plausible_wrap(increase, kMax64)) return increase;

  // Anything else is a reset (interface re-created, driver reloaded): the counter counted
  // up from zero to `cur` since then.
  return cur;
}

bool valid_interval(double seconds) noexcept {
  return std::isfinite(seconds) && seconds >= 1e-6;
}

double counter_rate(std::uint64_t prev, std::uint64_t cur, double seconds) noexcept {
  return static_cast<double>(counter_delta(prev, cur)) / seconds;
}

}  // namespace statline
