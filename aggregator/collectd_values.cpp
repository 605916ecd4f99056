#include "aggregator/collectd_values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace statline {
namespace {

constexpr std::array<std::string_view, 7> kTypes{"percent",    "memory",    "if_octets", "if_packets",
                                                 "if_errors", "if_dropped", "load"};

void add_cpu(std::vector<CollectdValue>& out, const CpuRates& cpu, std::string_view host) {
  for (const CoreRates& core : cpu.cores) {
    if (!core.percent) continue;  // collectd submits nothing for a state without a rate
    const CpuPercent& p = *core.percent;
    // collectd's state names: iowait is "wait", irq is "interrupt".
    const std::array<std::pair<std::string_view, double>, 8> states{{{"user", p.user},
                                                                     {"nice", p.nice},
                                                                     {"system", p.system},
                                                                     {"idle", p.idle},
                                                                     {"wait", p.iowait},
                                                                     {"interrupt", p.irq},
                                                                     {"softirq", p.softirq},
                                                                     {"steal", p.steal}}};
    for (const auto& [state, value] : states) {
      out.push_back({fmt::format("{}/cpu-{}/percent-{}", host, core.cpu, state), {{"value", value}}});
    }
  }
}

void add_memory(std::vector<CollectdValue>& out, const MeminfoSample& meminfo,
                std::string_view host) {
  const auto total = meminfo.bytes("MemTotal"), free = meminfo.bytes("MemFree"),
             buffers = meminfo.bytes("Buffers"), cached = meminfo.bytes("Cached"),
             slab = meminfo.bytes("Slab");
  if (!total || !free || !buffers || !cached || !slab) return;
  const std::uint64_t accounted = *free + *buffers + *cached + *slab;
  // collectd's memory plugin submits nothing when the parts exceed the total.
  if (*total < accounted) return;
  const auto add = [&](std::string_view state, std::uint64_t bytes) {
    out.push_back({fmt::format("{}/memory/memory-{}", host, state),
                   {{"value", static_cast<double>(bytes)}}});
  };
  add("used", *total - accounted);
  add("buffered", *buffers);
  add("cached", *cached);
  add("free", *free);
  const auto reclaimable = meminfo.bytes("SReclaimable"), unreclaimable = meminfo.bytes("SUnreclaim");
  if (reclaimable && unreclaimable) {
    add("slab_recl", *reclaimable);
    add("slab_unrecl", *unreclaimable);
  } else {
    add("slab", *slab);
  }
}

void add_interfaces(std::vector<CollectdValue>& out, const NetRates& net, std::string_view host) {
  for (const NamedInterfaceRates& interface : net.interfaces) {
    const InterfaceRates& r = interface.rates;
    const auto add = [&](std::string_view type, double rx, double tx) {
      out.push_back({fmt::format("{}/interface-{}/{}", host, interface.name, type),
                     {{"rx", rx}, {"tx", tx}}});
    };
    add("if_octets", r.rx_bytes, r.tx_bytes);
    add("if_packets", r.rx_packets, r.tx_packets);
    add("if_errors", r.rx_errors, r.tx_errors);
    add("if_dropped", r.rx_drops, r.tx_drops);
  }
}

}  // namespace

std::vector<CollectdValue> collectd_values(const Snapshot& snapshot,
                                           const std::optional<MeminfoSample>& meminfo,
                                           std::string_view host) {
  std::vector<CollectdValue> out;
  if (snapshot.cpu) add_cpu(out, *snapshot.cpu, host);
  if (snapshot.mem && meminfo) add_memory(out, *meminfo, host);
  if (snapshot.net) add_interfaces(out, *snapshot.net, host);
  if (snapshot.load) {
    const LoadValues& load = *snapshot.load;
    out.push_back({fmt::format("{}/load/load", host),
                   {{"shortterm", load.avg1}, {"midterm", load.avg5}, {"longterm", load.avg15}}});
  }
  // collectd's cache is a tree ordered by strcmp, and LISTVAL walks it in order.
  std::sort(out.begin(), out.end(), [](const CollectdValue& a, const CollectdValue& b) {
    return a.identifier < b.identifier;
  });
  return out;
}

bool collectd_type_known(std::string_view type) {
  return std::find(kTypes.begin(), kTypes.end(), type) != kTypes.end();
}

}  // namespace statline
