// A reader racing a writer must never see a torn sample, in threads and across fork().
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "ipc/doorbell.hpp"
#include "ipc/sample_ring.hpp"

namespace statline {
namespace {

constexpr std::uint32_t kPayloadWords = 64;

// Sample `seq` is 1 + seq % 64 words, every one equal to seq: any mix of two samples, or
// a length from another sample, is detectable.
std::size_t length_of(std::uint64_t seq) {
  return 1 + seq % kPayloadWords;
}

SlotStamp stamp_of(std::uint64_t seq) {
  return SlotStamp{0, static_cast<std::int64_t>(seq * 3), static_cast<std::int64_t>(seq * 7)};
}

// Empty when the sample read as `seq` is exactly what the writer published.
std::string check_sample(std::uint64_t seq, const SlotStamp& stamp,
                         const std::vector<std::uint64_t>& payload) {
  if (stamp.seq != seq)
    return "seq " + std::to_string(stamp.seq) + " read as " + std::to_string(seq);
  if (stamp.monotonic_ns != stamp_of(seq).monotonic_ns ||
      stamp.realtime_ns != stamp_of(seq).realtime_ns) {
    return "torn stamp at seq " + std::to_string(seq);
  }
  if (payload.size() != length_of(seq)) {
    return "seq " + std::to_string(seq) + ": " + std::to_string(payload.size()) + " words";
  }
  for (std::uint64_t word : payload) {
    if (word != seq) return "seq " + std::to_string(seq) + ": word " + std::to_string(word);
  }
  return {};
}

// Reads the latest and the oldest sample while `ring` is being written, until `done`;
// returns the first inconsistency found, or "".
std::string read_while_written(const SampleRing& ring, const std::atomic<bool>& done,
                               std::atomic<std::uint64_t>& ok_reads, std::uint64_t& overwritten) {
  SlotStamp stamp;
  std::vector<std::uint64_t> payload;
  while (!done.load(std::memory_order_acquire)) {
    // The oldest slot is the one the writer reuses next: the read most likely to tear.
    for (std::uint64_t seq : {ring.last_seq(), ring.oldest_seq()}) {
      if (seq == 0 || seq > ring.last_seq()) continue;
      const auto result = ring.read(seq, stamp, payload);
      if (result == SampleRing::Read::not_published) {
        return "published seq " + std::to_string(seq) + " read as not published";
      }
      if (result == SampleRing::Read::overwritten) {
        ++overwritten;
        continue;
      }
      ok_reads.fetch_add(1, std::memory_order_relaxed);
      if (auto failure = check_sample(seq, stamp, payload); !failure.empty()) return failure;
    }
  }
  return {};
}

class SampleRingConcurrency : public ::testing::TestWithParam<std::uint32_t> {};

TEST_P(SampleRingConcurrency, ReaderThreadNeverSeesATornSample) {
  constexpr std::uint64_t kSamples = 200'000;
  constexpr std::uint64_t kMinReads = 1000;
  // Tiny rings, so that the writer is always about to reuse the slot being read.
  auto ring = SampleRing::create("test-ring", RingKind::stat, {kPayloadWords, GetParam()});
  std::atomic<bool> done{false};
  std::atomic<std::uint64_t> ok_reads{0};
  std::uint64_t overwritten = 0;
  std::string failure;
  std::thread reader([&] { failure = read_while_written(ring, done, ok_reads, overwritten); });
  // On a loaded machine the reader may start late: keep writing (within a bound) until it
  // has read enough samples concurrently for the test to mean something.
  std::vector<std::uint64_t> payload;
  std::uint64_t seq = 1;
  for (; seq <= kSamples || (ok_reads.load() < kMinReads && seq <= 50 * kSamples); ++seq) {
    payload.assign(length_of(seq), seq);
    ring.publish(stamp_of(seq), payload);
  }
  done.store(true, std::memory_order_release);
  reader.join();

  EXPECT_EQ(failure, "");
  EXPECT_GE(ok_reads.load(), kMinReads);
  EXPECT_EQ(ring.last_seq(), seq - 1);
  RecordProperty("ok_reads", std::to_string(ok_reads.load()));
  RecordProperty("overwritten", std::to_string(overwritten));
}

INSTANTIATE_TEST_SUITE_P(SampleRingCapacity, SampleRingConcurrency, ::testing::Values(1u, 4u));

TEST(SampleRingFork, ForkedWriterAndParentReaderShareTheMemfd) {
  constexpr std::uint64_t kSamples = 20'000;
  auto ring = SampleRing::create("test-ring", RingKind::stat, {kPayloadWords, 16});
  const DoorbellPipe bell = create_doorbell();
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The collector's side: its own mapping of the inherited fd.
    int status = 0;
    try {
      auto writer = SampleRing::attach(::dup(ring.fd()), RingKind::stat);
      std::vector<std::uint64_t> payload;
      for (std::uint64_t seq = 1; seq <= kSamples; ++seq) {
        payload.assign(length_of(seq), seq);
        writer.publish(stamp_of(seq), payload);
        ring_doorbell(bell.write_fd, seq);  // dropped when full, as designed
      }
    } catch (...) {
      status = 1;
    }
    ::_exit(status);
  }
  ::close(bell.write_fd);

  SlotStamp stamp;
  std::vector<std::uint64_t> payload;
  std::string failure;
  std::uint64_t ok_reads = 0, highest_bell = 0;
  while (failure.empty() && ring.last_seq() < kSamples) {
    highest_bell = std::max(highest_bell, drain_doorbell(bell.read_fd));
    const std::uint64_t last = ring.last_seq();
    if (last == 0) continue;
    if (ring.read(last, stamp, payload) == SampleRing::Read::ok) {
      ++ok_reads;
      failure = check_sample(last, stamp, payload);
    }
  }
  int status = -1;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(failure, "");
  EXPECT_GT(ok_reads, 0u);
  highest_bell = std::max(highest_bell, drain_doorbell(bell.read_fd));
  // A doorbell may be dropped on a full pipe; the ring, not the pipe, is the truth.
  EXPECT_GT(highest_bell, 0u);
  EXPECT_LE(highest_bell, kSamples);
  ASSERT_EQ(ring.read(kSamples, stamp, payload), SampleRing::Read::ok);
  EXPECT_EQ(check_sample(kSamples, stamp, payload), "");
  ::close(bell.read_fd);
}

}  // namespace
}  // namespace statline
