// Which snapshot numbers a tmux template may name, what unit each is in, and which
// threshold colours it. A descriptor table, so a placeholder is checked when the config
// loads and rendered without guessing.
//
// Paths are the snapshot paths of DESIGN §4 (`cpu.total.usage`, `mem.used`,
// `net.interfaces.eth0.rx_bytes`, `load.avg1`). `*` in place of a core number or an
// interface name means "each of them" (`cpu.cores.*.usage`). Short aliases: cpu, mem,
// rx, tx, load, cores.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

namespace statline::tmux {

enum class MetricKind {
  percent,    // 0..100
  bytes,      // a size in bytes
  byte_rate,  // bytes per second
  rate,       // events per second (packets, context switches)
  load,       // load average
  count,      // a plain count (processes)
};

struct Metric {
  std::string path;  // canonical snapshot path; with `*` when `each`
  MetricKind kind = MetricKind::count;
  std::string segment;  // cpu, mem, net or load: names the threshold that applies
  // The number a threshold compares, as a path of the same shape (`*` stands for the
  // same core or interface); empty when the segment's threshold does not apply.
  std::string threshold_path;
  // For `*` paths: the collection (`cpu.cores`, `net.interfaces`) and the field below
  // each member (`usage`).
  bool each = false;
  std::string collection;
  std::string field;
  friend bool operator==(const Metric&, const Metric&) = default;
};

// Why a path names no number: the offset of the wrong component inside the path and a
// message saying what is valid there, e.g. `unknown field "usge" in cpu.total
// (expected usage, user, …)`.
struct MetricError {
  std::size_t offset = 0;
  std::string message;
};

// An alias or a snapshot path to its Metric.
std::variant<Metric, MetricError> resolve_metric(std::string_view path);

// `path` with `*` replaced by one member (`cpu.cores.*.usage`, "3" -> `cpu.cores.3.usage`).
std::string member_path(std::string_view path, std::string_view member);

std::string_view kind_name(MetricKind kind);  // "a percentage", "bytes", ...

}  // namespace statline::tmux
