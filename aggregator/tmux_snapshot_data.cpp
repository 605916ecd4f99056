#include "aggregator/tmux_snapshot_data.hpp"

#include "aggregator/snapshot_path.hpp"

namespace statline {

std::optional<double> SnapshotTmuxData::value(const std::string& path) const {
  const auto number = lookup_number(snapshot_, path);
  return number ? number.value() : std::nullopt;
}

std::vector<std::string> SnapshotTmuxData::members(std::string_view collection) const {
  std::vector<std::string> names;
  const auto at = [](const nlohmann::ordered_json& node, const char* key) {
    return node.is_object() && node.contains(key) ? &node[key] : nullptr;
  };
  if (collection == "cpu.cores") {
    const auto* cpu = at(snapshot_, "cpu");
    const auto* cores = cpu ? at(*cpu, "cores") : nullptr;
    if (cores == nullptr || !cores->is_array()) return names;
    for (const auto& core : *cores) {
      if (core.contains("cpu")) names.push_back(std::to_string(core["cpu"].get<std::uint64_t>()));
    }
  } else if (collection == "net.interfaces") {
    const auto* net = at(snapshot_, "net");
    const auto* interfaces = net ? at(*net, "interfaces") : nullptr;
    if (interfaces == nullptr || !interfaces->is_object()) return names;
    for (const auto& [name, fields] : interfaces->items()) names.push_back(name);
  }
  return names;
}

std::vector<std::optional<double>> SnapshotTmuxData::recent(const std::string& path,
                                                            unsigned count) const {
  if (!history_) return {};
  return history_(path, count);
}

}  // namespace statline
