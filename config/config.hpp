// statline's configuration: the effective values after defaults, file and command line.
//
// Every field has a built-in default, so the daemon runs with no file at all.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace statline {

struct CollectorConfig {
  bool enabled = true;
  friend bool operator==(const CollectorConfig&, const CollectorConfig&) = default;
};

struct NetdevConfig {
  bool enabled = true;
  // Which interfaces count in net.total: shell globs (fnmatch). Empty `interfaces` means all.
  std::vector<std::string> interfaces;
  std::vector<std::string> exclude{"lo"};
  friend bool operator==(const NetdevConfig&, const NetdevConfig&) = default;
};

struct CollectorsConfig {
  CollectorConfig stat, meminfo, loadavg;
  NetdevConfig netdev;
  friend bool operator==(const CollectorsConfig&, const CollectorsConfig&) = default;
};

// Child restart backoff (DESIGN §1): first delay, cap, and how long a child must live
// before its failure count resets. Seconds.
struct RestartConfig {
  double initial = 0.1;
  double max = 10.0;
  double reset_after = 30.0;
  friend bool operator==(const RestartConfig&, const RestartConfig&) = default;
};

// Who may talk to the socket (checked with SO_PEERCRED). The daemon's own uid and root
// are always allowed.
struct AccessConfig {
  std::vector<uid_t> uids;
  std::optional<gid_t> gid;
  friend bool operator==(const AccessConfig&, const AccessConfig&) = default;
};

struct ThresholdConfig {
  double warn = 0;  // value at or above which the segment gets the warn style
  double crit = 0;
  friend bool operator==(const ThresholdConfig&, const ThresholdConfig&) = default;
};

// tmux style directives (the text inside #[...]) for values over a threshold.
struct ThresholdStyles {
  std::string warn = "fg=yellow";
  std::string crit = "fg=red";
  friend bool operator==(const ThresholdStyles&, const ThresholdStyles&) = default;
};

struct TmuxConfig {
  std::string format = "default";             // name of the format `statline tmux` uses
  // Named formats (templates, tmux/template.hpp), checked when the config loads. They
  // add to the built-in ones (tmux/builtin_formats.hpp) and may replace them.
  std::map<std::string, std::string> formats;
  std::map<std::string, ThresholdConfig> thresholds{{"cpu", {50, 80}}, {"mem", {70, 90}}};
  ThresholdStyles styles;
  bool ascii = false;  // spark lines, meters and built-in formats without Unicode
  friend bool operator==(const TmuxConfig&, const TmuxConfig&) = default;
};

struct MetricsConfig {
  std::optional<std::string> listen;  // e.g. "127.0.0.1:9101"; absent = no HTTP listener
  friend bool operator==(const MetricsConfig&, const MetricsConfig&) = default;
};

// Socket client limits (DESIGN §4: no client can hurt another).
struct ClientsConfig {
  std::uint32_t max = 1024;                    // concurrent connections
  std::uint32_t max_output_bytes = 1 << 20;    // buffered reply bytes per client
  double idle_timeout = 300;                   // seconds without a request (watch exempt)
  friend bool operator==(const ClientsConfig&, const ClientsConfig&) = default;
};

enum class LogLevel { debug, info, notice, warning, error };

struct Config {
  double interval = 1.0;    // seconds, 0.05 to 3600
  double history = 3600.0;  // seconds of history kept
  std::string socket;       // empty: $STATLINE_SOCKET, $XDG_RUNTIME_DIR/statline.sock, /tmp/statline-<uid>.sock
  std::string proc_root = "/proc";
  LogLevel log_level = LogLevel::info;
  CollectorsConfig collectors;
  RestartConfig restart;
  AccessConfig access;
  ClientsConfig clients;
  TmuxConfig tmux;
  MetricsConfig metrics;
  friend bool operator==(const Config&, const Config&) = default;
};

}  // namespace statline
