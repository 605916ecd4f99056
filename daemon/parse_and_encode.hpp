// The collector's per-source step: file text in, ring payload out.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "collectors/parse_result.hpp"
#include "collectors/source_table.hpp"

namespace statline {

// Parses `text` with the source's parser and encodes the sample into at most `max_words`
// ring words. Errors come from the parser ("meminfo:3: ...") or the encoder (too big).
Result<std::vector<std::uint64_t>> parse_and_encode(Source source, std::string_view text,
                                                    std::uint32_t max_words);

}  // namespace statline
