#include "daemon/restart_backoff.hpp"

#include <algorithm>
#include <cmath>

namespace statline {

RestartDecision next_delay(int previous_failures, std::chrono::duration<double> lived_for,
                           const RestartConfig& restart) {
  const int failures = lived_for.count() >= restart.reset_after ? 1 : previous_failures + 1;
  // Cap the exponent first: 2^failures overflows long before a restart storm ends.
  const double doubled = restart.initial * std::exp2(std::min(failures - 1, 60));
  const double seconds = std::min(doubled, restart.max);
  return RestartDecision{
      failures, std::chrono::milliseconds(static_cast<long long>(std::llround(seconds * 1000.0))),
      doubled >= restart.max};
}

}  // namespace statline
