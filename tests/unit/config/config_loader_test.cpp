// parse_config and load_config_file on valid input: defaults, every key, the accepted
// spellings, and the example config shipped in systemd/. Error messages are in
// config_errors_test.cpp.
#include "config/config_loader.hpp"

#include <gtest/gtest.h>

#include <string>

#include "config/config_yaml.hpp"
#include "config/log_level.hpp"

namespace statline {
namespace {

const std::string kFixtures = STATLINE_FIXTURES "/config/";

Config parsed(std::string_view text) {
  auto result = parse_config(text, "test.yaml");
  EXPECT_TRUE(result.ok()) << result.error();
  return result ? result.value() : Config{};
}

TEST(ConfigDefaults, MatchTheDesign) {
  const Config c;
  EXPECT_EQ(c.interval, 1.0);
  EXPECT_EQ(c.history, 3600.0);
  EXPECT_EQ(c.socket, "");
  EXPECT_EQ(c.proc_root, "/proc");
  EXPECT_EQ(c.log_level, LogLevel::info);
  EXPECT_EQ(c.collectors.netdev.exclude, std::vector<std::string>{"lo"});
  EXPECT_EQ(c.restart, (RestartConfig{0.1, 10.0, 30.0}));
  EXPECT_EQ(c.metrics.listen, std::nullopt);
}

TEST(ConfigParse, EmptyTextGivesDefaults) {
  EXPECT_EQ(parsed(""), Config{});
  EXPECT_EQ(parsed("\n\n"), Config{});
}

TEST(ConfigParse, OnlyCommentsGiveDefaults) {
  EXPECT_EQ(parsed("# interval: 5\n# history: 60\n"), Config{});
}

TEST(ConfigParse, EmptyDocumentsGiveDefaults) {
  EXPECT_EQ(parsed("---\n"), Config{});
  EXPECT_EQ(parsed("---\n# nothing\n...\n"), Config{});
  EXPECT_EQ(parsed("interval: 2\n---\n").interval, 2.0);  // a stray trailing marker
}

TEST(ConfigParse, EmptySectionsKeepTheirDefaults) {
  // What is left when every sub-key of the example config is commented out.
  EXPECT_EQ(parsed("collectors:\nrestart:\naccess:\nclients:\ntmux:\nmetrics:\n"), Config{});
  EXPECT_EQ(parsed("collectors: {netdev: {}, stat: {}}\ntmux: {thresholds: {}}\n"), Config{});
}

TEST(ConfigParse, EveryKeyFromTheFullFixture) {
  Config expected;
  expected.interval = 0.5;
  expected.history = 7200;
  expected.socket = "/run/statline/test.sock";
  expected.proc_root = "tests/fixtures/proc/real";
  expected.log_level = LogLevel::debug;
  expected.collectors.stat.enabled = false;
  expected.collectors.meminfo.enabled = false;
  expected.collectors.loadavg.enabled = false;
  expected.collectors.netdev = {false, {"eth*", "wlp?s0"}, {"docker*", "veth*"}};
  expected.restart = {0.25, 60, 45};
  expected.access = {{1000, 1001}, 100};
  expected.clients = {16, 65536, 600};
  expected.tmux.format = "compact";
  expected.tmux.formats = {{"compact", "#[fg=green]#{cpu.total.usage}%"},
                           {"wide", "cpu #{cpu.total.usage}% mem #{mem.used_percent}%"}};
  expected.tmux.thresholds = {{"cpu", {60, 95.5}}, {"mem", {75, 92}}, {"load", {4, 8}}};
  expected.tmux.ascii = true;
  expected.metrics.listen = "[::1]:9101";

  const auto result = load_config_file(kFixtures + "full.yaml");
  ASSERT_TRUE(result.ok()) << result.error();
  EXPECT_EQ(result.value(), expected);
}

TEST(ConfigParse, DurationsTakeUnits) {
  EXPECT_EQ(parsed("interval: 50ms").interval, 0.05);  // exactly the lower bound
  EXPECT_EQ(parsed("interval: 2s").interval, 2.0);
  EXPECT_EQ(parsed("interval: 1m").interval, 60.0);
  EXPECT_EQ(parsed("interval: 1h").interval, 3600.0);
  EXPECT_EQ(parsed("history: 7d").history, 604800.0);
  EXPECT_EQ(parsed("clients: {idle_timeout: 1.5m}").clients.idle_timeout, 90.0);
}

TEST(ConfigParse, QuotedScalarsAreReadByWhatTheKeyExpects) {
  // A scalar is text; the key decides how to read it, quoted or not.
  EXPECT_EQ(parsed("interval: \"2\"").interval, 2.0);
  EXPECT_EQ(parsed("socket: 123").socket, "123");
  EXPECT_EQ(parsed("collectors: {stat: {enabled: 'false'}}").collectors.stat.enabled, false);
}

TEST(ConfigParse, BooleansUseTheYaml12Spellings) {
  for (const char* text : {"true", "True", "TRUE"}) {
    EXPECT_TRUE(parsed(std::string("tmux: {ascii: ") + text + "}").tmux.ascii) << text;
  }
}

TEST(ConfigParse, HistoryMayEqualTheInterval) {
  const Config c = parsed("interval: 60\nhistory: 1m\n");
  EXPECT_EQ(c.history, 60.0);
}

TEST(ConfigParse, ListsReplaceTheDefaultList) {
  EXPECT_TRUE(parsed("collectors: {netdev: {exclude: []}}").collectors.netdev.exclude.empty());
}

TEST(ConfigParse, ThresholdEntriesReplaceOnlyTheirOwnDefault) {
  const Config c = parsed("tmux:\n  thresholds:\n    cpu: {warn: 10, crit: 20}\n");
  EXPECT_EQ(c.tmux.thresholds.at("cpu"), (ThresholdConfig{10, 20}));
  EXPECT_EQ(c.tmux.thresholds.at("mem"), (ThresholdConfig{70, 90}));
}

TEST(ConfigParse, NullMeansNoneForOptionalValues) {
  const Config c = parsed("access: {gid: 5}\nmetrics: {listen: \"127.0.0.1:9101\"}\n");
  EXPECT_EQ(c.access.gid, 5u);
  const Config cleared = parsed("access: {gid: null}\nmetrics: {listen: ~}\n");
  EXPECT_EQ(cleared.access.gid, std::nullopt);
  EXPECT_EQ(cleared.metrics.listen, std::nullopt);
}

TEST(ConfigParse, EmptySocketMeansTheDefaultPath) {
  EXPECT_EQ(parsed("socket: \"\"").socket, "");
}

TEST(ConfigParse, AnchorsAndAliasesWork) {
  const Config c = parsed("interval: &i 5\nhistory: *i\n");
  EXPECT_EQ(c.history, 5.0);
}

TEST(ConfigLogLevel, NamesRoundTrip) {
  for (const LogLevel level :
       {LogLevel::debug, LogLevel::info, LogLevel::notice, LogLevel::warning, LogLevel::error}) {
    EXPECT_EQ(parse_log_level(to_string(level)), level);
    EXPECT_EQ(parsed(std::string("log_level: ") + to_string(level)).log_level, level);
  }
  EXPECT_STREQ(to_string(LogLevel::warning), "warning");
  EXPECT_EQ(parse_log_level("WARNING"), std::nullopt);
  EXPECT_EQ(parse_log_level("warn"), std::nullopt);
}

TEST(ConfigLoadFile, MissingFileIsAnError) {
  const std::string path = kFixtures + "does-not-exist.yaml";
  const auto result = load_config_file(path);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error(), path + ": cannot read: No such file or directory");
}

TEST(ConfigLoadFile, DirectoryIsAnError) {
  const auto result = load_config_file(kFixtures);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error(), kFixtures + ": cannot read: Is a directory");
}

TEST(ConfigLoadFile, ErrorsNameThePathGiven) {
  const std::string path = kFixtures + "typo.yaml";
  const auto result = load_config_file(path);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error(),
            path + ":4:5: collectors.netdev: unknown key \"exlude\" (did you mean \"exclude\"?)");
}

// The shipped example documents every key at its default; if a default changes, this
// fails until the example is updated.
TEST(ConfigExample, ParsesToTheDefaults) {
  const auto result = load_config_file(STATLINE_FIXTURES "/../../systemd/config.example.yaml");
  ASSERT_TRUE(result.ok()) << result.error();
  EXPECT_EQ(result.value(), Config{});
}

}  // namespace
}  // namespace statline
