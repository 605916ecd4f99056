// The part of the effective config a collector applies, published by the supervisor in
// the config document (server/config_channel.hpp) under "collector". Collectors read
// only this part, so that statline-collector needs no YAML parser and stays small.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "config/config.hpp"
#include "ipc/sample_ring.hpp"

namespace statline {

struct CollectorSettings {
  double interval = 1.0;  // seconds
  std::string proc_root = "/proc";
  LogLevel log_level = LogLevel::info;
  bool operator==(const CollectorSettings&) const = default;
};

CollectorSettings collector_settings(const Config& config);
nlohmann::json collector_settings_to_json(const CollectorSettings& settings);
// Throws std::runtime_error when the config ring holds no usable settings (a supervisor
// bug or a collector binary from another version).
CollectorSettings read_collector_settings(const SampleRing& config_ring);

}  // namespace statline
