// Socket activation as systemd does it, with systemd-socket-activate (Debian package
// systemd): it listens, and on the first connection execs statlined with the listening
// socket as fd 3 (LISTEN_FDS/LISTEN_PID). The client that connected before the daemon
// existed is answered, the passed socket wins over the configured path, and it is not
// unlinked on exit: it belongs to the socket unit.
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/notify_peer.hpp"
#include "tests/integration/socket_client.hpp"
#include "tests/integration/spawn_process.hpp"

namespace statline::integration {
namespace {

constexpr const char* kSocketActivate = "/usr/bin/systemd-socket-activate";
constexpr double kInterval = 0.1;

TEST(SystemdActivation, ClientWaitingBeforeStartIsAnsweredAndTheSocketIsLeftInPlace) {
  ASSERT_TRUE(std::filesystem::exists(kSocketActivate))
      << kSocketActivate << " is missing: install the systemd package (scripts/test does)";
  TempDir dir;
  SyntheticProc proc(dir / "proc", default_model(kInterval));
  NotifyPeer peer(dir / "notify.sock");
  const auto activated = dir / "activated.sock";
  const auto configured = dir / "configured.sock";
  const auto config = dir.write("config.yaml", "");
  const pid_t pid = spawn_process(
      {kSocketActivate,
       {"--listen=" + activated.string(), "--setenv=" + peer.env(), bin_path("statlined").string(),
        "--proc-root", (dir / "proc").string(), "--socket", configured.string(), "--interval",
        "0.1", "--config", config.string()},
       dir / "daemon.out",
       dir / "daemon.log",
       {}});
  struct Reap {
    pid_t pid;
    ~Reap() {
      if (!wait_exit(pid, 0ms)) {
        ::kill(pid, SIGKILL);
        wait_exit(pid, 5000ms);
      }
    }
  } reap{pid};
  ASSERT_TRUE(eventually([&] { return std::filesystem::exists(activated); }, 5000ms))
      << read_file(dir / "daemon.log");

  // Nobody serves yet: these connections and requests wait in the backlog, and the first
  // one makes systemd-socket-activate exec statlined.
  auto first = SocketClient::connect(activated);
  auto second = SocketClient::connect(activated);
  ASSERT_TRUE(first && second);
  ASSERT_TRUE(first->send_line("ping"));
  ASSERT_TRUE(second->send_line("version"));
  EXPECT_EQ(first->read_line(10000ms), R"({"ok":true})") << read_file(dir / "daemon.log");
  const auto version = second->read_line(10000ms);
  ASSERT_TRUE(version) << read_file(dir / "daemon.log");
  EXPECT_TRUE(parse(*version).contains("protocol")) << *version;

  // The passed socket won: the configured path was never bound, and `status` names the
  // socket actually served.
  EXPECT_FALSE(std::filesystem::exists(configured));
  const Json status = query(activated, "status");
  EXPECT_EQ(status["socket"], activated.string()) << status.dump();
  EXPECT_TRUE(peer.wait_for("READY=1", 10000ms)) << read_file(dir / "daemon.log");
  EXPECT_NE(read_file(dir / "daemon.log").find("(passed by systemd)"), std::string::npos)
      << read_file(dir / "daemon.log");

  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  EXPECT_EQ(wait_exit(pid, 5000ms), 0) << read_file(dir / "daemon.log");
  EXPECT_TRUE(std::filesystem::exists(activated)) << "statlined unlinked systemd's socket";
}

}  // namespace
}  // namespace statline::integration
