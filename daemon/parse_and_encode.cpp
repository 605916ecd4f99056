#include "daemon/parse_and_encode.hpp"

#include "ipc/sample_codec.hpp"

namespace statline {
namespace {

template <class Sample, class Encoder>
Result<std::vector<std::uint64_t>> encode_parsed(Result<Sample> parsed, Encoder encode,
                                                 std::uint32_t max_words) {
  if (!parsed) return ParseError{parsed.error()};
  return encode(parsed.value(), max_words);
}

}  // namespace

Result<std::vector<std::uint64_t>> parse_and_encode(Source source, std::string_view text,
                                                    std::uint32_t max_words) {
  switch (source) {
    case Source::stat:
      return encode_parsed(parse_stat(text), encode_stat, max_words);
    case Source::meminfo:
      return encode_parsed(parse_meminfo(text), encode_meminfo, max_words);
    case Source::netdev:
      return encode_parsed(parse_netdev(text), encode_netdev, max_words);
    case Source::loadavg:
      return encode_parsed(parse_loadavg(text), encode_loadavg, max_words);
  }
  return ParseError{"unknown source"};
}

}  // namespace statline
