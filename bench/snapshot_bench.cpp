// Cost of one snapshot per sample: rates from two raw samples, the JSON tree, and the
// dumped line a `get`/`watch` client receives; plus selecting paths out of it, and
// rendering a tmux line from it (what each `statline tmux` request and each sample of a
// follower costs the daemon).
#include <benchmark/benchmark.h>

#include <string>

#include "aggregator/snapshot.hpp"
#include "aggregator/snapshot_path.hpp"
#include "aggregator/tmux_snapshot_data.hpp"
#include "tmux/builtin_formats.hpp"

namespace statline {
namespace {

struct Inputs {
  StatSample stat_prev, stat_cur;
  MeminfoSample meminfo;
  NetdevSample net_prev, net_cur;
  LoadavgSample loadavg{0.52, 0.58, 0.59, 2, 1234, 56789};
};

CpuTimes ticks(std::uint64_t base) {
  return {base * 3, base / 10, base, base * 20, base / 5, base / 50, base / 20, 0, 0, 0};
}

Inputs make_inputs(std::uint32_t cpus, std::uint32_t interfaces) {
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

Snapshot build(const Inputs& in, const NetdevConfig& net_config) {
  Snapshot s;
  s.time = 1700000000.25;
  s.interval = 1;
  s.cpu = cpu_rates(in.stat_prev, in.stat_cur, 1.0);
  s.mem = mem_values(in.meminfo);
  s.net = net_rates(in.net_prev, in.net_cur, 1.0, net_config);
  s.load = load_values(in.loadavg);
  return s;
}

void BM_BuildAndDump(benchmark::State& state) {
  const Inputs in = make_inputs(static_cast<std::uint32_t>(state.range(0)),
                                static_cast<std::uint32_t>(state.range(1)));
  const NetdevConfig net_config;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string line = dump_json(to_json(build(in, net_config)));
    bytes = line.size();
    benchmark::DoNotOptimize(line.data());
  }
  state.counters["json_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_BuildAndDump)->ArgNames({"cpus", "ifaces"})->Args({2, 4})->Args({128, 64});

void BM_RatesOnly(benchmark::State& state) {
  const Inputs in = make_inputs(static_cast<std::uint32_t>(state.range(0)),
                                static_cast<std::uint32_t>(state.range(1)));
  const NetdevConfig net_config;
  for (auto _ : state) benchmark::DoNotOptimize(build(in, net_config));
}
BENCHMARK(BM_RatesOnly)->ArgNames({"cpus", "ifaces"})->Args({2, 4})->Args({128, 64});

// The dump alone: what serving one more `get`/`watch` client costs when the tree is built
// once per sample.
void BM_DumpOnly(benchmark::State& state) {
  const Inputs in = make_inputs(static_cast<std::uint32_t>(state.range(0)),
                                static_cast<std::uint32_t>(state.range(1)));
  const nlohmann::ordered_json snapshot = to_json(build(in, NetdevConfig{}));
  for (auto _ : state) {
    const std::string line = dump_json(snapshot);
    benchmark::DoNotOptimize(line.data());
  }
}
BENCHMARK(BM_DumpOnly)->ArgNames({"cpus", "ifaces"})->Args({2, 4})->Args({128, 64});

void BM_SelectPaths(benchmark::State& state) {
  const Inputs in = make_inputs(static_cast<std::uint32_t>(state.range(0)),
                                static_cast<std::uint32_t>(state.range(1)));
  const nlohmann::ordered_json snapshot = to_json(build(in, NetdevConfig{}));
  const std::vector<std::string> paths{"cpu.total", "mem", "net.interfaces.veth3.rx_bytes"};
  for (auto _ : state) {
    Result<nlohmann::ordered_json> selected = select_paths(snapshot, paths);
    benchmark::DoNotOptimize(selected.ok());
  }
}
BENCHMARK(BM_SelectPaths)->ArgNames({"cpus", "ifaces"})->Args({2, 4})->Args({128, 64});

// One tmux line from the snapshot JSON; sparklines get a constant history of the length
// they ask for (the daemon decodes it from the history log once per source and line).
void render_tmux(benchmark::State& state, std::string_view text) {
  const Inputs in = make_inputs(static_cast<std::uint32_t>(state.range(0)),
                                static_cast<std::uint32_t>(state.range(1)));
  const nlohmann::ordered_json snapshot = to_json(build(in, NetdevConfig{}));
  const auto parsed = tmux::parse_template(text);
  const auto& format = std::get<tmux::Template>(parsed);
  const TmuxConfig config;
  const SnapshotTmuxData data(snapshot, [](const std::string&, unsigned count) {
    return std::vector<std::optional<double>>(count, 42.0);
  });
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string line = render_template(format, data, config, false);
    bytes = line.size();
    benchmark::DoNotOptimize(line.data());
  }
  state.counters["line_bytes"] = static_cast<double>(bytes);
}

void BM_TmuxDefaultLine(benchmark::State& state) {
  render_tmux(state, tmux::find_builtin_format("default")->text);
}
BENCHMARK(BM_TmuxDefaultLine)->ArgNames({"cpus", "ifaces"})->Args({2, 4})->Args({128, 64});

void BM_TmuxPerCoreLine(benchmark::State& state) {
  render_tmux(state, "{cores:spark:1} {cpu.cores.*.usage:bar:2}");
}
BENCHMARK(BM_TmuxPerCoreLine)->ArgNames({"cpus", "ifaces"})->Args({2, 4})->Args({128, 64});

void BM_TmuxParseDefault(benchmark::State& state) {
  const std::string_view text = tmux::find_builtin_format("default")->text;
  for (auto _ : state) benchmark::DoNotOptimize(tmux::parse_template(text));
}
BENCHMARK(BM_TmuxParseDefault);

}  // namespace
}  // namespace statline

BENCHMARK_MAIN();
