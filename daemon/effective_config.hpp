// The config the daemon runs with: built-in defaults, then the file found by the search
// order of DESIGN §6, then command-line overrides. Used at start and on every reload.
#pragma once

#include <optional>
#include <string>

#include "collectors/parse_result.hpp"
#include "server/config_channel.hpp"

namespace statline {

struct DaemonOptions {
  std::optional<std::string> config_path;
  std::optional<std::string> socket;
  std::optional<std::string> proc_root;
  std::optional<double> interval;
  std::optional<std::string> access_group;  // name or number; overrides access.gid
};

// Errors are ready to print: "config.yaml:3:11: interval: expected ...".
Result<PublishedConfig> load_effective_config(const DaemonOptions& options);

}  // namespace statline
