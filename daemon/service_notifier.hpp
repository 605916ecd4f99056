// The one place that talks to systemd's notification socket (sd_notify), in the
// supervisor only (DESIGN §1): children never see NOTIFY_SOCKET (spawn_child.cpp).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace statline {

class ServiceNotifier {
 public:
  // Reads $NOTIFY_SOCKET and $WATCHDOG_USEC/$WATCHDOG_PID once. The variables stay set:
  // sd_notify needs NOTIFY_SOCKET for every message, and spawn_child drops them all.
  ServiceNotifier();

  // False when not started by a service manager: every send is then skipped.
  bool enabled() const { return enabled_; }
  // systemd's WatchdogSec= for this process, 0 when no watchdog is armed.
  std::chrono::microseconds watchdog_timeout() const { return watchdog_; }

  // Sends newline-separated assignments ("READY=1\nSTATUS=..."). A failure is logged,
  // never fatal: a service manager that went away must not take the daemon with it.
  void send(std::string_view assignments);

 private:
  bool enabled_ = false;
  std::chrono::microseconds watchdog_{0};
};

// "MONOTONIC_USEC=<CLOCK_MONOTONIC in µs>", which systemd 253+ wants with RELOADING=1 to
// tell this reload from an earlier one (older versions ignore it).
std::string monotonic_usec_assignment();

}  // namespace statline
