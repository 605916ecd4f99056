#include "daemon/collector_process.hpp"

#include <signal.h>
#include <sys/prctl.h>
#include <time.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <exception>

#include "daemon/parse_and_encode.hpp"
#include "daemon/proc_file_reader.hpp"
#include "ipc/clock.hpp"
#include "ipc/doorbell.hpp"
#include "ipc/reload_signal.hpp"
#include "ipc/sample_ring.hpp"
#include "logging/log.hpp"
#include "server/config_channel.hpp"

namespace statline {
namespace {

using Clock = std::chrono::steady_clock;

// The first multiple of `interval` on the monotonic clock after `now`: every collector
// reads at the same instants, so the aggregator sees the four sources land together.
Clock::time_point next_aligned(Clock::time_point now, Clock::duration interval) {
  const auto ticks = now.time_since_epoch() / interval + 1;
  return Clock::time_point(ticks * interval);
}

class Collector {
 public:
  Collector(boost::asio::io_context& io, Source source, const CollectorChannels& fds)
      : source_(source),
        ring_(SampleRing::attach(fds.ring, static_cast<RingKind>(static_cast<int>(source) + 1))),
        config_ring_(SampleRing::attach(fds.config, RingKind::control)),
        bell_fd_(fds.bell),
        reader_(""),
        timer_(io),
        signals_(io, SIGTERM, SIGINT, SIGHUP) {
    accept_reload_signals();
    apply_config();
    wait_signal();
    schedule(next_aligned(Clock::now(), interval_));
  }

 private:
  void apply_config() {
    const auto published = read_config(config_ring_);
    set_log_threshold(to_log_priority(published.config.log_level));
    interval_ = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(published.config.interval));
    const auto path = source_file_path(published.config.proc_root, source_);
    if (path != reader_.path()) reader_.set_path(path);
  }

  void wait_signal() {
    signals_.async_wait([this](const boost::system::error_code& error, int signal_number) {
      if (error) return;
      if (signal_number == SIGHUP) {
        try {
          apply_config();
          log(LogPriority::info, "config reloaded");
        } catch (const std::exception& e) {
          log(LogPriority::error, "reload failed: {}", e.what());
        }
        // A new interval takes effect from the next aligned instant.
        schedule(next_aligned(Clock::now(), interval_));
        wait_signal();
        return;
      }
      timer_.cancel();
      signals_.clear();
    });
  }

  void schedule(Clock::time_point deadline) {
    deadline_ = deadline;
    timer_.expires_at(deadline_);
    timer_.async_wait([this](const boost::system::error_code& error) {
      if (error) return;
      tick();
      // Skip deadlines missed while stopped or starved instead of bursting to catch up.
      auto next = deadline_ + interval_;
      const auto now = Clock::now();
      if (next <= now) next = next_aligned(now, interval_);
      schedule(next);
    });
  }

  void tick() {
    const auto text = reader_.read();
    const auto monotonic =
        std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
            .count();
    const auto realtime = realtime_ns();
    if (!text) return report_error(text.error(), realtime);
    auto payload = parse_and_encode(source_, text.value(), ring_.geometry().payload_words);
    if (!payload) return report_error(payload.error(), realtime);
    const auto seq = ring_.publish(SlotStamp{0, monotonic, realtime}, payload.value());
    // A full pipe means the aggregator is behind: it catches up from the ring.
    ring_doorbell(bell_fd_, seq);
    if (!last_error_.empty()) {
      log(LogPriority::notice, "{}: recovered", reader_.path());
      last_error_.clear();
    }
  }

  // Logged once per change, not once per tick: a broken file would flood the journal.
  void report_error(const std::string& message, std::int64_t realtime) {
    ring_.set_error(message, realtime);
    if (message != last_error_) log(LogPriority::warning, "{}", message);
    last_error_ = message;
  }

  Source source_;
  SampleRing ring_;
  SampleRing config_ring_;
  int bell_fd_;
  ProcFileReader reader_;
  Clock::duration interval_{std::chrono::seconds(1)};
  Clock::time_point deadline_;
  std::string last_error_;
  boost::asio::steady_timer timer_;
  boost::asio::signal_set signals_;
};

}  // namespace

int run_collector(const ChildSpec& spec) {
  const auto name = std::string("sl-") + std::string(source_info(*spec.collector).name);
  prctl(PR_SET_NAME, name.c_str());
  init_logging(child_role(spec), LogPriority::info);
  signal(SIGPIPE, SIG_IGN);
  try {
    boost::asio::io_context io;
    Collector collector(io, *spec.collector, spec.collector_fds);
    io.run();
    return 0;
  } catch (const std::exception& e) {
    log(LogPriority::error, "{}", e.what());
    return 1;
  }
}

}  // namespace statline
