#include "server/aggregator.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <limits>

#include "config/config_loader.hpp"
#include "ipc/clock.hpp"
#include "ipc/reload_signal.hpp"
#include "ipc/sample_codec.hpp"
#include "logging/log.hpp"
#include "process/program_pages.hpp"
#include "server/child_table.hpp"
#include "server/descriptor_limit.hpp"

namespace statline {
namespace {

// Collectors read at the same aligned instants; waiting a moment after the first
// doorbell lets the other sources land, so one snapshot (and one watch line) covers all.
std::chrono::microseconds coalesce_delay(double interval) {
  const double seconds = std::min(0.02, interval / 10.0);
  return std::chrono::microseconds(static_cast<long long>(seconds * 1e6));
}

SnapshotBuilder::Feeds attach_feeds(boost::asio::io_context& io, const AggregatorChannels& fds) {
  SnapshotBuilder::Feeds feeds;
  for (const auto& info : kSources) {
    const auto& source = fds.sources[static_cast<std::size_t>(info.source)];
    if (source.ring >= 0) {
      feeds[static_cast<std::size_t>(info.source)] =
          std::make_unique<SourceFeed>(io, info.source, source);
    }
  }
  return feeds;
}

}  // namespace

Aggregator::Aggregator(boost::asio::io_context& io, const AggregatorChannels& fds)
    : io_(io),
      config_ring_(SampleRing::attach(fds.config, RingKind::control)),
      control_ring_(SampleRing::attach(fds.control, RingKind::control)),
      config_seq_(config_ring_.last_seq()),
      config_(read_config(config_ring_)),
      feeds_(attach_feeds(io, fds)),
      builder_(feeds_),
      handler_(*this),
      server_(io, fds.listen, handler_, config_.config),
      health_(io, fds.health),
      signals_(io, SIGTERM, SIGINT, SIGHUP),
      flush_timer_(io),
      catch_up_timer_(io) {
  set_log_threshold(to_log_priority(config_.config.log_level));
  tmux_lines_.configure(config_.config.tmux);
  if (fds.metrics >= 0) metrics_http_.emplace(io, fds.metrics, [this] { return metrics(); });
  accept_reload_signals();
}

void Aggregator::start() {
  // Doorbells until the first full snapshot (see update_doorbells); asked for before the
  // catch-up, so that a sample published in between is not missed.
  want_doorbells(true);
  // Pick up whatever arrived while no aggregator was running.
  for (auto& feed : feeds_) {
    if (!feed) continue;
    feed->catch_up(keep_since());
    feed->watch_doorbell([this] { on_doorbell(); });
  }
  refresh_snapshot(true);
  schedule_catch_up();
  wait_signals();
  apply_descriptor_limit();
  server_.start();
  if (metrics_http_) metrics_http_->start();
  health_.start();
  health_.config_applied(config_seq_);
  // After a restart the history may already hold a full snapshot: ready at once.
  report_health();
  log(LogPriority::info, "serving");
}

void Aggregator::report_health() {
  health_.snapshot_refreshed(snapshot_complete_, server_.sessions().size());
}

void Aggregator::wait_signals() {
  signals_.async_wait([this](const boost::system::error_code& error, int signal_number) {
    if (error) return;
    if (signal_number == SIGHUP) {
      apply_config();
      wait_signals();
      return;
    }
    server_.stop();
    if (metrics_http_) metrics_http_->stop();
    health_.stop();
    for (auto& feed : feeds_) {
      if (feed) feed->stop();
    }
    flush_timer_.cancel();
    catch_up_timer_.cancel();
    signals_.clear();
  });
}

void Aggregator::apply_config() {
  try {
    // Read the sequence number first: if another config lands in between, the one we
    // report is older than the one we run, and the supervisor's SIGHUP for it follows.
    const auto seq = config_ring_.last_seq();
    config_ = read_config(config_ring_);
    set_log_threshold(to_log_priority(config_.config.log_level));
    server_.reconfigure(config_.config);
    tmux_lines_.configure(config_.config.tmux);
    apply_descriptor_limit();
    refresh_snapshot(true);
    health_.config_applied(seq);
    log(LogPriority::info, "config reloaded");
    post_program_pages_release(io_.get_executor(), "reload");
  } catch (const std::exception& e) {
    log(LogPriority::error, "reload failed, keeping the running config: {}", e.what());
  }
}

void Aggregator::apply_descriptor_limit() {
  if (const std::string warning = raise_descriptor_limit(config_.config.clients.max);
      !warning.empty()) {
    log(LogPriority::warning, "{}", warning);
  }
}

void Aggregator::on_doorbell() {
  if (flush_pending_) return;
  flush_pending_ = true;
  flush_timer_.expires_after(coalesce_delay(config_.config.interval));
  flush_timer_.async_wait([this](const boost::system::error_code& error) {
    flush_pending_ = false;
    if (!error) flush();
  });
}

void Aggregator::flush() {
  // The samples may already have been taken in by a request since the doorbell rang:
  // what counts is whether the snapshot is newer than the last one streamed.
  refresh_snapshot(false);
  report_health();
  const double time = snapshot_.time;
  std::size_t watchers = 0;
  server_.sessions().for_each_watcher([&](Session& session) {
    ++watchers;
    if (time <= streamed_time_ || !session.watch_due(time, config_.config.interval)) return;
    const std::string& topic = session.watch_topic();
    if (topic.empty()) return void(session.send(snapshot_line_));
    // Followers of the same tmux format share one rendering per sample (tmux_line caches).
    const auto [format, ascii] = TmuxLines::parse_topic(topic);
    const auto rendered = tmux_line(format, ascii);
    session.send(rendered ? rendered.value() + "\n" : error_reply(rendered.error()));
  });
  streamed_time_ = std::max(streamed_time_, time);
  update_doorbells(watchers);
}

bool Aggregator::catch_up() {
  bool arrived = false;
  for (auto& feed : feeds_) {
    if (feed && feed->catch_up(keep_since())) arrived = true;
  }
  if (arrived) samples_since_snapshot_ = true;
  return arrived;
}

// Collectors publish into their rings whether or not anyone listens. The aggregator asks
// for doorbells only while it must act on each sample as it lands: a client streams
// (watch, tmux --follow), or no full snapshot was served yet (systemd's READY=1 waits for
// one). Otherwise it sleeps: every request catches up from the rings first, and the
// catch-up timer keeps the history complete before the rings wrap. An idle daemon thus
// costs the collectors' reads and nothing else.
void Aggregator::update_doorbells(std::size_t watchers) {
  want_doorbells(!snapshot_complete_ || watchers > 0);
}

void Aggregator::want_doorbells(bool wanted) {
  if (wanted == doorbells_wanted_) return;
  doorbells_wanted_ = wanted;
  for (auto& feed : feeds_) {
    if (feed) feed->want_doorbell(wanted);
  }
}

void Aggregator::streaming_started() {
  want_doorbells(true);
  catch_up();
}

void Aggregator::schedule_catch_up() {
  // Half of the shortest ring: however late the timer fires, no sample is overwritten
  // before the history has it.
  std::uint32_t capacity = std::numeric_limits<std::uint32_t>::max();
  for (const auto& feed : feeds_) {
    if (feed) capacity = std::min(capacity, feed->ring_capacity());
  }
  if (capacity == std::numeric_limits<std::uint32_t>::max()) return;  // no source at all
  const double seconds = config_.config.interval * std::max<std::uint32_t>(1, capacity / 2);
  catch_up_timer_.expires_after(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(seconds)));
  catch_up_timer_.async_wait([this](const boost::system::error_code& error) {
    if (error) return;
    if (doorbells_wanted_) {
      flush();  // takes the samples in, streams to watchers, reviews the doorbells
    } else {
      // Nobody streams: only the history needs the samples before the rings wrap (no
      // snapshot is built until asked), and code that served clients may go.
      catch_up();
      report_health();
      if (client_code_.due(server_.sessions().added(), server_.sessions().size())) {
        post_program_pages_release(io_.get_executor(), "clients gone");
      }
    }
    schedule_catch_up();
  });
}

std::int64_t Aggregator::keep_since() const {
  return monotonic_ns() - static_cast<std::int64_t>(config_.config.history * 1e9);
}

std::array<SourceHealth, kSources.size()> Aggregator::source_health() const {
  std::array<SourceHealth, kSources.size()> health;
  const auto table = read_child_table(control_ring_);
  if (!table) return health;
  for (const auto& info : kSources) {
    const std::string role = "collector " + std::string(info.name);
    for (const auto& child : table->children) {
      if (child.role == role) {
        auto& source = health[static_cast<std::size_t>(info.source)];
        source.collector_running = child.pid > 0;
        source.restarts = child.restarts;
      }
    }
  }
  return health;
}

void Aggregator::refresh_snapshot(bool force) {
  // Samples that landed since the last look (without doorbells nobody said so).
  catch_up();
  if (samples_since_snapshot_) force = true;
  const auto now = monotonic_ns();
  // Between samples the cached snapshot is served as is: serialised once per sample, not
  // per request. It is rebuilt when a sample lands, or after an interval without one so
  // a dead source turns null.
  const auto max_age = static_cast<std::int64_t>(config_.config.interval * 1e9);
  if (!force && snapshot_built_ns_ >= 0 && now - snapshot_built_ns_ < max_age) return;
  snapshot_ = builder_.build(config_.config, source_health(), now);
  snapshot_json_ = to_json(snapshot_);
  snapshot_line_ = dump_json(snapshot_json_) + "\n";
  snapshot_complete_ = builder_.all_settled(snapshot_, config_.config);
  if (snapshot_complete_ && !client_code_.startup_done()) {
    // Start-up ends with the first full snapshot: from here the aggregator sleeps until
    // asked (update_doorbells), and set-up code need not stay mapped.
    client_code_.startup_released(server_.sessions().added());
    post_program_pages_release(io_.get_executor(), "first full snapshot");
  }
  snapshot_built_ns_ = now;
  samples_since_snapshot_ = false;
  tmux_cache_.clear();
}

const std::string& Aggregator::snapshot_line() {
  refresh_snapshot(false);
  return snapshot_line_;
}

const Snapshot& Aggregator::snapshot() {
  refresh_snapshot(false);
  return snapshot_;
}

std::optional<MeminfoSample> Aggregator::meminfo() {
  // Only when the snapshot shows mem: the same freshness rules, no stale sample.
  if (!snapshot().mem) return std::nullopt;
  const auto& feed = feeds_[static_cast<std::size_t>(Source::meminfo)];
  if (!feed || !feed->latest()) return std::nullopt;
  auto sample = decode_meminfo(feed->latest()->payload);
  if (!sample) return std::nullopt;
  return std::move(sample.value());
}

Result<std::vector<HistoryPoint>> Aggregator::history(const std::string& metric,
                                                      std::optional<double> seconds) {
  catch_up();
  const std::int64_t since =
      seconds ? monotonic_ns() - static_cast<std::int64_t>(*seconds * 1e9) : keep_since();
  return builder_.history(metric, config_.config, since);
}

Result<std::string> Aggregator::tmux_line(const std::optional<std::string>& format, bool ascii) {
  refresh_snapshot(false);
  // Rendered once per sample and format: `statline tmux` from many panes, and followers,
  // share it until the next sample.
  const std::string topic = TmuxLines::topic(format, ascii);
  auto cached = tmux_cache_.find(topic);
  if (cached == tmux_cache_.end()) {
    cached = tmux_cache_
                 .emplace(topic, tmux_lines_.render(format, ascii, snapshot_json_, builder_,
                                                    config_.config))
                 .first;
  }
  return cached->second;
}

nlohmann::ordered_json Aggregator::status() {
  catch_up();  // samples and lost as of now
  const auto table = read_child_table(control_ring_);
  const double now = unix_now();
  const auto now_mono = monotonic_ns();
  nlohmann::ordered_json children = nlohmann::ordered_json::array();
  if (table) {
    for (const auto& child : table->children) {
      nlohmann::ordered_json entry{
          {"role", child.role},
          {"pid", child.pid},
          {"state", child.state},
          {"restarts", child.restarts},
          {"samples", nullptr},
          {"lost", nullptr},
          {"history_samples", nullptr},
          {"history_bytes", nullptr},
          {"last_sample_age", nullptr},
          {"last_error", nullptr},
          {"last_exit", child.last_exit.empty() ? nlohmann::ordered_json(nullptr)
                                                : nlohmann::ordered_json(child.last_exit)}};
      for (const auto& feed : feeds_) {
        if (!feed || "collector " + std::string(source_info(feed->source()).name) != child.role) {
          continue;
        }
        entry["samples"] = feed->samples();
        entry["lost"] = feed->lost();
        entry["history_samples"] = feed->history().size();
        // What the kept samples take in the history's shared memory (history_record.hpp).
        entry["history_bytes"] = feed->history().bytes_used();
        if (feed->latest()) {
          entry["last_sample_age"] =
              static_cast<double>(now_mono - feed->latest()->stamp.monotonic_ns) / 1e9;
        }
        const auto error = feed->error();
        if (!error.message.empty()) entry["last_error"] = error.message;
      }
      children.push_back(std::move(entry));
    }
  }
  return nlohmann::ordered_json{{"version", STATLINE_VERSION},
                                {"uptime", table ? now - table->daemon_started : 0.0},
                                {"config", config_.path},
                                {"socket", table ? table->socket_path : config_.config.socket},
                                {"interval", config_.config.interval},
                                {"history", config_.config.history},
                                {"clients", server_.sessions().size()},
                                {"children", std::move(children)}};
}

std::string Aggregator::metrics() {
  catch_up();
  const auto now = monotonic_ns();
  const auto health = source_health();
  std::array<ScrapeSource, kSources.size()> sources;
  for (const auto& info : kSources) {
    const auto index = static_cast<std::size_t>(info.source);
    auto& source = sources[index];
    const auto* latest = builder_.fresh_latest(info.source, config_.config, health[index], now);
    source.payload = latest ? &latest->payload : nullptr;
    source.health.restarts = static_cast<std::uint64_t>(std::max(0, health[index].restarts));
    if (const auto& feed = feeds_[index]) {
      source.health.samples = feed->samples();
      source.health.lost = feed->lost();
      if (feed->latest()) {
        source.health.last_sample_age =
            static_cast<double>(now - feed->latest()->stamp.monotonic_ns) / 1e9;
      }
    }
  }
  return metrics_scrape_.render(sources, config_.config, server_.sessions().size());
}

Result<bool> Aggregator::request_reload() {
  // Validate here so the client hears what is wrong; the supervisor validates again and
  // publishes the result (with its command-line overrides) to every child.
  if (config_.path != "built-in defaults") {
    const auto loaded = load_config_file(config_.path);
    if (!loaded) return ParseError{loaded.error()};
  }
  if (::kill(::getppid(), SIGHUP) != 0) return ParseError{"cannot signal the supervisor"};
  return true;
}

}  // namespace statline
