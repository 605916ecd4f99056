// `reload` and SIGHUP (DESIGN §4, §6): a good config takes effect with command-line
// options still overriding it; a bad one is refused with its position and the running
// config stays.
#include <gtest/gtest.h>
#include <signal.h>

#include <thread>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/process_table.hpp"

namespace statline::integration {
namespace {

constexpr double kInterval = 0.2;

double status_number(const std::filesystem::path& socket, const char* key) {
  const Json status = query(socket, "status");
  return status.is_object() && status[key].is_number() ? status[key].get<double>() : -1;
}

TEST(Reload, GoodConfigAppliesBadConfigIsRefused) {
  SyntheticDaemon d(kInterval);
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
  EXPECT_EQ(status_number(d.socket(), "history"), 3600);

  // interval comes from --interval, which overrides the file.
  d.dir.write("config.yaml", "history: 120\ninterval: 3\n");
  EXPECT_EQ(query(d.socket(), "reload"), Json::parse(R"({"ok":true})"));
  EXPECT_TRUE(eventually([&] { return status_number(d.socket(), "history") == 120; }, 2000ms))
      << d.daemon.log();
  EXPECT_EQ(status_number(d.socket(), "interval"), kInterval);

  d.dir.write("config.yaml", "intervall: 1\n");
  const Json refused = query(d.socket(), "reload");
  ASSERT_TRUE(refused.contains("error")) << refused.dump();
  const auto message = refused["error"].get<std::string>();
  EXPECT_NE(message.find("config.yaml:1:1"), std::string::npos) << message;
  EXPECT_NE(message.find(R"(did you mean "interval")"), std::string::npos) << message;

  // The same file by SIGHUP: refused, the daemon keeps running on the old config.
  ASSERT_EQ(::kill(d.daemon.pid(), SIGHUP), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(query(d.socket(), "ping"), Json::parse(R"({"ok":true})")) << d.daemon.log();
  EXPECT_EQ(status_number(d.socket(), "history"), 120);
  EXPECT_FALSE(d.daemon.wait_exit(0ms)) << d.daemon.log();
  EXPECT_TRUE(has(wait_for_snapshot(
                      d.socket(), [](const Json& s) { return has(s, "cpu"); }, 2000ms),
                  "cpu"));
}

// The supervisor forwards every SIGHUP to its children, so children it has only just
// exec'd get reloads too: one arriving before a child has installed its handler must
// wait for it (children start with SIGHUP blocked), not kill the child.
TEST(Reload, SighupStormDuringStartUpKillsNoChild) {
  SyntheticDaemon d(kInterval);
  ASSERT_TRUE(eventually([&] { return catches_signal(d.daemon.pid(), SIGHUP); }, 5000ms, 1ms))
      << d.daemon.log();
  const auto storm_end = std::chrono::steady_clock::now() + std::chrono::milliseconds(1500);
  while (std::chrono::steady_clock::now() < storm_end) {
    ASSERT_EQ(::kill(d.daemon.pid(), SIGHUP), 0);
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();

  const Json status = query(d.socket(), "status");
  ASSERT_TRUE(status["children"].is_array()) << status.dump();
  EXPECT_EQ(status["children"].size(), 5U) << status.dump();
  for (const auto& child : status["children"]) {
    EXPECT_EQ(child["restarts"], 0) << child.dump() << "\n" << d.daemon.log();
    EXPECT_EQ(child["state"], "running") << child.dump();
  }
}

}  // namespace
}  // namespace statline::integration
