#include "aggregator/mem_values.hpp"

#include <initializer_list>

namespace statline {
namespace {

using Bytes = std::optional<std::uint64_t>;

// `from` minus every value in `minus`, clamped at 0: the kernel's counters are read at
// slightly different moments and need not add up, but memory in use is never negative.
// Empty when any operand is missing.
Bytes minus_clamped(Bytes from, std::initializer_list<Bytes> minus) {
  if (!from) return std::nullopt;
  std::uint64_t left = *from;
  for (const Bytes& value : minus) {
    if (!value) return std::nullopt;
    left = left > *value ? left - *value : 0;
  }
  return left;
}

}  // namespace

MemValues mem_values(const MeminfoSample& sample) {
  MemValues mem;
  mem.total = sample.bytes("MemTotal");
  mem.free = sample.bytes("MemFree");
  mem.available = sample.bytes("MemAvailable");
  mem.buffers = sample.bytes("Buffers");
  const Bytes page_cache = sample.bytes("Cached");
  // Reclaimable slab (dentries, inodes) behaves like cache: free(1) and htop count it there.
  const Bytes slab_reclaimable = sample.bytes("SReclaimable");
  if (page_cache && slab_reclaimable) mem.cached = *page_cache + *slab_reclaimable;

  // MemAvailable is the kernel's own estimate and the better one; the fallback is what
  // free(1) did before Linux 3.14 added it.
  mem.used = mem.available
                 ? minus_clamped(mem.total, {mem.available})
                 : minus_clamped(mem.total, {mem.free, mem.buffers, page_cache, slab_reclaimable});
  if (mem.used && mem.total && *mem.total > 0) {
    mem.used_percent = 100.0 * static_cast<double>(*mem.used) / static_cast<double>(*mem.total);
  }

  mem.swap_total = sample.bytes("SwapTotal");
  mem.swap_free = sample.bytes("SwapFree");
  mem.swap_used = minus_clamped(mem.swap_total, {mem.swap_free});
  return mem;
}

}  // namespace statline
