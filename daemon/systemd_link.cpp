#include "daemon/systemd_link.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/post.hpp>
#include <chrono>

#include "ipc/clock.hpp"
#include "ipc/doorbell.hpp"
#include "logging/log.hpp"
#include "server/snapshot_builder.hpp"

namespace statline {
namespace {

// A reload whose aggregator never confirms the new config (it crashed mid-way and is in
// backoff, say) must not leave systemd in "reloading" for ever.
constexpr auto kReloadAckTimeout = std::chrono::seconds(5);

std::int64_t to_ns(std::chrono::microseconds usec) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(usec).count();
}

}  // namespace

SystemdLink::SystemdLink(boost::asio::io_context& io, HealthBoard& board, int bell_read_fd,
                         FactsSource facts)
    : io_(io),
      board_(board),
      facts_(std::move(facts)),
      // asio owns what it wraps: a dup, so the supervisor's fd outlives this object.
      bell_(io, ::dup(bell_read_fd)),
      watchdog_timer_(io),
      reload_timer_(io) {
  board_.set_events_wanted(notifier_.enabled());
  // The aggregator beats four times per watchdog timeout: at least one beat falls
  // between two watchdog ticks (half the timeout apart) even when a tick runs late.
  board_.set_beat_period_ns(to_ns(notifier_.watchdog_timeout()) / 4);
}

void SystemdLink::start() {
  if (!notifier_.enabled()) return;
  const auto facts = facts_();
  // READY=1 needs two samples of every source (rates), so with long intervals startup
  // outlasts TimeoutStartSec=; this pushes the deadline out to what the interval needs.
  // systemd only ever extends with it, never shortens.
  const auto extend_usec = static_cast<std::uint64_t>((2 * facts.interval + 10) * 1e6);
  last_status_ = status_line(status_facts(facts));
  notifier_.send(fmt::format("STATUS={}\nEXTEND_TIMEOUT_USEC={}", last_status_, extend_usec));
  wait_bell();
  if (notifier_.watchdog_timeout().count() > 0) {
    log(LogPriority::info, "systemd watchdog: {} ms, pinging every {} ms",
        notifier_.watchdog_timeout().count() / 1000, notifier_.watchdog_timeout().count() / 2000);
    schedule_watchdog(boost::asio::steady_timer::clock_type::now() +
                      notifier_.watchdog_timeout() / 2);
  }
}

void SystemdLink::wait_bell() {
  bell_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                   [this](const boost::system::error_code& error) {
                     if (error || phase_ == ServicePhase::stopping) return;
                     // The board says what happened; the bytes only say "look".
                     drain_doorbell(bell_.native_handle());
                     update();
                     wait_bell();
                   });
}

void SystemdLink::children_changed() {
  if (!notifier_.enabled() || update_posted_) return;
  // Children change in bursts (five starts, a stop): one STATUS= for the whole burst.
  update_posted_ = true;
  boost::asio::post(io_, [this] {
    update_posted_ = false;
    update();
  });
}

bool SystemdLink::aggregator_running(const ServiceFacts& facts) const {
  return std::any_of(facts.children.begin(), facts.children.end(),
                     [](const ChildFacts& child) { return child.source.empty() && child.running; });
}

void SystemdLink::update() {
  if (phase_ == ServicePhase::stopping) return;
  const auto facts = facts_();
  if (phase_ == ServicePhase::starting && board_.serving() && aggregator_running(facts)) {
    phase_ = ServicePhase::running;
    last_status_ = status_line(status_facts(facts));
    notifier_.send("READY=1\nSTATUS=" + last_status_);
    log(LogPriority::info, "ready: {}", last_status_);
    return;
  }
  if (phase_ == ServicePhase::reloading && awaiting_ack_ &&
      (board_.config_seq() >= awaited_config_seq_ || !aggregator_running(facts))) {
    // A stopped aggregator picks up the new config when it starts again.
    finish_reload(true);
    return;
  }
  if (auto status = status_assignment(); !status.empty()) notifier_.send(status);
}

std::string SystemdLink::status_assignment() {
  auto line = status_line(status_facts(facts_()));
  if (line == last_status_) return "";
  last_status_ = line;
  return "STATUS=" + std::move(line);
}

void SystemdLink::reload_started() {
  // Before READY=1 there is no "running" state to leave: the reload just happens, and
  // READY=1 still waits for the first full snapshot.
  if (!notifier_.enabled() || phase_ != ServicePhase::running) return;
  phase_ = ServicePhase::reloading;
  last_status_ = status_line(status_facts(facts_()));
  notifier_.send("RELOADING=1\n" + monotonic_usec_assignment() + "\nSTATUS=" + last_status_);
}

void SystemdLink::reload_applied(std::uint64_t config_seq) {
  note_.clear();
  if (phase_ != ServicePhase::reloading) return;
  awaited_config_seq_ = config_seq;
  awaiting_ack_ = true;
  reload_timer_.expires_after(kReloadAckTimeout);
  reload_timer_.async_wait([this](const boost::system::error_code& error) {
    if (!error && phase_ == ServicePhase::reloading) finish_reload(false);
  });
  update();
}

void SystemdLink::reload_refused(const std::string& error) {
  note_ = "reload refused: " + error;
  if (phase_ == ServicePhase::reloading) {
    finish_reload(true);
  } else {
    children_changed();  // the note belongs in STATUS= even before READY=1
  }
}

void SystemdLink::finish_reload(bool acknowledged) {
  if (!acknowledged) {
    log(LogPriority::warning, "the aggregator did not confirm the reloaded config within {} s",
        kReloadAckTimeout.count());
  }
  awaiting_ack_ = false;
  reload_timer_.cancel();
  phase_ = ServicePhase::running;
  last_status_ = status_line(status_facts(facts_()));
  notifier_.send("READY=1\nSTATUS=" + last_status_);
}

void SystemdLink::stopping() {
  if (phase_ == ServicePhase::stopping) return;
  phase_ = ServicePhase::stopping;
  boost::system::error_code ignored;
  bell_.cancel(ignored);
  watchdog_timer_.cancel();
  reload_timer_.cancel();
  notifier_.send("STOPPING=1\nSTATUS=stopping");
}

void SystemdLink::schedule_watchdog(boost::asio::steady_timer::time_point deadline) {
  watchdog_timer_.expires_at(deadline);
  watchdog_timer_.async_wait([this, deadline](const boost::system::error_code& error) {
    if (error || phase_ == ServicePhase::stopping) return;
    watchdog_tick();
    const auto period = notifier_.watchdog_timeout() / 2;
    auto next = deadline + period;
    const auto now = boost::asio::steady_timer::clock_type::now();
    if (next <= now) next = now + period;  // a late tick does not burst to catch up
    schedule_watchdog(next);
  });
}

void SystemdLink::watchdog_tick() {
  const auto facts = facts_();
  auto stalled = liveness_.stalled(progress_of(facts), monotonic_ns());
  if (!stalled.empty() && stalled != stalled_) {
    // Logged when the set changes, not every tick: systemd's own message follows.
    log(LogPriority::error, "no progress from {}: withholding the systemd watchdog ping",
        fmt::join(stalled, ", "));
  }
  if (stalled.empty() && !stalled_.empty())
    log(LogPriority::notice, "every child progresses again");
  const bool alive = stalled.empty();
  stalled_ = std::move(stalled);
  // The ping and a changed status line travel in one datagram.
  auto message = status_assignment();
  if (alive) message = message.empty() ? "WATCHDOG=1" : "WATCHDOG=1\n" + message;
  if (!message.empty()) notifier_.send(message);
  update();
}

std::vector<ChildProgress> SystemdLink::progress_of(const ServiceFacts& facts) const {
  // Windows: the aggregator beats every quarter timeout, so three quarters without a
  // beat is a stuck event loop, not a late timer. Collectors publish once per interval;
  // the snapshot's own staleness rule says when a source counts as down.
  const std::int64_t timeout = to_ns(notifier_.watchdog_timeout());
  const std::int64_t aggregator_window = timeout * 3 / 4;
  const std::int64_t collector_window = std::max(stale_after_ns(facts.interval), aggregator_window);
  std::vector<ChildProgress> children;
  for (const auto& child : facts.children) {
    if (!child.wanted) continue;
    children.push_back(ChildProgress{child.role, child.running, child.started_ns, child.progress,
                                     child.source.empty() ? aggregator_window : collector_window});
  }
  return children;
}

StatusFacts SystemdLink::status_facts(const ServiceFacts& facts) const {
  StatusFacts status;
  status.phase = phase_;
  for (const auto& child : facts.children) {
    if (child.source.empty()) {
      status.aggregator_up = child.running;
    } else if (child.wanted) {
      ++status.collectors_wanted;
      if (!child.running) status.collectors_down.push_back(child.source);
    }
  }
  status.clients = board_.clients();
  status.samples = facts.samples;
  status.stalled = stalled_;
  status.note = note_;
  return status;
}

}  // namespace statline
