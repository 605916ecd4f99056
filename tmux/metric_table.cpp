#include "tmux/metric_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <span>

namespace statline::tmux {
namespace {

struct Field {
  std::string_view name;
  MetricKind kind;
};
using Fields = std::span<const Field>;

// The snapshot's fields (DESIGN §4), in its order. tests/unit/aggregator checks this
// table against the snapshot JSON, so the two cannot drift apart.
constexpr std::array<Field, 9> kCpuTimes{{{"usage", MetricKind::percent},
                                          {"user", MetricKind::percent},
                                          {"nice", MetricKind::percent},
                                          {"system", MetricKind::percent},
                                          {"idle", MetricKind::percent},
                                          {"iowait", MetricKind::percent},
                                          {"irq", MetricKind::percent},
                                          {"softirq", MetricKind::percent},
                                          {"steal", MetricKind::percent}}};
constexpr std::array<Field, 5> kCpuCounters{{{"context_switches", MetricKind::rate},
                                             {"interrupts", MetricKind::rate},
                                             {"forks", MetricKind::rate},
                                             {"procs_running", MetricKind::count},
                                             {"procs_blocked", MetricKind::count}}};
constexpr std::array<Field, 10> kMem{{{"total", MetricKind::bytes},
                                      {"free", MetricKind::bytes},
                                      {"available", MetricKind::bytes},
                                      {"used", MetricKind::bytes},
                                      {"used_percent", MetricKind::percent},
                                      {"buffers", MetricKind::bytes},
                                      {"cached", MetricKind::bytes},
                                      {"swap_total", MetricKind::bytes},
                                      {"swap_free", MetricKind::bytes},
                                      {"swap_used", MetricKind::bytes}}};
constexpr std::array<Field, 8> kNetInterface{{{"rx_bytes", MetricKind::byte_rate},
                                              {"tx_bytes", MetricKind::byte_rate},
                                              {"rx_packets", MetricKind::rate},
                                              {"tx_packets", MetricKind::rate},
                                              {"rx_errors", MetricKind::rate},
                                              {"tx_errors", MetricKind::rate},
                                              {"rx_drops", MetricKind::rate},
                                              {"tx_drops", MetricKind::rate}}};
// net.total has the first four interface fields.
constexpr Fields kNetTotal = Fields(kNetInterface).first(4);
constexpr std::array<Field, 5> kLoad{{{"avg1", MetricKind::load},
                                      {"avg5", MetricKind::load},
                                      {"avg15", MetricKind::load},
                                      {"running", MetricKind::count},
                                      {"total", MetricKind::count}}};

struct Alias {
  std::string_view name;
  std::string_view path;
};
constexpr std::array<Alias, 6> kAliases{{{"cpu", "cpu.total.usage"},
                                         {"mem", "mem.used_percent"},
                                         {"rx", "net.total.rx_bytes"},
                                         {"tx", "net.total.tx_bytes"},
                                         {"load", "load.avg1"},
                                         {"cores", "cpu.cores.*.usage"}}};

std::string names(Fields fields) {
  std::string list;
  for (const Field& field : fields) {
    if (!list.empty()) list += ", ";
    list += field.name;
  }
  return list;
}

// Splits "a.b.c" after `at` into the component up to the next dot and the rest.
struct Cursor {
  std::string_view path;
  std::size_t at = 0;

  bool done() const { return at >= path.size(); }
  std::string_view next() {
    const std::size_t dot = path.find('.', at);
    const std::string_view part = path.substr(at, dot == std::string_view::npos ? dot : dot - at);
    at = dot == std::string_view::npos ? path.size() : dot + 1;
    return part;
  }
  std::string_view rest() const { return path.substr(std::min(at, path.size())); }
  // What was consumed, without the dot that follows it.
  std::string_view before() const {
    if (at >= path.size() && !path.ends_with('.')) return path;
    return path.substr(0, at == 0 ? 0 : at - 1);
  }
};

using Resolved = std::variant<Metric, MetricError>;

Metric in_segment(std::string segment, std::string threshold_path = {}) {
  Metric metric;
  metric.segment = std::move(segment);
  metric.threshold_path = std::move(threshold_path);
  return metric;
}

MetricError error_at(std::size_t offset, std::string message) {
  return MetricError{offset, std::move(message)};
}

// The last component must be one of `fields`: the Metric for it, or the error.
Resolved field_of(Cursor& cursor, Fields fields, Metric metric) {
  const std::string parent(cursor.before());
  if (cursor.done()) {
    return error_at(cursor.path.size(),
                    fmt::format("\"{}\" is not a number: add one of its fields ({})", parent,
                                names(fields)));
  }
  const std::size_t at = cursor.at;
  const std::string_view name = cursor.next();
  const auto found = std::find_if(fields.begin(), fields.end(),
                                  [&](const Field& f) { return f.name == name; });
  if (found == fields.end() || !cursor.done()) {
    return error_at(at, fmt::format("unknown field \"{}\" in {} (expected {})",
                                    found == fields.end() ? name : cursor.path.substr(at), parent,
                                    names(fields)));
  }
  metric.kind = found->kind;
  metric.field = std::string(name);
  metric.path = std::string(cursor.path);
  return metric;
}

bool all_digits(std::string_view text) {
  return !text.empty() && text.size() <= 10 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Resolved cpu_metric(Cursor& cursor) {
  Metric metric = in_segment("cpu");
  const std::size_t at = cursor.at;
  const std::string_view part = cursor.done() ? std::string_view() : Cursor(cursor).next();
  if (part == "total") {
    cursor.next();
    metric.threshold_path = "cpu.total.usage";
    return field_of(cursor, kCpuTimes, metric);
  }
  if (part == "cores") {
    cursor.next();
    const std::size_t member_at = cursor.at;
    const std::string_view member = cursor.done() ? std::string_view() : cursor.next();
    if (member != "*" && !all_digits(member)) {
      return error_at(member_at, fmt::format("expected a CPU number or * after cpu.cores, found "
                                             "\"{}\"",
                                             member));
    }
    metric.each = member == "*";
    metric.collection = "cpu.cores";
    metric.threshold_path = fmt::format("cpu.cores.{}.usage", member);
    return field_of(cursor, kCpuTimes, metric);
  }
  metric.threshold_path = "cpu.total.usage";
  Resolved resolved = field_of(cursor, kCpuCounters, metric);
  if (auto* error = std::get_if<MetricError>(&resolved)) {
    error->offset = at;
    error->message = fmt::format("unknown field \"{}\" in cpu (expected total, cores, {})",
                                 cursor.path.substr(at), names(kCpuCounters));
  }
  return resolved;
}

Resolved net_metric(Cursor& cursor) {
  Metric metric = in_segment("net");
  const std::size_t at = cursor.at;
  const std::string_view part = cursor.done() ? std::string_view() : cursor.next();
  Resolved resolved = error_at(at, "");
  if (part == "total") {
    resolved = field_of(cursor, kNetTotal, metric);
  } else if (part == "interfaces") {
    // Interface names may hold dots (`veth1.100`): the field is the last component.
    const std::string_view rest = cursor.rest();
    const std::size_t dot = rest.rfind('.');
    if (rest.empty() || dot == std::string_view::npos || dot == 0) {
      return error_at(cursor.at,
                      fmt::format("expected an interface name or * and a field after "
                                  "net.interfaces ({})",
                                  names(kNetInterface)));
    }
    const std::string_view name = rest.substr(0, dot);
    metric.each = name == "*";
    metric.collection = "net.interfaces";
    cursor.at += dot + 1;
    resolved = field_of(cursor, kNetInterface, metric);
  } else {
    return error_at(at, fmt::format("unknown field \"{}\" in net (expected total or interfaces)",
                                    part));
  }
  // A byte or packet rate is compared with the net threshold itself.
  if (auto* m = std::get_if<Metric>(&resolved); m && m->kind == MetricKind::byte_rate) {
    m->threshold_path = m->path;
  }
  return resolved;
}

}  // namespace

std::variant<Metric, MetricError> resolve_metric(std::string_view path) {
  const auto alias = std::find_if(kAliases.begin(), kAliases.end(),
                                  [&](const Alias& a) { return a.name == path; });
  if (alias != kAliases.end()) return resolve_metric(alias->path);
  Cursor cursor{path};
  const std::string_view head = cursor.next();
  if (head == "cpu") return cpu_metric(cursor);
  if (head == "mem") {
    return field_of(cursor, kMem, in_segment("mem", "mem.used_percent"));
  }
  if (head == "net") return net_metric(cursor);
  if (head == "load") {
    return field_of(cursor, kLoad, in_segment("load", "load.avg1"));
  }
  std::string aliases;
  for (const Alias& a : kAliases) aliases += fmt::format("{}{}", aliases.empty() ? "" : ", ", a.name);
  return error_at(0, fmt::format("unknown metric \"{}\" (expected {} or a path under cpu, mem, "
                                 "net, load)",
                                 path, aliases));
}

std::string member_path(std::string_view path, std::string_view member) {
  const std::size_t star = path.find(".*.");
  if (star == std::string_view::npos) return std::string(path);
  return fmt::format("{}.{}{}", path.substr(0, star), member, path.substr(star + 2));
}

std::string_view kind_name(MetricKind kind) {
  switch (kind) {
    case MetricKind::percent:
      return "a percentage";
    case MetricKind::bytes:
      return "a size in bytes";
    case MetricKind::byte_rate:
      return "bytes per second";
    case MetricKind::rate:
      return "a rate per second";
    case MetricKind::load:
      return "a load average";
    case MetricKind::count:
      return "a count";
  }
  return "a number";
}

}  // namespace statline::tmux
