// Synthetic inputs for the snapshot and request benchmarks: two stat and net/dev samples
// one second apart for a machine of N CPUs and M interfaces, a meminfo and a loadavg.
#pragma once

#include <string>

#include "aggregator/cpu_rates.hpp"
#include "aggregator/load_values.hpp"
#include "aggregator/mem_values.hpp"
#include "aggregator/net_rates.hpp"
#include "aggregator/snapshot.hpp"

namespace statline::bench {

struct Inputs {
  StatSample stat_prev, stat_cur;
  MeminfoSample meminfo;
  NetdevSample net_prev, net_cur;
  LoadavgSample loadavg{0.52, 0.58, 0.59, 2, 1234, 56789};
};

inline CpuTimes ticks(std::uint64_t base) {
  return {base * 3, base / 10, base, base * 20, base / 5, base / 50, base / 20, 0, 0, 0};
}

inline Inputs make_inputs(std::uint32_t cpus, std::uint32_t interfaces) {
  Inputs in;
  for (std::uint32_t n = 0; n < cpus; ++n) {
    in.stat_prev.cores.push_back({n, ticks(100'000 + n)});
    in.stat_cur.cores.push_back({n, ticks(100'100 + 2 * n)});
  }
  in.stat_prev.total = ticks(100'000ull * cpus);
  in.stat_cur.total = ticks(100'100ull * cpus);
  in.stat_prev.context_switches = 1'000'000;
  in.stat_cur.context_switches = 1'004'000;
  in.stat_prev.interrupts = 500'000;
  in.stat_cur.interrupts = 502'000;
  in.stat_prev.forks = in.stat_cur.forks = 4242;
  in.stat_cur.procs_running = 3;
  in.stat_cur.procs_blocked = 0;

  for (const char* key : {"MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached", "SwapCached",
                          "Active", "Inactive", "SReclaimable", "SwapTotal", "SwapFree"}) {
    in.meminfo.entries.push_back({key, 123456, true});
  }

  for (std::uint32_t i = 0; i < interfaces; ++i) {
    NetInterface prev{i == 0 ? "lo" : "veth" + std::to_string(i), {}};
    prev.counters.rx_bytes = 1'000'000 * i;
    prev.counters.tx_bytes = 2'000'000 * i;
    prev.counters.rx_packets = 1000 * i;
    prev.counters.tx_packets = 2000 * i;
    NetInterface cur = prev;
    cur.counters.rx_bytes += 12345;
    cur.counters.tx_bytes += 2345;
    cur.counters.rx_packets += 12;
    cur.counters.tx_packets += 3;
    in.net_prev.interfaces.push_back(prev);
    in.net_cur.interfaces.push_back(cur);
  }
  return in;
}

inline Snapshot build(const Inputs& in, const NetdevConfig& net_config) {
  Snapshot s;
  s.time = 1700000000.25;
  s.interval = 1;
  s.cpu = cpu_rates(in.stat_prev, in.stat_cur, 1.0);
  s.mem = mem_values(in.meminfo);
  s.net = net_rates(in.net_prev, in.net_cur, 1.0, net_config);
  s.load = load_values(in.loadavg);
  return s;
}

}  // namespace statline::bench
