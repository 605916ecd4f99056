// Every kind of config error, with the exact message users see. One shape throughout:
//   FILE:LINE:COLUMN: KEY.PATH: expected WHAT, found WHAT
// (no key path at the top level; unknown and duplicate keys name the mapping they are in).
#include <gtest/gtest.h>

#include <string>

#include "config/config_loader.hpp"

namespace statline {
namespace {

struct ErrorCase {
  const char* name;
  std::string yaml;
  std::string message;
};

void PrintTo(const ErrorCase& c, std::ostream* out) {
  *out << c.name;
}

class ConfigErrors : public testing::TestWithParam<ErrorCase> {};

TEST_P(ConfigErrors, ReportsExactly) {
  const ErrorCase& c = GetParam();
  const auto result = parse_config(c.yaml, "config.yaml");
  ASSERT_FALSE(result.ok()) << "accepted:\n" << c.yaml;
  EXPECT_EQ(result.error(), c.message);
}

const std::string kIntervalRange = "expected a number of seconds between 0.05 and 3600";
const std::string kDurationRange = "expected a number of seconds greater than 0 and at most 604800";
const std::string kTopKeys =
    "interval, history, socket, proc_root, log_level, collectors, restart, access, clients, tmux, "
    "metrics";
const std::string kListen =
    R"(expected an address "host:port" such as "127.0.0.1:9101" or "[::1]:9101", or null)";

const ErrorCase kCases[] = {
    // --- interval and history ---
    {"interval_word", "interval: fast\n",
     "config.yaml:1:11: interval: " + kIntervalRange + R"(, found "fast")"},
    {"interval_too_small", "interval: 0.01\n",
     "config.yaml:1:11: interval: " + kIntervalRange + R"(, found "0.01")"},
    {"interval_too_small_ms", "interval: 49ms\n",
     "config.yaml:1:11: interval: " + kIntervalRange + R"(, found "49ms")"},
    {"interval_too_large", "interval: 2h\n",
     "config.yaml:1:11: interval: " + kIntervalRange + R"(, found "2h")"},
    {"interval_negative", "interval: -1\n",
     "config.yaml:1:11: interval: " + kIntervalRange + R"(, found "-1")"},
    {"interval_nan", "interval: nan\n",
     "config.yaml:1:11: interval: " + kIntervalRange + R"(, found "nan")"},
    {"interval_bad_unit", "interval: 5x\n",
     "config.yaml:1:11: interval: " + kIntervalRange + R"(, found "5x")"},
    {"interval_list", "interval: [1, 2]\n",
     "config.yaml:1:11: interval: " + kIntervalRange + ", found a list"},
    {"interval_mapping", "interval: {a: 1}\n",
     "config.yaml:1:11: interval: " + kIntervalRange + ", found a mapping"},
    // An empty value is reported at its key, not at the next line where yaml-cpp marks it.
    {"interval_empty", "interval:\nhistory: 60\n",
     "config.yaml:1:1: interval: " + kIntervalRange + ", found null"},
    {"interval_empty_at_end",
     "interval:", "config.yaml:1:1: interval: " + kIntervalRange + ", found null"},
    {"interval_empty_in_flow", "restart: {max: }\n",
     "config.yaml:1:16: restart.max: " + kDurationRange + ", found null"},
    {"interval_tilde", "interval: ~\n",
     "config.yaml:1:11: interval: " + kIntervalRange + ", found null"},
    {"history_too_long", "history: 8d\n",
     R"(config.yaml:1:10: history: expected a number of seconds between 0.05 and 604800, found "8d")"},
    {"history_below_interval", "interval: 5\nhistory: 2\n",
     R"(config.yaml:2:10: history: expected at least interval (5), found "2")"},
    {"history_below_interval_written_first", "history: 2\ninterval: 5\n",
     R"(config.yaml:1:10: history: expected at least interval (5), found "2")"},
    // A value that already failed takes part in no cross-key check.
    {"history_check_skipped_for_bad_interval", "interval: fast\nhistory: 0.5\n",
     "config.yaml:1:11: interval: " + kIntervalRange + R"(, found "fast")"},
    {"history_below_default_interval", "history: 0.5\n",
     R"(config.yaml:1:10: history: expected at least interval (1), found "0.5")"},

    // --- unknown, duplicate and malformed keys ---
    {"unknown_top_key", "intervall: 2\n",
     R"(config.yaml:1:1: unknown key "intervall" (did you mean "interval"?))"},
    {"unknown_top_key_case", "Interval: 2\n",
     R"(config.yaml:1:1: unknown key "Interval" (did you mean "interval"?))"},
    {"unknown_top_key_transposed", "interval: 1\nhistroy: 60\n",
     R"(config.yaml:2:1: unknown key "histroy" (did you mean "history"?))"},
    {"unknown_top_key_far", "colour: red\n",
     R"(config.yaml:1:1: unknown key "colour" (expected one of: )" + kTopKeys + ")"},
    {"unknown_nested_key", "collectors:\n  netdev:\n    exlude: [lo]\n",
     R"(config.yaml:3:5: collectors.netdev: unknown key "exlude" (did you mean "exclude"?))"},
    {"unknown_collector", "collectors:\n  diskstats: {enabled: true}\n",
     R"(config.yaml:2:3: collectors: unknown key "diskstats" (expected one of: stat, meminfo, loadavg, netdev))"},
    {"unknown_collector_key", "collectors:\n  stat:\n    enable: true\n",
     R"(config.yaml:3:5: collectors.stat: unknown key "enable" (did you mean "enabled"?))"},
    {"unknown_flow_key", "restart: {initial: 1, maximum: 5}\n",
     R"(config.yaml:1:23: restart: unknown key "maximum" (expected one of: initial, max, reset_after))"},
    {"duplicate_key", "interval: 1\ninterval: 2\n",
     R"(config.yaml:2:1: duplicate key "interval" (first on line 1))"},
    {"duplicate_nested_key", "clients:\n  max: 1\n  max: 2\n",
     R"(config.yaml:3:3: clients: duplicate key "max" (first on line 2))"},
    {"complex_key", "? [a, b]\n: 1\n", "config.yaml:1:3: expected a name, found a list"},
    {"empty_key", "\"\": 1\n", R"(config.yaml:1:1: expected a name, found "")"},

    // --- document shape and YAML syntax ---
    {"top_level_list", "- interval: 1\n", "config.yaml:1:1: expected a mapping, found a list"},
    {"top_level_scalar", "interval 5\n",
     R"(config.yaml:1:1: expected a mapping, found "interval 5")"},
    {"section_not_mapping", "collectors: yes\n",
     R"(config.yaml:1:13: collectors: expected a mapping, found "yes")"},
    {"section_list", "tmux:\n  - ascii\n",
     "config.yaml:2:3: tmux: expected a mapping, found a list"},
    {"two_documents", "interval: 1\n---\nhistory: 60\n",
     "config.yaml:3:1: expected one YAML document, found a second one"},
    {"syntax_unclosed_flow", "interval: 1\nhistory: [60\n",
     "config.yaml:3:1: invalid YAML: end of sequence flow not found"},
    {"syntax_map_value", "interval: 1: 2\n", "config.yaml:1:12: invalid YAML: illegal map value"},
    // yaml-cpp 0.7's LoadAll loops forever on these (found by tests/fuzz/config_fuzz.cpp).
    {"syntax_lone_comma", ",\n", "config.yaml:1:1: invalid YAML: unexpected ',' where a document should start"},
    {"syntax_comma_after_comment", "# statline\n,  $STATLINE_CONFIG,\n",
     "config.yaml:2:1: invalid YAML: unexpected ',' where a document should start"},
    {"syntax_bad_indentation", "collectors:\n    stat: {}\n  meminfo: {}\n",
     "config.yaml:3:3: invalid YAML: end of map not found"},
    {"syntax_tab", "interval: 1\n\thistory: 2\n",
     "config.yaml:2:1: invalid YAML: illegal tab when looking for indentation"},
    {"syntax_unknown_alias", "interval: *i\n",
     "config.yaml:1:11: invalid YAML: the referenced anchor is not defined"},

    // --- strings ---
    {"socket_too_long", "socket: /" + std::string(107, 's') + "\n",
     R"(config.yaml:1:9: socket: expected a socket path of at most 107 bytes, found "/)" +
         std::string(59, 's') + R"(...")"},
    {"socket_list", "socket: [a]\n",
     "config.yaml:1:9: socket: expected a socket path of at most 107 bytes, found a list"},
    {"proc_root_empty", "proc_root: \"\"\n",
     R"(config.yaml:1:12: proc_root: expected a directory path, found "")"},
    {"proc_root_null", "proc_root:\n",
     "config.yaml:1:1: proc_root: expected a directory path, found null"},
    {"log_level_unknown", "log_level: verbose\n",
     R"(config.yaml:1:12: log_level: expected one of debug, info, notice, warning, error, found "verbose")"},
    {"log_level_typo", "log_level: warnig\n",
     R"(config.yaml:1:12: log_level: expected one of debug, info, notice, warning, error, found "warnig" (did you mean "warning"?))"},
    {"log_level_case", "log_level: INFO\n",
     R"(config.yaml:1:12: log_level: expected one of debug, info, notice, warning, error, found "INFO" (did you mean "info"?))"},
    {"found_text_escaped", "proc_root: [\"a\\tb\"]\nlog_level: \"x\\\"y\"\n",
     "config.yaml:1:12: proc_root: expected a directory path, found a list\n"
     R"(config.yaml:2:12: log_level: expected one of debug, info, notice, warning, error, found "x\"y")"},

    // --- collectors ---
    {"enabled_yes", "collectors:\n  stat:\n    enabled: yes\n",
     R"(config.yaml:3:14: collectors.stat.enabled: expected true or false, found "yes")"},
    {"enabled_number", "collectors: {meminfo: {enabled: 1}}\n",
     R"(config.yaml:1:33: collectors.meminfo.enabled: expected true or false, found "1")"},
    {"interfaces_scalar", "collectors:\n  netdev:\n    interfaces: eth0\n",
     R"(config.yaml:3:17: collectors.netdev.interfaces: expected a list of interface names or globs, found "eth0")"},
    {"interfaces_null", "collectors:\n  netdev:\n    exclude:\n",
     "config.yaml:3:5: collectors.netdev.exclude: expected a list of interface names or globs, "
     "found null"},
    {"interfaces_element", "collectors:\n  netdev:\n    exclude: [lo, [x], \"\"]\n",
     "config.yaml:3:19: collectors.netdev.exclude[1]: expected an interface name or glob, found a "
     "list\n"
     R"(config.yaml:3:24: collectors.netdev.exclude[2]: expected an interface name or glob, found "")"},

    // --- restart ---
    {"restart_zero", "restart:\n  reset_after: 0\n",
     "config.yaml:2:16: restart.reset_after: " + kDurationRange + R"(, found "0")"},
    {"restart_too_long", "restart:\n  max: 8d\n",
     "config.yaml:2:8: restart.max: " + kDurationRange + R"(, found "8d")"},
    {"restart_initial_above_max", "restart:\n  initial: 20\n  max: 10\n",
     R"(config.yaml:3:8: restart.max: expected at least restart.initial (20), found "10")"},
    {"restart_initial_above_default_max", "restart:\n  initial: 20\n",
     R"(config.yaml:2:12: restart.initial: expected at most restart.max (10), found "20")"},
    {"restart_max_below_default_initial", "restart:\n  max: 50ms\n",
     R"(config.yaml:2:8: restart.max: expected at least restart.initial (0.1), found "50ms")"},

    // --- access ---
    {"uid_name", "access:\n  uids: [1000, bob]\n",
     R"(config.yaml:2:16: access.uids[1]: expected a user id (an integer between 0 and 4294967294), found "bob")"},
    {"uid_negative", "access:\n  uids: [-1]\n",
     R"(config.yaml:2:10: access.uids[0]: expected a user id (an integer between 0 and 4294967294), found "-1")"},
    {"uid_reserved", "access:\n  uids: [4294967295]\n",
     R"(config.yaml:2:10: access.uids[0]: expected a user id (an integer between 0 and 4294967294), found "4294967295")"},
    {"uids_scalar", "access:\n  uids: 1000\n",
     R"(config.yaml:2:9: access.uids: expected a list of user ids, found "1000")"},
    {"gid_list", "access:\n  gid: [1]\n",
     "config.yaml:2:8: access.gid: expected a group id (an integer between 0 and 4294967294), "
     "found a list"},
    {"gid_fraction", "access: {gid: 1.5}\n",
     R"(config.yaml:1:15: access.gid: expected a group id (an integer between 0 and 4294967294), found "1.5")"},

    // --- clients ---
    {"clients_max_zero", "clients:\n  max: 0\n",
     R"(config.yaml:2:8: clients.max: expected an integer between 1 and 65536, found "0")"},
    {"clients_max_too_many", "clients:\n  max: 65537\n",
     R"(config.yaml:2:8: clients.max: expected an integer between 1 and 65536, found "65537")"},
    {"clients_max_fraction", "clients:\n  max: 1.5\n",
     R"(config.yaml:2:8: clients.max: expected an integer between 1 and 65536, found "1.5")"},
    {"clients_output_small", "clients:\n  max_output_bytes: 4095\n",
     R"(config.yaml:2:21: clients.max_output_bytes: expected a number of bytes between 4096 and 4294967295, found "4095")"},
    {"clients_output_huge", "clients:\n  max_output_bytes: 99999999999999999999\n",
     R"(config.yaml:2:21: clients.max_output_bytes: expected a number of bytes between 4096 and 4294967295, found "99999999999999999999")"},
    {"clients_idle_negative", "clients:\n  idle_timeout: -5\n",
     "config.yaml:2:17: clients.idle_timeout: " + kDurationRange + R"(, found "-5")"},

    // --- tmux ---
    {"tmux_format_empty", "tmux:\n  format: ''\n",
     R"(config.yaml:2:11: tmux.format: expected a format name, found "")"},
    // `#[` unquoted starts a YAML comment, leaving the value empty.
    {"tmux_template_comment", "tmux:\n  formats:\n    compact: #[fg=red]\n",
     "config.yaml:3:5: tmux.formats.compact: expected a format string (quoted if it starts with "
     "#), found null"},
    {"tmux_formats_list", "tmux:\n  formats: [a]\n",
     "config.yaml:2:12: tmux.formats: expected a mapping, found a list"},
    {"tmux_ascii", "tmux: {ascii: on}\n",
     R"(config.yaml:1:15: tmux.ascii: expected true or false, found "on")"},
    {"threshold_unknown_segment", "tmux:\n  thresholds:\n    cpuu: {warn: 1, crit: 2}\n",
     R"(config.yaml:3:5: tmux.thresholds: unknown key "cpuu" (did you mean "cpu"?))"},
    {"threshold_missing_crit", "tmux:\n  thresholds:\n    load: {warn: 4}\n",
     R"(config.yaml:3:11: tmux.thresholds.load: missing key "crit")"},
    {"threshold_missing_both", "tmux:\n  thresholds:\n    net: {}\n",
     "config.yaml:3:10: tmux.thresholds.net: missing key \"warn\"\nconfig.yaml:3:10: "
     "tmux.thresholds.net: missing key \"crit\""},
    {"threshold_not_mapping", "tmux:\n  thresholds:\n    cpu: 50\n",
     R"(config.yaml:3:10: tmux.thresholds.cpu: expected a mapping with warn and crit, found "50")"},
    {"threshold_negative", "tmux:\n  thresholds:\n    cpu: {warn: -1, crit: 5}\n",
     R"(config.yaml:3:17: tmux.thresholds.cpu.warn: expected a number of at least 0, found "-1")"},
    {"threshold_infinite", "tmux:\n  thresholds:\n    cpu: {warn: 1, crit: inf}\n",
     R"(config.yaml:3:26: tmux.thresholds.cpu.crit: expected a number of at least 0, found "inf")"},
    {"threshold_warn_above_crit", "tmux:\n  thresholds:\n    cpu: {warn: 90, crit: 80}\n",
     R"(config.yaml:3:27: tmux.thresholds.cpu.crit: expected at least tmux.thresholds.cpu.warn (90), found "80")"},
    {"threshold_unknown_key", "tmux:\n  thresholds:\n    mem: {warn: 1, critical: 2}\n",
     "config.yaml:3:10: tmux.thresholds.mem: missing key \"crit\"\n"
     "config.yaml:3:20: tmux.thresholds.mem: unknown key \"critical\" (expected one of: warn, "
     "crit)"},

    // --- metrics ---
    {"listen_port_only", "metrics:\n  listen: 9101\n",
     "config.yaml:2:11: metrics.listen: " + kListen + R"(, found "9101")"},
    {"listen_empty_host", "metrics:\n  listen: \":9101\"\n",
     "config.yaml:2:11: metrics.listen: " + kListen + R"(, found ":9101")"},
    {"listen_bad_port", "metrics:\n  listen: localhost:99999\n",
     "config.yaml:2:11: metrics.listen: " + kListen + R"(, found "localhost:99999")"},
    {"listen_empty", "metrics:\n  listen: ''\n",
     "config.yaml:2:11: metrics.listen: " + kListen + R"(, found "")"},

    // --- several errors: all of them, one per line, in file order ---
    // The history check runs after the walk; the report is still in file order.
    {"several_errors", "history: 0.5\nlog_level: loud\nhistroy: 60\n",
     R"(config.yaml:1:10: history: expected at least interval (1), found "0.5")"
     "\n"
     R"(config.yaml:2:12: log_level: expected one of debug, info, notice, warning, error, found "loud")"
     "\n"
     R"(config.yaml:3:1: unknown key "histroy" (did you mean "history"?))"},
};

INSTANTIATE_TEST_SUITE_P(Cases, ConfigErrors, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<ErrorCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(ConfigErrorsFileName, PrefixesEveryMessage) {
  const auto result = parse_config("interval: fast\n", "/etc/statline/config.yaml");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error(),
            "/etc/statline/config.yaml:1:11: interval: " + kIntervalRange + R"(, found "fast")");
}

}  // namespace
}  // namespace statline
