// Starting a built binary for a test, and waiting for it with a bound: the one place
// that knows about fork/exec, the inherited environment and exit-status encoding.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace statline::integration {

using namespace std::chrono_literals;

// $STATLINE_BIN_DIR/<name>.
std::filesystem::path bin_path(const std::string& name);

struct SpawnRequest {
  std::filesystem::path program;
  std::vector<std::string> args;       // without argv[0]
  std::filesystem::path stdout_path;   // empty: /dev/null
  std::filesystem::path stderr_path;   // empty: /dev/null
  std::vector<std::string> extra_env;  // "NAME=value", added to a cleaned environment
};

// The test's environment minus anything that would change where statline looks for its
// config or socket or make it believe systemd started it (STATLINE_*, NOTIFY_SOCKET,
// LISTEN_*, WATCHDOG_*, XDG_CONFIG_HOME, XDG_RUNTIME_DIR), plus `extra_env`. The process
// is SIGKILLed if the test process dies first. Throws if fork fails; a failed exec
// exits 127.
pid_t spawn_process(const SpawnRequest& request);

// Exit code, or 128 + signal number for a process killed by a signal; nullopt if it is
// still running after `timeout`.
std::optional<int> wait_exit(pid_t pid, std::chrono::milliseconds timeout);

// Runs to completion (SIGKILL after `timeout`).
struct ProcessResult {
  int status = -1;  // as wait_exit; -1 if it had to be killed
  std::string out;
  std::string err;
  std::chrono::milliseconds elapsed{0};
};
ProcessResult run_process(const std::filesystem::path& program,
                          const std::vector<std::string>& args,
                          const std::vector<std::string>& extra_env = {},
                          std::chrono::milliseconds timeout = 5000ms);

}  // namespace statline::integration
