// Memory figures in bytes from one /proc/meminfo sample (DESIGN §3).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "collectors/meminfo.hpp"

namespace statline {

// Every field is empty when a key it needs is missing from the file: a missing key is
// absent, never 0 (DESIGN §3).
struct MemValues {
  std::optional<std::uint64_t> total;      // MemTotal
  std::optional<std::uint64_t> free;       // MemFree
  std::optional<std::uint64_t> available;  // MemAvailable (Linux 3.14+)
  // MemTotal − MemAvailable; before 3.14: MemTotal − MemFree − Buffers − Cached − SReclaimable.
  std::optional<std::uint64_t> used;
  std::optional<double> used_percent;    // 100·used/total; empty when total is 0
  std::optional<std::uint64_t> buffers;  // Buffers
  std::optional<std::uint64_t> cached;   // Cached + SReclaimable
  std::optional<std::uint64_t> swap_total, swap_free, swap_used;
  friend bool operator==(const MemValues&, const MemValues&) = default;
};

MemValues mem_values(const MeminfoSample& sample);

// Every key mem_values() reads: the history keeps only these (history_payload.hpp).
inline constexpr std::array<std::string_view, 8> kMemValuesKeys = {
    "MemTotal", "MemFree",      "MemAvailable", "Buffers",
    "Cached",   "SReclaimable", "SwapTotal",    "SwapFree"};

}  // namespace statline
