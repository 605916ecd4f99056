#include "sampler/sample_encoder.hpp"

#include "ipc/sample_codec.hpp"

namespace statline {

Result<std::span<const std::uint64_t>> SampleEncoder::encode(std::string_view text,
                                                             std::uint32_t max_words) {
  std::optional<ParseError> error;
  switch (source_) {
    case Source::stat:
      error = parse_stat_into(text, stat_, scratch_);
      if (!error) error = encode_stat_into(stat_, max_words, words_);
      break;
    case Source::meminfo:
      error = parse_meminfo_into(text, meminfo_, scratch_);
      if (!error) error = encode_meminfo_into(meminfo_, max_words, words_);
      break;
    case Source::netdev:
      error = parse_netdev_into(text, netdev_, scratch_);
      if (!error) error = encode_netdev_into(netdev_, max_words, words_);
      break;
    case Source::loadavg: {
      // One small struct: nothing to keep between calls.
      const auto sample = parse_loadavg(text);
      if (!sample) return ParseError{sample.error()};
      error = encode_loadavg_into(sample.value(), max_words, words_);
      break;
    }
  }
  if (error) return *std::move(error);
  return std::span<const std::uint64_t>(words_);
}

}  // namespace statline
