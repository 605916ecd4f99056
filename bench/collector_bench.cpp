// What a collector pays per sample beyond the pread, step by step on recorded and
// synthetic files: parse + encode into ring words (SampleEncoder), publish, ring the
// doorbell; and what the aggregator pays to take it in: drain the doorbell, append the
// sample to the history log.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "ipc/doorbell.hpp"
#include "ipc/history_log.hpp"
#include "ipc/sample_codec.hpp"
#include "ipc/sample_ring.hpp"
#include "sampler/sample_encoder.hpp"

namespace statline {
namespace {

std::string read_fixture(const std::string& relative) {
  const std::string path = std::string(STATLINE_FIXTURES) + "/proc/" + relative;
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    std::cerr << "missing fixture " << path << "\n";
    std::exit(1);
  }
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// /proc/net/dev of a host with `count` interfaces (lo, veth1, ...), as bench/scaling makes.
std::string netdev_text(int count) {
  std::string text =
      "Inter-|   Receive                                                |  Transmit\n"
      " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets "
      "errs drop fifo colls carrier compressed\n";
  for (int i = 0; i < count; ++i) {
    const std::string name = i == 0 ? "lo" : "veth" + std::to_string(i);
    text += "  " + name + ": " + std::to_string(1000000 * i + 12345) + " " +
            std::to_string(1000 * i + 7) + " 0 " + std::to_string(i % 3) + " 0 0 0 " +
            std::to_string(i) + " " + std::to_string(2000000 * i + 54321) + " " +
            std::to_string(2000 * i + 3) + " 0 0 0 0 0 0\n";
  }
  return text;
}

// Generous word budgets, as ring_sizes_for() gives a big machine.
std::uint32_t max_words(Source source) {
  switch (source) {
    case Source::stat:
      return stat_payload_words(256);
    case Source::meminfo:
      return meminfo_payload_words(256);
    case Source::netdev:
      return netdev_payload_words(256);
    case Source::loadavg:
      return loadavg_payload_words();
  }
  return 0;
}

void parse_and_encode_text(benchmark::State& state, Source source, const std::string& text) {
  const auto words = max_words(source);
  // As a collector runs it: one encoder for every sample, so its storage is reused.
  SampleEncoder encoder(source);
  if (!encoder.encode(text, words)) {
    state.SkipWithError("the text does not parse");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(encoder.encode(text, words));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_CollectorStep(benchmark::State& state, Source source, std::string relative) {
  parse_and_encode_text(state, source, read_fixture(relative));
}
BENCHMARK_CAPTURE(BM_CollectorStep, stat_real, Source::stat, "real/stat");
BENCHMARK_CAPTURE(BM_CollectorStep, stat_cpu128, Source::stat, "cpu128/stat");
BENCHMARK_CAPTURE(BM_CollectorStep, meminfo_real, Source::meminfo, "real/meminfo");
BENCHMARK_CAPTURE(BM_CollectorStep, netdev_real, Source::netdev, "real/net/dev");
BENCHMARK_CAPTURE(BM_CollectorStep, loadavg_real, Source::loadavg, "real/loadavg");

void BM_CollectorStepNetdev64(benchmark::State& state) {
  parse_and_encode_text(state, Source::netdev, netdev_text(64));
}
BENCHMARK(BM_CollectorStepNetdev64);

// A doorbell rung and drained: one pipe write and two reads (the second finds it empty),
// the kernel's share of each sample's notification.
void BM_DoorbellRingAndDrain(benchmark::State& state) {
  const auto pipe = create_doorbell();
  std::uint64_t seq = 0;
  for (auto _ : state) {
    ring_doorbell(pipe.write_fd, ++seq);
    benchmark::DoNotOptimize(drain_doorbell(pipe.read_fd));
  }
  ::close(pipe.read_fd);
  ::close(pipe.write_fd);
}
BENCHMARK(BM_DoorbellRingAndDrain);

// The aggregator's copy of each sample into the history log, in steady state (every
// append evicts the oldest record of a full hour at 1 s).
void BM_HistoryAppendStat(benchmark::State& state) {
  const auto cpus = static_cast<std::uint32_t>(state.range(0));
  StatSample sample;
  for (std::uint32_t cpu = 0; cpu < cpus; ++cpu) {
    sample.cores.push_back(CoreTimes{cpu, CpuTimes{cpu, 2, 3, 4, 5, 6, 7, 8, 9, 10}});
  }
  const auto words = *encode_stat(sample, stat_payload_words(cpus));
  auto log = HistoryLog::create("bench-history", RingKind::stat);
  constexpr std::int64_t kSecond = 1'000'000'000;
  std::uint64_t seq = 0;
  for (; seq < 3600; ++seq) {
    log.append(SlotStamp{seq + 1, static_cast<std::int64_t>(seq) * kSecond, 0}, words, 0);
  }
  for (auto _ : state) {
    ++seq;
    const auto now = static_cast<std::int64_t>(seq) * kSecond;
    log.append(SlotStamp{seq, now, 0}, words, now - 3600 * kSecond);
  }
}
BENCHMARK(BM_HistoryAppendStat)->ArgName("cpus")->Arg(2)->Arg(128);

}  // namespace
}  // namespace statline

BENCHMARK_MAIN();
