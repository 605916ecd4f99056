#include "server/request_handler.hpp"

#include <gtest/gtest.h>

#include "aggregator/snapshot.hpp"
#include "server/snapshot_builder.hpp"
#include "server/tmux_lines.hpp"

namespace statline {
namespace {

// Answers from a fixed snapshot, as the aggregator would between two samples.
class FakeContext final : public RequestContext {
 public:
  FakeContext() {
    snapshot_.time = 1700000000.5;
    snapshot_.interval = 1;
    snapshot_.load = LoadValues{0.5, 0.25, 0.125, 2, 300};
    MemValues mem;
    mem.total = 1000;
    mem.used = 250;
    mem.used_percent = 25.0;
    snapshot_.mem = mem;
    line_ = dump_json(to_json(snapshot_)) + "\n";
  }
  const Config& config() const override { return config_; }
  const std::string& snapshot_line() override { return line_; }
  const Snapshot& snapshot() override { return snapshot_; }
  std::optional<MeminfoSample> meminfo() override { return meminfo_; }
  Result<std::vector<HistoryPoint>> history(const std::string& metric,
                                            std::optional<double> seconds) override {
    last_history_metric = metric;
    last_history_seconds = seconds;
    if (metric != "load.avg1") return ParseError{"unknown path \"" + metric + "\""};
    return std::vector<HistoryPoint>{{100.0, 0.5}, {101.0, std::nullopt}};
  }
  nlohmann::ordered_json status() override { return {{"uptime", 1.5}}; }
  std::string metrics() override { return "# TYPE node_load1 gauge\nnode_load1 0.5\n"; }
  Result<bool> request_reload() override {
    if (reload_error.empty()) return true;
    return ParseError{reload_error};
  }
  Result<std::string> tmux_line(const std::optional<std::string>& format, bool ascii) override {
    lines_.configure(config_.tmux);
    return lines_.render(format, ascii, to_json(snapshot_), builder_, config_);
  }

  Config config_;
  std::string reload_error;
  std::string last_history_metric;
  std::optional<double> last_history_seconds;
  std::optional<MeminfoSample> meminfo_;

 private:
  Snapshot snapshot_;
  std::string line_;
  SnapshotBuilder::Feeds no_feeds_;  // no history: sparklines stay blank
  SnapshotBuilder builder_{no_feeds_};
  TmuxLines lines_;
};

class RequestHandlerTest : public ::testing::Test {
 protected:
  FakeContext context;
  RequestHandler handler{context, "testhost"};
};

TEST_F(RequestHandlerTest, PingAndVersion) {
  EXPECT_EQ(handler.respond("ping"), "{\"ok\":true}\n");
  EXPECT_EQ(handler.respond("version"),
            std::string("{\"version\":\"") + STATLINE_VERSION + "\",\"protocol\":1}\n");
}

TEST_F(RequestHandlerTest, GetWithoutPathsIsTheCachedSnapshotLine) {
  EXPECT_EQ(handler.respond("get"), context.snapshot_line());
}

TEST_F(RequestHandlerTest, GetSelectsSubtrees) {
  EXPECT_EQ(
      handler.respond("get load"),
      "{\"load\":{\"avg1\":0.5,\"avg5\":0.25,\"avg15\":0.125,\"running\":2,\"total\":300}}\n");
  EXPECT_EQ(handler.respond("get nosuch"), "{\"error\":\"unknown path \\\"nosuch\\\"\"}\n");
}

TEST_F(RequestHandlerTest, TmuxRendersTheDefaultLine) {
  EXPECT_EQ(handler.respond("tmux"), "CPU --          MEM 25% ↓-- ↑-- L 0.50\n");
  EXPECT_EQ(handler.respond("tmux --ascii"), "CPU --          MEM 25% rx -- tx -- L 0.50\n");
  EXPECT_EQ(handler.respond("tmux mem"), "MEM 25% 250B\n");
  EXPECT_EQ(handler.respond("tmux fancy"),
            "{\"error\":\"unknown tmux format \\\"fancy\\\" (known: cores, cpu, default, "
            "load, mem, net)\"}\n");
}

TEST_F(RequestHandlerTest, TmuxRendersConfiguredFormats) {
  context.config_.tmux.formats["mine"] = "{mem.used_percent:.1f} of {mem.total:bytes}";
  EXPECT_EQ(handler.respond("tmux mine"), "25.0 of 1.0K\n");
  context.config_.tmux.format = "mine";
  EXPECT_EQ(handler.respond("tmux"), "25.0 of 1.0K\n");
}

TEST_F(RequestHandlerTest, TmuxFollowStreamsTmuxLines) {
  bool starts_watch = false;
  double period = -1;
  std::string topic;
  EXPECT_EQ(handler.respond("tmux --follow mem", &starts_watch, &period, &topic),
            "MEM 25% 250B\n");
  EXPECT_TRUE(starts_watch);
  EXPECT_EQ(period, 0);
  EXPECT_EQ(TmuxLines::parse_topic(topic), std::pair(std::optional<std::string>("mem"), false));
  // A request that fails does not start a stream.
  starts_watch = false;
  handler.respond("tmux --follow nosuch", &starts_watch, &period, &topic);
  EXPECT_FALSE(starts_watch);
}

TEST_F(RequestHandlerTest, HistoryReportsPointsAndGaps) {
  EXPECT_EQ(handler.respond("history load.avg1 60"),
            "{\"metric\":\"load.avg1\",\"interval\":1.0,\"points\":[[100.0,0.5],[101.0,null]]}\n");
  EXPECT_EQ(context.last_history_metric, "load.avg1");
  EXPECT_EQ(context.last_history_seconds, 60.0);
  EXPECT_EQ(handler.respond("history cpu.totl"), "{\"error\":\"unknown path \\\"cpu.totl\\\"\"}\n");
}

TEST_F(RequestHandlerTest, WatchStartsAStreamInsteadOfReplying) {
  bool watch = false;
  double period = -1;
  EXPECT_EQ(handler.respond("watch 5", &watch, &period), "");
  EXPECT_TRUE(watch);
  EXPECT_EQ(period, 5.0);
}

TEST_F(RequestHandlerTest, StatusAndReload) {
  EXPECT_EQ(handler.respond("status"), "{\"uptime\":1.5}\n");
  EXPECT_EQ(handler.respond("reload"), "{\"ok\":true}\n");
  context.reload_error = "config.yaml:1:1: unknown key \"x\"";
  EXPECT_EQ(handler.respond("reload"), "{\"error\":\"config.yaml:1:1: unknown key \\\"x\\\"\"}\n");
}

TEST_F(RequestHandlerTest, MetricsIsTheExpositionEndedByAnEofLine) {
  EXPECT_EQ(handler.respond("metrics"), "# TYPE node_load1 gauge\nnode_load1 0.5\n# EOF\n");
  EXPECT_EQ(handler.respond("metrics now"), "{\"error\":\"metrics: takes no arguments\"}\n");
}

TEST_F(RequestHandlerTest, GarbageGetsAnErrorThatIsValidJson) {
  const auto reply = handler.respond(std::string_view("\xff\xfe\x01zz", 5));
  ASSERT_FALSE(reply.empty());
  const auto parsed = nlohmann::json::parse(reply);
  EXPECT_TRUE(parsed.contains("error"));
  EXPECT_EQ(handler.respond(""), "{\"error\":\"empty request\"}\n");
}

// collectd's unixsock commands are answered in collectd's protocol on the same socket;
// statline's own requests are not affected.
TEST_F(RequestHandlerTest, CollectdCommandsGetCollectdReplies) {
  EXPECT_EQ(handler.respond("LISTVAL\r\n"),
            "1 Value found\n1700000000.500 testhost/load/load\n");
  EXPECT_EQ(handler.respond("getval \"testhost/load/load\""),
            "3 Values found\nshortterm=5.000000e-01\nmidterm=2.500000e-01\nlongterm=1.250000e-01\n");
  EXPECT_EQ(handler.respond("GETVAL testhost/load"), "-1 Cannot parse identifier `testhost/load'.\n");
  EXPECT_EQ(handler.respond("FLUSH"), "0 Done: 1 successful, 0 errors\n");
  // Memory values come from the meminfo sample the snapshot's mem was made from.
  // used = (1000 - 100 - 10 - 20 - 30) kB.
  auto sample = parse_meminfo(
      "MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 10 kB\nCached: 20 kB\nSlab: 30 kB\n");
  ASSERT_TRUE(sample);
  context.meminfo_ = sample.value();
  EXPECT_EQ(handler.respond("GETVAL testhost/memory/memory-used"),
            "1 Value found\nvalue=8.601600e+05\n");
  EXPECT_EQ(
      handler.respond("get load"),
      "{\"load\":{\"avg1\":0.5,\"avg5\":0.25,\"avg15\":0.125,\"running\":2,\"total\":300}}\n");
  EXPECT_TRUE(handler.respond("GET load").starts_with("{\"error\":\"unknown command"));
}

}  // namespace
}  // namespace statline
