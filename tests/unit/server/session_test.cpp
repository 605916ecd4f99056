#include "server/session.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/local/connect_pair.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <thread>

#include "server/session_registry.hpp"

namespace statline {
namespace {

using boost::asio::local::stream_protocol;

class EchoHandler final : public LineHandler {
 public:
  void on_line(Session& session, std::string_view line) override {
    session.send(std::string(line) + "\n");
  }
};

class SessionTest : public ::testing::Test {
 protected:
  // Starts a session on one end of a socket pair; the test plays the client on the other.
  std::shared_ptr<Session> open_session(stream_protocol::socket& client) {
    stream_protocol::socket server_end(io);
    boost::asio::local::connect_pair(client, server_end);
    auto session = std::make_shared<Session>(std::move(server_end), registry, handler, limits);
    registry.add(session);
    session->start();
    return session;
  }

  // Runs the event loop until `done` or a 5 s safety limit.
  template <class Predicate>
  void run_until(Predicate done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!done() && std::chrono::steady_clock::now() < deadline) {
      io.run_for(std::chrono::milliseconds(5));
      io.restart();
    }
  }

  std::string read_available(stream_protocol::socket& client) {
    std::string data;
    run_until([&] { return client.available() > 0; });
    data.resize(client.available());
    boost::asio::read(client, boost::asio::buffer(data));
    return data;
  }

  boost::asio::io_context io;
  EchoHandler handler;
  ClientsConfig limits;
  SessionRegistry registry{16};
};

TEST_F(SessionTest, AnswersPipelinedRequestsInOrder) {
  stream_protocol::socket client(io);
  auto session = open_session(client);
  boost::asio::write(client, boost::asio::buffer(std::string("one\ntwo\r\nthree\n")));
  std::string replies;
  run_until([&] {
    if (client.available() > 0) replies += read_available(client);
    return replies.size() >= 14;
  });
  EXPECT_EQ(replies, "one\ntwo\nthree\n");
}

TEST_F(SessionTest, AHalfClosedClientStillGetsEveryQueuedReply) {
  stream_protocol::socket client(io);
  auto session = open_session(client);
  std::string requests;
  for (int i = 0; i < 500; ++i) requests += "request number " + std::to_string(i) + "\n";
  boost::asio::write(client, boost::asio::buffer(requests));
  client.shutdown(stream_protocol::socket::shutdown_send);
  std::string replies;
  boost::system::error_code error;
  run_until([&] {
    char buffer[4096];
    while (client.available() > 0) {
      replies.append(buffer, client.read_some(boost::asio::buffer(buffer), error));
    }
    return registry.size() == 0;
  });
  client.non_blocking(false);
  char buffer[4096];
  while (!error) replies.append(buffer, client.read_some(boost::asio::buffer(buffer), error));
  EXPECT_EQ(replies, requests);
  EXPECT_EQ(error, boost::asio::error::eof);
}

TEST_F(SessionTest, AnOverlongLineGetsAnErrorAndTheConnectionIsClosed) {
  stream_protocol::socket client(io);
  auto session = open_session(client);
  std::string line(5000, 'x');
  line += '\n';
  boost::asio::write(client, boost::asio::buffer(line));
  run_until([&] { return registry.size() == 0; });
  EXPECT_EQ(registry.size(), 0u);
  // The reply arrives before the hang-up; the rest of the client's unread line makes the
  // kernel report the close as a reset rather than a clean EOF, and both are fine.
  std::string reply;
  boost::system::error_code error;
  char buffer[256];
  while (!error) {
    const auto n = client.read_some(boost::asio::buffer(buffer), error);
    reply.append(buffer, n);
  }
  EXPECT_EQ(reply, "{\"error\":\"request line longer than 4096 bytes\"}\n");
  EXPECT_TRUE(error == boost::asio::error::eof || error == boost::asio::error::connection_reset)
      << error.message();
}

TEST_F(SessionTest, ALineOfExactly4096BytesIsAccepted) {
  stream_protocol::socket client(io);
  auto session = open_session(client);
  const std::string line(4096, 'y');
  boost::asio::write(client, boost::asio::buffer(line + "\n"));
  std::string replies;
  run_until([&] {
    if (client.available() > 0) replies += read_available(client);
    return replies.size() >= line.size() + 1;
  });
  EXPECT_EQ(replies, line + "\n");
}

TEST_F(SessionTest, AClientThatDoesNotReadIsDroppedAtTheOutputCap) {
  limits.max_output_bytes = 256 * 1024;
  stream_protocol::socket client(io);
  auto session = open_session(client);
  bool accepted = true;
  int sent = 0;
  // The socket buffer absorbs some; the queue must never grow past the cap.
  while (accepted && sent < 1000) {
    accepted = session->send(std::string(64 * 1024, 'z'));
    ++sent;
    io.poll();
    io.restart();
  }
  EXPECT_FALSE(accepted);
  EXPECT_LT(sent, 1000);
  EXPECT_EQ(registry.size(), 0u);
}

TEST_F(SessionTest, AnIdleClientIsClosedButAWatcherIsNot) {
  limits.idle_timeout = 0.05;
  stream_protocol::socket idle(io), watcher(io);
  auto idle_session = open_session(idle);
  auto watch_session = open_session(watcher);
  watch_session->start_watching(0);
  run_until([&] { return registry.size() == 1; });
  EXPECT_EQ(registry.size(), 1u);
  // Give the watcher well past the timeout too.
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(150);
  run_until([&] { return std::chrono::steady_clock::now() > until; });
  EXPECT_EQ(registry.size(), 1u);
  EXPECT_TRUE(watch_session->watching());
}

TEST_F(SessionTest, AtTheCapTheLongestIdleSessionMakesRoom) {
  registry.set_max_sessions(2);
  stream_protocol::socket first(io), second(io), third(io);
  auto oldest = open_session(first);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto middle = open_session(second);
  // The oldest speaks, so the middle one is now the longest idle.
  boost::asio::write(first, boost::asio::buffer(std::string("hi\n")));
  run_until([&] { return first.available() > 0; });
  auto newest = open_session(third);
  EXPECT_EQ(registry.size(), 2u);
  EXPECT_TRUE(newest);
  // The middle session was closed: its client reads EOF.
  boost::system::error_code error;
  char byte;
  second.read_some(boost::asio::buffer(&byte, 1), error);
  EXPECT_EQ(error, boost::asio::error::eof);
}

TEST_F(SessionTest, WatchDueHonoursThePeriod) {
  stream_protocol::socket client(io);
  auto session = open_session(client);
  session->start_watching(2.0);
  EXPECT_TRUE(session->watch_due(100.0, 0.2));
  EXPECT_FALSE(session->watch_due(101.0, 0.2));
  // A sample a few milliseconds early still counts as the one two seconds on.
  EXPECT_TRUE(session->watch_due(101.995, 0.2));
  EXPECT_FALSE(session->watch_due(102.2, 0.2));
}

TEST_F(SessionTest, WatchDueNeverRepeatsASample) {
  stream_protocol::socket client(io);
  auto session = open_session(client);
  session->start_watching(0);  // every sample
  EXPECT_TRUE(session->watch_due(100.0, 0.2));
  EXPECT_FALSE(session->watch_due(100.0, 0.2));
  EXPECT_TRUE(session->watch_due(100.2, 0.2));
}

}  // namespace
}  // namespace statline
