// End-to-end tests of the statline binary against a fake daemon: the exit statuses,
// exact output and the tmux never-hang guarantee (DESIGN §5).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/unit/client/canned_replies.hpp"
#include "tests/unit/client/fake_server.hpp"
#include "tests/unit/client/run_process.hpp"
#include "tests/unit/golden_file.hpp"

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

TEST(StatlineHistory, ChartByDefaultLinesAndJsonOnRequest) {
  FakeServer server(std::map<std::string, std::string>{
      {"history cpu.total.usage 60", line(history_json)},
      {"history cpu.total.usage 600", line(history_json)}});
  auto result = statline({"--socket", server.path(), "history", "cpu.total.usage", "60", "--lines"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, history_text);
  result = statline({"--socket", server.path(), "history", "cpu.total.usage", "--since", "10m"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  // Not a terminal: 80 columns.
  EXPECT_TRUE(result.out.starts_with("cpu.total.usage  last 7%  min 7%  avg 9.8%  max 12.5%   "
                                     "3 points, 22:13:20 to 22:13:22\n"
                                     " 15% ┤"))
      << result.out;
  EXPECT_NE(result.out.find("\n7.5% ┤"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\n  0% └┬─"), std::string::npos) << result.out;
  result = statline({"--socket", server.path(), "history", "cpu.total.usage", "60", "--json"});
  EXPECT_EQ(result.out, line(history_json));
  result = statline({"--socket", server.path(), "history", "cpu.total.usage", "60", "--since", "1m"});
  EXPECT_EQ(result.exit_code, 64);
  EXPECT_NE(result.err.find("give SECONDS or --since, not both"), std::string::npos) << result.err;
}

// A stream of samples: everything known, a core without data, a busy machine with large
// numbers, then everything null (the daemon restarting its collectors).
std::string watch_stream() {
  auto first = nlohmann::ordered_json::parse(snapshot_json);
  auto busy = first;
  busy["time"] = 1700000001.25;
  busy["cpu"]["total"] = {{"usage", 100},  {"user", 70}, {"nice", 5},   {"system", 20},
                          {"idle", 0},     {"iowait", 0}, {"irq", 2.5}, {"softirq", 2.5},
                          {"steal", 0}};
  busy["cpu"]["cores"][1] = {{"cpu", 1},  {"usage", 99.6}, {"user", 60},  {"nice", 0},
                             {"system", 39.6}, {"idle", 0.4}, {"iowait", 0}, {"irq", 0},
                             {"softirq", 0}, {"steal", 0}};
  busy["cpu"]["context_switches"] = 123456;
  busy["cpu"]["interrupts"] = 54321;
  busy["cpu"]["forks"] = 150;
  busy["cpu"]["procs_running"] = 12;
  busy["mem"]["used"] = 12884901888.0;
  busy["mem"]["cached"] = 0;
  busy["net"]["total"]["rx_bytes"] = 123456789;
  busy["net"]["total"]["tx_bytes"] = 1048576;
  busy["net"]["interfaces"]["eth0"]["rx_bytes"] = 123456789;
  busy["net"]["interfaces"]["eth0"]["tx_bytes"] = 1048576;
  busy["load"] = {{"avg1", 12.5}, {"avg5", 9.999}, {"avg15", 1}, {"running", 12}, {"total", 900}};
  auto empty = nlohmann::ordered_json::parse(empty_snapshot_json);
  empty["time"] = 1700000002.25;
  return line(first.dump().c_str()) + line(busy.dump().c_str()) + line(empty.dump().c_str());
}

FakeServer watch_server(const std::string& expected_request) {
  return FakeServer([expected_request](const std::string& request) {
    if (request != expected_request) return FakeReply{line(R"({"error":"unexpected"})"), true};
    return FakeReply{watch_stream(), true};
  });
}

TEST(StatlineWatch, TableLikeDstatWithoutColourInAPipe) {
  FakeServer server = watch_server("watch");
  const auto result = statline({"--socket", server.path(), "watch"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  expect_golden("watch/default.txt", result.out);
}

TEST(StatlineWatch, EveryGroupWithCpusAndInterfaces) {
  FakeServer server = watch_server("watch 2");
  const auto result =
      statline({"--socket", server.path(), "watch", "--interval", "2s", "--columns",
                "time,cpu,mem,net,load,sys,procs", "-C", "0,1,total", "-N", "eth0,total"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  expect_golden("watch/all_groups.txt", result.out);
}

TEST(StatlineWatch, CountStopsEarlyAndDstatPositionalsWork) {
  FakeServer server = watch_server("watch 0.5");
  const auto result = statline({"--socket", server.path(), "watch", "500ms", "2", "--columns", "load"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "---load-avg---\n"
            " 1m   5m  15m \n"
            "0.52 0.58 0.59\n"
            "12.5 10.0 1.00\n");
}

TEST(StatlineWatch, CsvAndJsonAndOutputFile) {
  FakeServer server = watch_server("watch");
  auto result = statline({"--socket", server.path(), "watch", "--csv", "--columns", "cpu,load"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "\"time\",\"usr\",\"sys\",\"idl\",\"wai\",\"stl\",\"1m\",\"5m\",\"15m\"\n"
            "1700000000.250,8.900,3.200,87.300,0.400,0,0.520,0.580,0.590\n"
            "1700000001.250,80,20,0,0,0,12.500,9.999,1\n"
            "1700000002.250,,,,,,,,\n");
  result = statline({"--socket", server.path(), "watch", "--json", "--count", "1"});
  EXPECT_EQ(result.out, line(nlohmann::ordered_json::parse(snapshot_json).dump().c_str()));

  char dir[] = "/tmp/statline-watch-output-XXXXXX";
  ASSERT_NE(::mkdtemp(dir), nullptr);
  const std::string file = std::string(dir) + "/rows.csv";
  result = statline({"--socket", server.path(), "watch", "--columns", "load", "--output", file});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.out.starts_with("---load-avg---\n")) << result.out;
  std::ifstream in(file);
  const std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(csv,
            "\"time\",\"1m\",\"5m\",\"15m\"\n"
            "1700000000.250,0.520,0.580,0.590\n"
            "1700000001.250,12.500,9.999,1\n"
            "1700000002.250,,,\n");
  std::filesystem::remove_all(dir);

  result = statline({"--socket", server.path(), "watch", "--output", "/nonexistent-dir/x.csv"});
  EXPECT_EQ(result.exit_code, 73);
  EXPECT_EQ(result.err, "statline: cannot create /nonexistent-dir/x.csv: No such file or directory\n");
}

TEST(StatlineWatch, ColourOnlyWhenAsked) {
  FakeServer server = watch_server("watch");
  auto result = statline({"--socket", server.path(), "watch", "--columns", "load", "--count", "1",
                          "--color"});
  EXPECT_EQ(result.out,
            "\033[0;34m---load-avg---\033[0;0m\033[0;0m\n"
            "\033[1;34m\033[4m 1m \033[0;0m \033[1;34m\033[4m 5m \033[0;0m "
            "\033[1;34m\033[4m15m \033[0;0m\033[0;0m\n"
            "\033[1;33m0.52 \033[1;33m0.58 \033[1;33m0.59\033[0;0m\n");
  result = statline({"--socket", server.path(), "watch", "--color", "--no-color"});
  EXPECT_EQ(result.exit_code, 64);
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
                                                                {"watch", "--count", "0"},
                                                                {"watch", "--columns", "disk"},
                                                                {"watch", "--csv", "--json"},
                                                                {"watch", "1", "--interval", "2"},
                                                                {"history", "x", "--since", "soon"},
                                                                {"history", "x", "--lines", "--json"},
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
