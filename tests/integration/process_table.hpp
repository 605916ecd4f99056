// What /proc says about processes: who the children of the supervisor are and what
// their titles read, as `ps -o pid,ppid,args` would show them.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace statline::integration {

struct ProcessInfo {
  pid_t pid = 0;
  pid_t ppid = 0;
  char state = '?';  // R, S, Z, ...
};

// nullopt if the process does not exist (any more).
std::optional<ProcessInfo> process_info(pid_t pid);

// Every live process whose parent is `parent`, sorted by pid.
std::vector<pid_t> children_of(pid_t parent);

// Every live process whose command line (as process_args) contains `text`, sorted by pid.
std::vector<pid_t> processes_with_args(std::string_view text);

// argv joined with spaces, as ps prints it; empty for a gone process or a zombie.
std::string process_args(pid_t pid);

// True while the process exists and is not a zombie.
bool process_alive(pid_t pid);

// The child of `parent` whose title reads exactly `title` ("statlined: aggregator"); -1
// if there is none.
pid_t child_with_title(pid_t parent, const std::string& title);

// VmRSS in bytes; nullopt for a gone process.
std::optional<std::uint64_t> resident_bytes(pid_t pid);

// Entries in /proc/PID/fd; nullopt for a gone process.
std::optional<std::size_t> open_fd_count(pid_t pid);

// True if the process has a handler installed for `signal_number` (SigCgt in
// /proc/PID/status); false for a gone process.
bool catches_signal(pid_t pid, int signal_number);

}  // namespace statline::integration
