// The client commands, one function each: build the request, talk to statlined, print
// the reply. They return the exit status on success and throw ClientError otherwise;
// `tmux` alone never fails (see tmux_command.cpp).
#pragma once

#include <chrono>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

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
int run_history(const CommandContext& context, const std::string& metric,
                const std::optional<std::string>& seconds, bool json);
int run_metrics(const CommandContext& context);
int run_ping(const CommandContext& context);
int run_version(const CommandContext& context);
int run_reload(const CommandContext& context);
int run_watch(const CommandContext& context, const std::optional<std::string>& seconds, bool json);
struct TmuxOptions {
  std::optional<std::string> format;  // a named format; empty: the daemon's default
  bool follow = false;                // a line per sample until the reader goes away
  bool ascii = false;                 // no Unicode glyphs
};
// Prints the daemon's tmux line, or a short marker when it cannot; always returns 0.
int run_tmux(const CommandContext& context, const TmuxOptions& options);

}  // namespace statline::client
