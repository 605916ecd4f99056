// How large the rings are, decided from the machine at start-up.
//
// A ring slot must hold the largest sample the machine can produce for the daemon's whole
// lifetime, including CPUs hot-plugged and interfaces created later, so the bounds are
// generous: every possible CPU, and several times the interfaces and meminfo keys seen
// now. Unused slot space costs nothing (pages never touched are never backed).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace statline {

struct RingSizes {
  std::uint32_t max_cpus = 0;             // cpuN lines a stat sample may carry
  std::uint32_t max_interfaces = 0;       // net/dev interfaces a netdev sample may carry
  std::uint32_t max_meminfo_entries = 0;  // meminfo lines a meminfo sample may carry
  std::uint32_t capacity = 0;             // slots per ring: about 30 s of samples
};

// Sizes for a daemon sampling every `interval_seconds` (> 0, else std::invalid_argument):
//   max_cpus            = max(possible CPUs from /sys/devices/system/cpu/possible, falling
//                             back to sysconf(_SC_NPROCESSORS_CONF); 1 + highest cpuN in
//                             <proc_root>/stat)
//   max_interfaces      = max(256, 4 x interfaces in <proc_root>/net/dev)
//   max_meminfo_entries = max(256, 2 x lines in <proc_root>/meminfo)
//   capacity            = clamp(ceil(30 s / interval), 16, 4096)
// A missing file leaves its bound at the minimum.
RingSizes ring_sizes_for(const std::string& proc_root, double interval_seconds);

// Number of CPUs in a kernel CPU list such as "0-3,8-11\n" (8); nullopt when malformed.
std::optional<std::uint32_t> parse_cpu_list(std::string_view list);

}  // namespace statline
