#include "daemon/listen_socket.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>

namespace statline {
namespace {

class ListenSocketTest : public ::testing::Test {
 protected:
  void SetUp() override {
    unsetenv("LISTEN_FDS");
    unsetenv("LISTEN_PID");
    char pattern[] = "/tmp/statline-listen-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    path_ = dir_ + "/statline.sock";
  }
  void TearDown() override { std::system(("rm -rf " + dir_).c_str()); }

  // Leaves a socket file behind whose listener is gone, as after kill -9.
  void make_stale_socket() {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strcpy(address.sun_path, path_.c_str());
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ::close(fd);
  }

  std::string dir_, path_;
};

TEST_F(ListenSocketTest, CreatesTheSocketWithMode0600AndRemovesIt) {
  const auto socket = open_listen_socket(path_);
  struct stat st {};
  ASSERT_EQ(::stat(path_.c_str(), &st), 0);
  EXPECT_TRUE(S_ISSOCK(st.st_mode));
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_FALSE(socket.activated);
  remove_socket_file(socket);
  ::close(socket.fd);
  EXPECT_NE(::access(path_.c_str(), F_OK), 0);
}

TEST_F(ListenSocketTest, ReplacesAStaleSocket) {
  make_stale_socket();
  const auto socket = open_listen_socket(path_);
  EXPECT_GE(socket.fd, 0);
  ::close(socket.fd);
}

TEST_F(ListenSocketTest, RefusesToStealALiveDaemonsSocket) {
  const auto first = open_listen_socket(path_);
  try {
    open_listen_socket(path_);
    FAIL() << "a second daemon took over a live socket";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "socket " + path_ + ": another statlined is already answering there");
  }
  ::close(first.fd);
}

TEST_F(ListenSocketTest, NeverUnlinksSomethingThatIsNotASocket) {
  std::ofstream(path_) << "precious";
  EXPECT_THROW(open_listen_socket(path_), std::runtime_error);
  std::ifstream in(path_);
  std::string content;
  in >> content;
  EXPECT_EQ(content, "precious");
}

TEST_F(ListenSocketTest, ReportsAMissingDirectory) {
  const std::string path = dir_ + "/missing/statline.sock";
  try {
    open_listen_socket(path);
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "socket " + path + ": bind: No such file or directory");
  }
}

// Socket activation in-process: a listening socket at fd 3 with LISTEN_FDS/LISTEN_PID
// naming this process, as systemd passes it.
class ActivatedSocketTest : public ListenSocketTest {
 protected:
  void SetUp() override {
    ListenSocketTest::SetUp();
    // fd 3 may be in use (by the test runner): park it and put it back afterwards.
    saved_ = ::fcntl(3, F_DUPFD_CLOEXEC, 10);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strcpy(address.sun_path, path_.c_str());
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(fd, 16), 0);
    move_to_fd3(fd);
    setenv("LISTEN_PID", std::to_string(::getpid()).c_str(), 1);
    setenv("LISTEN_FDS", "1", 1);
  }
  void TearDown() override {
    unsetenv("LISTEN_FDS");
    unsetenv("LISTEN_PID");
    ::close(3);
    if (saved_ >= 0) {
      ::dup2(saved_, 3);
      ::close(saved_);
    }
    ListenSocketTest::TearDown();
  }
  // socket() may itself have returned 3 (it was parked): dup2 onto itself then close
  // would lose it.
  static void move_to_fd3(int fd) {
    if (fd == 3) return;
    ASSERT_EQ(::dup2(fd, 3), 3);
    ::close(fd);
  }
  int saved_ = -1;
};

TEST_F(ActivatedSocketTest, APassedSocketWinsAndIsNeverUnlinked) {
  const auto socket = open_listen_socket(dir_ + "/configured.sock");
  EXPECT_EQ(socket.fd, 3);
  EXPECT_TRUE(socket.activated);
  EXPECT_EQ(socket.path, path_) << "the path actually served, not the configured one";
  EXPECT_NE(::access((dir_ + "/configured.sock").c_str(), F_OK), 0);
  EXPECT_EQ(::fcntl(3, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC) << "children must not inherit it";
  remove_socket_file(socket);
  EXPECT_EQ(::access(path_.c_str(), F_OK), 0) << "the socket unit's file was unlinked";
}

TEST_F(ActivatedSocketTest, MoreThanOnePassedSocketIsAnError) {
  setenv("LISTEN_FDS", "2", 1);
  const int parked = ::fcntl(4, F_DUPFD_CLOEXEC, 10);
  ::dup2(3, 4);
  try {
    open_listen_socket(dir_ + "/configured.sock");
    ADD_FAILURE() << "two passed sockets accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "socket activation: 2 sockets passed, statlined serves exactly one (one "
              "ListenStream=)");
  }
  ::close(4);
  if (parked >= 0) {
    ::dup2(parked, 4);
    ::close(parked);
  }
}

TEST_F(ActivatedSocketTest, APassedNonListeningSocketIsAnError) {
  ::close(3);
  move_to_fd3(::socket(AF_UNIX, SOCK_DGRAM, 0));
  try {
    open_listen_socket(dir_ + "/configured.sock");
    ADD_FAILURE() << "a datagram socket accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "socket activation: the passed fd is not a listening Unix stream socket (the "
              "socket unit needs ListenStream=/path)");
  }
}

}  // namespace
}  // namespace statline
