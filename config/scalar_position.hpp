// Where, in the config file, a byte of a scalar's value sits: so an error inside a tmux
// template points at the offending character, not at the start of the string.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <optional>
#include <string_view>

namespace statline {

// `source` is the whole file, `start` the scalar's mark as yaml-cpp gives it (the
// opening quote, the block indicator or the first character), `offset` a byte offset in
// the scalar's value. Plain, single-quoted ('' escapes), double-quoted (backslash
// escapes) and block (| and >) scalars are mapped, over several lines too; nullopt when
// the text does not look like the scalar that was parsed (the caller then points at the
// scalar's start). Lines and columns are 0-based like YAML::Mark; the column counts
// characters, not bytes, as editors show them.
std::optional<YAML::Mark> position_in_scalar(std::string_view source, const YAML::Mark& start,
                                             std::size_t offset);

}  // namespace statline
