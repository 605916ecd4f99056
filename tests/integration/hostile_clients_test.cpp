// No client can hurt another (DESIGN §4, issue 5): while hundreds of idle connections,
// binary garbage, a 1 MiB line and a `watch` client that never reads all hit the
// daemon, a well-behaved client keeps getting every answer, and the aggregator's memory
// stays bounded. The connection cap closes the longest-idle client instead of refusing
// a new one, and the aggregator raises its own descriptor limit to serve 1024 clients
// even when started under the usual soft limit of 1024.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/process_table.hpp"
#include "tests/integration/socket_client.hpp"

namespace statline::integration {
namespace {

constexpr auto kAggregator = "statlined: aggregator";

// 64 cores make a snapshot line ~10 KB, so a `watch` client that stops reading fills
// the socket buffer within seconds rather than minutes.
SyntheticModel many_cores(double interval) {
  SyntheticModel model = default_model(interval);
  const auto pattern = model.cores;
  model.cores.clear();
  for (int cpu = 0; cpu < 64; ++cpu) {
    CoreRate core = pattern[static_cast<std::size_t>(cpu) % pattern.size()];
    core.cpu = cpu;
    model.cores.push_back(core);
  }
  return model;
}

std::vector<SocketClient> open_idle_connections(const std::filesystem::path& socket,
                                                std::size_t count) {
  std::vector<SocketClient> clients;
  for (std::size_t i = 0; i < count; ++i) {
    auto client = SocketClient::connect(socket);
    if (!client) break;
    clients.push_back(std::move(*client));
  }
  return clients;
}

TEST(HostileClients, AWellBehavedClientIsServedThroughAllOfThem) {
  SyntheticDaemon d(many_cores(0.1), "clients:\n  max_output_bytes: 65536\n");
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
  ASSERT_TRUE(has(wait_for_snapshot(
                      d.socket(), [](const Json& s) { return has(s, "cpu"); }, 5000ms),
                  "cpu"));
  const pid_t aggregator = child_with_title(d.daemon.pid(), kAggregator);
  ASSERT_GT(aggregator, 0);

  auto good = SocketClient::connect(d.socket());
  ASSERT_TRUE(good);
  std::vector<std::chrono::steady_clock::duration> latencies;
  auto ping = [&] {
    const auto start = std::chrono::steady_clock::now();
    const auto reply = good->request("ping");
    latencies.push_back(std::chrono::steady_clock::now() - start);
    ASSERT_EQ(reply, R"({"ok":true})");
  };

  const auto idle = open_idle_connections(d.socket(), 300);
  ASSERT_EQ(idle.size(), 300u);
  ping();

  auto staller = SocketClient::connect(d.socket());
  ASSERT_TRUE(staller && staller->send_line("watch"));

  auto garbage = SocketClient::connect(d.socket());
  ASSERT_TRUE(garbage);
  std::string binary;
  for (int i = 0; i < 512; ++i) binary.push_back(static_cast<char>((i * 37 + 11) % 256));
  std::replace(binary.begin(), binary.end(), '\n', '\x01');
  ASSERT_TRUE(garbage->send_raw(binary + "\n"));
  const auto garbage_reply = garbage->read_line();
  ASSERT_TRUE(garbage_reply);
  EXPECT_TRUE(parse(*garbage_reply).contains("error")) << *garbage_reply;
  EXPECT_EQ(garbage->request("ping"), R"({"ok":true})") << "garbage closed the connection";
  ping();

  auto huge = SocketClient::connect(d.socket());
  ASSERT_TRUE(huge);
  huge->send_raw(std::string(1 << 20, 'x'));  // may fail part-way: the daemon hangs up
  const auto huge_reply = huge->read_line();
  ASSERT_TRUE(huge_reply) << "no error for a 1 MiB line";
  EXPECT_NE(huge_reply->find("4096"), std::string::npos) << *huge_reply;
  EXPECT_TRUE(huge->wait_closed(3000ms)) << "the 1 MiB line's connection stayed open";
  ping();

  // Keep pinging while the watcher's unread output piles up until the daemon drops it
  // (it says so in its log; reading the socket to find out would unstall the watcher).
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  bool dropped = false;
  while (!dropped && std::chrono::steady_clock::now() < deadline) {
    ping();
    std::this_thread::sleep_for(20ms);
    dropped = d.daemon.log().find("does not read its replies") != std::string::npos;
  }
  EXPECT_TRUE(dropped) << "a watch client that never reads was never dropped\n" << d.daemon.log();
  EXPECT_TRUE(staller->wait_closed(5000ms)) << "the dropped watcher's connection is still open";
  for (int i = 0; i < 100; ++i) ping();

  EXPECT_EQ(good->request("ping"), R"({"ok":true})");
  const Json status = query(d.socket(), "status");
  EXPECT_GE(status.value("clients", 0), 300) << status.dump();

  std::sort(latencies.begin(), latencies.end());
  const auto p95 =
      std::chrono::duration_cast<std::chrono::microseconds>(latencies[latencies.size() * 95 / 100]);
  RecordProperty("ping_p95_us", static_cast<int>(p95.count()));
  const auto rss = resident_bytes(aggregator);
  ASSERT_TRUE(rss);
  RecordProperty("aggregator_rss_kib", static_cast<int>(*rss / 1024));
#ifndef STATLINE_SANITIZED
  // The issue's bounds; sanitizer builds run every request several times slower and
  // keep shadow memory, so there they are reported, not asserted.
  EXPECT_LT(p95, std::chrono::milliseconds(50)) << latencies.size() << " pings";
  EXPECT_LT(*rss, 64u << 20);
#endif
}

TEST(HostileClients, AtTheCapTheLongestIdleClientIsClosed) {
  SyntheticDaemon d(0.2, "clients:\n  max: 20\n");
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
  auto oldest = SocketClient::connect(d.socket());
  ASSERT_TRUE(oldest);
  std::this_thread::sleep_for(20ms);
  auto rest = open_idle_connections(d.socket(), 19);  // 20 open: the cap
  ASSERT_EQ(rest.size(), 19u);
  // The oldest becomes the most recently active one; the first of `rest` is now idlest.
  ASSERT_EQ(oldest->request("ping"), R"({"ok":true})");

  auto newcomer = SocketClient::connect(d.socket());
  ASSERT_TRUE(newcomer);
  EXPECT_EQ(newcomer->request("ping"), R"({"ok":true})") << "a new client was refused at the cap";
  EXPECT_TRUE(rest.front().wait_closed(2000ms)) << "the idlest client was not closed";
  EXPECT_EQ(oldest->request("ping"), R"({"ok":true})") << "an active client was closed";
}

// Under systemd (and most shells) the soft RLIMIT_NOFILE is 1024: fewer descriptors than
// 1024 clients plus the daemon's own. The aggregator raises it towards the hard limit.
TEST(HostileClients, ServesOneThousandTwentyFourClientsUnderASoftLimitOf1024) {
  rlimit original{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &original), 0);
  if (original.rlim_max < 2200)
    GTEST_SKIP() << "hard RLIMIT_NOFILE " << original.rlim_max << " is too low";
  rlimit low = original;
  low.rlim_cur = 1024;
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &low), 0);
  SyntheticDaemon d(0.5);  // inherits the soft limit of 1024
  rlimit mine = original;
  mine.rlim_cur = std::min<rlim_t>(original.rlim_max, 4096);
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &mine), 0);  // the test holds 1024 sockets itself
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();

  auto clients = open_idle_connections(d.socket(), 1024);
  ASSERT_EQ(clients.size(), 1024u);
  for (auto& client : clients) ASSERT_TRUE(client.send_line("ping"));
  std::size_t answered = 0;
  for (auto& client : clients) answered += client.read_line(5000ms) == R"({"ok":true})";
  EXPECT_EQ(answered, 1024u) << d.daemon.log();
  ::setrlimit(RLIMIT_NOFILE, &original);
}

}  // namespace
}  // namespace statline::integration
