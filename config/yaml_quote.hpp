// Double-quoted YAML scalars, the one spelling of a string that needs no further
// thought: it cannot turn into a number, a bool, null, a comment or a mapping. Used by
// to_yaml and by error messages (`found "fast"`), so both show strings the same way.
#pragma once

#include <string>
#include <string_view>

namespace statline {

// `text` in double quotes with backslash, quote and control characters escaped.
// Bytes >= 0x80 pass through: YAML is UTF-8.
std::string yaml_quote(std::string_view text);

}  // namespace statline
