// Which column groups `statline watch` shows, and their values in a snapshot.
//
// The groups are dstat's plugins with dstat's names, widths and scales: time (dstat -t),
// cpu (-c, one block per `-C` entry), mem (-m), net (-n, one block per `-N` entry), load
// (-l), sys (-y) and procs (-p). Values come from the daemon's snapshot JSON (DESIGN §4),
// so they mean what statline's snapshot means; where dstat's formula differs:
// - cpu usr is user + nice + irq + softirq, as dstat 0.8 shows it;
// - mem used is statline's total − available, cach is Cached + SReclaimable;
// - procs run is procs_running as the kernel reports it (dstat subtracts itself).
// A value the snapshot lacks (null source, vanished interface or core) is std::nullopt.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "client/dstat_cell.hpp"
#include "client/json_lookup.hpp"

namespace statline::client {

enum class GroupKind { time, cpu, mem, net, load, sys, procs };

// What the command line asked for.
struct WatchSelection {
  std::vector<GroupKind> groups;         // --columns, in the order given
  std::vector<std::string> cpus;         // -C: "total", a cpu number, or "all"
  std::vector<std::string> interfaces;   // -N: "total", a name, or "all"
};

inline constexpr const char* default_columns = "cpu,mem,net,load";

// Throws ClientError(exit_code::usage) naming the bad entry: an unknown group, a -C entry
// that is neither total, all nor a cpu number, an empty list or entry, -C without cpu
// (or -N without net) among the columns.
WatchSelection parse_selection(const std::string& columns, const std::string& cpus,
                               const std::string& interfaces);

// One dstat plugin: a block of columns under one title, or under one title per instance
// for cpu and net ("cpu0 usage", "cpu1 usage"; "net/eth0", "net/total").
struct Section {
  GroupKind kind = GroupKind::cpu;
  std::vector<std::string> names;      // titles, one per instance
  std::vector<std::string> instances;  // "total", "0", "eth0"; "" for single-block groups
  std::vector<std::string> nicks;      // column headings
  ColumnFormat format;
  bool per_instance = false;  // dstat's list-named plugins (cpu, net)
};
using Layout = std::vector<Section>;

// The sections in selection order. "all" expands to the cores (or the interfaces other
// than lo) of `snapshot`, the first one received, in the daemon's order.
Layout build_layout(const WatchSelection& selection, const Json& snapshot);

// Characters a section takes: dstat's statwidth.
std::size_t section_width(const Section& section);
// Characters of one instance block: dstat's colwidth.
std::size_t instance_width(const Section& section);

// The values under each nick of one instance, in raw units (percent, bytes, per second).
// The time group has none: its one column is the snapshot's time (time_of()).
std::vector<std::optional<double>> instance_values(const Section& section, std::size_t instance,
                                                   const Json& snapshot);

std::optional<double> time_of(const Json& snapshot);

// dstat's time column: "%d-%m %H:%M:%S" in local time; dashes without a time.
std::string format_day_clock(std::optional<double> unix_seconds);

}  // namespace statline::client
