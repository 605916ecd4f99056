#include "daemon/service_status.hpp"

#include <fmt/format.h>

namespace statline {
namespace {

// systemd keeps STATUS= short in `systemctl status`; a multi-line config error would
// also break the one-line promise. The first line, cut at a readable length.
constexpr std::size_t kNoteLimit = 160;

std::string one_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() > kNoteLimit) {
    line.resize(kNoteLimit - 3);
    line.append("...");
  }
  return line;
}

std::string collectors_part(const StatusFacts& facts) {
  const int up = facts.collectors_wanted - static_cast<int>(facts.collectors_down.size());
  std::string text = fmt::format("{}/{} collectors up", up, facts.collectors_wanted);
  if (!facts.collectors_down.empty()) {
    text += fmt::format(" ({} restarting)", fmt::join(facts.collectors_down, ", "));
  }
  return text;
}

}  // namespace

std::string status_line(const StatusFacts& facts) {
  switch (facts.phase) {
    case ServicePhase::stopping:
      return "stopping";
    case ServicePhase::reloading:
      return "reloading the config";
    case ServicePhase::starting:
      return fmt::format("starting: {}, waiting for the first full snapshot",
                         collectors_part(facts));
    case ServicePhase::running:
      break;
  }
  std::string line = collectors_part(facts);
  if (facts.aggregator_up) {
    line += fmt::format(", {} client{}", facts.clients, facts.clients == 1 ? "" : "s");
  } else {
    line += ", aggregator restarting";
  }
  line += fmt::format(", {} samples", facts.samples);
  if (!facts.stalled.empty()) {
    line += fmt::format("; no progress from {}", fmt::join(facts.stalled, ", "));
  }
  if (!facts.note.empty()) {
    line.append("; ");
    line.append(one_line(facts.note));
  }
  return line;
}

}  // namespace statline
