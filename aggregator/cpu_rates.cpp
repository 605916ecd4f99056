#include "aggregator/cpu_rates.hpp"

#include <algorithm>
#include <array>

#include "aggregator/counter_delta.hpp"

namespace statline {
namespace {

// The fields that make up total (guest and guest_nice are already inside user and nice:
// adding them would count guest time twice), in CpuPercent order after usage.
constexpr std::array<std::uint64_t CpuTimes::*, 8> kTickFields{
    &CpuTimes::user,   &CpuTimes::nice, &CpuTimes::system,  &CpuTimes::idle,
    &CpuTimes::iowait, &CpuTimes::irq,  &CpuTimes::softirq, &CpuTimes::steal};
constexpr std::array<double CpuPercent::*, 8> kPercentFields{
    &CpuPercent::user,   &CpuPercent::nice, &CpuPercent::system,  &CpuPercent::idle,
    &CpuPercent::iowait, &CpuPercent::irq,  &CpuPercent::softirq, &CpuPercent::steal};
constexpr std::size_t kIdle = 3, kIowait = 4;
static_assert(kTickFields[kIdle] == &CpuTimes::idle && kTickFields[kIowait] == &CpuTimes::iowait);

std::optional<double> per_second(const std::optional<std::uint64_t>& prev,
                                 const std::optional<std::uint64_t>& cur, double seconds) {
  if (!prev || !cur || !valid_interval(seconds)) return std::nullopt;
  return counter_rate(*prev, *cur, seconds);
}

}  // namespace

std::optional<CpuPercent> cpu_percent(const CpuTimes& prev, const CpuTimes& cur) {
  std::array<std::uint64_t, kTickFields.size()> delta{};
  std::uint64_t delta_total = 0;
  for (std::size_t i = 0; i < kTickFields.size(); ++i) {
    delta[i] = counter_delta(prev.*kTickFields[i], cur.*kTickFields[i], OnDecrease::zero);
    // Ticks cannot realistically sum past 2^64; garbage input could, and must not turn
    // into percentages over 100.
    if (__builtin_add_overflow(delta_total, delta[i], &delta_total)) return std::nullopt;
  }
  if (delta_total == 0) return std::nullopt;

  const double scale = 100.0 / static_cast<double>(delta_total);
  CpuPercent percent;
  for (std::size_t i = 0; i < kTickFields.size(); ++i) {
    percent.*kPercentFields[i] = static_cast<double>(delta[i]) * scale;
  }
  // 100 − idle% − iowait%, computed from integers: subtracting the two rounded
  // percentages from 100 could come out as -1e-14 on a fully idle CPU.
  const std::uint64_t busy = delta_total - delta[kIdle] - delta[kIowait];
  percent.usage = static_cast<double>(busy) * scale;
  return percent;
}

CpuRates cpu_rates(const StatSample& prev, const StatSample& cur, double seconds) {
  CpuRates rates;
  rates.total = cpu_percent(prev.total, cur.total);

  // Older cores sorted by number for lookup: /proc/stat lists them ascending, but nothing
  // here depends on it.
  std::vector<const CoreTimes*> older;
  older.reserve(prev.cores.size());
  for (const CoreTimes& core : prev.cores) older.push_back(&core);
  const auto by_number = [](const CoreTimes* a, const CoreTimes* b) { return a->cpu < b->cpu; };
  std::stable_sort(older.begin(), older.end(), by_number);

  rates.cores.reserve(cur.cores.size());
  for (const CoreTimes& core : cur.cores) {
    CoreRates out{core.cpu, std::nullopt};
    const auto it = std::lower_bound(
        older.begin(), older.end(), core.cpu,
        [](const CoreTimes* candidate, std::uint32_t n) { return candidate->cpu < n; });
    if (it != older.end() && (*it)->cpu == core.cpu) {
      out.percent = cpu_percent((*it)->times, core.times);
    }
    rates.cores.push_back(out);
  }

  rates.context_switches = per_second(prev.context_switches, cur.context_switches, seconds);
  rates.interrupts = per_second(prev.interrupts, cur.interrupts, seconds);
  rates.forks = per_second(prev.forks, cur.forks, seconds);
  rates.procs_running = cur.procs_running;
  rates.procs_blocked = cur.procs_blocked;
  return rates;
}

}  // namespace statline
