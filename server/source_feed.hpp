// One source as the aggregator sees it: the collector's ring, its doorbell and the
// history log. Catching up copies every new sample from the ring into the history, so the
// history (owned by the supervisor) is the aggregator's only state worth keeping: a
// restarted aggregator re-maps it and resumes at the next sequence number.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "collectors/source_table.hpp"
#include "ipc/aggregator_channels.hpp"
#include "ipc/history_log.hpp"
#include "ipc/sample_ring.hpp"

namespace statline {

struct StampedPayload {
  SlotStamp stamp;
  std::vector<std::uint64_t> payload;
};

class SourceFeed {
 public:
  SourceFeed(boost::asio::io_context& io, Source source, const SourceChannelFds& fds);

  Source source() const { return source_; }
  // Calls `on_ring` (repeatedly) whenever the collector rings the doorbell.
  void watch_doorbell(std::function<void()> on_ring);
  void stop();
  // Asks the collector to ring after each sample, or to stop (then catch_up() finds the
  // samples when asked). Call catch_up() after asking: see SampleRing::want_doorbell.
  void want_doorbell(bool wanted) { ring_.want_doorbell(wanted); }
  // Samples the ring keeps: how long catch_up() may wait before samples are lost.
  std::uint32_t ring_capacity() const { return ring_.geometry().capacity; }

  // Moves every sample published since the last call into the history, evicting history
  // older than `keep_since_monotonic_ns`. Returns true when a new sample arrived.
  bool catch_up(std::int64_t keep_since_monotonic_ns);

  const std::optional<StampedPayload>& latest() const { return latest_; }
  const std::optional<StampedPayload>& previous() const { return previous_; }
  const HistoryLog& history() const { return history_; }
  RingError error() const { return ring_.error(); }
  std::uint64_t samples() const { return ring_.last_seq(); }
  std::uint64_t lost() const { return lost_; }

 private:
  void remember(const SlotStamp& stamp, const std::vector<std::uint64_t>& payload);
  void wait_doorbell();

  Source source_;
  SampleRing ring_;
  HistoryLog history_;
  boost::asio::posix::stream_descriptor bell_;
  std::function<void()> on_ring_;
  std::optional<StampedPayload> latest_, previous_;
  std::uint64_t lost_ = 0;
  SlotStamp stamp_scratch_;
  std::vector<std::uint64_t> payload_scratch_;
  std::vector<std::uint64_t> history_scratch_;
};

}  // namespace statline
