#include "aggregator/statline_metrics.hpp"

namespace statline {
namespace {

template <class Value>
void per_collector(PrometheusText& out, std::string_view name, MetricType type,
                   std::string_view help, std::span<const CollectorHealth> collectors,
                   Value value) {
  out.family(name, type, help);
  for (const auto& collector : collectors) {
    if (const std::optional<double> v = value(collector)) {
      out.sample(name, {{"source", collector.source}}, *v);
    }
  }
}

}  // namespace

void write_statline_metrics(PrometheusText& out, const DaemonHealth& health,
                            std::string_view version) {
  out.family("statline_build_info", MetricType::gauge,
             "A metric with a constant '1' value labeled by the statline version.");
  out.sample("statline_build_info", {{"version", version}}, 1);
  const auto collectors = health.collectors;
  per_collector(out, "statline_collector_up", MetricType::gauge,
                "Whether the source has a fresh, valid sample (1) or is down or failing (0).",
                collectors,
                [](const CollectorHealth& c) -> std::optional<double> { return c.up ? 1 : 0; });
  per_collector(out, "statline_collector_restarts_total", MetricType::counter,
                "Times the source's collector process was restarted.", collectors,
                [](const CollectorHealth& c) -> std::optional<double> {
                  return static_cast<double>(c.restarts);
                });
  per_collector(out, "statline_collector_samples_total", MetricType::counter,
                "Samples the source's collector published.", collectors,
                [](const CollectorHealth& c) -> std::optional<double> {
                  return static_cast<double>(c.samples);
                });
  per_collector(out, "statline_collector_lost_samples_total", MetricType::counter,
                "Samples overwritten before the aggregator read them.", collectors,
                [](const CollectorHealth& c) -> std::optional<double> {
                  return static_cast<double>(c.lost);
                });
  per_collector(out, "statline_collector_last_sample_age_seconds", MetricType::gauge,
                "Seconds since the source's newest sample was read.", collectors,
                [](const CollectorHealth& c) { return c.last_sample_age; });
  out.family("statline_clients", MetricType::gauge, "Clients connected to the Unix socket.");
  out.sample("statline_clients", static_cast<double>(health.clients));
}

}  // namespace statline
