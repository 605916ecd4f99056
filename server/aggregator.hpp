// The aggregator's state and event handling: feeds, the snapshot cache, watchers.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "ipc/aggregator_channels.hpp"
#include "server/client_code_release.hpp"
#include "server/config_channel.hpp"
#include "server/health_reporter.hpp"
#include "server/metrics_http_server.hpp"
#include "server/metrics_scrape.hpp"
#include "server/request_handler.hpp"
#include "server/server.hpp"
#include "server/snapshot_builder.hpp"
#include "server/source_feed.hpp"
#include "server/tmux_lines.hpp"

namespace statline {

class Aggregator final : public RequestContext {
 public:
  Aggregator(boost::asio::io_context& io, const AggregatorChannels& fds);
  void start();

  // RequestContext
  const Config& config() const override { return config_.config; }
  const std::string& snapshot_line() override;
  const Snapshot& snapshot() override;
  std::optional<MeminfoSample> meminfo() override;
  Result<std::vector<HistoryPoint>> history(const std::string& metric,
                                            std::optional<double> seconds) override;
  nlohmann::ordered_json status() override;
  std::string metrics() override;
  Result<bool> request_reload() override;
  Result<std::string> tmux_line(const std::optional<std::string>& format, bool ascii) override;
  void streaming_started() override;

 private:
  void wait_signals();
  void on_doorbell();
  void flush();
  // Moves new samples from every ring into the history; true if any arrived.
  bool catch_up();
  void schedule_catch_up();
  void update_doorbells(std::size_t watchers);
  void want_doorbells(bool wanted);
  void apply_config();
  // Raises RLIMIT_NOFILE for clients.max; warns if the hard limit is too low.
  void apply_descriptor_limit();
  void refresh_snapshot(bool force);
  void report_health();
  std::int64_t keep_since() const;
  std::array<SourceHealth, kSources.size()> source_health() const;

  boost::asio::io_context& io_;
  SampleRing config_ring_;
  SampleRing control_ring_;
  std::uint64_t config_seq_;  // the config ring's sequence number config_ came from
  PublishedConfig config_;
  SnapshotBuilder::Feeds feeds_;
  SnapshotBuilder builder_;
  RequestHandler handler_;
  Server server_;
  HealthReporter health_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer flush_timer_;
  boost::asio::steady_timer catch_up_timer_;
  bool doorbells_wanted_ = false;
  bool flush_pending_ = false;
  Snapshot snapshot_;
  nlohmann::ordered_json snapshot_json_;
  std::string snapshot_line_;
  bool snapshot_complete_ = false;
  bool samples_since_snapshot_ = false;  // catch_up() found samples the snapshot lacks
  ClientCodeRelease client_code_;
  double streamed_time_ = 0;  // time of the last snapshot pushed to watchers
  TmuxLines tmux_lines_;
  MetricsScrape metrics_scrape_;
  std::optional<MetricsHttpServer> metrics_http_;          // with metrics.listen
  std::map<std::string, Result<std::string>> tmux_cache_;  // topic -> line, this sample
  std::int64_t snapshot_built_ns_ = -1;
};

}  // namespace statline
