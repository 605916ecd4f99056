#include "daemon/service_notifier.hpp"

#include <fmt/format.h>
#include <systemd/sd-daemon.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "ipc/clock.hpp"
#include "logging/log.hpp"

namespace statline {

ServiceNotifier::ServiceNotifier() {
  const char* socket = std::getenv("NOTIFY_SOCKET");
  enabled_ = socket != nullptr && socket[0] != '\0';
  std::uint64_t usec = 0;
  // > 0 only if WATCHDOG_PID is unset or names this process.
  if (enabled_ && sd_watchdog_enabled(0, &usec) > 0) watchdog_ = std::chrono::microseconds(usec);
}

void ServiceNotifier::send(std::string_view assignments) {
  if (!enabled_) return;
  const std::string text(assignments);
  const int result = sd_notify(0, text.c_str());
  if (result < 0) {
    log(LogPriority::warning, "sd_notify: {}", std::strerror(-result));
  } else {
    log(LogPriority::debug, "sd_notify: {}", text);
  }
}

std::string monotonic_usec_assignment() {
  return fmt::format("MONOTONIC_USEC={}", monotonic_ns() / 1000);
}

}  // namespace statline
