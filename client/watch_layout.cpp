#include "client/watch_layout.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <ctime>
#include <string_view>

#include "client/client_error.hpp"

namespace statline::client {
namespace {

struct GroupInfo {
  GroupKind kind;
  std::string_view name;  // in --columns
};

constexpr std::array<GroupInfo, 7> kGroups{{
    {GroupKind::time, "time"},
    {GroupKind::cpu, "cpu"},
    {GroupKind::mem, "mem"},
    {GroupKind::net, "net"},
    {GroupKind::load, "load"},
    {GroupKind::sys, "sys"},
    {GroupKind::procs, "procs"},
}};

std::string group_names() {
  std::string names;
  for (const auto& group : kGroups) names += (names.empty() ? "" : ", ") + std::string(group.name);
  return names;
}

[[noreturn]] void usage(const std::string& message) {
  throw ClientError(exit_code::usage, message);
}

std::vector<std::string> split_list(const std::string& text, const char* option) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    items.push_back(text.substr(start, comma == std::string::npos ? comma : comma - start));
    if (items.back().empty()) usage(fmt::format("{}: empty entry in \"{}\"", option, text));
    if (comma == std::string::npos) return items;
    start = comma + 1;
  }
}

bool is_cpu_number(const std::string& text) {
  return !text.empty() && text.size() <= 9 &&
         text.find_first_not_of("0123456789") == std::string::npos;
}

bool selected(const WatchSelection& selection, GroupKind kind) {
  for (const GroupKind group : selection.groups) {
    if (group == kind) return true;
  }
  return false;
}

// The N of a `cpuN` line as JSON gives it (a number) and as -C takes it (text).
std::string cpu_label(double cpu) {
  return fmt::format("{}", static_cast<long long>(cpu));
}

// The cores (or interfaces) "all" stands for, in the daemon's order.
std::vector<std::string> expand(const std::vector<std::string>& entries, const Json& snapshot,
                                GroupKind kind) {
  std::vector<std::string> out;
  for (const std::string& entry : entries) {
    if (entry != "all") {
      out.push_back(entry);
      continue;
    }
    if (kind == GroupKind::cpu) {
      const Json* cores = find_path(snapshot, {"cpu", "cores"});
      if (cores == nullptr || !cores->is_array()) continue;
      for (const Json& core : *cores) {
        if (const auto cpu = number_at(core, {"cpu"})) out.push_back(cpu_label(*cpu));
      }
    } else {
      const Json* interfaces = find_path(snapshot, {"net", "interfaces"});
      if (interfaces == nullptr || !interfaces->is_object()) continue;
      // dstat leaves the loopback out of its full list too.
      for (const auto& [name, value] : interfaces->items()) {
        if (name != "lo") out.push_back(name);
      }
    }
  }
  return out;
}

Section section_for(GroupKind kind, const WatchSelection& selection, const Json& snapshot) {
  switch (kind) {
    case GroupKind::time:
      // dstat -t: named "system", one text column as wide as the formatted time.
      return {kind, {"system"}, {""}, {"time"}, {CellKind::number, 14, 0}, false};
    case GroupKind::cpu: {
      Section section{kind, {}, {}, {"usr", "sys", "idl", "wai", "stl"},
                      {CellKind::percent, 3, 34}, true};
      for (const auto& cpu : expand(selection.cpus, snapshot, kind)) {
        section.instances.push_back(cpu);
        section.names.push_back(cpu == "total" ? "total cpu usage" : "cpu" + cpu + " usage");
      }
      return section;
    }
    case GroupKind::mem:
      return {kind, {"memory usage"}, {""}, {"used", "free", "buff", "cach"},
              {CellKind::number, 5, 1024}, false};
    case GroupKind::net: {
      Section section{kind, {}, {}, {"recv", "send"}, {CellKind::bytes, 5, 1024}, true};
      for (const auto& name : expand(selection.interfaces, snapshot, kind)) {
        section.instances.push_back(name);
        section.names.push_back("net/" + name);
      }
      return section;
    }
    case GroupKind::load:
      return {kind, {"load avg"}, {""}, {"1m", "5m", "15m"}, {CellKind::number, 4, 0.5}, false};
    case GroupKind::sys:
      return {kind, {"system"}, {""}, {"int", "csw"}, {CellKind::integer, 5, 1000}, false};
    case GroupKind::procs:
      return {kind, {"procs"}, {""}, {"run", "blk", "new"}, {CellKind::number, 3, 10}, false};
  }
  return {};
}

// cpu.total, or the entry of cpu.cores whose "cpu" is the instance's number.
const Json* cpu_object(const Json& snapshot, const std::string& instance) {
  if (instance == "total") return find_path(snapshot, {"cpu", "total"});
  const Json* cores = find_path(snapshot, {"cpu", "cores"});
  if (cores == nullptr || !cores->is_array()) return nullptr;
  for (const Json& core : *cores) {
    const auto cpu = number_at(core, {"cpu"});
    if (cpu && cpu_label(*cpu) == instance) return &core;
  }
  return nullptr;
}

std::optional<double> sum(std::initializer_list<std::optional<double>> parts) {
  double total = 0;
  for (const auto& part : parts) {
    if (!part) return std::nullopt;
    total += *part;
  }
  return total;
}

std::vector<std::optional<double>> cpu_values(const Json* cpu) {
  if (cpu == nullptr) return {std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
  const auto field = [cpu](std::string_view key) { return number_at(*cpu, {key}); };
  // dstat 0.8 folds nice and the interrupt time into usr.
  return {sum({field("user"), field("nice"), field("irq"), field("softirq")}), field("system"),
          field("idle"), field("iowait"), field("steal")};
}

}  // namespace

WatchSelection parse_selection(const std::string& columns, const std::string& cpus,
                               const std::string& interfaces) {
  WatchSelection selection;
  for (const std::string& name : split_list(columns, "--columns")) {
    const GroupInfo* found = nullptr;
    for (const auto& group : kGroups) {
      if (group.name == name) found = &group;
    }
    if (found == nullptr) {
      usage(fmt::format("--columns: unknown group \"{}\" (expected {})", name, group_names()));
    }
    selection.groups.push_back(found->kind);
  }
  if (!cpus.empty()) {
    if (!selected(selection, GroupKind::cpu)) usage("-C needs cpu among the --columns");
    selection.cpus = split_list(cpus, "-C");
    for (const std::string& cpu : selection.cpus) {
      if (cpu != "total" && cpu != "all" && !is_cpu_number(cpu)) {
        usage(fmt::format("-C: expected total, all or a cpu number, got \"{}\"", cpu));
      }
    }
  } else {
    selection.cpus = {"total"};
  }
  if (!interfaces.empty()) {
    if (!selected(selection, GroupKind::net)) usage("-N needs net among the --columns");
    selection.interfaces = split_list(interfaces, "-N");
  } else {
    selection.interfaces = {"total"};
  }
  return selection;
}

Layout build_layout(const WatchSelection& selection, const Json& snapshot) {
  Layout layout;
  for (const GroupKind kind : selection.groups) {
    Section section = section_for(kind, selection, snapshot);
    if (!section.names.empty()) layout.push_back(std::move(section));
  }
  return layout;
}

std::size_t instance_width(const Section& section) {
  const auto nicks = section.nicks.size();
  return nicks * static_cast<std::size_t>(section.format.width) + nicks - 1;
}

std::size_t section_width(const Section& section) {
  const auto names = section.names.size();
  return names * instance_width(section) + names - 1;
}

std::vector<std::optional<double>> instance_values(const Section& section, std::size_t instance,
                                                   const Json& snapshot) {
  const auto at = [&snapshot](std::initializer_list<std::string_view> path) {
    return number_at(snapshot, path);
  };
  switch (section.kind) {
    case GroupKind::time:
      return {};
    case GroupKind::cpu:
      return cpu_values(cpu_object(snapshot, section.instances.at(instance)));
    case GroupKind::mem:
      return {at({"mem", "used"}), at({"mem", "free"}), at({"mem", "buffers"}),
              at({"mem", "cached"})};
    case GroupKind::net: {
      const std::string& name = section.instances.at(instance);
      if (name == "total") return {at({"net", "total", "rx_bytes"}), at({"net", "total", "tx_bytes"})};
      return {at({"net", "interfaces", name, "rx_bytes"}),
              at({"net", "interfaces", name, "tx_bytes"})};
    }
    case GroupKind::load:
      return {at({"load", "avg1"}), at({"load", "avg5"}), at({"load", "avg15"})};
    case GroupKind::sys:
      return {at({"cpu", "interrupts"}), at({"cpu", "context_switches"})};
    case GroupKind::procs:
      return {at({"cpu", "procs_running"}), at({"cpu", "procs_blocked"}), at({"cpu", "forks"})};
  }
  return {};
}

std::optional<double> time_of(const Json& snapshot) {
  return number_at(snapshot, {"time"});
}

std::string format_day_clock(std::optional<double> unix_seconds) {
  if (!unix_seconds || !std::isfinite(*unix_seconds)) return "--------------";
  const auto time = static_cast<std::time_t>(std::floor(*unix_seconds));
  std::tm local{};
  if (::localtime_r(&time, &local) == nullptr) return "--------------";
  return fmt::format("{:02}-{:02} {:02}:{:02}:{:02}", local.tm_mday, local.tm_mon + 1,
                     local.tm_hour, local.tm_min, local.tm_sec);
}

}  // namespace statline::client
