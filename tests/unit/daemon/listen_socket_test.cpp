#include "daemon/listen_socket.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>

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

}  // namespace
}  // namespace statline
