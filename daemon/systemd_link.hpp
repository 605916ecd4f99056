// The supervisor's conversation with systemd (Type=notify): READY=1 once the socket
// serves a first full snapshot, RELOADING=1 ... READY=1 around a reload, STOPPING=1 on
// stop, a STATUS= line kept current, and WATCHDOG=1 every half watchdog timeout while
// every running child is making progress.
//
// It sleeps between events: the aggregator's health doorbell (ipc/health_board.hpp), the
// supervisor's child events, and the watchdog timer (only when systemd armed one). Not
// under systemd (no NOTIFY_SOCKET) it sends nothing, arms nothing and watches nothing.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "daemon/liveness.hpp"
#include "daemon/service_notifier.hpp"
#include "daemon/service_status.hpp"
#include "ipc/health_board.hpp"

namespace statline {

// What the supervisor knows about one child at this instant.
struct ChildFacts {
  std::string role;    // "collector stat", "aggregator"
  std::string source;  // "stat" for a collector, empty for the aggregator
  bool wanted = true;  // false: its source is disabled in the config
  bool running = false;
  std::int64_t started_ns = 0;  // CLOCK_MONOTONIC of its current start
  std::uint64_t progress = 0;   // see liveness.hpp
};

struct ServiceFacts {
  double interval = 1;  // seconds
  std::vector<ChildFacts> children;
  std::uint64_t samples = 0;
};

class SystemdLink {
 public:
  using FactsSource = std::function<ServiceFacts()>;

  // `board` and `bell_read_fd` stay the supervisor's; the link only reads them.
  SystemdLink(boost::asio::io_context& io, HealthBoard& board, int bell_read_fd, FactsSource facts);

  // Once the children are launched: the starting STATUS=, the watchdog timer. The
  // constructor already told the board the beat period the aggregator needs.
  void start();
  // A child started, died or changed state.
  void children_changed();
  // SIGHUP arrived; then exactly one of reload_applied (the config with this sequence
  // number was published, READY=1 follows once the aggregator runs it) or
  // reload_refused (READY=1 at once, the reason stays in STATUS=).
  void reload_started();
  void reload_applied(std::uint64_t config_seq);
  void reload_refused(const std::string& error);
  void stopping();

 private:
  void wait_bell();
  void update();
  void finish_reload(bool acknowledged);
  // "STATUS=<line>" when the line changed since the last one sent, else empty.
  std::string status_assignment();
  void schedule_watchdog(boost::asio::steady_timer::time_point deadline);
  void watchdog_tick();
  std::vector<ChildProgress> progress_of(const ServiceFacts& facts) const;
  StatusFacts status_facts(const ServiceFacts& facts) const;
  bool aggregator_running(const ServiceFacts& facts) const;

  ServiceNotifier notifier_;
  boost::asio::io_context& io_;
  HealthBoard& board_;
  FactsSource facts_;
  boost::asio::posix::stream_descriptor bell_;
  boost::asio::steady_timer watchdog_timer_;
  boost::asio::steady_timer reload_timer_;
  LivenessMonitor liveness_;
  ServicePhase phase_ = ServicePhase::starting;
  bool update_posted_ = false;
  std::uint64_t awaited_config_seq_ = 0;
  bool awaiting_ack_ = false;
  std::string note_;  // why the last reload was refused, until one succeeds
  std::string last_status_;
  std::vector<std::string> stalled_;  // as judged at the last watchdog tick
};

}  // namespace statline
