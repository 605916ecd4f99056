#include "server/request_handler.hpp"

#include <fmt/format.h>

#include <variant>

#include "aggregator/collectd_command.hpp"
#include "aggregator/collectd_reply.hpp"
#include "aggregator/collectd_values.hpp"
#include "aggregator/request_parser.hpp"
#include "aggregator/snapshot_path.hpp"
#include "server/tmux_lines.hpp"

namespace statline {
namespace {

// The protocol version bumps only on incompatible changes to DESIGN §4.
constexpr int kProtocolVersion = 1;

template <class... Visitors>
struct Overloaded : Visitors... {
  using Visitors::operator()...;
};
template <class... Visitors>
Overloaded(Visitors...) -> Overloaded<Visitors...>;

std::string json_line(const nlohmann::ordered_json& value) {
  return dump_json(value) + "\n";
}

}  // namespace

std::string error_reply(std::string_view message) {
  return json_line(nlohmann::ordered_json{{"error", std::string(message)}});
}

void RequestHandler::on_line(Session& session, std::string_view line) {
  bool starts_watch = false;
  double period = 0;
  std::string topic;
  auto reply = respond(line, &starts_watch, &period, &topic);
  if (!reply.empty()) session.send(std::move(reply));
  if (starts_watch) {
    session.start_watching(period, topic);
    context_.streaming_started();
    // The current sample at once (a tmux follower just got its line as the reply), then
    // one line per sample.
    const bool due = session.watch_due(context_.snapshot().time, context_.config().interval);
    if (due && topic.empty()) session.send(context_.snapshot_line());
  }
}

std::string RequestHandler::respond_collectd(std::string_view line) {
  const auto command = parse_collectd_command(line);
  if (!command) return collectd_error(command.error());
  const Snapshot& snapshot = context_.snapshot();
  return collectd_reply(command.value(), collectd_values(snapshot, context_.meminfo(), host_),
                        snapshot.time);
}

std::string RequestHandler::respond(std::string_view line, bool* starts_watch,
                                    double* watch_period, std::string* watch_topic) {
  if (is_collectd_command(line)) return respond_collectd(line);
  const auto request = parse_request(line);
  if (!request) return error_reply(request.error());
  return std::visit(
      Overloaded{
          [](const PingRequest&) { return std::string("{\"ok\":true}\n"); },
          [](const VersionRequest&) {
            return json_line({{"version", STATLINE_VERSION}, {"protocol", kProtocolVersion}});
          },
          [this](const GetRequest& get) {
            if (get.paths.empty()) return context_.snapshot_line();
            const auto selected = select_paths(to_json(context_.snapshot()), get.paths);
            return selected ? json_line(selected.value()) : error_reply(selected.error());
          },
          [&](const TmuxRequest& tmux) {
            const auto rendered = context_.tmux_line(tmux.format, tmux.ascii);
            if (!rendered) return error_reply(rendered.error());
            if (tmux.follow) {
              if (starts_watch) *starts_watch = true;
              if (watch_period) *watch_period = 0;
              if (watch_topic) *watch_topic = TmuxLines::topic(tmux.format, tmux.ascii);
            }
            return rendered.value() + "\n";
          },
          [this](const HistoryRequest& history) {
            const auto points = context_.history(history.metric, history.seconds);
            if (!points) return error_reply(points.error());
            nlohmann::ordered_json series = nlohmann::ordered_json::array();
            for (const auto& point : points.value()) {
              series.push_back(point.value ? nlohmann::ordered_json{point.time, *point.value}
                                           : nlohmann::ordered_json{point.time, nullptr});
            }
            return json_line({{"metric", history.metric},
                              {"interval", context_.config().interval},
                              {"points", std::move(series)}});
          },
          [&](const WatchRequest& watch) {
            if (starts_watch) *starts_watch = true;
            if (watch_period) *watch_period = watch.seconds.value_or(0.0);
            return std::string();
          },
          [this](const StatusRequest&) { return json_line(context_.status()); },
          // "# EOF" (a comment to Prometheus' text parser) ends the reply on a socket
          // that may carry more requests.
          [this](const MetricsRequest&) { return context_.metrics() + "# EOF\n"; },
          [this](const ReloadRequest&) {
            const auto reloaded = context_.request_reload();
            return reloaded ? std::string("{\"ok\":true}\n") : error_reply(reloaded.error());
          },
      },
      request.value());
}

}  // namespace statline
