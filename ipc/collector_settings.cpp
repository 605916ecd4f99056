#include "ipc/collector_settings.hpp"

#include <stdexcept>

#include "ipc/text_document.hpp"

namespace statline {

CollectorSettings collector_settings(const Config& config) {
  return CollectorSettings{config.interval, config.proc_root, config.log_level};
}

nlohmann::json collector_settings_to_json(const CollectorSettings& settings) {
  return {{"interval", settings.interval},
          {"proc_root", settings.proc_root},
          {"log_level", static_cast<int>(settings.log_level)}};
}

CollectorSettings read_collector_settings(const SampleRing& config_ring) {
  const auto document = read_latest_document(config_ring);
  if (!document) throw std::runtime_error("no config published by the supervisor");
  const auto part = document->find("collector");
  if (part == document->end() || !part->is_object()) {
    throw std::runtime_error("published config has no collector settings");
  }
  const double interval = part->value("interval", 0.0);
  const int level = part->value("log_level", -1);
  const std::string proc_root = part->value("proc_root", "");
  // The supervisor validated the config; these bounds only catch a mismatched binary.
  if (!(interval > 0) || proc_root.empty() || level < static_cast<int>(LogLevel::debug) ||
      level > static_cast<int>(LogLevel::error)) {
    throw std::runtime_error("published collector settings are invalid: " + part->dump());
  }
  return CollectorSettings{interval, proc_root, static_cast<LogLevel>(level)};
}

}  // namespace statline
