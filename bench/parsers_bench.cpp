// Cost of one parse of each /proc source, on the recorded files of tests/fixtures/proc:
// what a collector spends per sample beyond the pread itself.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "collectors/loadavg.hpp"
#include "collectors/meminfo.hpp"
#include "collectors/netdev.hpp"
#include "collectors/stat.hpp"

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

// Parses `relative` once per iteration; aborts the run if the fixture does not parse,
// so a broken parser cannot post a flattering number.
template <auto Parse>
void parse_fixture(benchmark::State& state, const std::string& relative) {
  const std::string text = read_fixture(relative);
  if (!Parse(text).ok()) {
    state.SkipWithError(("fixture does not parse: " + relative).c_str());
    return;
  }
  for (auto _ : state) {
    auto result = Parse(text);
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

// BENCHMARK_CAPTURE needs a plain function name, hence one line per parser.
void parse_stat(benchmark::State& state, const std::string& relative) {
  parse_fixture<statline::parse_stat>(state, relative);
}
void parse_meminfo(benchmark::State& state, const std::string& relative) {
  parse_fixture<statline::parse_meminfo>(state, relative);
}
void parse_netdev(benchmark::State& state, const std::string& relative) {
  parse_fixture<statline::parse_netdev>(state, relative);
}
void parse_loadavg(benchmark::State& state, const std::string& relative) {
  parse_fixture<statline::parse_loadavg>(state, relative);
}

}  // namespace

BENCHMARK_CAPTURE(parse_stat, real, std::string("real/stat"));
BENCHMARK_CAPTURE(parse_stat, cpu128, std::string("cpu128/stat"));
BENCHMARK_CAPTURE(parse_meminfo, real, std::string("real/meminfo"));
BENCHMARK_CAPTURE(parse_netdev, real, std::string("real/net/dev"));
BENCHMARK_CAPTURE(parse_loadavg, real, std::string("real/loadavg"));

BENCHMARK_MAIN();
