// IPC hot paths: what a collector pays per sample (encode + publish) and what the
// aggregator pays per doorbell (read + decode), for a 128-core stat sample.
#include <benchmark/benchmark.h>

#include <vector>

#include "ipc/sample_codec.hpp"
#include "ipc/sample_ring.hpp"

namespace statline {
namespace {

constexpr std::uint32_t kCores = 128;

StatSample stat_sample() {
  StatSample sample;
  sample.total = CpuTimes{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  for (std::uint32_t cpu = 0; cpu < kCores; ++cpu) {
    sample.cores.push_back(CoreTimes{cpu, CpuTimes{cpu, 2, 3, 4, 5, 6, 7, 8, 9, 10}});
  }
  sample.context_switches = 123456789;
  sample.interrupts = 987654321;
  sample.forks = 4242;
  sample.boot_time = 1'700'000'000;
  sample.procs_running = 3;
  sample.procs_blocked = 0;
  return sample;
}

const std::vector<std::uint64_t>& stat_words() {
  static const std::vector<std::uint64_t> words =
      *encode_stat(stat_sample(), stat_payload_words(kCores));
  return words;
}

void BM_EncodeStat128(benchmark::State& state) {
  const StatSample sample = stat_sample();
  for (auto _ : state) {
    auto words = encode_stat(sample, stat_payload_words(kCores));
    benchmark::DoNotOptimize(words);
  }
}
BENCHMARK(BM_EncodeStat128);

void BM_DecodeStat128(benchmark::State& state) {
  for (auto _ : state) {
    auto sample = decode_stat(stat_words());
    benchmark::DoNotOptimize(sample);
  }
}
BENCHMARK(BM_DecodeStat128);

void BM_PublishStat128(benchmark::State& state) {
  auto ring = SampleRing::create("bench-ring", RingKind::stat, {stat_payload_words(kCores), 30});
  for (auto _ : state) benchmark::DoNotOptimize(ring.publish({0, 1, 2}, stat_words()));
  state.SetBytesProcessed(state.iterations() * stat_words().size() * 8);
}
BENCHMARK(BM_PublishStat128);

void BM_ReadLatestStat128(benchmark::State& state) {
  auto ring = SampleRing::create("bench-ring", RingKind::stat, {stat_payload_words(kCores), 30});
  ring.publish({0, 1, 2}, stat_words());
  SlotStamp stamp;
  std::vector<std::uint64_t> payload;
  for (auto _ : state) {
    benchmark::DoNotOptimize(ring.read(ring.last_seq(), stamp, payload));
  }
  state.SetBytesProcessed(state.iterations() * stat_words().size() * 8);
}
BENCHMARK(BM_ReadLatestStat128);

void BM_ReadLatestSmall(benchmark::State& state) {
  auto ring = SampleRing::create("bench-ring", RingKind::loadavg, {loadavg_payload_words(), 30});
  ring.publish({0, 1, 2}, *encode_loadavg(LoadavgSample{0.5, 0.6, 0.7, 2, 1000, 4242}, 7));
  SlotStamp stamp;
  std::vector<std::uint64_t> payload;
  for (auto _ : state) {
    benchmark::DoNotOptimize(ring.read(ring.last_seq(), stamp, payload));
  }
}
BENCHMARK(BM_ReadLatestSmall);

}  // namespace
}  // namespace statline

BENCHMARK_MAIN();
