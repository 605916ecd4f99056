// Request line in, response out: parses with parse_request() and answers from the
// aggregator's state. Knows nothing about sockets beyond Session::send. Lines of
// collectd's unixsock protocol (collectd_command.hpp) are answered in that protocol.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "aggregator/snapshot.hpp"
#include "collectors/meminfo.hpp"
#include "collectors/parse_result.hpp"
#include "config/config.hpp"
#include "server/local_hostname.hpp"
#include "server/session.hpp"
#include "server/snapshot_builder.hpp"

namespace statline {

// What the handler needs from the aggregator (an interface so tests can fake it).
class RequestContext {
 public:
  virtual ~RequestContext() = default;
  virtual const Config& config() const = 0;
  virtual const std::string& snapshot_line() = 0;  // the snapshot as one JSON line + "\n"
  virtual const Snapshot& snapshot() = 0;
  // The /proc/meminfo sample the snapshot's mem comes from (collectd's memory values need
  // fields the snapshot does not keep); nullopt when mem is null in the snapshot.
  virtual std::optional<MeminfoSample> meminfo() = 0;
  virtual Result<std::vector<HistoryPoint>> history(const std::string& metric,
                                                    std::optional<double> seconds) = 0;
  virtual nlohmann::ordered_json status() = 0;
  // The Prometheus text exposition (metrics_scrape.hpp), without the "# EOF" line.
  virtual std::string metrics() = 0;
  virtual Result<bool> request_reload() = 0;
  // The tmux line (no newline) of a format (nullopt: the configured default), or why not.
  virtual Result<std::string> tmux_line(const std::optional<std::string>& format,
                                        bool ascii) = 0;
  // A session began streaming (watch, tmux --follow): every sample is needed as it lands.
  virtual void streaming_started() {}
};

class RequestHandler final : public LineHandler {
 public:
  // `host` names this machine in collectd identifiers (see collectd_values.hpp).
  explicit RequestHandler(RequestContext& context, std::string host = local_hostname())
      : context_(context), host_(std::move(host)) {}
  void on_line(Session& session, std::string_view line) override;
  // The reply to one line, for tests and for on_line; empty for `watch` (which streams).
  // A request that turns the session into a stream sets *starts_watch, the period and the
  // topic (empty: snapshot JSON; else tmux lines, see TmuxLines::topic).
  std::string respond(std::string_view line, bool* starts_watch = nullptr,
                      double* watch_period = nullptr, std::string* watch_topic = nullptr);

 private:
  std::string respond_collectd(std::string_view line);

  RequestContext& context_;
  std::string host_;
};

// {"error":"<message>"} + "\n", with the message made JSON-safe.
std::string error_reply(std::string_view message);

}  // namespace statline
