// The config file's schema: which keys exist, what each holds, and the checks that
// span keys (history >= interval, restart.initial <= restart.max, warn <= crit).
#pragma once

#include <yaml-cpp/yaml.h>

#include "config/config.hpp"
#include "config/node_reader.hpp"

namespace statline {

// Reads the document `root` over `config` (which starts as the defaults). Keys not in
// the file keep their value; every problem is reported through `reader`, and a value
// that fails leaves the field untouched.
void read_config(const YAML::Node& root, NodeReader& reader, Config& config);

}  // namespace statline
