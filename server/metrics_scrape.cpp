#include "server/metrics_scrape.hpp"

#include <unistd.h>

#include <chrono>

#include "aggregator/node_metrics.hpp"
#include "ipc/sample_codec.hpp"

namespace statline {
namespace {

double user_hz() {
  const long hz = ::sysconf(_SC_CLK_TCK);
  return hz > 0 ? static_cast<double>(hz) : 100.0;
}

// Decodes the source's sample and writes its families, timed; a source without a current
// sample (or one that does not decode) writes nothing and scrapes as failed.
template <class Decode, class Write>
CollectorScrape scrape(std::string_view collector, const std::vector<std::uint64_t>* words,
                       Decode decode, Write write) {
  const auto start = std::chrono::steady_clock::now();
  bool success = false;
  if (words != nullptr) {
    if (const auto sample = decode(*words)) {
      write(*sample);
      success = true;
    }
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  return CollectorScrape{collector, took.count(), success};
}

}  // namespace

std::string MetricsScrape::render(const std::array<ScrapeSource, kSources.size()>& sources,
                                  const Config& config, std::uint64_t clients) {
  PrometheusText out;
  const auto payload = [&](Source source) {
    return sources[static_cast<std::size_t>(source)].payload;
  };
  const double hz = user_hz();
  // node_exporter's collector names; two of them (cpu, stat) read /proc/stat.
  const std::vector<CollectorScrape> scrapes{
      scrape("cpu", payload(Source::stat), decode_stat,
             [&](const StatSample& sample) {
               const auto reset_ticks = static_cast<std::uint64_t>(3 * hz);
               write_cpu_metrics(out, cpu_floor_.apply(sample, reset_ticks), hz);
             }),
      scrape("stat", payload(Source::stat), decode_stat,
             [&](const StatSample& sample) { write_stat_metrics(out, sample); }),
      scrape("meminfo", payload(Source::meminfo), decode_meminfo,
             [&](const MeminfoSample& sample) { write_meminfo_metrics(out, sample); }),
      scrape("netdev", payload(Source::netdev), decode_netdev,
             [&](const NetdevSample& sample) {
               write_netdev_metrics(out, sample, config.collectors.netdev);
             }),
      scrape("loadavg", payload(Source::loadavg), decode_loadavg,
             [&](const LoadavgSample& sample) { write_loadavg_metrics(out, sample); }),
  };
  write_scrape_metrics(out, scrapes);

  std::vector<CollectorHealth> health;
  for (const auto& info : kSources) {
    const auto& source = sources[static_cast<std::size_t>(info.source)];
    CollectorHealth entry = source.health;
    entry.source = info.name;
    // Up when its families were written (node_exporter's stat collector is ours too).
    for (const auto& scraped : scrapes) {
      if (scraped.collector == info.name) entry.up = scraped.success;
    }
    health.push_back(entry);
  }
  write_statline_metrics(out, DaemonHealth{health, clients}, STATLINE_VERSION);
  return out.take();
}

}  // namespace statline
