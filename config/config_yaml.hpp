// The effective config as YAML, for `statlined --check-config`.
#pragma once

#include <iosfwd>
#include <string>

#include "config/config.hpp"

namespace statline {

// Every key, in the order of the example config, with strings double-quoted and
// numbers in their shortest round-trip form, so parse_config(to_yaml(c)) == c for any
// config parse_config can produce.
std::string to_yaml(const Config& config);

// GoogleTest printer: a failed comparison shows every field, as YAML.
void PrintTo(const Config& config, std::ostream* out);

}  // namespace statline
