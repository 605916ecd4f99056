#include "sampler/collector_process.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <time.h>

#include <chrono>
#include <exception>

#include "ipc/clock.hpp"
#include "ipc/collector_settings.hpp"
#include "ipc/doorbell.hpp"
#include "ipc/sample_ring.hpp"
#include "logging/log.hpp"
#include "process/program_pages.hpp"
#include "sampler/proc_file_reader.hpp"
#include "sampler/sample_encoder.hpp"

namespace statline {
namespace {

using Clock = std::chrono::steady_clock;

// The first multiple of `interval` on the monotonic clock after `now`: every collector
// reads at the same instants, so the aggregator sees the four sources land together.
Clock::time_point next_aligned(Clock::time_point now, Clock::duration interval) {
  const auto ticks = now.time_since_epoch() / interval + 1;
  return Clock::time_point(ticks * interval);
}

timespec to_timespec(Clock::duration duration) {
  const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(duration).count();
  return timespec{static_cast<time_t>(ns / 1'000'000'000), static_cast<long>(ns % 1'000'000'000)};
}

// A collector's only events are its deadline and three signals, so its whole loop is one
// ppoll() per sample, with no descriptor, that unblocks the signals only while it sleeps:
// no event library, no timerfd, no epoll (an Asio loop cost two more system calls per
// sample, and a wake-up costs far more than the read itself on a virtual machine; see
// bench/daemon_cpu). Outside ppoll the signals stay blocked, so one that comes while a
// sample is taken waits for the next sleep and is never missed. ppoll rather than
// sigtimedwait: the same guarantee, and measured a few µs cheaper per wake-up here.
volatile sig_atomic_t g_stop = 0;
volatile sig_atomic_t g_reload = 0;

void on_stop_signal(int) {
  g_stop = 1;
}
void on_reload_signal(int) {
  g_reload = 1;
}
class Collector {
 public:
  Collector(Source source, const CollectorChannels& fds)
      : source_(source),
        ring_(SampleRing::attach(fds.ring, static_cast<RingKind>(static_cast<int>(source) + 1))),
        config_ring_(SampleRing::attach(fds.config, RingKind::control)),
        bell_fd_(fds.bell),
        reader_(""),
        encoder_(source) {
    apply_config();
  }

  // Samples until SIGTERM or SIGINT; SIGHUP re-reads the config. The caller blocked the
  // three and installed their handlers; `sleeping` is the mask with them unblocked.
  void run(const sigset_t& sleeping) {
    auto deadline = next_aligned(Clock::now(), interval_);
    for (;;) {
      const auto now = Clock::now();
      if (now >= deadline) {
        tick();
        if (release_phase_ != nullptr) {
          // The first sample grew the buffers to fit the file: from here on only the
          // sampling loop runs, and only its pages come back.
          release_program_pages_after(release_phase_);
          release_phase_ = nullptr;
        }
        // Skip deadlines missed while stopped or starved instead of bursting to catch up.
        deadline += interval_;
        if (const auto after = Clock::now(); deadline <= after) {
          deadline = next_aligned(after, interval_);
        }
        continue;
      }
      // Relative to a deadline that stays absolute: waking late never shifts the next one.
      const timespec timeout = to_timespec(deadline - now);
      ::ppoll(nullptr, 0, &timeout, &sleeping);  // 0: the deadline came; EINTR: a signal
      if (g_stop) return;
      if (!g_reload) continue;
      g_reload = 0;
      try {
        apply_config();
        log(LogPriority::info, "config reloaded");
        release_phase_ = "reload";
      } catch (const std::exception& e) {
        log(LogPriority::error, "reload failed: {}", e.what());
      }
      // A new interval takes effect from the next aligned instant.
      deadline = next_aligned(Clock::now(), interval_);
    }
  }

 private:
  void apply_config() {
    const auto settings = read_collector_settings(config_ring_);
    set_log_threshold(to_log_priority(settings.log_level));
    interval_ = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(settings.interval));
    const auto path = source_file_path(settings.proc_root, source_);
    if (path != reader_.path()) reader_.set_path(path);
  }

  void tick() {
    const auto text = reader_.read();
    const auto monotonic =
        std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
            .count();
    const auto realtime = realtime_ns();
    if (!text) return report_error(text.error(), realtime);
    const auto payload = encoder_.encode(text.value(), ring_.geometry().payload_words);
    if (!payload) return report_error(payload.error(), realtime);
    const auto seq = ring_.publish(SlotStamp{0, monotonic, realtime}, payload.value());
    // The aggregator asks for doorbells only while it needs every sample as it lands
    // (start-up, streaming clients); otherwise it reads the ring when asked, and a write
    // here would only wake it for nothing. A full pipe means it is behind: it catches up
    // from the ring.
    if (ring_.doorbell_wanted()) ring_doorbell(bell_fd_, seq);
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
  SampleEncoder encoder_;
  Clock::duration interval_{std::chrono::seconds(1)};
  std::string last_error_;
  // Set while start-up or a reload has pages to release after the next sample.
  const char* release_phase_ = "start-up";
};

}  // namespace

int run_collector(const ChildSpec& spec) {
  const auto name = std::string("sl-") + std::string(source_info(*spec.collector).name);
  prctl(PR_SET_NAME, name.c_str());
  init_logging(child_role(spec), LogPriority::info);
  signal(SIGPIPE, SIG_IGN);
  // SIGHUP comes blocked from exec (ipc/reload_signal.hpp) and stays blocked with the
  // other two outside ppoll(): a reload sent during start-up is taken at the first sleep.
  sigset_t signals;
  sigemptyset(&signals);
  for (const int signal_number : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&signals, signal_number);
  sigset_t sleeping;
  sigprocmask(SIG_BLOCK, &signals, &sleeping);
  for (const int signal_number : {SIGTERM, SIGINT, SIGHUP}) sigdelset(&sleeping, signal_number);
  struct sigaction action {};
  sigfillset(&action.sa_mask);  // the handlers only set flags; nothing may interrupt them
  action.sa_handler = on_stop_signal;
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  action.sa_handler = on_reload_signal;
  sigaction(SIGHUP, &action, nullptr);
  try {
    Collector collector(*spec.collector, spec.collector_fds);
    collector.run(sleeping);
    return 0;
  } catch (const std::exception& e) {
    log(LogPriority::error, "{}", e.what());
    return 1;
  }
}

}  // namespace statline
