#include "ipc/doorbell.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <csignal>

namespace statline {
namespace {

class Doorbell : public ::testing::Test {
 protected:
  void SetUp() override { pipe_ = create_doorbell(); }
  void TearDown() override {
    if (pipe_.read_fd >= 0) ::close(pipe_.read_fd);
    if (pipe_.write_fd >= 0) ::close(pipe_.write_fd);
  }
  DoorbellPipe pipe_;
};

TEST_F(Doorbell, BothEndsAreNonBlockingAndCloseOnExec) {
  for (int fd : {pipe_.read_fd, pipe_.write_fd}) {
    EXPECT_TRUE(::fcntl(fd, F_GETFL) & O_NONBLOCK);
    EXPECT_TRUE(::fcntl(fd, F_GETFD) & FD_CLOEXEC);
  }
}

TEST_F(Doorbell, DrainReturnsTheHighestPendingSequence) {
  EXPECT_EQ(drain_doorbell(pipe_.read_fd), 0u);
  EXPECT_TRUE(ring_doorbell(pipe_.write_fd, 3));
  EXPECT_TRUE(ring_doorbell(pipe_.write_fd, 7));
  EXPECT_TRUE(ring_doorbell(pipe_.write_fd, 5));
  EXPECT_EQ(drain_doorbell(pipe_.read_fd), 7u);
  EXPECT_EQ(drain_doorbell(pipe_.read_fd), 0u);  // drained
}

TEST_F(Doorbell, FullPipeDropsTheRingInsteadOfBlocking) {
  std::uint64_t rung = 0;
  while (ring_doorbell(pipe_.write_fd, rung + 1)) ++rung;
  EXPECT_GE(rung, 512u);  // at least one page of 8-byte values
  EXPECT_FALSE(ring_doorbell(pipe_.write_fd, rung + 100));
  EXPECT_EQ(drain_doorbell(pipe_.read_fd), rung);  // more than one read's worth
  EXPECT_TRUE(ring_doorbell(pipe_.write_fd, rung + 1));
  EXPECT_EQ(drain_doorbell(pipe_.read_fd), rung + 1);
}

TEST_F(Doorbell, ClosedReaderIsADroppedRing) {
  // The daemon ignores SIGPIPE so that a dead aggregator cannot kill a collector.
  const auto previous = std::signal(SIGPIPE, SIG_IGN);
  ::close(pipe_.read_fd);
  pipe_.read_fd = -1;
  EXPECT_FALSE(ring_doorbell(pipe_.write_fd, 1));
  std::signal(SIGPIPE, previous);
}

TEST_F(Doorbell, DrainAfterTheWriterClosed) {
  EXPECT_TRUE(ring_doorbell(pipe_.write_fd, 42));
  ::close(pipe_.write_fd);
  pipe_.write_fd = -1;
  EXPECT_EQ(drain_doorbell(pipe_.read_fd), 42u);
  EXPECT_EQ(drain_doorbell(pipe_.read_fd), 0u);  // EOF, not a hang
}

TEST_F(Doorbell, BadDescriptorsFailQuietly) {
  EXPECT_FALSE(ring_doorbell(-1, 1));
  EXPECT_EQ(drain_doorbell(-1), 0u);
}

}  // namespace
}  // namespace statline
