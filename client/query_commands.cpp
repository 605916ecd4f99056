// The request/reply commands: one request line, one reply (a JSON line, or Prometheus
// text for metrics), all within one deadline.
#include <fmt/format.h>

#include "client/client_error.hpp"
#include "client/commands.hpp"
#include "client/connection.hpp"
#include "client/daemon_reply.hpp"
#include "client/history_chart.hpp"
#include "client/history_lines.hpp"
#include "client/json_flatten.hpp"
#include "client/request_line.hpp"
#include "client/snapshot_summary.hpp"
#include "client/status_table.hpp"
#include "client/terminal.hpp"

namespace statline::client {
namespace {

// Connects, sends `request` and returns the first reply line, within context.timeout.
std::string request_reply(const CommandContext& context, const std::string& request) {
  const Deadline deadline = Clock::now() + context.timeout;
  Connection connection = Connection::open(context.socket_path, deadline);
  connection.send_line(request, deadline);
  return connection.read_line(deadline);
}

// For --json: the reply exactly as the daemon sent it, once we know it is not an error.
int print_raw(const CommandContext& context, const std::string& line) {
  parse_reply(line);
  context.out << line << '\n';
  return exit_code::ok;
}

}  // namespace

int run_get(const CommandContext& context, const std::vector<std::string>& paths, bool json) {
  const std::string line = request_reply(context, build_request("get", paths));
  if (json) return print_raw(context, line);
  const Json snapshot = parse_reply(line);
  // The summary humanises the whole snapshot; named paths are for scripts, so raw values.
  context.out << (paths.empty() ? format_snapshot_summary(snapshot) : flatten_json(snapshot));
  return exit_code::ok;
}

int run_status(const CommandContext& context, bool json) {
  const std::string line = request_reply(context, build_request("status", {}));
  if (json) return print_raw(context, line);
  context.out << format_status(parse_reply(line));
  return exit_code::ok;
}

int run_history(const CommandContext& context, const HistoryOptions& options) {
  std::vector<std::string> arguments{options.metric};
  if (options.seconds) arguments.push_back(*options.seconds);
  const std::string line = request_reply(context, build_request("history", arguments));
  switch (options.format) {
    case HistoryFormat::json:
      return print_raw(context, line);
    case HistoryFormat::lines:
      context.out << format_history(parse_reply(line));
      return exit_code::ok;
    case HistoryFormat::chart:
      break;
  }
  // As wide as the terminal; 80 columns in a pipe or file.
  const ChartSize size{stdout_size().columns.value_or(80), options.height};
  context.out << format_history_chart(options.metric, history_points(parse_reply(line)), size);
  return exit_code::ok;
}

int run_metrics(const CommandContext& context) {
  const Deadline deadline = Clock::now() + context.timeout;
  Connection connection = Connection::open(context.socket_path, deadline);
  connection.send_line(build_request("metrics", {}), deadline);
  const std::string first = connection.read_line(deadline);
  if (auto error = text_reply_error(first)) throw ClientError(exit_code::daemon_error, *error);
  context.out << first << '\n';
  if (first != "# EOF") context.out << connection.read_until_line("# EOF", deadline);
  return exit_code::ok;
}

int run_ping(const CommandContext& context) {
  parse_reply(request_reply(context, build_request("ping", {})));
  context.out << "ok\n";
  return exit_code::ok;
}

int run_reload(const CommandContext& context) {
  parse_reply(request_reply(context, build_request("reload", {})));
  context.out << "config reloaded\n";
  return exit_code::ok;
}

int run_version(const CommandContext& context) {
  // The client's own version first: it is worth knowing even when the daemon is down.
  context.out << "statline " << STATLINE_VERSION << '\n' << std::flush;
  const Json reply = parse_reply(request_reply(context, build_request("version", {})));
  const auto protocol = number_at(reply, {"protocol"});
  std::string line =
      fmt::format("statlined {} (protocol {})", string_at(reply, {"version"}).value_or("-"),
                  protocol ? fmt::format("{}", *protocol) : "-");
  if (protocol && *protocol != protocol_version) {
    line += fmt::format("; this client speaks protocol {}", protocol_version);
  }
  context.out << line << '\n';
  return exit_code::ok;
}

}  // namespace statline::client
