// Who owns the socket path (DESIGN §1, STYLE systemd/): a second daemon must not steal
// a live daemon's socket (exit 71), and a stale socket left by a SIGKILLed daemon is
// replaced by the next start. A SIGKILLed supervisor takes its children with it
// (PR_SET_PDEATHSIG).
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/process_table.hpp"

namespace statline::integration {
namespace {

constexpr double kInterval = 0.2;

DaemonSetup named_setup(const std::filesystem::path& proc_root, const char* name) {
  DaemonSetup setup(proc_root, kInterval);
  setup.name = name;
  return setup;
}

TEST(SocketOwnership, SecondDaemonOnALiveSocketIsRefused) {
  SyntheticDaemon d(kInterval);
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
  DaemonProcess second(d.dir, named_setup(d.dir / "proc", "second"));
  EXPECT_EQ(second.wait_exit(5000ms), 71) << second.log();
  EXPECT_TRUE(std::filesystem::exists(d.socket()));
  EXPECT_EQ(query(d.socket(), "ping"), Json::parse(R"({"ok":true})"))
      << "the first daemon lost its socket\n"
      << d.daemon.log();
}

TEST(SocketOwnership, KilledSupervisorTakesItsChildrenAndItsStaleSocketIsReplaced) {
  TempDir dir;
  SyntheticProc proc(dir / "proc", default_model(kInterval));
  std::vector<pid_t> children;
  {
    DaemonProcess first(dir, named_setup(dir / "proc", "first"));
    ASSERT_TRUE(first.wait_ready()) << first.log();
    eventually([&] { return (children = first.children()).size() >= 5; }, 2000ms);
    ASSERT_EQ(children.size(), 5u);
    ASSERT_EQ(::kill(first.pid(), SIGKILL), 0);
    EXPECT_EQ(first.wait_exit(2000ms), 128 + SIGKILL);
  }
  std::vector<pid_t> alive;
  const bool all_gone = eventually(
      [&] {
        alive.clear();
        for (const pid_t child : children) {
          if (process_alive(child)) alive.push_back(child);
        }
        return alive.empty();
      },
      2000ms);
  EXPECT_TRUE(all_gone) << alive.size() << " children outlived their supervisor";
  for (const pid_t child : alive) {
    if (process_args(child).starts_with("statlined:")) ::kill(child, SIGKILL);
  }

  DaemonProcess second(dir, named_setup(dir / "proc", "second"));
  ASSERT_TRUE(second.wait_ready()) << "a stale socket blocked the restart\n" << second.log();
  EXPECT_TRUE(has(wait_for_snapshot(
                      second.socket(), [](const Json& s) { return has(s, "cpu"); }, 3000ms),
                  "cpu"));
}

}  // namespace
}  // namespace statline::integration
