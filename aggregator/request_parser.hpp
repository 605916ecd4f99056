// The socket protocol's request line (DESIGN §4), parsed without any I/O: a line in, a
// request or a protocol error out.
//
// A request is a lowercase command word and arguments separated by spaces or tabs. A
// trailing "\n" and then a trailing "\r" are removed first (telnet and `socat -` send
// CRLF). Every argument the parser accepts is printable text (valid UTF-8, no control
// bytes), so later error messages may quote arguments as they are; the error messages
// the parser itself produces quote untrusted bytes with quote_untrusted() and are
// always safe to put into JSON.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "collectors/parse_result.hpp"

namespace statline {

struct PingRequest {
  friend bool operator==(const PingRequest&, const PingRequest&) = default;
};
struct VersionRequest {
  friend bool operator==(const VersionRequest&, const VersionRequest&) = default;
};
struct GetRequest {
  std::vector<std::string> paths;  // empty: the whole snapshot
  friend bool operator==(const GetRequest&, const GetRequest&) = default;
};
struct TmuxRequest {
  std::optional<std::string> format;  // a named format from the config; empty: the default
  bool follow = false;  // --follow: a line per sample until the client closes
  bool ascii = false;   // --ascii: no Unicode glyphs
  friend bool operator==(const TmuxRequest&, const TmuxRequest&) = default;
};
struct HistoryRequest {
  std::string metric;             // a snapshot path such as cpu.total.usage
  std::optional<double> seconds;  // finite and > 0; empty: everything kept
  friend bool operator==(const HistoryRequest&, const HistoryRequest&) = default;
};
struct WatchRequest {
  std::optional<double> seconds;  // finite and > 0
  friend bool operator==(const WatchRequest&, const WatchRequest&) = default;
};
struct StatusRequest {
  friend bool operator==(const StatusRequest&, const StatusRequest&) = default;
};
struct MetricsRequest {
  friend bool operator==(const MetricsRequest&, const MetricsRequest&) = default;
};
struct ReloadRequest {
  friend bool operator==(const ReloadRequest&, const ReloadRequest&) = default;
};

using Request = std::variant<PingRequest, VersionRequest, GetRequest, TmuxRequest, HistoryRequest,
                             WatchRequest, StatusRequest, MetricsRequest, ReloadRequest>;

// Errors are the text of the `{"error":…}` reply, e.g. `empty request`,
// `unknown command "foo" (expected ping, version, …)`, `history: missing METRIC`,
// `history: SECONDS must be a positive number, got "x"`, `ping: takes no arguments`.
Result<Request> parse_request(std::string_view line);

// `bytes` in double quotes, C-style: \" \\ \t \r \n, \xNN for any other byte that is not
// printable ASCII or part of a valid UTF-8 sequence. Long input is cut after 64 bytes
// and marked with "..." after the closing quote.
std::string quote_untrusted(std::string_view bytes);

}  // namespace statline
