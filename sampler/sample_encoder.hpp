// The collector's per-source step: file text in, ring payload out.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "collectors/loadavg.hpp"
#include "collectors/meminfo.hpp"
#include "collectors/netdev.hpp"
#include "collectors/parse_result.hpp"
#include "collectors/source_table.hpp"
#include "collectors/stat.hpp"

namespace statline {

// Parses a source's file text and encodes the sample into ring words, keeping the sample,
// the parser's scratch and the words between calls: once their storage has grown to fit
// the file, a sample costs no allocation, so a collector's wake-up touches little memory.
class SampleEncoder {
 public:
  explicit SampleEncoder(Source source) : source_(source) {}

  // The words of at most `max_words`, valid until the next call. Errors come from the
  // parser ("meminfo:3: ...") or the encoder (the sample does not fit a slot).
  Result<std::span<const std::uint64_t>> encode(std::string_view text, std::uint32_t max_words);

 private:
  Source source_;
  ParseScratch scratch_;
  StatSample stat_;
  MeminfoSample meminfo_;
  NetdevSample netdev_;
  std::vector<std::uint64_t> words_;
};

}  // namespace statline
