#include "server/source_feed.hpp"

#include <unistd.h>

#include "server/history_payload.hpp"
#include "ipc/doorbell.hpp"

namespace statline {
namespace {

RingKind ring_kind(Source source) {
  return static_cast<RingKind>(static_cast<int>(source) + 1);
}

}  // namespace

SourceFeed::SourceFeed(boost::asio::io_context& io, Source source, const SourceChannelFds& fds)
    : source_(source),
      ring_(SampleRing::attach(fds.ring, ring_kind(source))),
      history_(HistoryLog::attach(fds.history, ring_kind(source))),
      // asio owns what it wraps; the inherited fd stays with the process, a dup goes to asio.
      bell_(io, ::dup(fds.bell)) {
  // After a restart the history already holds everything up to its last_seq: start from
  // its newest two samples so rates are available at once.
  history_.for_each(0, [this](const SlotStamp& stamp, std::span<const std::uint64_t> payload) {
    remember(stamp, std::vector<std::uint64_t>(payload.begin(), payload.end()));
  });
  // The history keeps only what snapshots need (history_payload.hpp); the newest sample
  // in full, which the Prometheus and collectd replies read, is usually still in the ring.
  if (latest_ &&
      ring_.read(latest_->stamp.seq, stamp_scratch_, payload_scratch_) == SampleRing::Read::ok) {
    latest_->payload = payload_scratch_;
  }
}

void SourceFeed::watch_doorbell(std::function<void()> on_ring) {
  on_ring_ = std::move(on_ring);
  wait_doorbell();
}

void SourceFeed::stop() {
  boost::system::error_code ignored;
  bell_.cancel(ignored);
}

void SourceFeed::wait_doorbell() {
  bell_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                   [this](const boost::system::error_code& error) {
                     if (error) return;
                     // The rung numbers only say "something is new"; the ring says what.
                     drain_doorbell(bell_.native_handle());
                     on_ring_();
                     wait_doorbell();
                   });
}

bool SourceFeed::catch_up(std::int64_t keep_since_monotonic_ns) {
  const std::uint64_t last = ring_.last_seq();
  std::uint64_t next = history_.last_seq() + 1;
  // A fresh history (first start) begins with what the ring still has.
  if (history_.last_seq() == 0) next = std::max<std::uint64_t>(next, ring_.oldest_seq());
  if (next < ring_.oldest_seq()) {
    // The collector lapped us while we were away (restart, stall): those are gone.
    lost_ += ring_.oldest_seq() - next;
    next = ring_.oldest_seq();
  }
  bool arrived = false;
  for (; next <= last; ++next) {
    const auto result = ring_.read(next, stamp_scratch_, payload_scratch_);
    if (result == SampleRing::Read::not_published) break;
    if (result == SampleRing::Read::overwritten) {
      ++lost_;
      continue;
    }
    history_.append(stamp_scratch_, history_payload(source_, payload_scratch_, history_scratch_),
                    keep_since_monotonic_ns);
    remember(stamp_scratch_, payload_scratch_);
    arrived = true;
  }
  return arrived;
}

void SourceFeed::remember(const SlotStamp& stamp, const std::vector<std::uint64_t>& payload) {
  previous_ = std::move(latest_);
  latest_ = StampedPayload{stamp, payload};
}

}  // namespace statline
