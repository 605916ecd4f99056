// Guards against a yaml-cpp 0.7 hang: for some invalid streams (a lone `,` at the top
// level, e.g. a stray comma on its own line) YAML::LoadAll never returns, appending a
// null document per iteration until memory runs out (yaml-cpp issue #1040, fixed
// upstream by PR #1319 after the version Debian 12 ships). The parser then reports a
// new document at the same position forever; this walks the stream with a
// counting event handler and returns that position, so the caller can report it
// instead of calling LoadAll.
#pragma once

#include <yaml-cpp/mark.h>

#include <optional>
#include <string_view>

namespace statline {

// The mark where the parser stops making progress, or nullopt if LoadAll is safe
// (including streams with syntax errors: LoadAll reports those itself).
std::optional<YAML::Mark> find_stalled_document(std::string_view yaml_text);

}  // namespace statline
