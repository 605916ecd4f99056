// Cost of one snapshot per sample: rates from two raw samples, the JSON tree, and the
// dumped line a `get`/`watch` client receives; plus selecting paths out of it, and
// rendering a tmux line from it (what each `statline tmux` request and each sample of a
// follower costs the daemon).
#include <benchmark/benchmark.h>

#include <string>

#include "aggregator/snapshot.hpp"
#include "aggregator/snapshot_path.hpp"
#include "aggregator/tmux_snapshot_data.hpp"
#include "bench/snapshot_inputs.hpp"
#include "tmux/builtin_formats.hpp"

namespace statline {
namespace {

using bench::Inputs;
using bench::build;
using bench::make_inputs;

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
