// `history` keeps one point per sample with the values `get` shows; `watch` streams one
// snapshot line per sample.
#include <gtest/gtest.h>

#include <cmath>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/socket_client.hpp"

namespace statline::integration {
namespace {

constexpr double kInterval = 0.4;

double expected_usage(const SyntheticDaemon& d) {
  return d.proc.model().expected_snapshot()["cpu"]["total"]["usage"].get<double>();
}

TEST(History, KeepsOnePointPerSampleWithTheExpectedValues) {
  SyntheticDaemon d(kInterval);
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
  Json reply;
  ASSERT_TRUE(eventually(
      [&] {
        reply = query(d.socket(), "history cpu.total.usage");
        return reply.is_object() && reply["points"].is_array() && reply["points"].size() >= 4;
      },
      5000ms))
      << reply.dump() << "\n"
      << d.daemon.log();
  EXPECT_EQ(reply["metric"], "cpu.total.usage");
  EXPECT_EQ(reply["interval"], kInterval);
  const double usage = expected_usage(d);
  double previous_time = 0;
  for (const auto& point : reply["points"]) {
    ASSERT_TRUE(point.is_array() && point.size() == 2) << point.dump();
    ASSERT_TRUE(point[0].is_number() && point[1].is_number()) << point.dump();
    EXPECT_NEAR(point[1].get<double>(), usage, 0.3) << reply.dump();
    const double time = point[0].get<double>();
    if (previous_time > 0) {
      // One point per sample: consecutive points one interval apart, never closer. A
      // loaded machine (sanitizer builds, CI) may skip a tick or two, so the upper bound
      // only catches a history that lost most of its points.
      EXPECT_GT(time - previous_time, 0.5 * kInterval) << reply.dump();
      EXPECT_LT(time - previous_time, 5 * kInterval) << reply.dump();
    }
    previous_time = time;
  }
  EXPECT_NEAR(previous_time, static_cast<double>(std::time(nullptr)), 5.0);
}

TEST(History, SecondsLimitsTheWindowAndUnknownMetricsAreErrors) {
  SyntheticDaemon d(kInterval);
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
  ASSERT_TRUE(eventually(
      [&] { return query(d.socket(), "history cpu.total.usage")["points"].size() >= 4; }, 5000ms));
  const Json recent = query(d.socket(), "history cpu.total.usage 0.5");
  ASSERT_TRUE(recent["points"].is_array()) << recent.dump();
  EXPECT_LE(recent["points"].size(), 2u) << recent.dump();
  const Json mem = query(d.socket(), "history mem.used");
  ASSERT_TRUE(mem["points"].is_array()) << mem.dump();
  ASSERT_FALSE(mem["points"].empty());
  EXPECT_EQ(mem["points"].back()[1], d.proc.model().expected_snapshot()["mem"]["used"]);
  EXPECT_TRUE(query(d.socket(), "history nosuch.metric").contains("error"));
}

TEST(Watch, StreamsOneSnapshotLinePerSample) {
  SyntheticDaemon d(kInterval);
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
  wait_for_snapshot(
      d.socket(), [](const Json& s) { return has(s, "cpu"); }, 5000ms);
  auto client = SocketClient::connect(d.socket());
  ASSERT_TRUE(client);
  ASSERT_TRUE(client->send_line("watch"));
  const auto lines = client->read_lines(4, std::chrono::milliseconds(4000));
  ASSERT_GE(lines.size(), 3u) << "watch sent " << lines.size() << " lines in 4 s at " << kInterval
                              << " s interval";
  double previous_time = 0;
  for (const auto& line : lines) {
    const Json snapshot = parse(line);
    ASSERT_TRUE(snapshot.is_object() && snapshot.contains("cpu") && snapshot.contains("mem"))
        << line;
    const double time = snapshot["time"].get<double>();
    if (previous_time > 0) {
      EXPECT_GT(time, previous_time) << "two watch lines for the same sample";
      EXPECT_LT(time - previous_time, 5 * kInterval) << "watch skipped most samples";
    }
    previous_time = time;
  }
}

// `watch SECONDS` thins the stream to one line per SECONDS: with samples every 0.2 s and
// `watch 1`, lines are one second of samples apart. Sample timestamps carry a few ms of
// scheduling jitter, so 0.995 s between two samples five intervals apart is "one second";
// a tick skipped under load makes a gap one interval longer, never shorter.
TEST(Watch, PeriodThinsTheStreamToOneLinePerPeriod) {
  constexpr double kFast = 0.2;
  SyntheticDaemon d(kFast);
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
  auto client = SocketClient::connect(d.socket());
  ASSERT_TRUE(client);
  ASSERT_TRUE(client->send_line("watch 1"));
  const auto lines = client->read_lines(4, std::chrono::milliseconds(8000));
  ASSERT_EQ(lines.size(), 4u);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const double delta =
        parse(lines[i])["time"].get<double>() - parse(lines[i - 1])["time"].get<double>();
    EXPECT_GT(delta, 1.0 - kFast / 2)
        << "line " << i << " came " << delta << " s of samples after the previous one";
    EXPECT_LT(delta, 1.0 + 2.5 * kFast)
        << "line " << i << " came " << delta << " s of samples after the previous one";
  }
}

}  // namespace
}  // namespace statline::integration
