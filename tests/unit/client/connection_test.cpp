#include "client/connection.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <thread>
#include <vector>

#include "client/client_error.hpp"
#include "tests/unit/client/fake_server.hpp"

namespace statline::client {
namespace {

using namespace std::chrono_literals;
using statline::testing::FakeReply;
using statline::testing::FakeServer;

Deadline in(std::chrono::milliseconds timeout) {
  return Clock::now() + timeout;
}

// Runs `operation`, expecting a ConnectionError; returns it for further checks.
template <typename Operation>
ConnectionError expect_connection_error(Operation operation) {
  try {
    operation();
  } catch (const ConnectionError& error) {
    return error;
  }
  ADD_FAILURE() << "no ConnectionError thrown";
  return ConnectionError(ConnectionFailure::io, "none");
}

TEST(Connection, MissingSocketSaysSoAndAsksIfTheDaemonRuns) {
  const auto error = expect_connection_error(
      [] { Connection::open("/nonexistent-statline-dir/statline.sock", in(1s)); });
  EXPECT_EQ(error.failure(), ConnectionFailure::connect);
  EXPECT_STREQ(error.what(),
               "cannot connect to /nonexistent-statline-dir/statline.sock: No such file or "
               "directory (is statlined running?)");
  EXPECT_EQ(error.exit_status(), exit_code::unavailable);
}

TEST(Connection, StaleSocketFileIsConnectionRefused) {
  char dir[] = "/tmp/statline-client-test-XXXXXX";
  ASSERT_NE(::mkdtemp(dir), nullptr);
  const std::string path = std::string(dir) + "/stale.sock";
  {
    // Bound and closed without unlink: what a killed daemon leaves behind.
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strcpy(address.sun_path, path.c_str());
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ::close(fd);
  }
  const auto error = expect_connection_error([&] { Connection::open(path, in(1s)); });
  EXPECT_EQ(std::string(error.what()),
            "cannot connect to " + path + ": Connection refused (is statlined running?)");
  ::unlink(path.c_str());
  ::rmdir(dir);
}

TEST(Connection, PathTooLongForSunPath) {
  const auto error =
      expect_connection_error([] { Connection::open("/tmp/" + std::string(200, 'x'), in(1s)); });
  EXPECT_NE(std::string(error.what()).find("a socket path must be 1 to 107 bytes"),
            std::string::npos);
}

TEST(Connection, SilentServerTimesOutAtTheDeadline) {
  FakeServer server = FakeServer::silent();
  const auto start = Clock::now();
  Connection connection = Connection::open(server.path(), in(100ms));
  connection.send_line("get", in(100ms));
  const auto error = expect_connection_error([&] { connection.read_line(start + 80ms); });
  const auto elapsed = Clock::now() - start;
  EXPECT_EQ(error.failure(), ConnectionFailure::timeout);
  EXPECT_EQ(std::string(error.what()), "timed out waiting for a reply from " + server.path());
  EXPECT_GE(elapsed, 80ms);
  EXPECT_LT(elapsed, 500ms);
}

// A listener that never accepts, with its backlog already full (what clients see while
// the aggregator restarts under load): connect() gives EAGAIN.
class FullBacklog : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NE(::mkdtemp(dir_), nullptr);
    path_ = std::string(dir_) + "/full.sock";
    listener_ = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strcpy(address.sun_path, path_.c_str());
    ASSERT_EQ(::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(listener_, 0), 0);
    // Fill the queue until the kernel refuses more.
    for (int i = 0; i < 8; ++i) {
      const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
      queued_.push_back(fd);
      if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) break;
    }
  }
  void TearDown() override {
    for (int fd : queued_) ::close(fd);
    ::close(listener_);
    ::unlink(path_.c_str());
    ::rmdir(dir_);
  }
  char dir_[40] = "/tmp/statline-client-test-XXXXXX";
  std::string path_;
  int listener_ = -1;
  std::vector<int> queued_;
};

TEST_F(FullBacklog, ConnectRetriesUntilTheDeadline) {
  const auto start = Clock::now();
  const auto error = expect_connection_error([&] { Connection::open(path_, in(100ms)); });
  EXPECT_EQ(error.failure(), ConnectionFailure::timeout);
  EXPECT_EQ(std::string(error.what()), "timed out connecting to " + path_);
  EXPECT_GE(Clock::now() - start, 95ms);
  EXPECT_LT(Clock::now() - start, 500ms);
}

TEST_F(FullBacklog, ConnectSucceedsOnceTheQueueMoves) {
  std::thread acceptor([this] {
    std::this_thread::sleep_for(50ms);
    ::close(::accept(listener_, nullptr, nullptr));
  });
  EXPECT_NO_THROW(Connection::open(path_, in(2s)));
  acceptor.join();
}

TEST(Connection, ExpiredDeadlineFailsWithoutWaiting) {
  FakeServer server = FakeServer::silent();
  Connection connection = Connection::open(server.path(), in(1s));
  const auto error = expect_connection_error([&] { connection.read_line(Clock::now()); });
  EXPECT_EQ(error.failure(), ConnectionFailure::timeout);
}

TEST(Connection, ReadsLinesOneAtATimeFromOneReply) {
  FakeServer server([](const std::string& request) {
    return FakeReply{request == "two" ? "first\nsecond\n" : "other\n"};
  });
  Connection connection = Connection::open(server.path(), in(1s));
  connection.send_line("two", in(1s));
  EXPECT_EQ(connection.read_line(in(1s)), "first");
  EXPECT_EQ(connection.read_line(in(1s)), "second");
  connection.send_line("again", in(1s));  // one connection carries many requests
  EXPECT_EQ(connection.read_line(in(1s)), "other");
  EXPECT_EQ(server.requests(), (std::vector<std::string>{"two", "again"}));
}

TEST(Connection, ReadUntilLineStopsAtTheMarkerWithoutWaitingForClose) {
  FakeServer server(
      [](const std::string&) { return FakeReply{"# TYPE a gauge\na 1\n# EOF\nnot part of it\n"}; });
  Connection connection = Connection::open(server.path(), in(1s));
  connection.send_line("metrics", in(1s));
  EXPECT_EQ(connection.read_until_line("# EOF", in(1s)), "# TYPE a gauge\na 1\n# EOF\n");
  EXPECT_EQ(connection.read_line(in(1s)), "not part of it");
}

TEST(Connection, CleanCloseBetweenLinesIsEndOfStream) {
  FakeServer server([](const std::string&) { return FakeReply{"one\ntwo\n", true}; });
  Connection connection = Connection::open(server.path(), in(1s));
  connection.send_line("watch", in(1s));
  std::vector<std::string> lines;
  connection.stream_lines(
      [&](std::string_view line) {
        lines.emplace_back(line);
        return true;
      },
      1s);
  EXPECT_EQ(lines, (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(connection.try_read_line(in(1s)), std::nullopt);
}

TEST(Connection, StreamStopsWhenTheCallbackSaysSo) {
  FakeServer server([](const std::string&) { return FakeReply{"one\ntwo\n"}; });
  Connection connection = Connection::open(server.path(), in(1s));
  connection.send_line("watch", in(1s));
  int calls = 0;
  connection.stream_lines([&](std::string_view) { return ++calls < 1; }, 1s);
  EXPECT_EQ(calls, 1);
}

TEST(Connection, CloseBeforeAnyReplyIsAnError) {
  FakeServer server([](const std::string&) { return FakeReply{"", true}; });
  Connection connection = Connection::open(server.path(), in(1s));
  connection.send_line("get", in(1s));
  const auto error = expect_connection_error([&] { connection.read_line(in(1s)); });
  EXPECT_EQ(error.failure(), ConnectionFailure::closed);
  EXPECT_EQ(std::string(error.what()), server.path() + " closed the connection without replying");
}

TEST(Connection, CloseInTheMiddleOfALineIsAnError) {
  FakeServer server([](const std::string&) { return FakeReply{"{\"cpu\":", true}; });
  Connection connection = Connection::open(server.path(), in(1s));
  connection.send_line("get", in(1s));
  const auto error = expect_connection_error([&] { connection.try_read_line(in(1s)); });
  EXPECT_EQ(error.failure(), ConnectionFailure::closed);
}

TEST(Connection, LongLinesArriveWhole) {
  const std::string big(300'000, 'x');  // several recv() chunks
  FakeServer server([&](const std::string&) { return FakeReply{big + "\n"}; });
  Connection connection = Connection::open(server.path(), in(2s));
  connection.send_line("get", in(2s));
  EXPECT_EQ(connection.read_line(in(2s)), big);
}

TEST(Connection, MovedFromConnectionIsHarmless) {
  FakeServer server([](const std::string&) { return FakeReply{"pong\n"}; });
  Connection first = Connection::open(server.path(), in(1s));
  Connection second = std::move(first);
  second.send_line("ping", in(1s));
  EXPECT_EQ(second.read_line(in(1s)), "pong");
  EXPECT_EQ(second.path(), server.path());
}

}  // namespace
}  // namespace statline::client
