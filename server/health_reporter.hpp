// The aggregator's half of the health channel (ipc/health_board.hpp): it beats so the
// supervisor's watchdog can tell a live event loop from a wedged one, says when the
// socket serves a first full snapshot (systemd's READY=1) and which config it applied
// (the end of a reload), and keeps the client count current for systemd's STATUS=.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <optional>

#include "ipc/aggregator_channels.hpp"
#include "ipc/health_board.hpp"

namespace statline {

class HealthReporter {
 public:
  // With no board (fds.board < 0: unit tests, or an old spec) every call does nothing.
  HealthReporter(boost::asio::io_context& io, const HealthChannelFds& fds);

  // Not serving yet; beats on a timer when the supervisor asked for a beat period.
  void start();
  void stop();

  // After each new snapshot: `complete` when every enabled source has settled.
  void snapshot_refreshed(bool complete, std::size_t clients);
  // The config with this sequence number (in the config ring) is now in effect.
  void config_applied(std::uint64_t seq);

 private:
  void schedule_beat();
  // Wakes the supervisor, if it listens; `urgent` rings at once, otherwise at most
  // once per status period (a sample-rate wake-up of the supervisor buys nothing).
  void notify(bool urgent);

  std::optional<HealthBoard> board_;
  int bell_ = -1;
  boost::asio::steady_timer beat_timer_;
  bool serving_ = false;
  std::optional<std::chrono::steady_clock::time_point> last_ring_;
};

}  // namespace statline
