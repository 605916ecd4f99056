// The client commands, one function each: build the request, talk to statlined, print
// the reply. They return the exit status on success and throw ClientError otherwise;
// `tmux` alone never fails (see tmux_command.cpp).
#pragma once

#include <chrono>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "client/terminal.hpp"

namespace statline::client {

// Protocol version this client speaks (the "protocol" field of `version`).
inline constexpr int protocol_version = 1;

struct CommandContext {
  std::string socket_path;
  // Budget for connect + request + complete reply (for watch: connect + request only).
  std::chrono::milliseconds timeout;
  std::ostream& out;
  std::ostream& err;
};

int run_get(const CommandContext& context, const std::vector<std::string>& paths, bool json);
int run_status(const CommandContext& context, bool json);
enum class HistoryFormat { chart, lines, json };
struct HistoryOptions {
  std::string metric;
  std::optional<std::string> seconds;  // `history METRIC SECONDS`; empty: everything kept
  HistoryFormat format = HistoryFormat::chart;
  int height = 10;  // rows of the chart
};
int run_history(const CommandContext& context, const HistoryOptions& options);
int run_metrics(const CommandContext& context);
int run_ping(const CommandContext& context);
int run_version(const CommandContext& context);
int run_reload(const CommandContext& context);

enum class WatchFormat { table, csv, json };
struct WatchOptions {
  std::optional<std::string> seconds;  // `watch SECONDS`: time between rows; empty: every sample
  std::optional<long> count;           // rows to print before exiting; empty: until Ctrl-C
  std::string columns;                 // --columns: groups, see watch_layout.hpp
  std::string cpus, interfaces;        // -C and -N; empty: total
  WatchFormat format = WatchFormat::table;
  std::optional<std::string> output_file;  // --output: a CSV copy
  ColourChoice colour = ColourChoice::automatic;
};
int run_watch(const CommandContext& context, const WatchOptions& options);
struct TmuxOptions {
  std::optional<std::string> format;  // a named format; empty: the daemon's default
  bool follow = false;                // a line per sample until the reader goes away
  bool ascii = false;                 // no Unicode glyphs
};
// Prints the daemon's tmux line, or a short marker when it cannot; always returns 0.
int run_tmux(const CommandContext& context, const TmuxOptions& options);

}  // namespace statline::client
