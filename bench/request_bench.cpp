// What the aggregator spends on one request between two samples, without the socket:
// parse the line, answer from the snapshot of the current sample. `ping` and `get` are
// the round trips bench/query times against the echo floor; the difference between the
// two is what answering costs beyond moving the bytes. `metrics` renders the Prometheus
// exposition from the newest samples as a scrape does (server/metrics_scrape.hpp).
#include <benchmark/benchmark.h>

#include <array>
#include <string>
#include <vector>

#include "bench/snapshot_inputs.hpp"
#include "ipc/sample_codec.hpp"
#include "server/metrics_scrape.hpp"
#include "server/request_handler.hpp"
#include "server/tmux_lines.hpp"

namespace statline {
namespace {

// The aggregator's state between two samples: the snapshot, its JSON tree and its line
// are built once; history is empty (sparklines stay blank).
class SteadyContext final : public RequestContext {
 public:
  SteadyContext(std::uint32_t cpus, std::uint32_t interfaces)
      : inputs_(bench::make_inputs(cpus, interfaces)),
        snapshot_(bench::build(inputs_, NetdevConfig{})),
        json_(to_json(snapshot_)),
        line_(dump_json(json_) + "\n") {
    lines_.configure(config_.tmux);
    // The newest sample of each source as its ring slot carries it.
    constexpr std::uint32_t kRoomy = 1 << 20;
    payload(Source::stat) = encode_stat(inputs_.stat_cur, kRoomy).value();
    payload(Source::meminfo) = encode_meminfo(inputs_.meminfo, kRoomy).value();
    payload(Source::netdev) = encode_netdev(inputs_.net_cur, kRoomy).value();
    payload(Source::loadavg) = encode_loadavg(inputs_.loadavg, kRoomy).value();
    for (const auto& info : kSources) {
      const auto index = static_cast<std::size_t>(info.source);
      sources_[index].payload = &payloads_[index];
      sources_[index].health.samples = 1000;
    }
  }
  const Config& config() const override { return config_; }
  const std::string& snapshot_line() override { return line_; }
  const Snapshot& snapshot() override { return snapshot_; }
  std::optional<MeminfoSample> meminfo() override { return std::nullopt; }
  Result<std::vector<HistoryPoint>> history(const std::string&, std::optional<double>) override {
    return std::vector<HistoryPoint>{};
  }
  nlohmann::ordered_json status() override { return {}; }
  std::string metrics() override { return scrape_.render(sources_, config_, 1); }
  Result<bool> request_reload() override { return true; }
  Result<std::string> tmux_line(const std::optional<std::string>& format, bool ascii) override {
    return lines_.render(format, ascii, json_, builder_, config_);
  }

 private:
  std::vector<std::uint64_t>& payload(Source source) {
    return payloads_[static_cast<std::size_t>(source)];
  }

  Config config_;
  bench::Inputs inputs_;
  Snapshot snapshot_;
  nlohmann::ordered_json json_;
  std::string line_;
  SnapshotBuilder::Feeds no_feeds_;
  SnapshotBuilder builder_{no_feeds_};
  TmuxLines lines_;
  std::array<std::vector<std::uint64_t>, kSources.size()> payloads_;
  std::array<ScrapeSource, kSources.size()> sources_;
  MetricsScrape scrape_;
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

void BM_RespondPing(benchmark::State& state) {
  respond(state, "ping");
}
void BM_RespondGet(benchmark::State& state) {
  respond(state, "get");
}
void BM_RespondGetPaths(benchmark::State& state) {
  respond(state, "get cpu.total mem load");
}
void BM_RespondTmux(benchmark::State& state) {
  respond(state, "tmux");
}
void BM_RespondMetrics(benchmark::State& state) {
  respond(state, "metrics");
}

BENCHMARK(BM_RespondPing)->ArgNames({"cpus", "ifaces"})->Args({2, 4});
BENCHMARK(BM_RespondGet)->ArgNames({"cpus", "ifaces"})->Args({2, 4})->Args({128, 64});
BENCHMARK(BM_RespondGetPaths)->ArgNames({"cpus", "ifaces"})->Args({2, 4})->Args({128, 64});
BENCHMARK(BM_RespondTmux)->ArgNames({"cpus", "ifaces"})->Args({2, 4})->Args({128, 64});
BENCHMARK(BM_RespondMetrics)->ArgNames({"cpus", "ifaces"})->Args({2, 4})->Args({128, 64});

}  // namespace
}  // namespace statline

BENCHMARK_MAIN();
