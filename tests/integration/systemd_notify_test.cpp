// The notification protocol, with the test acting as systemd (Type=notify,
// NotifyAccess=main, WatchdogSec=): a datagram socket in NOTIFY_SOCKET receives what the
// daemon says. READY=1 only once a full snapshot is served; STATUS= kept current;
// WATCHDOG=1 only while every child makes progress; RELOADING=1 ... READY=1 around a
// reload; STOPPING=1 on stop; and only the supervisor ever speaks.
#include <gtest/gtest.h>
#include <signal.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/notify_peer.hpp"
#include "tests/integration/process_table.hpp"
#include "tests/integration/socket_client.hpp"

namespace statline::integration {
namespace {

// systemd's view of the daemon: a synthetic /proc, the notify socket, the daemon with
// NOTIFY_SOCKET (and WATCHDOG_USEC when asked) in its environment.
struct NotifiedDaemon {
  NotifiedDaemon(double interval, std::vector<std::string> env = {},
                 std::function<void(SyntheticProc&)> prepare = {})
      : proc(dir / "proc", default_model(interval)), peer(dir / "notify.sock"), daemon(dir, [&] {
          if (prepare) prepare(proc);
          DaemonSetup setup(dir / "proc", interval);
          setup.extra_env = std::move(env);
          setup.extra_env.push_back(peer.env());
          return setup;
        }()) {}

  TempDir dir;
  SyntheticProc proc;
  NotifyPeer peer;
  DaemonProcess daemon;
};

std::string watchdog_env(std::chrono::milliseconds timeout) {
  return "WATCHDOG_USEC=" + std::to_string(timeout.count() * 1000);
}

std::string environment_of(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/environ");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::replace(text.begin(), text.end(), '\0', '\n');
  return text;
}

pid_t child_with_title(const DaemonProcess& daemon, const std::string& title) {
  for (const pid_t child : daemon.children()) {
    if (process_args(child) == title) return child;
  }
  return -1;
}

std::size_t count_with(const std::vector<NotifyMessage>& messages, std::string_view assignment) {
  return static_cast<std::size_t>(std::count_if(
      messages.begin(), messages.end(), [&](const NotifyMessage& m) { return m.has(assignment); }));
}

std::string dump(const std::vector<NotifyMessage>& messages) {
  std::ostringstream out;
  for (const auto& m : messages) out << "[pid " << m.sender << "] " << m.text << "\n";
  return out.str();
}

bool status_contains(const NotifyMessage& m, const std::string& text) {
  const auto status = m.value("STATUS");
  return status && status->find(text) != std::string::npos;
}

// Children stopped by a test are always let go again, even when an assertion fails.
struct ResumeOnExit {
  pid_t pid;
  ~ResumeOnExit() { ::kill(pid, SIGCONT); }
};

TEST(SystemdNotify, ReadyOnlyOnceTheSocketServesAFullSnapshot) {
  // Half a second between samples: cpu and net rates need the second one, so a READY=1
  // sent after the first sample would be caught by the `get` below.
  NotifiedDaemon d(0.5, {watchdog_env(20s)});
  const auto ready = d.peer.wait_for("READY=1", 10s);
  ASSERT_TRUE(ready) << dump(d.peer.messages()) << d.daemon.log();
  const Json snapshot = query(d.daemon.socket(), "get");
  for (const char* source : {"cpu", "mem", "net", "load"}) {
    EXPECT_TRUE(has(snapshot, source)) << source << " missing at READY=1: " << snapshot.dump();
  }
  EXPECT_TRUE(std::regex_match(ready->value("STATUS").value_or(""),
                               std::regex(R"(4/4 collectors up, \d+ clients?, \d+ samples)")))
      << ready->text;

  const auto& messages = d.peer.messages();
  ASSERT_GE(messages.size(), 2u);
  EXPECT_EQ(messages.front().value("STATUS").value_or("").rfind("starting: ", 0), 0u)
      << messages.front().text;
  EXPECT_TRUE(messages.front().value("EXTEND_TIMEOUT_USEC")) << messages.front().text;
  EXPECT_EQ(count_with(messages, "READY=1"), 1u) << dump(messages);
  // NotifyAccess=main: systemd would drop anything from another process.
  for (const auto& m : messages) EXPECT_EQ(m.sender, d.daemon.pid()) << m.text;
  // ... and children cannot even try: none inherits the variables.
  const auto children = d.daemon.children();
  ASSERT_EQ(children.size(), 5u);
  for (const pid_t child : children) {
    const auto env = environment_of(child);
    for (const char* name : {"NOTIFY_SOCKET=", "WATCHDOG_USEC=", "LISTEN_FDS="}) {
      EXPECT_EQ(env.find(name), std::string::npos) << process_args(child) << " has " << name;
    }
  }
}

// libsystemd is dlopen()ed by the supervisor when systemd's variables ask for it
// (daemon/libsystemd.hpp): a daemon run by hand, and every child, never maps it.
bool maps_libsystemd(pid_t pid) {
  std::ifstream maps("/proc/" + std::to_string(pid) + "/maps");
  for (std::string line; std::getline(maps, line);) {
    if (line.find("libsystemd.so") != std::string::npos) return true;
  }
  return false;
}

TEST(SystemdNotify, LibsystemdIsLoadedOnlyInTheSupervisorAndOnlyUnderSystemd) {
  NotifiedDaemon notified(0.5);
  ASSERT_TRUE(notified.peer.wait_for("READY=1", 10s)) << notified.daemon.log();
  EXPECT_TRUE(maps_libsystemd(notified.daemon.pid()));
  for (const pid_t child : notified.daemon.children()) {
    EXPECT_FALSE(maps_libsystemd(child)) << process_args(child);
  }

  TempDir dir;
  SyntheticProc proc(dir / "proc", default_model(0.5));
  DaemonProcess by_hand(dir, DaemonSetup(dir / "proc", 0.5));
  ASSERT_TRUE(by_hand.wait_ready()) << by_hand.log();
  EXPECT_FALSE(maps_libsystemd(by_hand.pid()));
  for (const pid_t child : by_hand.children()) {
    EXPECT_FALSE(maps_libsystemd(child)) << process_args(child);
  }
}

TEST(SystemdNotify, ReadyDoesNotWaitForABrokenSource) {
  // A source whose file is missing has settled too (with an error): waiting for it would
  // make systemd's start time out on a machine without, say, /proc/net/dev.
  NotifiedDaemon d(0.1, {}, [](SyntheticProc& proc) { proc.remove_file("net/dev"); });
  ASSERT_TRUE(d.peer.wait_for("READY=1", 10s)) << dump(d.peer.messages()) << d.daemon.log();
  const Json snapshot = query(d.daemon.socket(), "get");
  EXPECT_TRUE(has(snapshot, "cpu")) << snapshot.dump();
  EXPECT_TRUE(snapshot.contains("net") && snapshot["net"].is_null()) << snapshot.dump();
}

TEST(SystemdNotify, StatusFollowsChildrenAndClients) {
  // With a watchdog the status line is refreshed at every ping, not only on events.
  NotifiedDaemon d(0.1, {watchdog_env(600ms)});
  ASSERT_TRUE(d.peer.wait_for("READY=1", 10s)) << d.daemon.log();
  auto watcher = SocketClient::connect(d.daemon.socket());
  ASSERT_TRUE(watcher && watcher->send_line("watch"));
  EXPECT_TRUE(d.peer.wait_for([](const auto& m) { return status_contains(m, ", 1 client, "); }, 5s))
      << dump(d.peer.messages());

  const pid_t netdev = child_with_title(d.daemon, "statlined: collector netdev");
  ASSERT_GT(netdev, 0);
  ASSERT_EQ(::kill(netdev, SIGKILL), 0);
  EXPECT_TRUE(d.peer.wait_for(
      [](const auto& m) { return status_contains(m, "3/4 collectors up (netdev restarting)"); },
      5s))
      << dump(d.peer.messages());
  EXPECT_TRUE(
      d.peer.wait_for([](const auto& m) { return status_contains(m, "4/4 collectors up"); }, 5s))
      << dump(d.peer.messages());
}

class SystemdWatchdog : public ::testing::TestWithParam<const char*> {};

TEST_P(SystemdWatchdog, PingsWhileEveryChildProgressesAndStopsWhenOneIsWedged) {
  // WATCHDOG_USEC=600 ms: pings every 300 ms; the aggregator must beat within 450 ms,
  // a collector (interval 0.1 s) must publish within 800 ms.
  NotifiedDaemon d(0.1, {watchdog_env(600ms)});
  ASSERT_TRUE(d.peer.wait_for("READY=1", 10s)) << d.daemon.log();
  ASSERT_TRUE(d.peer.wait_for("WATCHDOG=1", 3s)) << dump(d.peer.messages()) << d.daemon.log();

  const pid_t wedged = child_with_title(d.daemon, std::string("statlined: ") + GetParam());
  ASSERT_GT(wedged, 0);
  ResumeOnExit resume{wedged};
  ASSERT_EQ(::kill(wedged, SIGSTOP), 0);
  // Time to notice (window + one tick), then a stretch of silence longer than two ticks.
  d.peer.collect(1500ms);
  const auto silent = d.peer.collect(1000ms);
  EXPECT_EQ(count_with(silent, "WATCHDOG=1"), 0u) << dump(silent) << d.daemon.log();
  const auto seen = d.peer.messages();
  EXPECT_TRUE(std::any_of(seen.begin(), seen.end(), [&](const auto& m) {
    return status_contains(m, std::string("no progress from ") + GetParam());
  })) << dump(seen);

  ASSERT_EQ(::kill(wedged, SIGCONT), 0);
  EXPECT_TRUE(d.peer.wait_for("WATCHDOG=1", 3s)) << dump(d.peer.messages()) << d.daemon.log();
  for (const auto& m : d.peer.messages()) EXPECT_EQ(m.sender, d.daemon.pid()) << m.text;
}

INSTANTIATE_TEST_SUITE_P(Wedged, SystemdWatchdog,
                         ::testing::Values("aggregator", "collector meminfo"),
                         [](const auto& info) {
                           return std::string(info.param) == "aggregator" ? "Aggregator"
                                                                          : "Collector";
                         });

TEST(SystemdNotify, ReloadIsBracketedByReloadingAndReady) {
  NotifiedDaemon d(0.1);
  ASSERT_TRUE(d.peer.wait_for("READY=1", 10s)) << d.daemon.log();

  ASSERT_EQ(::kill(d.daemon.pid(), SIGHUP), 0);
  const auto reloading = d.peer.wait_for("RELOADING=1", 5s);
  ASSERT_TRUE(reloading) << dump(d.peer.messages());
  // CLOCK_MONOTONIC in µs, taken when the reload began (systemd 253+ matches it).
  const auto usec = std::stoll(reloading->value("MONOTONIC_USEC").value_or("0"));
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  const long long now_usec = now.tv_sec * 1000000LL + now.tv_nsec / 1000;
  EXPECT_GT(usec, now_usec - 10'000'000) << reloading->text;
  EXPECT_LE(usec, now_usec) << reloading->text;
  const auto ready = d.peer.wait_for("READY=1", 5s);
  ASSERT_TRUE(ready) << dump(d.peer.messages());
  EXPECT_EQ(ready->value("STATUS").value_or("").find("refused"), std::string::npos) << ready->text;

  // A bad config is refused: READY=1 at once, the reason in STATUS=, still serving.
  d.dir.write("config.yaml", "interval: banana\n");
  ASSERT_EQ(::kill(d.daemon.pid(), SIGHUP), 0);
  ASSERT_TRUE(d.peer.wait_for("RELOADING=1", 5s)) << dump(d.peer.messages());
  const auto refused = d.peer.wait_for("READY=1", 5s);
  ASSERT_TRUE(refused) << dump(d.peer.messages());
  EXPECT_TRUE(status_contains(*refused, "; reload refused: ")) << refused->text;
  EXPECT_TRUE(status_contains(*refused, "interval")) << refused->text;
  EXPECT_EQ(query(d.daemon.socket(), "ping"), Json::parse(R"({"ok":true})"));
}

TEST(SystemdNotify, StopSaysStoppingAndExitsCleanly) {
  NotifiedDaemon d(0.1);
  ASSERT_TRUE(d.peer.wait_for("READY=1", 10s)) << d.daemon.log();
  EXPECT_EQ(d.daemon.stop(3000ms), 0) << d.daemon.log();
  const auto stopping = d.peer.wait_for("STOPPING=1", 1s);
  ASSERT_TRUE(stopping) << dump(d.peer.messages());
  EXPECT_EQ(stopping->value("STATUS"), "stopping");
  EXPECT_EQ(count_with(d.peer.messages(), "STOPPING=1"), 1u);
}

}  // namespace
}  // namespace statline::integration
