// One statlined under test: started in the test's own directory with its own socket and
// an empty config file (so no config on the machine leaks in), its stderr captured,
// and always gone when the object is: SIGTERM with a deadline, then SIGKILL.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tests/integration/temp_dir.hpp"

namespace statline::integration {

using namespace std::chrono_literals;

struct DaemonSetup {
  DaemonSetup(std::filesystem::path proc_root_, double interval_)
      : proc_root(std::move(proc_root_)), interval(interval_) {}

  std::filesystem::path proc_root;
  double interval = 0.5;
  std::string config_text;  // written to DIR/config.yaml
  std::vector<std::string> extra_args;
  std::vector<std::string> extra_env;  // "NAME=value", e.g. NOTIFY_SOCKET as systemd sets it
  std::string name = "daemon";         // stderr goes to DIR/<name>.log: two daemons, one dir
  std::filesystem::path binary;        // empty: the build's statlined
};

class DaemonProcess {
 public:
  // Starts `statlined --proc-root … --socket DIR/statline.sock --interval … --config
  // DIR/config.yaml` with stderr in DIR/<name>.log. Does not wait for it.
  DaemonProcess(const TempDir& dir, const DaemonSetup& setup);
  // Starts statlined with exactly `args` (for command-line and config error cases).
  DaemonProcess(const TempDir& dir, std::vector<std::string> args);
  ~DaemonProcess();
  DaemonProcess(const DaemonProcess&) = delete;
  DaemonProcess& operator=(const DaemonProcess&) = delete;

  // True once `ping` is answered with {"ok":true}; false after `timeout` or if the
  // daemon exited.
  bool wait_ready(std::chrono::milliseconds timeout = 20000ms);

  // `signal` (SIGTERM by default), then wait up to `timeout`; nullopt if it had to be
  // SIGKILLed.
  std::optional<int> stop(std::chrono::milliseconds timeout = 2000ms, int signal = SIGTERM);
  // Waits for an exit that happens by itself (bad config, usage error).
  std::optional<int> wait_exit(std::chrono::milliseconds timeout);
  // The exit status once known (exit code, or 128 + signal).
  std::optional<int> exit_status() const { return exit_status_; }

  pid_t pid() const { return pid_; }
  std::vector<pid_t> children() const;
  const std::filesystem::path& socket() const { return socket_; }
  std::string log() const;

 private:
  void kill_everything();

  std::filesystem::path socket_;
  std::filesystem::path log_;
  pid_t pid_ = -1;
  std::optional<int> exit_status_;
};

}  // namespace statline::integration
