// Compares a snapshot from the daemon with the one a SyntheticModel prescribes, field by
// field, with the tolerance each kind of field deserves: CPU percentages within 0.3
// points, per-second rates within 3 % (the daemon divides by the Δt it measured, which
// carries its scheduling jitter), sizes and gauges exactly. Key order is checked too
// (DESIGN §4), except among interface names, which DESIGN does not order.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace statline::integration {

// One line per difference, naming the path ("cpu.cores[cpu=2].user: ..."); empty when
// `actual` matches. Keys of `actual` that `expected` lacks are differences.
std::vector<std::string> snapshot_differences(const nlohmann::ordered_json& actual,
                                              const nlohmann::ordered_json& expected);

std::string join_lines(const std::vector<std::string>& lines);

}  // namespace statline::integration
