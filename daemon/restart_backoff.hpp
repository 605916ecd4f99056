// The restart policy for dead children (DESIGN §1), as a pure function.
#pragma once

#include <chrono>

#include "config/config.hpp"

namespace statline {

struct RestartDecision {
  int failures = 0;                 // consecutive quick deaths, including this one
  std::chrono::milliseconds delay;  // how long to wait before starting the child again
  bool at_cap = false;              // the delay hit restart.max: the child is "failed"
};

// A child that lived at least restart.reset_after starts over at restart.initial; each
// further quick death doubles the delay, up to restart.max.
RestartDecision next_delay(int previous_failures, std::chrono::duration<double> lived_for,
                           const RestartConfig& restart);

}  // namespace statline
