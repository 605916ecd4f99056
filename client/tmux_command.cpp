// `statline tmux`: tmux runs it through /bin/sh every status-interval and shows its
// first line of output. So it must never hang, never print to stderr (tmux would show
// nothing useful), and always exit 0: a failure becomes a short marker in the bar.
//
// `statline tmux --follow` is the long-lived form: tmux keeps a #() job that is still
// running and shows the last line it printed, so one follower per format replaces a
// fork per redraw. It prints a line per sample, reconnects when the daemon restarts, and
// exits as soon as tmux closes the socket or pipe it reads from.
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>

#include "client/client_error.hpp"
#include "client/commands.hpp"
#include "client/connection.hpp"
#include "client/daemon_reply.hpp"
#include "client/request_line.hpp"

namespace statline::client {
namespace {

constexpr const char* tmux_down_marker = "statline: down";
// The daemon refused the request (e.g. an unknown format name): it is up, so "down"
// would send the user looking in the wrong place.
constexpr const char* tmux_error_marker = "statline: error";

// Retrying a daemon that is not there: quickly at first (an aggregator restarts in a
// fraction of a second), then every two seconds.
constexpr std::chrono::milliseconds first_retry{100};
constexpr std::chrono::milliseconds max_retry{2000};
// How long a follower waits for its first line after connecting. The listening socket
// belongs to the supervisor, so a connection succeeds while the aggregator restarts and
// the reply comes once it is back; past this the bar says "down" until it is.
constexpr std::chrono::milliseconds first_line_timeout{3000};

std::string tmux_request(const TmuxOptions& options, bool follow) {
  std::vector<std::string> args;
  if (follow) args.emplace_back("--follow");
  if (options.ascii) args.emplace_back("--ascii");
  if (options.format) args.push_back(*options.format);
  return build_request("tmux", args);
}

// Waits `delay`; false if stdout hung up meanwhile.
bool pause_unless_hung_up(std::chrono::milliseconds delay) {
  pollfd out{STDOUT_FILENO, 0, 0};
  const int ready = ::poll(&out, 1, static_cast<int>(delay.count()));
  return !(ready > 0 && (out.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0);
}

int follow(const CommandContext& context, const TmuxOptions& options) {
  // A closed pipe becomes EPIPE, which ends the loop below, rather than a silent death.
  ::signal(SIGPIPE, SIG_IGN);
  const std::string request = tmux_request(options, true);
  std::string last_marker;
  // False once the reader is gone: nothing left to do but exit.
  const auto show = [&](const std::string& line, bool marker) {
    // A marker is printed once per outage, not once per retry.
    if (marker && line == last_marker) return true;
    last_marker = marker ? line : std::string();
    context.out << line << '\n' << std::flush;
    return context.out.good();
  };
  auto retry = first_retry;
  for (;;) {
    try {
      Connection connection =
          Connection::open(context.socket_path, Clock::now() + context.timeout);
      connection.watch_hangup(STDOUT_FILENO);
      connection.send_line(request, Clock::now() + context.timeout);
      Deadline deadline = Clock::now() + first_line_timeout;
      while (auto line = connection.try_read_line(deadline)) {
        retry = first_retry;
        deadline = no_deadline;  // then a line per sample, however long the interval
        const bool refused = text_reply_error(*line).has_value();
        if (!show(refused ? tmux_error_marker : *line, refused)) return exit_code::ok;
      }
      // The daemon closed the connection (an aggregator restart): reconnect at once.
      retry = std::chrono::milliseconds(0);
    } catch (const ConnectionError& error) {
      if (error.failure() == ConnectionFailure::output_closed) return exit_code::ok;
      if (!show(tmux_down_marker, true)) return exit_code::ok;
    }
    if (!pause_unless_hung_up(retry)) return exit_code::ok;
    retry = std::clamp(retry * 2, first_retry, max_retry);
  }
}

}  // namespace

int run_tmux(const CommandContext& context, const TmuxOptions& options) {
  if (options.follow) return follow(context, options);
  // Built outside the try: a bad FORMAT argument is a usage error (exit 64) like elsewhere.
  const std::string request = tmux_request(options, false);
  std::string line;
  try {
    const Deadline deadline = Clock::now() + context.timeout;
    Connection connection = Connection::open(context.socket_path, deadline);
    connection.send_line(request, deadline);
    line = connection.read_line(deadline);
    if (text_reply_error(line)) line = tmux_error_marker;
  } catch (...) {
    line = tmux_down_marker;
  }
  context.out << line << '\n' << std::flush;
  return 0;
}

}  // namespace statline::client
