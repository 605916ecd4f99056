#include "aggregator/tmux_default_line.hpp"

#include <fmt/format.h>

#include <cmath>

namespace statline {
namespace {

// Threshold colouring, written once for every segment.
std::string styled(const std::string& text, std::optional<double> value, const TmuxConfig& tmux,
                   const std::string& threshold_name) {
  const auto found = tmux.thresholds.find(threshold_name);
  if (!value || found == tmux.thresholds.end()) return text;
  const auto& threshold = found->second;
  if (threshold.crit > 0 && *value >= threshold.crit) return "#[fg=red]" + text + "#[default]";
  if (threshold.warn > 0 && *value >= threshold.warn) return "#[fg=yellow]" + text + "#[default]";
  return text;
}

std::string percent(std::optional<double> value) {
  return value ? fmt::format("{:.0f}%", *value) : std::string("--");
}

}  // namespace

std::string scaled_bytes(double bytes) {
  static constexpr const char* kUnits[] = {"B", "K", "M", "G", "T", "P"};
  std::size_t unit = 0;
  while (bytes >= 1000.0 && unit + 1 < std::size(kUnits)) {
    bytes /= 1024.0;
    ++unit;
  }
  if (unit == 0) return fmt::format("{:.0f}B", bytes);
  // One decimal while it fits in the 4-character column, like dstat.
  if (bytes < 9.95) return fmt::format("{:.1f}{}", bytes, kUnits[unit]);
  return fmt::format("{:.0f}{}", bytes, kUnits[unit]);
}

std::string render_default_tmux_line(const Snapshot& snapshot, const TmuxConfig& tmux) {
  std::optional<double> cpu;
  if (snapshot.cpu && snapshot.cpu->total) cpu = snapshot.cpu->total->usage;
  std::optional<double> mem;
  if (snapshot.mem) mem = snapshot.mem->used_percent;

  std::string line = styled("CPU " + percent(cpu), cpu, tmux, "cpu");
  line += " " + styled("MEM " + percent(mem), mem, tmux, "mem");
  const char* down = tmux.ascii ? "rx " : "↓";
  const char* up = tmux.ascii ? " tx " : " ↑";
  if (snapshot.net) {
    line += fmt::format(" {}{}{}{}", down, scaled_bytes(snapshot.net->total.rx_bytes), up,
                        scaled_bytes(snapshot.net->total.tx_bytes));
  } else {
    line += fmt::format(" {}--{}--", down, up);
  }
  line += snapshot.load ? fmt::format(" L {:.2f}", snapshot.load->avg1) : std::string(" L --");
  return line;
}

}  // namespace statline
