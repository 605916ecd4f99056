#include "server/health_reporter.hpp"

#include "ipc/doorbell.hpp"

namespace statline {
namespace {

// How stale the supervisor's STATUS= numbers (clients, samples) may get while nothing
// else happens: one wake-up of the supervisor per period, not one per sample.
constexpr auto kStatusPeriod = std::chrono::seconds(5);

}  // namespace

HealthReporter::HealthReporter(boost::asio::io_context& io, const HealthChannelFds& fds)
    : bell_(fds.bell), beat_timer_(io) {
  if (fds.board >= 0) board_.emplace(HealthBoard::attach(fds.board));
}

void HealthReporter::start() {
  if (!board_) return;
  board_->set_serving(false);
  board_->beat();
  schedule_beat();
}

void HealthReporter::stop() {
  beat_timer_.cancel();
}

void HealthReporter::schedule_beat() {
  const auto period = board_->beat_period_ns();
  if (period <= 0) return;
  beat_timer_.expires_after(std::chrono::nanoseconds(period));
  beat_timer_.async_wait([this](const boost::system::error_code& error) {
    if (error) return;
    board_->beat();
    schedule_beat();
  });
}

void HealthReporter::snapshot_refreshed(bool complete, std::size_t clients) {
  if (!board_) return;
  board_->beat();
  board_->set_clients(static_cast<std::uint32_t>(clients));
  const bool became_ready = complete && !serving_;
  if (became_ready) {
    serving_ = true;
    board_->set_serving(true);
  }
  notify(became_ready);
}

void HealthReporter::config_applied(std::uint64_t seq) {
  if (!board_) return;
  board_->set_config_seq(seq);
  notify(true);
}

void HealthReporter::notify(bool urgent) {
  if (!board_->events_wanted()) return;
  const auto now = std::chrono::steady_clock::now();
  if (!urgent && last_ring_ && now - *last_ring_ < kStatusPeriod) return;
  last_ring_ = now;
  // A full pipe means the supervisor has not read the last rings yet: it reads the
  // board, not the pipe's contents, so a dropped ring loses nothing.
  ring_doorbell(bell_, 1);
}

}  // namespace statline
