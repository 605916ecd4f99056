#include "tests/integration/daemon_fixture.hpp"

#include <thread>

#include "tests/integration/socket_client.hpp"

namespace statline::integration {

SyntheticDaemon::SyntheticDaemon(double interval, std::string config_text)
    : SyntheticDaemon(default_model(interval), std::move(config_text)) {}

SyntheticDaemon::SyntheticDaemon(SyntheticModel model, std::string config_text)
    : proc(dir / "proc", std::move(model)), daemon(dir, [&] {
        DaemonSetup setup(dir / "proc", proc.model().interval);
        setup.config_text = std::move(config_text);
        return setup;
      }()) {}

Json parse(const std::string& line) {
  return Json::parse(line, nullptr, false);
}

Json query(const std::filesystem::path& socket, std::string_view request,
           std::chrono::milliseconds timeout) {
  const auto reply = request_once(socket, request, timeout);
  return reply ? parse(*reply) : Json(nullptr);
}

bool eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout,
                std::chrono::milliseconds poll) {
  const auto deadline = std::chrono::steady_clock::now() + timeout * kPatience;
  for (;;) {
    if (done()) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(poll);
  }
}

Json wait_for_snapshot(const std::filesystem::path& socket,
                       const std::function<bool(const Json&)>& done,
                       std::chrono::milliseconds timeout) {
  Json last;
  eventually(
      [&] {
        last = query(socket, "get");
        return last.is_object() && done(last);
      },
      timeout);
  return last;
}

bool has(const Json& snapshot, std::string_view source) {
  const std::string key(source);
  return snapshot.is_object() && snapshot.contains(key) && !snapshot[key].is_null();
}

bool all_sources(const Json& snapshot) {
  return has(snapshot, "cpu") && has(snapshot, "mem") && has(snapshot, "net") &&
         has(snapshot, "load");
}

}  // namespace statline::integration
