// End-to-end tests of the statline binary against a fake daemon: the exit statuses,
// exact output and the tmux never-hang guarantee (DESIGN §5).
#include <gtest/gtest.h>

#include "tests/unit/client/canned_replies.hpp"
#include "tests/unit/client/fake_server.hpp"
#include "tests/unit/client/run_process.hpp"

namespace statline::testing {
namespace {

using namespace std::chrono_literals;

const std::string kStatline = std::string(STATLINE_BIN_DIR) + "/statline";
const std::string kNoSocket = "/nonexistent-statline-dir/statline.sock";

// Deadline tests check that the client gives up at its deadline rather than at the 2 s
// default or never. Starting the binary alone can take a second on a loaded machine
// under a sanitizer, so each check first measures that (statline failing at once: no
// socket file) and allows the deadline plus kSlack on top of it. How fast the client is
// on a quiet machine is bench/client_latency's job.
constexpr auto kSlack = 500ms;

ProcessResult statline(std::vector<std::string> args, EnvChanges env = {}) {
  args.insert(args.begin(), kStatline);
  env.emplace("TZ", "UTC");
  return run_process(args, env);
}

std::chrono::milliseconds startup_time() {
  return statline({"--socket", kNoSocket, "tmux"}).elapsed;
}

std::string line(const char* text) {
  return std::string(text) + "\n";
}

TEST(StatlineTmux, NoDaemonPrintsDownAndExitsZero) {
  const auto result = statline({"--socket", kNoSocket, "tmux"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "statline: down\n");
  EXPECT_EQ(result.err, "");
}

TEST(StatlineTmux, SilentDaemonPrintsDownAfterTheHundredMillisecondBudget) {
  FakeServer server = FakeServer::silent();
  const auto started = startup_time();
  const auto result = statline({"--socket", server.path(), "tmux"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "statline: down\n");
  EXPECT_EQ(result.err, "");
  EXPECT_GE(result.elapsed, 95ms) << "gave up before the deadline";
  EXPECT_LT(result.elapsed, started + 100ms + kSlack);
  EXPECT_EQ(server.requests(), std::vector<std::string>{"tmux"});
}

TEST(StatlineTmux, TimeoutOptionAfterTheCommand) {
  FakeServer server = FakeServer::silent();
  const auto started = startup_time();
  const auto result = statline({"tmux", "--socket", server.path(), "--timeout", "30"});
  EXPECT_EQ(result.out, "statline: down\n");
  EXPECT_LT(result.elapsed, started + 30ms + kSlack);
}

TEST(StatlineTmux, PrintsTheDaemonsLineAndPassesTheFormat) {
  FakeServer server(std::map<std::string, std::string>{
      {"tmux compact", line("#[fg=green]cpu 12%#[default] mem 40%")}});
  const auto result = statline({"--socket", server.path(), "tmux", "compact"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "#[fg=green]cpu 12%#[default] mem 40%\n");
  EXPECT_EQ(result.err, "");
}

TEST(StatlineTmux, DaemonErrorIsAMarkerToo) {
  FakeServer server(std::map<std::string, std::string>{
      {"tmux nope", line(R"({"error":"unknown tmux format: nope"})")}});
  const auto result = statline({"--socket", server.path(), "tmux", "nope"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "statline: error\n");
  EXPECT_EQ(result.err, "");
}

TEST(StatlineGet, JsonIsPassedThroughUnchanged) {
  FakeServer server(std::map<std::string, std::string>{{"get", line(snapshot_json)}});
  const auto result = statline({"--socket", server.path(), "get", "--json"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, line(snapshot_json));
  EXPECT_EQ(result.err, "");
}

TEST(StatlineGet, HumanSummary) {
  FakeServer server(std::map<std::string, std::string>{{"get", line(snapshot_json)}});
  const auto result = statline({"--socket", server.path(), "get"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, snapshot_summary);
}

TEST(StatlineGet, SocketFromTheEnvironment) {
  FakeServer server(std::map<std::string, std::string>{{"get", line(empty_snapshot_json)}});
  const auto result = statline({"get"}, {{"STATLINE_SOCKET", server.path()}});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(
      result.out,
      "cpu    (no data yet)\nmem    (no data yet)\nnet    (no data yet)\nload   (no data yet)\n");
}

TEST(StatlineGet, PathsAreSentAndPrintedFlat) {
  FakeServer server(std::map<std::string, std::string>{
      {"get mem.used_percent load.avg1",
       line(R"({"mem":{"used_percent":39.7},"load":{"avg1":0.52}})")}});
  const auto result = statline({"--socket", server.path(), "get", "mem.used_percent", "load.avg1"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "mem.used_percent = 39.7\nload.avg1 = 0.52\n");
}

TEST(StatlineGet, DaemonErrorExitsOneWithTheMessage) {
  FakeServer server(std::map<std::string, std::string>{
      {"get nosuch", line(R"({"error":"unknown path: nosuch"})")}});
  const auto result = statline({"--socket", server.path(), "get", "--json", "nosuch"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "statline: unknown path: nosuch\n");
}

TEST(StatlineGet, NoDaemonExits69WithAClearMessage) {
  const auto result = statline({"--socket", kNoSocket, "get"});
  EXPECT_EQ(result.exit_code, 69);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "statline: cannot connect to " + kNoSocket +
                            ": No such file or directory (is statlined running?)\n");
}

TEST(StatlineGet, SilentDaemonTimesOutWith69) {
  FakeServer server = FakeServer::silent();
  const auto started = startup_time();
  const auto result = statline({"--socket", server.path(), "--timeout", "150", "get"});
  EXPECT_EQ(result.exit_code, 69);
  EXPECT_EQ(result.err, "statline: timed out waiting for a reply from " + server.path() +
                            " (after 150 ms; see --timeout)\n");
  EXPECT_GE(result.elapsed, 145ms);
  EXPECT_LT(result.elapsed, started + 150ms + kSlack);
}

TEST(StatlineGet, MalformedReplyIsAProtocolError) {
  FakeServer server(std::map<std::string, std::string>{{"get", "this is not json\n"}});
  const auto result = statline({"--socket", server.path(), "get"});
  EXPECT_EQ(result.exit_code, 76);
  EXPECT_EQ(result.err, "statline: the daemon's reply is not JSON: this is not json\n");
}

TEST(StatlineMetrics, ReadsUpToAndIncludingEofWithoutWaitingForClose) {
  // The fake keeps the connection open: only "# EOF" can end the reply in time.
  FakeServer server(std::map<std::string, std::string>{{"metrics", metrics_text}});
  const auto started = startup_time();
  const auto result = statline({"--socket", server.path(), "metrics"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, metrics_text);
  EXPECT_LT(result.elapsed, started + 1000ms) << "waited for the 2 s timeout instead of # EOF";
}

TEST(StatlineMetrics, ErrorReply) {
  FakeServer server(
      std::map<std::string, std::string>{{"metrics", line(R"({"error":"metrics disabled"})")}});
  const auto result = statline({"--socket", server.path(), "metrics"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "statline: metrics disabled\n");
}

TEST(StatlineStatus, TableAndJson) {
  FakeServer server(std::map<std::string, std::string>{{"status", line(status_json)}});
  auto result = statline({"--socket", server.path(), "status"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, status_text);
  result = statline({"--socket", server.path(), "status", "--json"});
  EXPECT_EQ(result.out, line(status_json));
}

TEST(StatlineHistory, TimeValueLines) {
  FakeServer server(
      std::map<std::string, std::string>{{"history cpu.total.usage 60", line(history_json)}});
  const auto result = statline({"--socket", server.path(), "history", "cpu.total.usage", "60"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, history_text);
}

TEST(StatlineWatch, OneLinePerSampleUntilTheDaemonCloses) {
  FakeServer server([](const std::string& request) {
    if (request != "watch 2") return FakeReply{line(R"({"error":"unexpected"})"), true};
    return FakeReply{line(snapshot_json) + line(empty_snapshot_json), true};
  });
  auto result = statline({"--socket", server.path(), "watch", "2"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out,
            "22:13:20 cpu 12.3% mem 39.7% rx 1.2K tx 300B load 0.52\n"
            "22:13:20 cpu - mem - rx - tx - load -\n");
  result = statline({"--socket", server.path(), "watch", "2", "--json"});
  EXPECT_EQ(result.out, line(snapshot_json) + line(empty_snapshot_json));
}

TEST(StatlineSmallCommands, PingVersionReload) {
  FakeServer server(std::map<std::string, std::string>{
      {"ping", line(R"({"ok":true})")},
      {"version", line(R"({"version":"0.1.0","protocol":1})")},
      {"reload", line(R"({"error":"config.yaml:3:1: interval: expected a number, got \"x\""})")}});
  auto result = statline({"--socket", server.path(), "ping"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "ok\n");
  result = statline({"--socket", server.path(), "version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out,
            std::string("statline ") + STATLINE_VERSION + "\nstatlined 0.1.0 (protocol 1)\n");
  result = statline({"--socket", server.path(), "reload"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "statline: config.yaml:3:1: interval: expected a number, got \"x\"\n");
}

TEST(StatlineUsage, ErrorsExit64) {
  for (const auto& args : std::vector<std::vector<std::string>>{{},
                                                                {"frobnicate"},
                                                                {"get", "--bogus"},
                                                                {"history"},
                                                                {"watch", "-1"},
                                                                {"--timeout", "0", "get"},
                                                                {"get", "a\nping"}}) {
    const auto result = statline(args);
    EXPECT_EQ(result.exit_code, 64) << ::testing::PrintToString(args);
    EXPECT_EQ(result.out, "");
    EXPECT_TRUE(result.err.starts_with("statline: ")) << result.err;
  }
}

TEST(StatlineUsage, HelpAndVersionExitZero) {
  for (const char* command :
       {"get", "status", "tmux", "history", "metrics", "watch", "ping", "version", "reload"}) {
    const auto result = statline({command, "--help"});
    EXPECT_EQ(result.exit_code, 0) << command;
    EXPECT_NE(result.out.find(std::string("Usage: statline ") + command), std::string::npos);
    EXPECT_NE(result.out.find("--socket PATH"), std::string::npos) << command;
  }
  auto result = statline({"--help"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("Exit status:"), std::string::npos);
  result = statline({"--version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, std::string("statline ") + STATLINE_VERSION + "\n");
}

}  // namespace
}  // namespace statline::testing
