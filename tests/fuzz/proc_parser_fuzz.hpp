// The property every /proc parser must have, whatever the bytes: it returns a sample or
// an error (never crashes, hangs or reads out of bounds), and a parsed sample survives
// the trip through the shared-memory codec unchanged, so what the aggregator decodes is
// exactly what the collector parsed. The one thing the codec may refuse is a name (a
// meminfo key, an interface) longer than its fixed 31-byte field: the collector then
// reports that error for the source, which is what a user should see.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "tests/fuzz/fuzz_check.hpp"

namespace statline::fuzz {

template <class Parse, class Encode, class Decode>
void check_proc_parser(const std::uint8_t* data, std::size_t size, Parse parse, Encode encode,
                       Decode decode) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = parse(text);
  if (!parsed) {
    STATLINE_FUZZ_CHECK(!parsed.error().empty(), "a parse error has a message");
    return;
  }
  const auto words = encode(*parsed, std::numeric_limits<std::uint32_t>::max());
  if (!words) {
    STATLINE_FUZZ_CHECK(words.error().find(" bytes, the limit is ") != std::string::npos,
                        "the codec refuses only over-long names when the slot is large enough");
    return;
  }
  const auto decoded = decode(*words);
  STATLINE_FUZZ_CHECK(decoded.ok(), "an encoded sample decodes");
  STATLINE_FUZZ_CHECK(*decoded == *parsed, "decode(encode(sample)) == sample");
}

}  // namespace statline::fuzz
