// Supervision (DESIGN §1): a collector killed with SIGKILL is restarted and data keeps
// flowing; a killed aggregator is restarted while clients wait in the supervisor's
// backlog, and loses no history.
#include <gtest/gtest.h>
#include <signal.h>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/process_table.hpp"
#include "tests/integration/snapshot_compare.hpp"
#include "tests/integration/socket_client.hpp"

namespace statline::integration {
namespace {

constexpr double kInterval = 0.2;

Json child_status(const std::filesystem::path& socket, const std::string& role) {
  const Json status = query(socket, "status");
  if (!status.is_object() || !status["children"].is_array()) return nullptr;
  for (const auto& child : status["children"]) {
    if (child["role"] == role) return child;
  }
  return nullptr;
}

std::size_t history_points(const std::filesystem::path& socket) {
  const Json reply = query(socket, "history cpu.total.usage");
  return reply.is_object() && reply["points"].is_array() ? reply["points"].size() : 0;
}

struct KilledCollector {
  const char* source;  // the collector's name after "collector "
  const char* key;     // its part of the snapshot
};

void PrintTo(const KilledCollector& c, std::ostream* out) {
  *out << c.source;
}

class RestartCollector : public testing::TestWithParam<KilledCollector> {};

TEST_P(RestartCollector, KilledCollectorIsRestartedAndDataKeepsFlowing) {
  const std::string role = std::string("collector ") + GetParam().source;
  const std::string title = "statlined: " + role;
  const std::string key = GetParam().key;
  SyntheticDaemon d(kInterval);
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
  ASSERT_TRUE(has(wait_for_snapshot(
                      d.socket(), [&](const Json& s) { return has(s, key); }, 3000ms),
                  key));
  const pid_t old_pid = child_with_title(d.daemon.pid(), title);
  ASSERT_GT(old_pid, 0);
  ASSERT_EQ(::kill(old_pid, SIGKILL), 0);

  Json child;
  ASSERT_TRUE(eventually(
      [&] {
        child = child_status(d.socket(), role);
        return child.is_object() && child["restarts"].get<int>() >= 1 &&
               child["state"] == "running" && child["pid"].get<pid_t>() != old_pid &&
               child["pid"].get<pid_t>() > 0;
      },
      3000ms))
      << child.dump() << "\n"
      << d.daemon.log();
  const pid_t new_pid = child["pid"].get<pid_t>();
  // status says "running" from fork on; the title follows with the exec.
  EXPECT_TRUE(eventually([&] { return process_args(new_pid) == title; }, 1000ms))
      << process_args(new_pid);
  EXPECT_TRUE(child["last_exit"].is_string()) << child.dump();
  // Reaped: no zombie of the old collector under the supervisor.
  EXPECT_TRUE(eventually([&] { return !process_info(old_pid); }, 1000ms))
      << "collector " << old_pid << " not reaped";

  // Fresh samples from the new collector, with rates again.
  EXPECT_TRUE(eventually(
      [&] {
        child = child_status(d.socket(), role);
        return child.is_object() && child["last_sample_age"].is_number() &&
               child["last_sample_age"].get<double>() < 2 * kInterval;
      },
      3000ms))
      << child.dump();
  // Right values again. Synthetic counters step once per tick while the daemon divides
  // by the Δt it measured, so one sample in a few is off by the scheduling jitter: wait
  // for one that is not.
  const Json expected = d.proc.model().expected_snapshot();
  std::vector<std::string> differences;
  const Json after = wait_for_snapshot(
      d.socket(),
      [&](const Json& s) {
        differences = snapshot_differences(Json{{key, s[key]}}, Json{{key, expected[key]}});
        return differences.empty();
      },
      3000ms);
  EXPECT_TRUE(differences.empty()) << join_lines(differences) << "\n" << d.daemon.log();
}

INSTANTIATE_TEST_SUITE_P(EachCollector, RestartCollector,
                         testing::Values(KilledCollector{"stat", "cpu"},
                                         KilledCollector{"meminfo", "mem"},
                                         KilledCollector{"netdev", "net"},
                                         KilledCollector{"loadavg", "load"}),
                         [](const testing::TestParamInfo<KilledCollector>& info) {
                           return std::string(info.param.source);
                         });

TEST(Restart, KilledAggregatorAnswersWaitingClientsAndKeepsHistory) {
  SyntheticDaemon d(kInterval);
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
  ASSERT_TRUE(eventually([&] { return history_points(d.socket()) >= 5; }, 5000ms))
      << d.daemon.log();
  const std::size_t before = history_points(d.socket());
  const pid_t old_pid = child_with_title(d.daemon.pid(), "statlined: aggregator");
  ASSERT_GT(old_pid, 0);
  ASSERT_EQ(::kill(old_pid, SIGKILL), 0);

  // Connect at once: the listening socket is the supervisor's, so the connection waits
  // in the backlog for the next aggregator.
  const auto start = std::chrono::steady_clock::now();
  int attempts = 0;
  bool answered = false;
  while (!answered && std::chrono::steady_clock::now() - start < 3000ms) {
    ++attempts;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        3000ms - (std::chrono::steady_clock::now() - start));
    answered =
        request_once(d.socket(), "ping", left) == std::optional<std::string>(R"({"ok":true})");
  }
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  ASSERT_TRUE(answered) << "no answer within 3 s of killing the aggregator\n" << d.daemon.log();
  std::cout << "answered after " << took.count() << " ms, " << attempts << " connection(s)\n";
  RecordProperty("ping_attempts", attempts);

  Json child = child_status(d.socket(), "aggregator");
  EXPECT_GE(child["restarts"].get<int>(), 1) << child.dump();
  EXPECT_NE(child["pid"].get<pid_t>(), old_pid) << child.dump();
  EXPECT_TRUE(eventually([&] { return !process_info(old_pid); }, 1000ms))
      << "aggregator not reaped";

  const std::size_t after = history_points(d.socket());
  EXPECT_GE(after, before) << "history lost across the aggregator restart\n" << d.daemon.log();
  EXPECT_TRUE(has(wait_for_snapshot(
                      d.socket(), [](const Json& s) { return has(s, "cpu"); }, 3000ms),
                  "cpu"));
}

}  // namespace
}  // namespace statline::integration
