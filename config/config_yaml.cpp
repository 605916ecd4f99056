#include "config/config_yaml.hpp"

#include <fmt/format.h>

#include <iterator>
#include <ostream>
#include <vector>

#include "config/log_level.hpp"
#include "config/yaml_quote.hpp"

namespace statline {
namespace {

// fmt's "{}" for a double is the shortest text that reads back as the same double.
std::string number(double value) {
  return fmt::format("{}", value);
}

const char* boolean(bool value) {
  return value ? "true" : "false";
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const std::string& item : items) quoted.push_back(yaml_quote(item));
  return fmt::format("[{}]", fmt::join(quoted, ", "));
}

template <class T>
std::string optional_value(const std::optional<T>& value, auto&& format) {
  return value ? format(*value) : std::string("null");
}

}  // namespace

std::string to_yaml(const Config& c) {
  std::string out;
  auto line = std::back_inserter(out);
  fmt::format_to(line, "interval: {}\n", number(c.interval));
  fmt::format_to(line, "history: {}\n", number(c.history));
  fmt::format_to(line, "socket: {}\n", yaml_quote(c.socket));
  fmt::format_to(line, "proc_root: {}\n", yaml_quote(c.proc_root));
  fmt::format_to(line, "log_level: {}\n", to_string(c.log_level));

  const CollectorsConfig& collectors = c.collectors;
  out += "collectors:\n";
  fmt::format_to(line, "  stat:\n    enabled: {}\n", boolean(collectors.stat.enabled));
  fmt::format_to(line, "  meminfo:\n    enabled: {}\n", boolean(collectors.meminfo.enabled));
  fmt::format_to(line, "  loadavg:\n    enabled: {}\n", boolean(collectors.loadavg.enabled));
  fmt::format_to(line, "  netdev:\n    enabled: {}\n", boolean(collectors.netdev.enabled));
  fmt::format_to(line, "    interfaces: {}\n", quoted_list(collectors.netdev.interfaces));
  fmt::format_to(line, "    exclude: {}\n", quoted_list(collectors.netdev.exclude));

  out += "restart:\n";
  fmt::format_to(line, "  initial: {}\n", number(c.restart.initial));
  fmt::format_to(line, "  max: {}\n", number(c.restart.max));
  fmt::format_to(line, "  reset_after: {}\n", number(c.restart.reset_after));

  out += "access:\n";
  fmt::format_to(line, "  uids: [{}]\n", fmt::join(c.access.uids, ", "));
  fmt::format_to(line, "  gid: {}\n",
                 optional_value(c.access.gid, [](gid_t gid) { return fmt::format("{}", gid); }));

  out += "clients:\n";
  fmt::format_to(line, "  max: {}\n", c.clients.max);
  fmt::format_to(line, "  max_output_bytes: {}\n", c.clients.max_output_bytes);
  fmt::format_to(line, "  idle_timeout: {}\n", number(c.clients.idle_timeout));

  out += "tmux:\n";
  fmt::format_to(line, "  format: {}\n", yaml_quote(c.tmux.format));
  out += c.tmux.formats.empty() ? "  formats: {}\n" : "  formats:\n";
  for (const auto& [name, format] : c.tmux.formats) {
    fmt::format_to(line, "    {}: {}\n", yaml_quote(name), yaml_quote(format));
  }
  out += c.tmux.thresholds.empty() ? "  thresholds: {}\n" : "  thresholds:\n";
  for (const auto& [name, t] : c.tmux.thresholds) {
    fmt::format_to(line, "    {}: {{warn: {}, crit: {}}}\n", name, number(t.warn), number(t.crit));
  }
  fmt::format_to(line, "  styles: {{warn: {}, crit: {}}}\n", yaml_quote(c.tmux.styles.warn),
                 yaml_quote(c.tmux.styles.crit));
  fmt::format_to(line, "  ascii: {}\n", boolean(c.tmux.ascii));

  out += "metrics:\n";
  fmt::format_to(line, "  listen: {}\n", optional_value(c.metrics.listen, yaml_quote));
  return out;
}

void PrintTo(const Config& config, std::ostream* out) {
  *out << "\n" << to_yaml(config);
}

}  // namespace statline
