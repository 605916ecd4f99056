#include "ipc/sample_ring.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>
#include <vector>

#include "ipc/ring_layout.hpp"

namespace statline {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::uint64_t> words_of(std::uint64_t seq) {
  return std::vector<std::uint64_t>(3, seq);
}

// Maps a ring's memfd directly, to play a corrupt or crashed peer.
class RawMapping {
 public:
  explicit RawMapping(int fd) : size_(static_cast<std::size_t>(::lseek(fd, 0, SEEK_END))) {
    base_ = ::mmap(nullptr, size_, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (base_ == MAP_FAILED) throw std::runtime_error("mmap");
  }
  ~RawMapping() { ::munmap(base_, size_); }
  ring_layout::RingHeader& header() { return *static_cast<ring_layout::RingHeader*>(base_); }
  ring_layout::SlotHeader& slot(std::uint32_t index) {
    auto* slots = static_cast<unsigned char*>(base_) + sizeof(ring_layout::RingHeader);
    return *reinterpret_cast<ring_layout::SlotHeader*>(slots + index * header().slot_size);
  }

 private:
  std::size_t size_;
  void* base_;
};

TEST(SampleRing, NothingPublishedYet) {
  auto ring = SampleRing::create("test-ring", RingKind::stat, {8, 4});
  SlotStamp stamp;
  std::vector<std::uint64_t> payload;
  EXPECT_EQ(ring.last_seq(), 0u);
  EXPECT_EQ(ring.oldest_seq(), 1u);
  EXPECT_EQ(ring.read(0, stamp, payload), SampleRing::Read::not_published);
  EXPECT_EQ(ring.read(1, stamp, payload), SampleRing::Read::not_published);
  EXPECT_EQ(ring.kind(), RingKind::stat);
  EXPECT_EQ(ring.geometry().payload_words, 8u);
  EXPECT_EQ(ring.geometry().capacity, 4u);
  EXPECT_GE(ring.fd(), 0);
}

TEST(SampleRing, PublishThenReadBack) {
  auto ring = SampleRing::create("test-ring", RingKind::stat, {8, 4});
  const std::vector<std::uint64_t> first{1, 2, 3};
  EXPECT_EQ(ring.publish({0, 100, 200}, first), 1u);
  EXPECT_EQ(ring.publish({0, 101, 201}, {}), 2u);
  EXPECT_EQ(ring.last_seq(), 2u);

  SlotStamp stamp;
  std::vector<std::uint64_t> payload{9, 9, 9, 9, 9};
  ASSERT_EQ(ring.read(1, stamp, payload), SampleRing::Read::ok);
  EXPECT_EQ(stamp.seq, 1u);
  EXPECT_EQ(stamp.monotonic_ns, 100);
  EXPECT_EQ(stamp.realtime_ns, 200);
  EXPECT_THAT(payload, ElementsAre(1, 2, 3));
  ASSERT_EQ(ring.read(2, stamp, payload), SampleRing::Read::ok);
  EXPECT_EQ(stamp.seq, 2u);
  EXPECT_TRUE(payload.empty());
  EXPECT_EQ(ring.read(3, stamp, payload), SampleRing::Read::not_published);
}

TEST(SampleRing, FullSlotAndOversizedPayload) {
  auto ring = SampleRing::create("test-ring", RingKind::meminfo, {5, 2});
  const std::vector<std::uint64_t> full{1, 2, 3, 4, 5};
  EXPECT_EQ(ring.publish({}, full), 1u);
  EXPECT_THROW(ring.publish({}, std::vector<std::uint64_t>(6, 0)), std::length_error);
  EXPECT_EQ(ring.last_seq(), 1u);
  SlotStamp stamp;
  std::vector<std::uint64_t> payload;
  ASSERT_EQ(ring.read(1, stamp, payload), SampleRing::Read::ok);
  EXPECT_EQ(payload, full);
}

TEST(SampleRing, OverwrittenWhenTheWriterLapsTheReader) {
  auto ring = SampleRing::create("test-ring", RingKind::stat, {3, 4});
  for (std::uint64_t seq = 1; seq <= 10; ++seq) ring.publish({0, 0, 0}, words_of(seq));
  EXPECT_EQ(ring.oldest_seq(), 7u);
  SlotStamp stamp;
  std::vector<std::uint64_t> payload;
  for (std::uint64_t seq = 1; seq <= 6; ++seq) {
    EXPECT_EQ(ring.read(seq, stamp, payload), SampleRing::Read::overwritten) << seq;
  }
  for (std::uint64_t seq = 7; seq <= 10; ++seq) {
    ASSERT_EQ(ring.read(seq, stamp, payload), SampleRing::Read::ok) << seq;
    EXPECT_EQ(stamp.seq, seq);
    EXPECT_EQ(payload, words_of(seq));
  }
  EXPECT_EQ(ring.read(11, stamp, payload), SampleRing::Read::not_published);
}

TEST(SampleRing, SingleSlotRing) {
  auto ring = SampleRing::create("test-ring", RingKind::control, {3, 1});
  ring.publish({}, words_of(1));
  ring.publish({}, words_of(2));
  SlotStamp stamp;
  std::vector<std::uint64_t> payload;
  EXPECT_EQ(ring.read(1, stamp, payload), SampleRing::Read::overwritten);
  ASSERT_EQ(ring.read(2, stamp, payload), SampleRing::Read::ok);
  EXPECT_EQ(payload, words_of(2));
}

TEST(SampleRing, AttachSharesTheRing) {
  auto writer = SampleRing::create("test-ring", RingKind::netdev, {4, 8});
  writer.publish({0, 5, 6}, words_of(1));
  auto reader = SampleRing::attach(::dup(writer.fd()), RingKind::netdev);
  EXPECT_EQ(reader.geometry().payload_words, 4u);
  EXPECT_EQ(reader.geometry().capacity, 8u);
  EXPECT_EQ(reader.last_seq(), 1u);
  writer.publish({0, 7, 8}, words_of(2));
  SlotStamp stamp;
  std::vector<std::uint64_t> payload;
  ASSERT_EQ(reader.read(2, stamp, payload), SampleRing::Read::ok);
  EXPECT_EQ(stamp.monotonic_ns, 7);
  EXPECT_EQ(payload, words_of(2));
}

TEST(SampleRing, AttachRejectsAnotherKind) {
  auto ring = SampleRing::create("test-ring", RingKind::netdev, {4, 8});
  const int fd = ::dup(ring.fd());
  try {
    SampleRing::attach(fd, RingKind::stat);
    FAIL() << "attach accepted a netdev ring as stat";
  } catch (const std::runtime_error& error) {
    EXPECT_THAT(error.what(), HasSubstr("kind netdev (3), expected stat (1)"));
  }
  ::close(fd);  // a failed attach leaves the fd to its caller
}

TEST(SampleRing, AttachRejectsAnotherLayoutVersion) {
  auto ring = SampleRing::create("test-ring", RingKind::stat, {4, 8});
  RawMapping(ring.fd()).header().version = ring_layout::kRingVersion + 1;
  const int fd = ::dup(ring.fd());
  try {
    SampleRing::attach(fd, RingKind::stat);
    FAIL() << "attach accepted another layout version";
  } catch (const std::runtime_error& error) {
    EXPECT_THAT(error.what(),
                HasSubstr("fd " + std::to_string(fd) + ": layout version " +
                          std::to_string(ring_layout::kRingVersion + 1) + ", expected " +
                          std::to_string(ring_layout::kRingVersion)));
  }
  ::close(fd);
}

TEST(SampleRing, AttachRejectsForeignAndTruncatedFiles) {
  const int empty = ::memfd_create("not-a-ring", MFD_CLOEXEC);
  ASSERT_GE(empty, 0);
  EXPECT_THROW(SampleRing::attach(empty, RingKind::stat), std::runtime_error);
  ASSERT_EQ(::ftruncate(empty, 4096), 0);
  try {
    SampleRing::attach(empty, RingKind::stat);
    FAIL();
  } catch (const std::runtime_error& error) {
    EXPECT_THAT(error.what(), HasSubstr("bad magic"));
  }
  // A valid header whose file is shorter than its slots claim.
  auto ring = SampleRing::create("test-ring", RingKind::stat, {4, 8});
  ASSERT_EQ(::pwrite(empty, &RawMapping(ring.fd()).header(), sizeof(ring_layout::RingHeader), 0),
            static_cast<ssize_t>(sizeof(ring_layout::RingHeader)));
  try {
    SampleRing::attach(empty, RingKind::stat);
    FAIL();
  } catch (const std::runtime_error& error) {
    EXPECT_THAT(error.what(), HasSubstr("file is 4096 bytes, expected"));
  }
  ::close(empty);
}

TEST(SampleRing, ErrorSetAndClearedByPublish) {
  auto ring = SampleRing::create("test-ring", RingKind::meminfo, {4, 4});
  EXPECT_EQ(ring.error().message, "");
  EXPECT_EQ(ring.error().count, 0u);
  ring.set_error("meminfo:3: MemAvailable: expected integer, got \"12x\"", 1234);
  RingError error = ring.error();
  EXPECT_EQ(error.message, "meminfo:3: MemAvailable: expected integer, got \"12x\"");
  EXPECT_EQ(error.realtime_ns, 1234);
  EXPECT_EQ(error.count, 1u);
  ring.set_error("again", 1300);
  EXPECT_EQ(ring.error().message, "again");
  EXPECT_EQ(ring.error().count, 2u);
  ring.publish({}, words_of(1));
  error = ring.error();
  EXPECT_EQ(error.message, "");
  EXPECT_EQ(error.count, 2u);  // the history of errors survives a good sample
}

TEST(SampleRing, LongErrorIsCutAtACharacterBoundary) {
  auto ring = SampleRing::create("test-ring", RingKind::meminfo, {4, 4});
  ring.set_error(std::string(600, 'x'), 1);
  EXPECT_EQ(ring.error().message, std::string(512, 'x'));
  // "é" is two bytes; byte 512 would split the one that starts at byte 511.
  const std::string accented = std::string(511, 'a') + "\xC3\xA9" + "tail";
  ring.set_error(accented, 2);
  EXPECT_EQ(ring.error().message, std::string(511, 'a'));
}

TEST(SampleRing, RestartedWriterOverwritesASlotLeftMidWrite) {
  auto ring = SampleRing::create("test-ring", RingKind::stat, {3, 4});
  for (std::uint64_t seq = 1; seq <= 4; ++seq) ring.publish({}, words_of(seq));
  {
    // A collector killed while writing seq 5 into slot 1 (which held seq 1): odd lock,
    // half-written payload, last_seq still 4.
    RawMapping raw(ring.fd());
    raw.slot(1).lock.fetch_add(1);
    reinterpret_cast<std::uint64_t*>(&raw.slot(1) + 1)[0] = 5;
  }
  SlotStamp stamp;
  std::vector<std::uint64_t> payload;
  EXPECT_EQ(ring.read(1, stamp, payload), SampleRing::Read::overwritten);
  ASSERT_EQ(ring.read(2, stamp, payload), SampleRing::Read::ok);
  EXPECT_EQ(payload, words_of(2));

  auto restarted = SampleRing::attach(::dup(ring.fd()), RingKind::stat);
  EXPECT_EQ(restarted.publish({}, words_of(5)), 5u);
  ASSERT_EQ(ring.read(5, stamp, payload), SampleRing::Read::ok);
  EXPECT_EQ(payload, words_of(5));
  EXPECT_EQ(ring.read(1, stamp, payload), SampleRing::Read::overwritten);
}

TEST(SampleRing, MoveTransfersTheMapping) {
  auto ring = SampleRing::create("test-ring", RingKind::loadavg, {3, 2});
  ring.publish({}, words_of(1));
  const int fd = ring.fd();
  SampleRing moved(std::move(ring));
  EXPECT_EQ(moved.fd(), fd);
  EXPECT_EQ(ring.fd(), -1);  // NOLINT(bugprone-use-after-move): the moved-from state is API
  auto other = SampleRing::create("test-ring", RingKind::stat, {2, 2});
  other = std::move(moved);
  EXPECT_EQ(other.fd(), fd);
  EXPECT_EQ(other.kind(), RingKind::loadavg);
  EXPECT_EQ(other.last_seq(), 1u);
}

TEST(SampleRing, DoorbellWantedIsSharedBetweenReaderAndWriter) {
  auto reader = SampleRing::create("test-ring", RingKind::meminfo, {4, 8});
  auto writer = SampleRing::attach(::dup(reader.fd()), RingKind::meminfo);
  EXPECT_FALSE(writer.doorbell_wanted());  // nobody asked yet
  reader.want_doorbell(true);
  EXPECT_TRUE(writer.doorbell_wanted());
  reader.want_doorbell(false);
  EXPECT_FALSE(writer.doorbell_wanted());
}

}  // namespace
}  // namespace statline
