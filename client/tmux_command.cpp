// `statline tmux`: tmux runs it through /bin/sh every status-interval and shows its
// first line of output. So it must never hang, never print to stderr (tmux would show
// nothing useful), and always exit 0: a failure becomes a short marker in the bar.
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

}  // namespace

int run_tmux(const CommandContext& context, const std::optional<std::string>& format) {
  // Built outside the try: a bad FORMAT argument is a usage error (exit 64) like elsewhere.
  const std::string request = build_request(
      "tmux", format ? std::vector<std::string>{*format} : std::vector<std::string>{});
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
