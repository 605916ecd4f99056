// statline in a real tmux status line (a nested tmux read with capture-pane), per redraw
// and in follow mode; a follower across an aggregator kill -9, and one whose reader
// goes away.
#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <regex>
#include <thread>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/nested_tmux.hpp"
#include "tests/integration/process_table.hpp"
#include "tests/integration/spawn_process.hpp"

namespace statline::integration {
namespace {

constexpr double kInterval = 0.2;

// One idle interface whose name holds a #: tmux must show it as it is, not run it.
// Only numbers that stay exact on a loaded machine are shown: percentages (ratios of
// ticks read together), gauges, and a rate of zero.
SyntheticModel model_with_hash() {
  SyntheticModel model = default_model(kInterval);
  model.interfaces = {{.name = "br#1"}};
  return model;
}

constexpr const char* kConfig =
    "tmux:\n"
    "  formats:\n"
    "    it: \"cpu {cpu:pct} mem {mem:pct} load {load:.2f} {net.interfaces.*.rx_bytes:bytes}\"\n"
    "  thresholds:\n"
    "    cpu: {warn: 1, crit: 2}\n";

struct Fixture {
  Fixture()
      : proc(dir / "proc", model_with_hash()), daemon(dir, [&] {
          DaemonSetup setup(dir / "proc", kInterval);
          setup.config_text = kConfig;
          return setup;
        }()) {}

  // What tmux must show: the daemon's line with its #[...] styles applied and ## undone.
  std::string expected_text(const std::string& format = "it") const {
    const auto run = run_process(bin_path("statline"), {"--socket", socket(), "tmux", format});
    std::string text = std::regex_replace(run.out, std::regex("#\\[[^\\]]*\\]|\n"), "");
    return std::regex_replace(text, std::regex("##"), "#");
  }

  std::string socket() const { return daemon.socket().string(); }

  std::string statline_command(const std::string& options) const {
    return bin_path("statline").string() + " --socket " + socket() + " tmux " + options;
  }

  TempDir dir;
  SyntheticProc proc;
  DaemonProcess daemon;
};

// tmux.conf of the inner server: only our segment on the right, redrawn every second.
std::string inner_config(const std::string& command) {
  return "set -g status-interval 1\n"
         "set -g status-style fg=white,bg=blue\n"
         "set -g status-left ''\n"
         "set -g status-right-length 150\n"
         "set -g status-right '#(" + command + ")'\n";
}

// Generous bounds: they are waited out only on failure, and the suite also runs under
// ASan and TSan at -O0 on a loaded machine, where a tmux redraw can take seconds.
constexpr auto kPatience = 10000ms;

bool ready(const Fixture& f) {
  const Json s = wait_for_snapshot(
      f.daemon.socket(), [](const Json& s) { return has(s, "cpu") && has(s, "net"); }, kPatience);
  return has(s, "cpu") && has(s, "net");
}

std::vector<pid_t> followers(const Fixture& f) {
  std::vector<pid_t> found;
  for (const pid_t pid : processes_with_args(f.statline_command("--follow"))) {
    // Not the `sh -c` tmux starts it through, if the shell did not exec it.
    if (process_args(pid).starts_with(bin_path("statline").string())) found.push_back(pid);
  }
  return found;
}

TEST(TmuxStatus, PerRedrawLineShowsInTmuxWithColoursAndEscapedNames) {
  Fixture f;
  ASSERT_TRUE(f.daemon.wait_ready()) << f.daemon.log();
  ASSERT_TRUE(ready(f));
  const std::string expected = f.expected_text();
  ASSERT_NE(expected.find(" br#1:0B"), std::string::npos) << expected;
  NestedTmux tmux(f.dir, inner_config(f.statline_command("it")));
  EXPECT_TRUE(eventually([&] { return tmux.status_line().ends_with(expected); }, kPatience))
      << "status line: " << tmux.status_line() << "\nexpected to end with: " << expected;
  // The cpu value is over the crit threshold: red (SGR 31), then back to the status
  // line's white (SGR 37) on its blue.
  const Json cpu = query(f.daemon.socket(), "get cpu.total");
  const std::string pct = fmt::format("{:.0f}%", cpu["cpu"]["total"]["usage"].get<double>());
  EXPECT_NE(tmux.status_line_with_colours().find("cpu \x1b[31m" + pct + "\x1b[37m mem"),
            std::string::npos)
      << tmux.status_line_with_colours();
}

TEST(TmuxStatus, FollowModeServesTmuxFromOneProcessThatExitsWithTmux) {
  Fixture f;
  ASSERT_TRUE(f.daemon.wait_ready()) << f.daemon.log();
  ASSERT_TRUE(ready(f));
  const std::string expected = f.expected_text();
  {
    NestedTmux tmux(f.dir, inner_config(f.statline_command("--follow it")));
    EXPECT_TRUE(eventually([&] { return tmux.status_line().ends_with(expected); }, kPatience))
        << "status line: " << tmux.status_line() << "\nexpected to end with: " << expected;
    // One long-lived follower, not a process per redraw.
    const auto running = followers(f);
    ASSERT_EQ(running.size(), 1u);
    // Still that one process after more than one status-interval (1 s) of redraws.
    std::this_thread::sleep_for(1500ms);
    EXPECT_EQ(followers(f), running);
    tmux.inner({"kill-server"});
    // tmux closed the socket it read from: the follower is gone.
    EXPECT_TRUE(eventually([&] { return followers(f).empty(); }, kPatience))
        << followers(f).size() << " follower(s) left";
  }
}

// The TPM plugin at the repository root, run the way TPM runs it (run-shell from the
// config), replaces #{statline_mem} with a follower of the built-in mem format.
TEST(TmuxStatus, TpmPluginFillsInItsSegments) {
  Fixture f;
  ASSERT_TRUE(f.daemon.wait_ready()) << f.daemon.log();
  ASSERT_TRUE(ready(f));
  const std::string expected = f.expected_text("mem");
  ASSERT_TRUE(expected.starts_with("MEM ")) << expected;
  const auto plugin = std::filesystem::path(STATLINE_FIXTURES) / "../../statline.tmux";
  NestedTmux tmux(f.dir, "set -g status-interval 1\n"
                         "set -g status-left ''\n"
                         "set -g status-right '[#{statline_mem}]'\n"
                         "set -g @statline_bin '" + bin_path("statline").string() + "'\n"
                         "set -g @statline_socket '" + f.socket() + "'\n"
                         "run-shell '" + plugin.string() + "'\n");
  EXPECT_TRUE(
      eventually([&] { return tmux.status_line().ends_with("[" + expected + "]"); }, kPatience))
      << "status line: " << tmux.status_line() << "\nexpected to end with: [" << expected << "]";
  EXPECT_TRUE(eventually([&] { return followers(f).size() == 1; }, kPatience));
}

std::size_t count_lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

pid_t aggregator_pid(const DaemonProcess& daemon) {
  for (const pid_t child : daemon.children()) {
    if (process_args(child) == "statlined: aggregator") return child;
  }
  return -1;
}

TEST(TmuxStatus, FollowerKeepsUpdatingAcrossAnAggregatorKill) {
  Fixture f;
  ASSERT_TRUE(f.daemon.wait_ready()) << f.daemon.log();
  ASSERT_TRUE(ready(f));
  const std::string expected = f.expected_text();
  const auto out = f.dir / "follow.out";
  const pid_t follower = spawn_process({bin_path("statline"),
                                        {"--socket", f.socket(), "tmux", "--follow", "it"},
                                        out,
                                        {},
                                        {}});
  const auto kill_follower = [&] {
    ::kill(follower, SIGTERM);
    wait_exit(follower, 3000ms);
  };
  ASSERT_TRUE(eventually([&] { return count_lines(read_file(out)) >= 2; }, kPatience))
      << read_file(out);
  const pid_t old_aggregator = aggregator_pid(f.daemon);
  ASSERT_GT(old_aggregator, 0);
  ASSERT_EQ(::kill(old_aggregator, SIGKILL), 0);
  ASSERT_TRUE(eventually(
      [&] {
        const pid_t now = aggregator_pid(f.daemon);
        return now > 0 && now != old_aggregator;
      },
      kPatience))
      << f.daemon.log();
  const std::size_t after_restart = count_lines(read_file(out));
  // New lines from the new aggregator, through the same follower.
  EXPECT_TRUE(
      eventually([&] { return count_lines(read_file(out)) >= after_restart + 3; }, kPatience))
      << read_file(out);
  EXPECT_TRUE(process_alive(follower));
  std::string text = read_file(out);
  text.pop_back();
  const std::string last = text.substr(text.rfind('\n') + 1);
  EXPECT_EQ(std::regex_replace(std::regex_replace(last, std::regex("#\\[[^\\]]*\\]"), ""),
                               std::regex("##"), "#"),
            expected);
  kill_follower();
}

TEST(TmuxStatus, FollowerExitsWhenItsReaderGoesAway) {
  Fixture f;
  ASSERT_TRUE(f.daemon.wait_ready()) << f.daemon.log();
  const auto fifo = f.dir / "follow.fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // O_CLOEXEC: the follower must not inherit a read end and keep the FIFO open itself.
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  ASSERT_GE(reader, 0);
  const pid_t follower = spawn_process(
      {bin_path("statline"), {"--socket", f.socket(), "tmux", "--follow"}, fifo, {}, {}});
  char buffer[4096];
  EXPECT_TRUE(eventually([&] { return ::read(reader, buffer, sizeof buffer) > 0; }, kPatience));
  ::close(reader);
  // It notices the hang-up at once (poll), not at its next write; exit status 0.
  EXPECT_EQ(wait_exit(follower, kPatience), std::optional<int>(0));
  if (process_alive(follower)) ::kill(follower, SIGKILL);
}

TEST(TmuxStatus, FollowerShowsDownUntilTheDaemonAppears) {
  TempDir dir;
  const auto out = dir / "follow.out";
  const auto socket = (dir / "later.sock").string();
  const pid_t follower =
      spawn_process({bin_path("statline"), {"--socket", socket, "tmux", "--follow"}, out, {}, {}});
  EXPECT_TRUE(eventually([&] { return read_file(out) == "statline: down\n"; }, kPatience))
      << read_file(out);
  // Said once, not once per retry.
  ::usleep(500 * 1000);
  EXPECT_EQ(read_file(out), "statline: down\n");
  ::kill(follower, SIGTERM);
  EXPECT_EQ(wait_exit(follower, kPatience), std::optional<int>(128 + SIGTERM));
}

}  // namespace
}  // namespace statline::integration
