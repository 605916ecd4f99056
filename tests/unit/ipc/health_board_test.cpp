#include "ipc/health_board.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <stdexcept>

namespace statline {
namespace {

TEST(HealthBoard, BothEndsSeeEveryField) {
  auto supervisor = HealthBoard::create();
  supervisor.set_beat_period_ns(250'000'000);
  supervisor.set_events_wanted(true);
  // The aggregator maps the same memfd through its own fd.
  auto aggregator = HealthBoard::attach(::fcntl(supervisor.fd(), F_DUPFD_CLOEXEC, 0));
  EXPECT_EQ(aggregator.beat_period_ns(), 250'000'000);
  EXPECT_TRUE(aggregator.events_wanted());
  EXPECT_EQ(supervisor.beats(), 0u);
  EXPECT_FALSE(supervisor.serving());
  aggregator.beat();
  aggregator.beat();
  aggregator.set_serving(true);
  aggregator.set_config_seq(3);
  aggregator.set_clients(7);
  EXPECT_EQ(supervisor.beats(), 2u);
  EXPECT_TRUE(supervisor.serving());
  EXPECT_EQ(supervisor.config_seq(), 3u);
  EXPECT_EQ(supervisor.clients(), 7u);
}

TEST(HealthBoard, AttachRefusesSomethingElse) {
  const int fd = ::memfd_create("not-a-board", MFD_CLOEXEC);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::ftruncate(fd, 56), 0);
  try {
    HealthBoard::attach(fd);
    FAIL() << "attached a zero-filled file";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "health board fd " + std::to_string(fd) + ": bad magic, not a statline health board");
  }
  ASSERT_EQ(::ftruncate(fd, 4096), 0);
  try {
    HealthBoard::attach(fd);
    FAIL() << "attached a file of the wrong size";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "health board fd " + std::to_string(fd) + ": file is 4096 bytes, expected 56");
  }
  ::close(fd);
}

}  // namespace
}  // namespace statline
