#include "ipc/child_spec.hpp"

#include <fmt/format.h>

#include <charconv>
#include <vector>

namespace statline {
namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (!text.empty()) {
    const auto at = text.find(separator);
    if (at != 0) parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return parts;
}

std::optional<int> parse_fd(std::string_view token) {
  int fd = -1;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), fd);
  if (ec != std::errc{} || end != token.data() + token.size() || fd < 0) return std::nullopt;
  return fd;
}

ParseError bad(std::string_view token) {
  return ParseError{fmt::format("STATLINE_CHILD: bad token \"{}\"", token)};
}

}  // namespace

std::string child_role(const ChildSpec& spec) {
  if (spec.collector) return fmt::format("collector {}", source_info(*spec.collector).name);
  return "aggregator";
}

std::string encode_child_spec(const ChildSpec& spec) {
  if (spec.collector) {
    const auto& fds = spec.collector_fds;
    return fmt::format("{} config={} ring={} bell={}", child_role(spec), fds.config, fds.ring,
                       fds.bell);
  }
  const auto& fds = spec.aggregator_fds;
  std::string text =
      fmt::format("aggregator listen={} config={} control={}", fds.listen, fds.config, fds.control);
  for (const auto& info : kSources) {
    const auto& source = fds.sources[static_cast<std::size_t>(info.source)];
    if (source.ring < 0) continue;
    text += fmt::format(" {}={},{},{}", info.name, source.ring, source.bell, source.history);
  }
  if (fds.health.board >= 0) {
    text += fmt::format(" health={},{}", fds.health.board, fds.health.bell);
  }
  if (fds.metrics >= 0) text += fmt::format(" metrics={}", fds.metrics);
  return text;
}

Result<ChildSpec> decode_child_spec(std::string_view text) {
  const auto tokens = split(text, ' ');
  if (tokens.empty()) return ParseError{"STATLINE_CHILD: empty"};
  ChildSpec spec;
  std::size_t next = 1;
  if (tokens[0] == "collector") {
    if (tokens.size() < 2) return ParseError{"STATLINE_CHILD: collector without a source"};
    spec.collector = source_by_name(tokens[1]);
    if (!spec.collector) return bad(tokens[1]);
    next = 2;
  } else if (tokens[0] != "aggregator") {
    return bad(tokens[0]);
  }
  for (; next < tokens.size(); ++next) {
    const auto token = tokens[next];
    const auto equals = token.find('=');
    if (equals == std::string_view::npos) return bad(token);
    const auto key = token.substr(0, equals);
    const auto values = split(token.substr(equals + 1), ',');
    std::vector<int> fds;
    for (const auto value : values) {
      const auto fd = parse_fd(value);
      if (!fd) return bad(token);
      fds.push_back(*fd);
    }
    if (fds.size() == 1 && spec.collector) {
      if (key == "config")
        spec.collector_fds.config = fds[0];
      else if (key == "ring")
        spec.collector_fds.ring = fds[0];
      else if (key == "bell")
        spec.collector_fds.bell = fds[0];
      else
        return bad(token);
    } else if (fds.size() == 1) {
      if (key == "listen")
        spec.aggregator_fds.listen = fds[0];
      else if (key == "config")
        spec.aggregator_fds.config = fds[0];
      else if (key == "control")
        spec.aggregator_fds.control = fds[0];
      else if (key == "metrics")
        spec.aggregator_fds.metrics = fds[0];
      else
        return bad(token);
    } else if (fds.size() == 2 && !spec.collector && key == "health") {
      spec.aggregator_fds.health = HealthChannelFds{fds[0], fds[1]};
    } else if (fds.size() == 3 && !spec.collector && source_by_name(key)) {
      auto& source = spec.aggregator_fds.sources[static_cast<std::size_t>(*source_by_name(key))];
      source = SourceChannelFds{fds[0], fds[1], fds[2]};
    } else {
      return bad(token);
    }
  }
  if (spec.collector ? spec.collector_fds.config < 0 || spec.collector_fds.ring < 0 ||
                           spec.collector_fds.bell < 0
                     : spec.aggregator_fds.listen < 0 || spec.aggregator_fds.config < 0 ||
                           spec.aggregator_fds.control < 0) {
    return ParseError{fmt::format("STATLINE_CHILD: missing descriptors in \"{}\"", text)};
  }
  return spec;
}

}  // namespace statline
