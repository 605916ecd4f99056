// The metric families node_exporter's cpu, stat, meminfo, netdev and loadavg collectors
// expose, under the same names, types, labels and help texts, computed from statline's
// samples: dashboards and alerts written for node_exporter work unchanged.
//
// Two differences, both about where a value comes from: netdev reads /proc/net/dev, as
// node_exporter does with --no-collector.netdev.netlink (its netlink default adds
// node_network_receive_nohandler_total, which /proc/net/dev does not carry), and the
// interfaces are those that count in net.total (collectors.netdev: all but lo by
// default, like Debian's node_exporter, whose default is --collector.netdev.device-exclude=^lo$).
#pragma once

#include <span>
#include <string_view>

#include "aggregator/prometheus_text.hpp"
#include "collectors/loadavg.hpp"
#include "collectors/meminfo.hpp"
#include "collectors/netdev.hpp"
#include "collectors/stat.hpp"
#include "config/config.hpp"

namespace statline {

// node_cpu_seconds_total{cpu,mode} and node_cpu_guest_seconds_total{cpu,mode}: per core,
// ticks divided by USER_HZ. Pass a sample through CpuCounterFloor first.
void write_cpu_metrics(PrometheusText& out, const StatSample& sample, double user_hz);
// node_boot_time_seconds, node_context_switches_total, node_forks_total, node_intr_total,
// node_procs_blocked, node_procs_running (each only when the file has it).
void write_stat_metrics(PrometheusText& out, const StatSample& sample);
// node_memory_<Field>_bytes for every field with a kB unit, node_memory_<Field> for the
// others (HugePages_Total); "Active(anon)" becomes "Active_anon". Gauges.
void write_meminfo_metrics(PrometheusText& out, const MeminfoSample& sample);
// node_network_{receive,transmit}_*_total{device}: the 16 counters of /proc/net/dev.
void write_netdev_metrics(PrometheusText& out, const NetdevSample& sample,
                          const NetdevConfig& config);
// node_load1, node_load5, node_load15.
void write_loadavg_metrics(PrometheusText& out, const LoadavgSample& sample);

// node_exporter's own per-collector families, for dashboards that chart them.
struct CollectorScrape {
  std::string_view collector;  // node_exporter's name: cpu, stat, meminfo, netdev, loadavg
  double seconds = 0;          // time this scrape spent producing the collector's families
  bool success = false;        // the source had a fresh, valid sample
};
void write_scrape_metrics(PrometheusText& out, std::span<const CollectorScrape> scrapes);

}  // namespace statline
