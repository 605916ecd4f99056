// "Did you mean" suggestions for misspelt config keys and values.
//
// Kept apart from the schema so the distance and the closeness rule are tested on
// their own and any other name lookup (tmux variables, log levels) can reuse them.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace statline {

// Optimal-string-alignment distance: insertions, deletions, substitutions and
// transpositions of two adjacent characters each cost 1. Transpositions matter because
// "histroy" is a far more common typo than two unrelated substitutions.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `typed`, compared case-insensitively, if it is close enough
// to be a plausible typo: at most one edit for names up to 5 characters, two up to 8,
// and so on (the rule rustc uses). Ties go to the earlier candidate, so the order of
// `candidates` (schema order) makes the answer deterministic.
std::optional<std::string_view> did_you_mean(std::string_view typed,
                                             std::span<const std::string_view> candidates);

}  // namespace statline
