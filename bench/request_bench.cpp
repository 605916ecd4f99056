// What the aggregator spends on one request between two samples, without the socket:
// parse the line, answer from the snapshot of the current sample. `ping` and `get` are
// the round trips bench/query times against the echo floor; the difference between the
// two is what answering costs beyond moving the bytes.
#include <benchmark/benchmark.h>

#include <string>

#include "bench/snapshot_inputs.hpp"
#include "server/request_handler.hpp"
#include "server/tmux_lines.hpp"

namespace statline {
namespace {

// The aggregator's state between two samples: the snapshot, its JSON tree and its line
// are built once; history is empty (sparklines stay blank).
class SteadyContext final : public RequestContext {
 public:
  SteadyContext(std::uint32_t cpus, std::uint32_t interfaces)
      : snapshot_(bench::build(bench::make_inputs(cpus, interfaces), NetdevConfig{})),
        json_(to_json(snapshot_)),
        line_(dump_json(json_) + "\n") {
    lines_.configure(config_.tmux);
  }
  const Config& config() const override { return config_; }
  const std::string& snapshot_line() override { return line_; }
  const Snapshot& snapshot() override { return snapshot_; }
  std::optional<MeminfoSample> meminfo() override { return std::nullopt; }
  Result<std::vector<HistoryPoint>> history(const std::string&, std::optional<double>) override {
    return std::vector<HistoryPoint>{};
  }
  nlohmann::ordered_json status() override { return {}; }
  std::string metrics() override { return {}; }
  Result<bool> request_reload() override { return true; }
  Result<std::string> tmux_line(const std::optional<std::string>& format, bool ascii) override {
    return lines_.render(format, ascii, json_, builder_, config_);
  }

 private:
  Config config_;
  Snapshot snapshot_;
  nlohmann::ordered_json json_;
  std::string line_;
  SnapshotBuilder::Feeds no_feeds_;
  SnapshotBuilder builder_{no_feeds_};
  TmuxLines lines_;
};

void respond(benchmark::State& state, const std::string& line) {
  SteadyContext context(static_cast<std::uint32_t>(state.range(0)),
                        static_cast<std::uint32_t>(state.range(1)));
  RequestHandler handler(context);
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string reply = handler.respond(line);
    bytes = reply.size();
    benchmark::DoNotOptimize(reply.data());
  }
  state.counters["reply_bytes"] = static_cast<double>(bytes);
}

void BM_RespondPing(benchmark::State& state) { respond(state, "ping"); }
void BM_RespondGet(benchmark::State& state) { respond(state, "get"); }
void BM_RespondGetPaths(benchmark::State& state) { respond(state, "get cpu.total mem load"); }
void BM_RespondTmux(benchmark::State& state) { respond(state, "tmux"); }

BENCHMARK(BM_RespondPing)->ArgNames({"cpus", "ifaces"})->Args({2, 4});
BENCHMARK(BM_RespondGet)->ArgNames({"cpus", "ifaces"})->Args({2, 4})->Args({128, 64});
BENCHMARK(BM_RespondGetPaths)->ArgNames({"cpus", "ifaces"})->Args({2, 4})->Args({128, 64});
BENCHMARK(BM_RespondTmux)->ArgNames({"cpus", "ifaces"})->Args({2, 4})->Args({128, 64});

}  // namespace
}  // namespace statline

BENCHMARK_MAIN();
