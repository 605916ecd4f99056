#include "ipc/ring_sizes.hpp"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <stdexcept>

namespace statline {
namespace {

constexpr std::uint32_t kMinInterfaces = 256;
constexpr std::uint32_t kMinMeminfoEntries = 256;
constexpr double kRingSeconds = 30;  // the aggregator may stall this long and lose nothing
constexpr std::uint32_t kMinCapacity = 16;
constexpr std::uint32_t kMaxCapacity = 4096;

std::uint32_t clamp_to_u32(std::uint64_t value) {
  return static_cast<std::uint32_t>(std::min<std::uint64_t>(value, UINT32_MAX));
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\n") - first + 1);
}

bool parse_number(std::string_view text, std::uint64_t& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc{} && end == text.data() + text.size();
}

std::uint32_t possible_cpus() {
  std::ifstream file("/sys/devices/system/cpu/possible");
  std::string line;
  if (file && std::getline(file, line)) {
    if (auto count = parse_cpu_list(line)) return *count;
  }
  const long configured = ::sysconf(_SC_NPROCESSORS_CONF);
  return configured > 0 ? static_cast<std::uint32_t>(configured) : 1;
}

// 1 + the highest N of a `cpuN` line in /proc/stat (0 without any).
std::uint32_t cpus_in_stat(const std::string& path) {
  std::ifstream file(path);
  std::uint64_t highest_plus_one = 0;
  // The intr line can pass 64 KiB: getline grows its string, nothing is truncated.
  for (std::string line; std::getline(file, line);) {
    if (line.size() < 4 || line.compare(0, 3, "cpu") != 0) continue;
    const std::string_view rest(line.data() + 3, line.size() - 3);
    const std::string_view number = rest.substr(0, rest.find_first_of(" \t"));
    std::uint64_t cpu = 0;
    if (parse_number(number, cpu)) highest_plus_one = std::max(highest_plus_one, cpu + 1);
  }
  return clamp_to_u32(highest_plus_one);
}

// Lines for which `counts` holds, 0 when the file cannot be read.
template <class Predicate>
std::uint64_t count_lines(const std::string& path, Predicate counts) {
  std::ifstream file(path);
  std::uint64_t count = 0;
  for (std::string line; std::getline(file, line);) {
    if (counts(line)) ++count;
  }
  return count;
}

}  // namespace

std::optional<std::uint32_t> parse_cpu_list(std::string_view list) {
  list = trim(list);
  if (list.empty()) return std::nullopt;
  std::uint64_t total = 0;
  while (!list.empty()) {
    const auto comma = list.find(',');
    const std::string_view item = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    if (comma != std::string_view::npos && list.empty()) return std::nullopt;  // "0-3,"
    const auto dash = item.find('-');
    std::uint64_t first = 0, last = 0;
    if (!parse_number(item.substr(0, dash), first)) return std::nullopt;
    last = first;
    if (dash != std::string_view::npos && !parse_number(item.substr(dash + 1), last)) {
      return std::nullopt;
    }
    if (last < first) return std::nullopt;
    total += last - first + 1;
    if (total > UINT32_MAX) return std::nullopt;
  }
  return static_cast<std::uint32_t>(total);
}

RingSizes ring_sizes_for(const std::string& proc_root, double interval_seconds) {
  if (!(interval_seconds > 0) || !std::isfinite(interval_seconds)) {
    throw std::invalid_argument("ring sizes: interval must be a positive number of seconds");
  }
  RingSizes sizes;
  sizes.max_cpus = std::max({possible_cpus(), cpus_in_stat(proc_root + "/stat"), 1u});
  const std::uint64_t interfaces = count_lines(proc_root + "/net/dev", [](const std::string& l) {
    return l.find(':') != std::string::npos;  // the two header lines have no ':'
  });
  sizes.max_interfaces = std::max(kMinInterfaces, clamp_to_u32(4 * interfaces));
  const std::uint64_t entries =
      count_lines(proc_root + "/meminfo", [](const std::string& l) { return !trim(l).empty(); });
  sizes.max_meminfo_entries = std::max(kMinMeminfoEntries, clamp_to_u32(2 * entries));
  // The epsilon keeps 30 / 0.3 (100.00000000000001 in binary) at 100 slots, not 101.
  const double slots = std::ceil(kRingSeconds / interval_seconds - 1e-9);
  sizes.capacity = static_cast<std::uint32_t>(
      std::clamp(slots, static_cast<double>(kMinCapacity), static_cast<double>(kMaxCapacity)));
  return sizes;
}

}  // namespace statline
