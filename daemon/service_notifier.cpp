#include "daemon/service_notifier.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>

#include "daemon/libsystemd.hpp"
#include "ipc/clock.hpp"
#include "logging/log.hpp"

namespace statline {

ServiceNotifier::ServiceNotifier() {
  const char* socket = std::getenv("NOTIFY_SOCKET");
  enabled_ = socket != nullptr && socket[0] != '\0';
  if (!enabled_) return;  // not run by systemd: libsystemd is never loaded
  try {
    std::uint64_t usec = 0;
    // > 0 only if WATCHDOG_PID is unset or names this process.
    if (libsystemd::watchdog_enabled(&usec) > 0) watchdog_ = std::chrono::microseconds(usec);
  } catch (const std::exception& e) {
    // systemd will time the start out; the log says why.
    log(LogPriority::error, "NOTIFY_SOCKET is set but {}; not notifying systemd", e.what());
    enabled_ = false;
  }
}

void ServiceNotifier::send(std::string_view assignments) {
  if (!enabled_) return;
  const std::string text(assignments);
  const int result = libsystemd::notify(text.c_str());
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
