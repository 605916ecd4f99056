#include "aggregator/node_metrics.hpp"

#include <set>
#include <string>

#include "aggregator/net_rates.hpp"

namespace statline {
namespace {

struct CpuMode {
  std::string_view mode;
  std::uint64_t CpuTimes::*ticks;
};

// node_exporter's modes, in its order.
constexpr CpuMode kCpuModes[] = {
    {"user", &CpuTimes::user},       {"nice", &CpuTimes::nice},     {"system", &CpuTimes::system},
    {"idle", &CpuTimes::idle},       {"iowait", &CpuTimes::iowait}, {"irq", &CpuTimes::irq},
    {"softirq", &CpuTimes::softirq}, {"steal", &CpuTimes::steal},
};
constexpr CpuMode kGuestModes[] = {{"user", &CpuTimes::guest}, {"nice", &CpuTimes::guest_nice}};

struct NetCounter {
  std::string_view statistic;  // node_network_<statistic>_total
  std::uint64_t NetCounters::*value;
};

constexpr NetCounter kNetCounters[] = {
    {"receive_bytes", &NetCounters::rx_bytes},
    {"receive_packets", &NetCounters::rx_packets},
    {"receive_errs", &NetCounters::rx_errors},
    {"receive_drop", &NetCounters::rx_drops},
    {"receive_fifo", &NetCounters::rx_fifo},
    {"receive_frame", &NetCounters::rx_frame},
    {"receive_compressed", &NetCounters::rx_compressed},
    {"receive_multicast", &NetCounters::rx_multicast},
    {"transmit_bytes", &NetCounters::tx_bytes},
    {"transmit_packets", &NetCounters::tx_packets},
    {"transmit_errs", &NetCounters::tx_errors},
    {"transmit_drop", &NetCounters::tx_drops},
    {"transmit_fifo", &NetCounters::tx_fifo},
    {"transmit_colls", &NetCounters::tx_colls},
    {"transmit_carrier", &NetCounters::tx_carrier},
    {"transmit_compressed", &NetCounters::tx_compressed},
};

void write_cpu_family(PrometheusText& out, std::string_view name, std::string_view help,
                      std::span<const CpuMode> modes, const StatSample& sample, double user_hz) {
  out.family(name, MetricType::counter, help);
  for (const auto& core : sample.cores) {
    const std::string cpu = std::to_string(core.cpu);
    for (const auto& [mode, ticks] : modes) {
      out.sample(name, {{"cpu", cpu}, {"mode", mode}},
                 static_cast<double>(core.times.*ticks) / user_hz);
    }
  }
}

void write_optional(PrometheusText& out, std::string_view name, MetricType type,
                    std::string_view help, const std::optional<std::uint64_t>& value) {
  if (!value) return;
  out.family(name, type, help);
  out.sample(name, static_cast<double>(*value));
}

// node_exporter's meminfo names: "Active(anon)" -> "Active_anon", then "_bytes" when the
// line has a unit (the kernel only ever writes kB).
std::string meminfo_field(const MeminfoEntry& entry) {
  std::string key = entry.key;
  if (const auto open = key.find('('); open != std::string::npos) {
    const auto close = key.rfind(')');
    if (close != std::string::npos && close > open) {
      key = key.substr(0, open) + "_" + key.substr(open + 1, close - open - 1) +
            key.substr(close + 1);
    }
  }
  key = metric_name_safe(key);
  if (entry.in_kb) key += "_bytes";
  return key;
}

}  // namespace

void write_cpu_metrics(PrometheusText& out, const StatSample& sample, double user_hz) {
  if (sample.cores.empty()) return;
  write_cpu_family(out, "node_cpu_guest_seconds_total",
                   "Seconds the CPUs spent in guests (VMs) for each mode.", kGuestModes, sample,
                   user_hz);
  write_cpu_family(out, "node_cpu_seconds_total", "Seconds the CPUs spent in each mode.", kCpuModes,
                   sample, user_hz);
}

void write_stat_metrics(PrometheusText& out, const StatSample& sample) {
  write_optional(out, "node_boot_time_seconds", MetricType::gauge, "Node boot time, in unixtime.",
                 sample.boot_time);
  write_optional(out, "node_context_switches_total", MetricType::counter,
                 "Total number of context switches.", sample.context_switches);
  write_optional(out, "node_forks_total", MetricType::counter, "Total number of forks.",
                 sample.forks);
  write_optional(out, "node_intr_total", MetricType::counter,
                 "Total number of interrupts serviced.", sample.interrupts);
  write_optional(out, "node_procs_blocked", MetricType::gauge,
                 "Number of processes blocked waiting for I/O to complete.", sample.procs_blocked);
  write_optional(out, "node_procs_running", MetricType::gauge,
                 "Number of processes in runnable state.", sample.procs_running);
}

void write_meminfo_metrics(PrometheusText& out, const MeminfoSample& sample) {
  std::set<std::string> written;  // a repeated key would make a second family: invalid
  for (const auto& entry : sample.entries) {
    const std::string field = meminfo_field(entry);
    if (!written.insert(field).second) continue;
    const std::string name = "node_memory_" + field;
    out.family(name, MetricType::gauge, "Memory information field " + field + ".");
    const double value = static_cast<double>(entry.value) * (entry.in_kb ? 1024.0 : 1.0);
    out.sample(name, value);
  }
}

void write_netdev_metrics(PrometheusText& out, const NetdevSample& sample,
                          const NetdevConfig& config) {
  std::vector<const NetInterface*> devices;
  std::set<std::string_view> seen;
  for (const auto& interface : sample.interfaces) {
    if (counts_in_total(interface.name, config) && seen.insert(interface.name).second) {
      devices.push_back(&interface);
    }
  }
  if (devices.empty()) return;
  for (const auto& [statistic, value] : kNetCounters) {
    const std::string name = "node_network_" + std::string(statistic) + "_total";
    out.family(name, MetricType::counter,
               "Network device statistic " + std::string(statistic) + ".");
    for (const auto* device : devices) {
      out.sample(name, {{"device", device->name}}, static_cast<double>(device->counters.*value));
    }
  }
}

void write_loadavg_metrics(PrometheusText& out, const LoadavgSample& sample) {
  for (const auto& [name, help, value] :
       {std::tuple{"node_load1", "1m load average.", sample.avg1},
        std::tuple{"node_load5", "5m load average.", sample.avg5},
        std::tuple{"node_load15", "15m load average.", sample.avg15}}) {
    out.family(name, MetricType::gauge, help);
    out.sample(name, value);
  }
}

void write_scrape_metrics(PrometheusText& out, std::span<const CollectorScrape> scrapes) {
  out.family("node_scrape_collector_duration_seconds", MetricType::gauge,
             "node_exporter: Duration of a collector scrape.");
  for (const auto& scrape : scrapes) {
    out.sample("node_scrape_collector_duration_seconds", {{"collector", scrape.collector}},
               scrape.seconds);
  }
  out.family("node_scrape_collector_success", MetricType::gauge,
             "node_exporter: Whether a collector succeeded.");
  for (const auto& scrape : scrapes) {
    out.sample("node_scrape_collector_success", {{"collector", scrape.collector}},
               scrape.success ? 1 : 0);
  }
}

}  // namespace statline
