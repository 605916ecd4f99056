// Paths into the snapshot JSON: `get cpu.total mem` and `history cpu.total.usage`.
//
// A path is dot-separated keys from the snapshot's root (DESIGN §4), e.g. `mem`,
// `cpu.total.usage`, `net.interfaces.eth0.rx_bytes`.
//  - Interface names may contain dots (`veth1.100`): at each object the longest run of
//    components that is a key wins, shorter runs are tried if the rest does not resolve.
//  - A numeric component on an array picks the element whose "cpu" equals it when the
//    elements carry a "cpu" key (`cpu.cores.3` is cpu3 even with cpu2 offline), else the
//    element at that position.
//  - A path that runs into a source that is null right now (`cpu.total.usage` before the
//    second stat sample) is valid when the snapshot's fixed shape has it: it resolves to
//    that null. Typos are still errors: `unknown path "cpu.totl"`.
//  - Error messages quote the path with quote_untrusted(), so they are JSON-safe whatever
//    bytes the path holds; paths over 256 bytes (no real one is) are unknown.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/parse_result.hpp"

namespace statline {

// The subtrees named by `paths`, nested at their original place and in the snapshot's
// key order: `cpu.total mem` -> {"cpu":{"total":{…}},"mem":{…}}. A selected array element
// keeps its "cpu" key so it still says which CPU it is. No paths: the whole snapshot.
// The first path that does not resolve is the error.
Result<nlohmann::ordered_json> select_paths(const nlohmann::ordered_json& snapshot,
                                            const std::vector<std::string>& paths);

// The number at `path`, for history. Error: the path does not exist (`unknown path
// "…"`) or names a subtree (`path "cpu.total" is not a number`). A value of nullopt: the
// path is valid but has no data in this snapshot.
Result<std::optional<double>> lookup_number(const nlohmann::ordered_json& snapshot,
                                            std::string_view path);

}  // namespace statline
