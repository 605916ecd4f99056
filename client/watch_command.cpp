// `statline watch`: one request, then a snapshot line per sample until Ctrl-C or the
// daemon closes the connection.
#include "client/client_error.hpp"
#include "client/commands.hpp"
#include "client/connection.hpp"
#include "client/daemon_reply.hpp"
#include "client/request_line.hpp"
#include "client/snapshot_line.hpp"

namespace statline::client {

int run_watch(const CommandContext& context, const std::optional<std::string>& seconds, bool json) {
  // The timeout covers reaching the daemon only: samples may be an hour apart (the
  // interval goes up to 3600 s), so waiting between them has no limit.
  const Deadline deadline = Clock::now() + context.timeout;
  Connection connection = Connection::open(context.socket_path, deadline);
  connection.send_line(build_request("watch", seconds ? std::vector<std::string>{*seconds}
                                                      : std::vector<std::string>{}),
                       deadline);
  connection.stream_lines(
      [&context, json](std::string_view line) {
        const Json snapshot = parse_reply(line);  // an error line ends the watch (exit 1)
        if (json) {
          context.out << line << '\n';
        } else {
          context.out << format_snapshot_line(snapshot) << '\n';
        }
        // Flush per sample: output often goes to a pipe, and Ctrl-C must not lose lines.
        context.out.flush();
        return true;
      },
      std::nullopt);
  return exit_code::ok;
}

}  // namespace statline::client
