// Durations in the config: a number of seconds (`2`, `0.5`, `1e-1`) or a number with a
// unit (`500ms`, `2s`, `5m`, `1h`, `7d`), because `history: 7d` reads better than
// `history: 604800`. Shared with the command line (`--interval 500ms`).
#pragma once

#include <optional>
#include <string_view>

namespace statline {

// Seconds, or nullopt when `text` is not exactly a finite number followed by an
// optional unit (no spaces, no sign other than an exponent's). Range checks are the
// caller's: the same syntax serves `interval` and `restart.max`.
std::optional<double> parse_seconds(std::string_view text);

}  // namespace statline
