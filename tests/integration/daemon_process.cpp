#include "tests/integration/daemon_process.hpp"

#include <signal.h>

#include <cstdio>
#include <thread>

#include "tests/integration/process_table.hpp"
#include "tests/integration/socket_client.hpp"
#include "tests/integration/spawn_process.hpp"

namespace statline::integration {
namespace {

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", seconds);
  return text;
}

}  // namespace

DaemonProcess::DaemonProcess(const TempDir& dir, const DaemonSetup& setup)
    : socket_(dir / "statline.sock"), log_(dir / (setup.name + ".log")) {
  const auto config = dir.write("config.yaml", setup.config_text);
  std::vector<std::string> args{
      "--proc-root", setup.proc_root.string(),     "--socket", socket_.string(),
      "--interval",  seconds_text(setup.interval), "--config", config.string()};
  args.insert(args.end(), setup.extra_args.begin(), setup.extra_args.end());
  const auto binary = setup.binary.empty() ? bin_path("statlined") : setup.binary;
  pid_ = spawn_process({binary, args, dir / (setup.name + ".out"), log_, setup.extra_env});
}

DaemonProcess::DaemonProcess(const TempDir& dir, std::vector<std::string> args)
    : socket_(dir / "statline.sock"), log_(dir / "daemon.log") {
  pid_ = spawn_process({bin_path("statlined"), std::move(args), dir / "daemon.out", log_, {}});
}

DaemonProcess::~DaemonProcess() {
  if (!exit_status_) stop();
}

bool DaemonProcess::wait_ready(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (exit_status_ || (exit_status_ = integration::wait_exit(pid_, 0ms))) return false;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (auto reply = request_once(socket_, "ping", std::min(left, 1000ms));
        reply && *reply == R"({"ok":true})") {
      return true;
    }
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

std::optional<int> DaemonProcess::stop(std::chrono::milliseconds timeout, int signal) {
  if (exit_status_) return exit_status_;
  ::kill(pid_, signal);
  if (auto status = integration::wait_exit(pid_, timeout)) return exit_status_ = status;
  kill_everything();
  return std::nullopt;
}

std::optional<int> DaemonProcess::wait_exit(std::chrono::milliseconds timeout) {
  if (!exit_status_) exit_status_ = integration::wait_exit(pid_, timeout);
  return exit_status_;
}

// A hung daemon must not hang the suite, nor leave children behind for the next test.
void DaemonProcess::kill_everything() {
  for (const pid_t child : children()) ::kill(child, SIGKILL);
  ::kill(pid_, SIGKILL);
  integration::wait_exit(pid_, 5000ms);
  // Marks the daemon as gone (killed) without pretending it exited by itself.
  exit_status_ = exit_status_.value_or(128 + SIGKILL);
}

std::vector<pid_t> DaemonProcess::children() const {
  if (exit_status_) return {};
  return children_of(pid_);
}

std::string DaemonProcess::log() const {
  return read_file(log_);
}

}  // namespace statline::integration
