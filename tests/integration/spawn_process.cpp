#include "tests/integration/spawn_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <string_view>
#include <system_error>
#include <thread>

#include "tests/integration/temp_dir.hpp"

extern char** environ;

namespace statline::integration {
namespace {

using Clock = std::chrono::steady_clock;

bool inherited(std::string_view entry) {
  static constexpr std::string_view kDropped[] = {
      "STATLINE_", "NOTIFY_SOCKET=",   "LISTEN_",
      "WATCHDOG_", "XDG_CONFIG_HOME=", "XDG_RUNTIME_DIR="};
  for (const auto prefix : kDropped) {
    if (entry.starts_with(prefix)) return false;
  }
  return true;
}

int decode(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

std::filesystem::path bin_path(const std::string& name) {
  return std::filesystem::path(STATLINE_BIN_DIR) / name;
}

pid_t spawn_process(const SpawnRequest& request) {
  std::vector<std::string> env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    if (inherited(*entry)) env.emplace_back(*entry);
  }
  env.insert(env.end(), request.extra_env.begin(), request.extra_env.end());
  std::vector<char*> envp;
  for (auto& entry : env) envp.push_back(entry.data());
  envp.push_back(nullptr);

  std::vector<std::string> arg_storage{request.program.string()};
  arg_storage.insert(arg_storage.end(), request.args.begin(), request.args.end());
  std::vector<char*> argv;
  for (auto& arg : arg_storage) argv.push_back(arg.data());
  argv.push_back(nullptr);

  const auto target = [](const std::filesystem::path& path) {
    return path.empty() ? std::string("/dev/null") : path.string();
  };
  const std::string out = target(request.stdout_path);
  const std::string err = target(request.stderr_path);
  const pid_t parent = ::getpid();

  const pid_t pid = ::fork();
  if (pid < 0) throw std::system_error(errno, std::generic_category(), "fork");
  if (pid > 0) return pid;

  // Child: async-signal-safe calls only (the test may have threads). If the test process
  // dies (crash, SIGPIPE from `| head`), the daemon under test goes with it instead of
  // running on as an orphan.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(127);
  const auto redirect = [](int target_fd, const char* path, int flags) {
    const int fd = ::open(path, flags, 0644);
    if (fd < 0 || ::dup2(fd, target_fd) < 0) ::_exit(127);
    if (fd != target_fd) ::close(fd);
  };
  redirect(STDIN_FILENO, "/dev/null", O_RDONLY);
  redirect(STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC);
  redirect(STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC);
  // gtest or a writer thread may have touched the signal state; the child starts clean.
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  for (int signal_number = 1; signal_number < NSIG; ++signal_number) {
    ::sigaction(signal_number, &default_action, nullptr);
  }
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  ::execve(argv[0], argv.data(), envp.data());
  ::_exit(127);
}

std::optional<int> wait_exit(pid_t pid, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) return decode(status);
    if (done < 0 && errno != EINTR) return -1;
    if (Clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(2ms);
  }
}

ProcessResult run_process(const std::filesystem::path& program,
                          const std::vector<std::string>& args,
                          const std::vector<std::string>& extra_env,
                          std::chrono::milliseconds timeout) {
  TempDir capture;
  const auto start = Clock::now();
  const pid_t pid =
      spawn_process({program, args, capture / "stdout", capture / "stderr", extra_env});
  ProcessResult result;
  if (auto status = wait_exit(pid, timeout)) {
    result.status = *status;
  } else {
    ::kill(pid, SIGKILL);
    wait_exit(pid, 5000ms);
  }
  result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  result.out = read_file(capture / "stdout");
  result.err = read_file(capture / "stderr");
  return result;
}

}  // namespace statline::integration
