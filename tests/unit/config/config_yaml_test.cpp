// to_yaml: the effective config for --check-config must read back as the same config.
#include "config/config_yaml.hpp"

#include <gtest/gtest.h>

#include <string>

#include "config/config_loader.hpp"

namespace statline {
namespace {

Config round_trip(const Config& config) {
  const std::string yaml = to_yaml(config);
  auto result = parse_config(yaml, "effective.yaml");
  EXPECT_TRUE(result.ok()) << result.error() << "\n" << yaml;
  return result ? result.value() : Config{};
}

// Every field different from its default, with values chosen to stress the output:
// doubles without a short decimal form, strings YAML would otherwise misread.
Config everything_changed() {
  Config c;
  c.interval = 0.1 + 0.2;  // 0.30000000000000004
  c.history = 1.0 / 3 * 1000;
  c.socket = "/run/user/1000/stat line\\\"#.sock";
  c.proc_root = "yes";  // a YAML 1.1 boolean if it were written plain
  c.log_level = LogLevel::warning;
  c.collectors.stat.enabled = false;
  c.collectors.meminfo.enabled = false;
  c.collectors.loadavg.enabled = false;
  c.collectors.netdev = {false, {"eth*", "[ew]*", "null"}, {}};
  c.restart = {1e-3, 12.5, 3600};
  c.access = {{0, 1000, 4294967294u}, 0};
  c.clients = {65536, 4096, 0.001};
  c.tmux.format = "with: colon";
  c.tmux.formats = {{"with: colon", "#[fg=red]{cpu:.1f}%\t#[default] {{x}} #{host}"},
                    {"two words", "ünïcødé {mem.used:bytes}"},
                    {"- dash", "'single' \"double\" {load}"}};
  c.tmux.thresholds = {
      {"cpu", {0, 0}}, {"mem", {1e-9, 1e15}}, {"net", {1.5e6, 1e8}}, {"load", {2, 2}}};
  c.tmux.styles = {"fg=colour226,bold", ""};
  c.tmux.ascii = true;
  c.metrics.listen = "[::1]:9101";
  return c;
}

TEST(ConfigToYaml, DefaultsRoundTrip) {
  EXPECT_EQ(round_trip(Config{}), Config{});
}

TEST(ConfigToYaml, EveryFieldChangedRoundTrips) {
  const Config c = everything_changed();
  ASSERT_NE(c.interval, 0.3);  // the point of the value
  EXPECT_EQ(round_trip(c), c);
}

TEST(ConfigToYaml, EveryFieldChangedDiffersFromDefaultsEverywhere) {
  // Guards the test above: a field added to Config but not to everything_changed()
  // (or to to_yaml) shows up here as an unchanged section.
  const Config c = everything_changed();
  const Config d;
  EXPECT_NE(c.interval, d.interval);
  EXPECT_NE(c.history, d.history);
  EXPECT_NE(c.socket, d.socket);
  EXPECT_NE(c.proc_root, d.proc_root);
  EXPECT_NE(c.log_level, d.log_level);
  EXPECT_NE(c.collectors.stat, d.collectors.stat);
  EXPECT_NE(c.collectors.meminfo, d.collectors.meminfo);
  EXPECT_NE(c.collectors.loadavg, d.collectors.loadavg);
  EXPECT_NE(c.collectors.netdev.enabled, d.collectors.netdev.enabled);
  EXPECT_NE(c.collectors.netdev.interfaces, d.collectors.netdev.interfaces);
  EXPECT_NE(c.collectors.netdev.exclude, d.collectors.netdev.exclude);
  EXPECT_NE(c.restart.initial, d.restart.initial);
  EXPECT_NE(c.restart.max, d.restart.max);
  EXPECT_NE(c.restart.reset_after, d.restart.reset_after);
  EXPECT_NE(c.access.uids, d.access.uids);
  EXPECT_NE(c.access.gid, d.access.gid);
  EXPECT_NE(c.clients.max, d.clients.max);
  EXPECT_NE(c.clients.max_output_bytes, d.clients.max_output_bytes);
  EXPECT_NE(c.clients.idle_timeout, d.clients.idle_timeout);
  EXPECT_NE(c.tmux.format, d.tmux.format);
  EXPECT_NE(c.tmux.formats, d.tmux.formats);
  EXPECT_NE(c.tmux.thresholds, d.tmux.thresholds);
  EXPECT_NE(c.tmux.styles.warn, d.tmux.styles.warn);
  EXPECT_NE(c.tmux.styles.crit, d.tmux.styles.crit);
  EXPECT_NE(c.tmux.ascii, d.tmux.ascii);
  EXPECT_NE(c.metrics.listen, d.metrics.listen);
}

TEST(ConfigToYaml, DefaultsReadLikeTheExampleConfig) {
  EXPECT_EQ(to_yaml(Config{}),
            "interval: 1\n"
            "history: 3600\n"
            "socket: \"\"\n"
            "proc_root: \"/proc\"\n"
            "log_level: info\n"
            "collectors:\n"
            "  stat:\n"
            "    enabled: true\n"
            "  meminfo:\n"
            "    enabled: true\n"
            "  loadavg:\n"
            "    enabled: true\n"
            "  netdev:\n"
            "    enabled: true\n"
            "    interfaces: []\n"
            "    exclude: [\"lo\"]\n"
            "restart:\n"
            "  initial: 0.1\n"
            "  max: 10\n"
            "  reset_after: 30\n"
            "access:\n"
            "  uids: []\n"
            "  gid: null\n"
            "clients:\n"
            "  max: 1024\n"
            "  max_output_bytes: 1048576\n"
            "  idle_timeout: 300\n"
            "tmux:\n"
            "  format: \"default\"\n"
            "  formats: {}\n"
            "  thresholds:\n"
            "    cpu: {warn: 50, crit: 80}\n"
            "    mem: {warn: 70, crit: 90}\n"
            "  styles: {warn: \"fg=yellow\", crit: \"fg=red\"}\n"
            "  ascii: false\n"
            "metrics:\n"
            "  listen: null\n");
}

TEST(ConfigToYaml, DoublesUseTheShortestExactForm) {
  Config c;
  c.interval = 0.1 + 0.2;
  c.restart.initial = 1e-3;
  const std::string yaml = to_yaml(c);
  EXPECT_NE(yaml.find("interval: 0.30000000000000004\n"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("initial: 0.001\n"), std::string::npos) << yaml;
}

}  // namespace
}  // namespace statline
