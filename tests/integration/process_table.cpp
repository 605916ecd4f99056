#include "tests/integration/process_table.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <functional>
#include <string_view>

#include "tests/integration/temp_dir.hpp"

namespace statline::integration {

std::optional<ProcessInfo> process_info(pid_t pid) {
  const std::string stat = read_file("/proc/" + std::to_string(pid) + "/stat");
  // "pid (comm) S ppid ...": comm may hold spaces and parentheses, so split after the
  // last ')'.
  const auto close = stat.rfind(')');
  if (close == std::string::npos || close + 4 >= stat.size()) return std::nullopt;
  ProcessInfo info;
  info.pid = pid;
  info.state = stat[close + 2];
  const char* begin = stat.data() + close + 4;
  const char* end = stat.data() + stat.size();
  if (std::from_chars(begin, end, info.ppid).ec != std::errc()) return std::nullopt;
  return info;
}

// Every live process for which `match` is true, sorted by pid.
std::vector<pid_t> processes_where(const std::function<bool(pid_t, const ProcessInfo&)>& match) {
  std::vector<pid_t> found;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", error)) {
    const std::string name = entry.path().filename().string();
    pid_t pid = 0;
    if (std::from_chars(name.data(), name.data() + name.size(), pid).ec != std::errc()) continue;
    const auto info = process_info(pid);
    if (info && info->state != 'Z' && match(pid, *info)) found.push_back(pid);
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<pid_t> children_of(pid_t parent) {
  return processes_where([parent](pid_t, const ProcessInfo& info) { return info.ppid == parent; });
}

std::vector<pid_t> processes_with_args(std::string_view text) {
  return processes_where([text](pid_t pid, const ProcessInfo&) {
    return process_args(pid).find(text) != std::string::npos;
  });
}

std::string process_args(pid_t pid) {
  std::string args = read_file("/proc/" + std::to_string(pid) + "/cmdline");
  while (!args.empty() && args.back() == '\0') args.pop_back();
  std::replace(args.begin(), args.end(), '\0', ' ');
  return args;
}

bool process_alive(pid_t pid) {
  const auto info = process_info(pid);
  return info && info->state != 'Z';
}

pid_t child_with_title(pid_t parent, const std::string& title) {
  for (const pid_t child : children_of(parent)) {
    if (process_args(child) == title) return child;
  }
  return -1;
}

std::optional<std::uint64_t> resident_bytes(pid_t pid) {
  const std::string status = read_file("/proc/" + std::to_string(pid) + "/status");
  const auto at = status.find("\nVmRSS:");
  if (at == std::string::npos) return std::nullopt;
  const char* begin = status.data() + at + 8;
  const char* end = status.data() + status.size();
  while (begin < end && *begin == ' ') ++begin;
  std::uint64_t kib = 0;
  if (std::from_chars(begin, end, kib).ec != std::errc()) return std::nullopt;
  return kib * 1024;
}

std::optional<std::size_t> open_fd_count(pid_t pid) {
  std::error_code error;
  std::size_t count = 0;
  for (std::filesystem::directory_iterator it("/proc/" + std::to_string(pid) + "/fd", error), end;
       !error && it != end; it.increment(error)) {
    ++count;
  }
  if (error) return std::nullopt;
  return count;
}

bool catches_signal(pid_t pid, int signal_number) {
  const std::string status = read_file("/proc/" + std::to_string(pid) + "/status");
  const auto at = status.find("\nSigCgt:");
  if (at == std::string::npos) return false;
  const char* begin = status.data() + at + 8;
  const char* end = status.data() + status.size();
  while (begin < end && *begin == '\t') ++begin;
  std::uint64_t mask = 0;
  if (std::from_chars(begin, end, mask, 16).ec != std::errc()) return false;
  return (mask >> (signal_number - 1)) & 1U;
}

}  // namespace statline::integration
