#include "daemon/spawn_child.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>
#include <system_error>

#include "ipc/child_spec.hpp"
#include "ipc/reload_signal.hpp"

extern char** environ;

namespace statline {
namespace {

// Variables that belong to the supervisor alone: a child must never talk to systemd
// (DESIGN §1) nor believe that the activated sockets were passed to it.
bool supervisor_only(std::string_view entry) {
  static constexpr std::string_view kPrefixes[] = {
      "NOTIFY_SOCKET=", "LISTEN_FDS=",   "LISTEN_PID=",    "LISTEN_FDNAMES=",
      "WATCHDOG_USEC=", "WATCHDOG_PID=", "STATLINE_CHILD="};
  for (const auto prefix : kPrefixes) {
    if (entry.starts_with(prefix)) return true;
  }
  return false;
}

[[noreturn]] void fail_in_child(const char* what) {
  // Only async-signal-safe calls between fork and exec.
  const char* reason = strerror(errno);
  const char prefix[] = "statlined: cannot start child: ";
  [[maybe_unused]] auto a = ::write(STDERR_FILENO, prefix, sizeof prefix - 1);
  [[maybe_unused]] auto b = ::write(STDERR_FILENO, what, strlen(what));
  [[maybe_unused]] auto c = ::write(STDERR_FILENO, ": ", 2);
  [[maybe_unused]] auto d = ::write(STDERR_FILENO, reason, strlen(reason));
  [[maybe_unused]] auto e = ::write(STDERR_FILENO, "\n", 1);
  _exit(127);
}

}  // namespace

pid_t spawn_child(const SpawnRequest& request) {
  // Everything the child needs is built before fork: after it, only async-signal-safe
  // calls are allowed.
  std::vector<std::string> env_storage;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    if (!supervisor_only(*entry)) env_storage.emplace_back(*entry);
  }
  env_storage.push_back(std::string(kChildSpecEnv) + "=" + request.spec);
  std::vector<char*> envp;
  for (auto& entry : env_storage) envp.push_back(entry.data());
  envp.push_back(nullptr);
  std::string title = request.title;
  char* argv[] = {title.data(), nullptr};
  const pid_t parent = getpid();

  // Every signal stays blocked from fork to exec. Otherwise a SIGHUP forwarded to the new
  // pid at once (a reload during start-up) runs the supervisor's handler in the child, or,
  // once the loop below has reset it, kills the child before its mask says "SIGHUP
  // blocked": found under load by Reload.SighupStormDuringStartUpKillsNoChild.
  sigset_t all, previous;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &previous);
  const pid_t pid = fork();
  if (pid != 0) {
    const int fork_errno = errno;
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    if (pid < 0) throw std::system_error(fork_errno, std::generic_category(), "fork");
    return pid;
  }

  // Child.
  if (prctl(PR_SET_PDEATHSIG, SIGTERM) != 0) fail_in_child("prctl(PR_SET_PDEATHSIG)");
  // The supervisor may have died between fork and prctl: then nobody would signal us.
  if (getppid() != parent) _exit(0);
  for (const int fd : request.keep_fds) {
    const int flags = fcntl(fd, F_GETFD);
    if (flags < 0 || fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) < 0) fail_in_child("fcntl");
  }
  // Handlers reset on exec by themselves; ignored signals and the mask do not.
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  for (int signal_number = 1; signal_number < NSIG; ++signal_number) {
    sigaction(signal_number, &default_action, nullptr);
  }
  // Then everything unblocked but SIGHUP, which the child unblocks once it handles it (a
  // SIGTERM from PR_SET_PDEATHSIG that came meanwhile is delivered now or after exec).
  const sigset_t reload_only = reload_signal_set();
  sigprocmask(SIG_SETMASK, &reload_only, nullptr);
  fexecve(request.executable_fd, argv, envp.data());
  fail_in_child("fexecve");
}

}  // namespace statline
