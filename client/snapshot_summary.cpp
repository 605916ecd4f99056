#include "client/snapshot_summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "client/human_format.hpp"

namespace statline::client {
namespace {

constexpr const char* kNoData = "(no data yet)";

// The label column: wide enough for "load" plus a gap, so values line up.
std::string label(const char* name) {
  return fmt::format("{:<7}", name);
}

std::string percent(const Json& root, std::initializer_list<std::string_view> path) {
  return or_dash(number_at(root, path), format_percent);
}

std::string tenths(const Json& root, std::initializer_list<std::string_view> path) {
  return or_dash(number_at(root, path), [](double v) { return format_fixed(v, 1); });
}

std::string cpu_line(const Json& snapshot) {
  if (!has_object(snapshot, {"cpu"})) return label("cpu") + kNoData;
  const Json& cpu = snapshot["cpu"];
  std::string line = fmt::format("{}{} used   (usr {}  sys {}  wai {}  stl {})", label("cpu"),
                                 percent(cpu, {"total", "usage"}), tenths(cpu, {"total", "user"}),
                                 tenths(cpu, {"total", "system"}), tenths(cpu, {"total", "iowait"}),
                                 tenths(cpu, {"total", "steal"}));
  if (const Json* cores = find_path(cpu, {"cores"}); cores != nullptr && cores->is_array()) {
    line += fmt::format("   {} {}", cores->size(), cores->size() == 1 ? "core" : "cores");
  }
  return line;
}

std::string mem_line(const Json& snapshot) {
  if (!has_object(snapshot, {"mem"})) return label("mem") + kNoData;
  const Json& mem = snapshot["mem"];
  auto bytes = [&mem](std::string_view key) {
    return or_dash(number_at(mem, {key}), format_bytes);
  };
  return fmt::format("{}{} used of {} ({})   avail {}   swap {} of {}", label("mem"), bytes("used"),
                     bytes("total"), percent(mem, {"used_percent"}), bytes("available"),
                     bytes("swap_used"), bytes("swap_total"));
}

struct InterfaceRates {
  std::size_t position;  // in the daemon's order, which is kept
  std::string name;
  std::optional<double> rx, tx;
  double busy() const { return rx.value_or(0) + tx.value_or(0); }
};

// All interfaces, or the busiest few plus a count, in the daemon's order.
std::string interface_list(const Json& interfaces) {
  std::vector<InterfaceRates> all;
  for (const auto& [name, counters] : interfaces.items()) {
    all.push_back(
        {all.size(), name, number_at(counters, {"rx_bytes"}), number_at(counters, {"tx_bytes"})});
  }
  if (all.empty()) return "";
  const std::size_t hidden =
      all.size() > max_listed_interfaces ? all.size() - max_listed_interfaces : 0;
  if (hidden > 0) {
    std::stable_sort(all.begin(), all.end(),
                     [](const auto& a, const auto& b) { return a.busy() > b.busy(); });
    all.resize(max_listed_interfaces);
    std::sort(all.begin(), all.end(),
              [](const auto& a, const auto& b) { return a.position < b.position; });
  }
  std::vector<std::string> parts;
  for (const auto& interface : all) {
    parts.push_back(fmt::format("{} ↓{} ↑{}", interface.name, or_dash(interface.rx, format_rate),
                                or_dash(interface.tx, format_rate)));
  }
  std::string list = fmt::format("   ({}", fmt::join(parts, "  "));
  if (hidden > 0) list += fmt::format("  +{} more", hidden);
  return list + ")";
}

std::string net_line(const Json& snapshot) {
  if (!has_object(snapshot, {"net"})) return label("net") + kNoData;
  const Json& net = snapshot["net"];
  std::string line = fmt::format("{}↓ {}  ↑ {}", label("net"),
                                 or_dash(number_at(net, {"total", "rx_bytes"}), format_rate),
                                 or_dash(number_at(net, {"total", "tx_bytes"}), format_rate));
  if (has_object(net, {"interfaces"})) line += interface_list(net["interfaces"]);
  return line;
}

std::string load_line(const Json& snapshot) {
  if (!has_object(snapshot, {"load"})) return label("load") + kNoData;
  const Json& load = snapshot["load"];
  auto average = [&load](std::string_view key) {
    return or_dash(number_at(load, {key}), [](double v) { return format_fixed(v, 2); });
  };
  auto count = [&load](std::string_view key) {
    return or_dash(number_at(load, {key}), [](double v) { return format_fixed(v, 0); });
  };
  return fmt::format("{}{} {} {}   {} running / {} tasks", label("load"), average("avg1"),
                     average("avg5"), average("avg15"), count("running"), count("total"));
}

}  // namespace

std::string format_snapshot_summary(const Json& snapshot) {
  return fmt::format("{}\n{}\n{}\n{}\n", cpu_line(snapshot), mem_line(snapshot), net_line(snapshot),
                     load_line(snapshot));
}

}  // namespace statline::client
