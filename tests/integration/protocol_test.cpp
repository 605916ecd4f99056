// DESIGN §4 framing and errors over the real socket: subtree selection, error replies that
// keep the connection, the 4096-byte limit, many requests per connection.
#include <gtest/gtest.h>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/snapshot_compare.hpp"
#include "tests/integration/socket_client.hpp"

namespace statline::integration {
namespace {

constexpr double kInterval = 0.5;

bool is_error(const Json& reply) {
  return reply.is_object() && reply.size() == 1 && reply.contains("error") &&
         reply["error"].is_string() && !reply["error"].get<std::string>().empty();
}

class Protocol : public testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log(); }

  SocketClient connect() {
    auto client = SocketClient::connect(d.socket());
    if (!client) throw std::runtime_error("cannot connect to " + d.socket().string());
    return std::move(*client);
  }

  SyntheticDaemon d{kInterval};
};

TEST_F(Protocol, GetSelectsOnlyTheNamedSubtrees) {
  wait_for_snapshot(
      d.socket(), [](const Json& s) { return has(s, "cpu") && has(s, "mem"); }, 5000ms);
  const Json reply = query(d.socket(), "get cpu.total mem");
  ASSERT_TRUE(reply.is_object()) << reply.dump();
  const auto expected = d.proc.model().expected_snapshot();
  const Json want = {{"cpu", {{"total", expected["cpu"]["total"]}}}, {"mem", expected["mem"]}};
  const auto differences = snapshot_differences(reply, want);
  EXPECT_TRUE(differences.empty()) << join_lines(differences) << reply.dump();
}

TEST_F(Protocol, UnknownPathIsAnError) {
  EXPECT_TRUE(is_error(query(d.socket(), "get nosuch")));
  EXPECT_TRUE(is_error(query(d.socket(), "get cpu.nosuch")));
}

TEST_F(Protocol, PingAndVersion) {
  EXPECT_EQ(query(d.socket(), "ping"), Json::parse(R"({"ok":true})"));
  const Json version = query(d.socket(), "version");
  ASSERT_TRUE(version.is_object()) << version.dump();
  EXPECT_TRUE(version["version"].is_string()) << version.dump();
  EXPECT_EQ(version["protocol"], 1) << version.dump();
}

TEST_F(Protocol, GarbageGetsAnErrorAndTheConnectionStaysUsable) {
  auto client = connect();
  const std::string garbage[] = {"hello world", "", "history", "watch forever",
                                 std::string("\x01\xff\xfe\x00garbage\x7f", 12)};
  for (const auto& line : garbage) {
    const auto reply = client.request(line);
    ASSERT_TRUE(reply) << "no reply to a garbage line of " << line.size() << " bytes";
    EXPECT_TRUE(is_error(parse(*reply))) << *reply;
    EXPECT_EQ(client.request("ping"), R"({"ok":true})") << "after a garbage line";
  }
}

TEST_F(Protocol, OverLongLineGetsAnErrorThenTheConnectionCloses) {
  auto client = connect();
  ASSERT_TRUE(client.send_raw(std::string(5000, 'a') + "\n"));
  const auto reply = client.read_line();
  ASSERT_TRUE(reply) << "no reply to a 5000-byte line";
  EXPECT_TRUE(is_error(parse(*reply))) << *reply;
  EXPECT_TRUE(client.wait_closed(3000ms)) << "connection still open after an over-long line";
  // Nothing else suffered.
  EXPECT_EQ(query(d.socket(), "ping"), Json::parse(R"({"ok":true})"));
}

TEST_F(Protocol, ExactlyTheLimitIsAccepted) {
  auto client = connect();
  // 4096 bytes of request: a valid command padded with spaces is still one request; an
  // error about the path is fine, "too long" is not.
  std::string line = "get mem";
  line.resize(4096, ' ');
  const auto reply = client.request(line);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->find("longer than"), std::string::npos) << *reply;
  EXPECT_EQ(client.request("ping"), R"({"ok":true})");
}

TEST_F(Protocol, ManyRequestsOnOneConnection) {
  auto client = connect();
  for (int i = 0; i < 200; ++i) {
    const char* request = (i % 4 == 0)   ? "ping"
                          : (i % 4 == 1) ? "version"
                          : (i % 4 == 2) ? "get"
                                         : "status";
    const auto reply = client.request(request);
    ASSERT_TRUE(reply) << "request " << i << " (" << request << ") got no reply";
    const Json json = parse(*reply);
    ASSERT_TRUE(json.is_object() && !json.contains("error")) << i << ": " << *reply;
  }
  // Pipelined: 100 requests in one write, 100 replies in order.
  std::string batch;
  for (int i = 0; i < 100; ++i) batch += (i % 2 == 0) ? "ping\n" : "version\n";
  ASSERT_TRUE(client.send_raw(batch));
  const auto replies = client.read_lines(100, 5000ms);
  ASSERT_EQ(replies.size(), 100u);
  for (std::size_t i = 0; i < replies.size(); ++i) {
    const Json json = parse(replies[i]);
    EXPECT_TRUE(i % 2 == 0 ? json == Json::parse(R"({"ok":true})") : json.contains("version"))
        << i << ": " << replies[i];
  }
}

// DESIGN §4's "usable by hand" (`printf 'get\nget\n' | socat - UNIX-CONNECT:…`): the
// client sends its requests and half-closes; every reply must still arrive before the
// daemon closes.
TEST_F(Protocol, PipelinedRequestsThenHalfCloseGetEveryReply) {
  wait_for_snapshot(
      d.socket(), [](const Json& s) { return has(s, "cpu"); }, 5000ms);
  auto client = connect();
  std::string batch;
  for (int i = 0; i < 100; ++i) batch += "get\n";
  ASSERT_TRUE(client.send_raw(batch));
  client.shutdown_write();
  const auto replies = client.read_lines(101, 5000ms);
  EXPECT_EQ(replies.size(), 100u) << "replies lost after the client's half-close";
  for (const auto& reply : replies) ASSERT_TRUE(parse(reply).contains("cpu")) << reply;
}

}  // namespace
}  // namespace statline::integration
