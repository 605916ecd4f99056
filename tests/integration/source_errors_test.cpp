// A malformed /proc file turns its source null (never stale numbers) and shows up in
// status, while the daemon keeps serving; fixing the file brings the source back.
#include <gtest/gtest.h>

#include "tests/integration/daemon_fixture.hpp"

namespace statline::integration {
namespace {

constexpr double kInterval = 0.2;

Json collector_status(const std::filesystem::path& socket, const std::string& role) {
  const Json status = query(socket, "status");
  if (!status.is_object() || !status["children"].is_array()) return nullptr;
  for (const auto& child : status["children"]) {
    if (child["role"] == role) return child;
  }
  return nullptr;
}

TEST(SourceErrors, MalformedMeminfoNullsMemUntilFixed) {
  SyntheticDaemon d(kInterval);
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
  ASSERT_TRUE(
      has(wait_for_snapshot(
              d.socket(), [](const Json& s) { return has(s, "mem") && has(s, "cpu"); }, 3000ms),
          "mem"));

  d.proc.override_file("meminfo", "MemTotal:       12x kB\nMemFree: lots kB\n\x01\x02\n");
  const Json broken = wait_for_snapshot(
      d.socket(), [](const Json& s) { return s.contains("mem") && s["mem"].is_null(); }, 3000ms);
  EXPECT_TRUE(broken.contains("mem") && broken["mem"].is_null()) << broken.dump();
  Json collector;
  EXPECT_TRUE(eventually(
      [&] {
        collector = collector_status(d.socket(), "collector meminfo");
        return collector.is_object() && collector["last_error"].is_string();
      },
      2000ms))
      << collector.dump();
  std::cout << "meminfo last_error: " << collector["last_error"] << "\n";
  // The other sources and the socket are unaffected.
  EXPECT_EQ(query(d.socket(), "ping"), Json::parse(R"({"ok":true})"));
  EXPECT_TRUE(has(query(d.socket(), "get"), "cpu"));
  EXPECT_EQ(collector["state"], "running") << collector.dump();

  d.proc.restore_file("meminfo");
  const Json fixed = wait_for_snapshot(
      d.socket(), [](const Json& s) { return has(s, "mem"); }, 3000ms);
  ASSERT_TRUE(has(fixed, "mem")) << fixed.dump() << "\n" << d.daemon.log();
  EXPECT_EQ(fixed["mem"], d.proc.model().expected_snapshot()["mem"]);
}

// A missing file at start-up: the daemon starts anyway, the source is null with a reason
// in status, and it comes back once the file exists (the collector reopens it).
TEST(SourceErrors, MissingFileNullsItsSourceUntilItAppears) {
  TempDir dir;
  SyntheticProc proc(dir / "proc", default_model(kInterval));
  proc.remove_file("loadavg");
  DaemonProcess daemon(dir, DaemonSetup(dir / "proc", kInterval));
  ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
  const Json snapshot = wait_for_snapshot(
      daemon.socket(), [](const Json& s) { return has(s, "cpu") && has(s, "mem"); }, 3000ms);
  EXPECT_TRUE(has(snapshot, "cpu")) << snapshot.dump() << "\n" << daemon.log();
  EXPECT_TRUE(snapshot.contains("load") && snapshot["load"].is_null()) << snapshot.dump();
  Json collector;
  EXPECT_TRUE(eventually(
      [&] {
        collector = collector_status(daemon.socket(), "collector loadavg");
        return collector.is_object() && collector["last_error"].is_string();
      },
      2000ms))
      << collector.dump();
  std::cout << "loadavg last_error: " << collector["last_error"] << "\n";

  proc.restore_file("loadavg");
  const Json back = wait_for_snapshot(
      daemon.socket(), [](const Json& s) { return has(s, "load"); }, 3000ms);
  ASSERT_TRUE(has(back, "load")) << back.dump() << "\n" << daemon.log();
  EXPECT_EQ(back["load"], proc.model().expected_snapshot()["load"]);
}

}  // namespace
}  // namespace statline::integration
