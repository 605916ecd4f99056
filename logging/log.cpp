#include "logging/log.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace statline {
namespace {

struct LogState {
  std::string role;  // empty until init_logging (unit tests)
  LogPriority threshold = LogPriority::info;
  bool journal = false;
};

LogState& state() {
  static LogState s;
  return s;
}

// systemd sets JOURNAL_STREAM=<dev>:<inode> of the stream it connected; it is only ours
// if stderr is still that stream (a child of a journal-logged shell may inherit the
// variable with stderr redirected elsewhere).
bool stderr_is_journal() {
  const char* env = std::getenv("JOURNAL_STREAM");
  if (env == nullptr) return false;
  unsigned long long dev = 0, ino = 0;
  if (std::sscanf(env, "%llu:%llu", &dev, &ino) != 2) return false;
  struct stat st {};
  if (fstat(STDERR_FILENO, &st) != 0) return false;
  return static_cast<unsigned long long>(st.st_dev) == dev &&
         static_cast<unsigned long long>(st.st_ino) == ino;
}

const char* level_word(LogPriority priority) {
  switch (priority) {
    case LogPriority::error:
      return "error";
    case LogPriority::warning:
      return "warning";
    case LogPriority::notice:
      return "notice";
    case LogPriority::info:
      return "info";
    case LogPriority::debug:
      return "debug";
  }
  return "info";
}

}  // namespace

void init_logging(std::string role, LogPriority threshold) {
  state().role = std::move(role);
  state().threshold = threshold;
  state().journal = stderr_is_journal();
}

void set_log_threshold(LogPriority threshold) {
  state().threshold = threshold;
}

bool log_enabled(LogPriority priority) {
  return static_cast<int>(priority) <= static_cast<int>(state().threshold);
}

void log_line(LogPriority priority, std::string_view message) {
  const std::string& role = state().role;
  const std::string tag = role.empty() ? std::string() : role + ": ";
  std::string line;
  if (state().journal) {
    line = fmt::format("<{}>{}{}\n", static_cast<int>(priority), tag, message);
  } else {
    line = fmt::format("statlined: {}{}: {}\n", tag, level_word(priority), message);
  }
  // One write per line so lines from the six processes sharing stderr never interleave.
  [[maybe_unused]] auto written = ::write(STDERR_FILENO, line.data(), line.size());
}

}  // namespace statline
