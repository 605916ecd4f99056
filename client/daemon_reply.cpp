#include "client/daemon_reply.hpp"

#include <fmt/format.h>

#include "client/client_error.hpp"

namespace statline::client {

std::optional<std::string> reply_error(const Json& reply) {
  const Json* error = find_path(reply, {"error"});
  if (error == nullptr) return std::nullopt;
  if (error->is_string()) return error->get<std::string>();
  return error->dump();  // structured errors are shown whole rather than lost
}

Json parse_reply(std::string_view line) {
  Json reply = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (reply.is_discarded()) {
    constexpr std::size_t shown = 80;
    throw ClientError(exit_code::protocol,
                      fmt::format("the daemon's reply is not JSON: {}{}", line.substr(0, shown),
                                  line.size() > shown ? "..." : ""));
  }
  if (auto error = reply_error(reply)) throw ClientError(exit_code::daemon_error, *error);
  return reply;
}

std::optional<std::string> text_reply_error(std::string_view line) {
  if (!line.starts_with('{')) return std::nullopt;
  const Json reply = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (reply.is_discarded()) return std::nullopt;
  return reply_error(reply);
}

}  // namespace statline::client
