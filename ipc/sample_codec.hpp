// Encodes parsed samples into the fixed word layout of a ring slot and back.
//
// A slot payload is a sequence of 64-bit words; doubles are bit-cast, strings are stored
// NUL-padded in a fixed number of words. Sizes come from the machine at start-up (see
// ring_sizes.hpp), never from a small hard-coded constant.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "collectors/loadavg.hpp"
#include "collectors/meminfo.hpp"
#include "collectors/netdev.hpp"
#include "collectors/parse_result.hpp"
#include "collectors/stat.hpp"

namespace statline {

// Longest interface name / meminfo key a slot holds (Linux limits names to 15 bytes).
inline constexpr std::size_t kMaxNameBytes = 31;

std::uint32_t stat_payload_words(std::uint32_t max_cpus);
std::uint32_t meminfo_payload_words(std::uint32_t max_entries);
std::uint32_t netdev_payload_words(std::uint32_t max_interfaces);
std::uint32_t loadavg_payload_words();

// Each encoder replaces the contents of `out`, reusing its storage (a collector encodes
// every interval), and fails (with a message naming what did not fit) when the sample
// needs more than `max_words` words or a name is longer than kMaxNameBytes.
std::optional<ParseError> encode_stat_into(const StatSample& sample, std::uint32_t max_words,
                                           std::vector<std::uint64_t>& out);
std::optional<ParseError> encode_meminfo_into(const MeminfoSample& sample, std::uint32_t max_words,
                                              std::vector<std::uint64_t>& out);
std::optional<ParseError> encode_netdev_into(const NetdevSample& sample, std::uint32_t max_words,
                                             std::vector<std::uint64_t>& out);
std::optional<ParseError> encode_loadavg_into(const LoadavgSample& sample, std::uint32_t max_words,
                                              std::vector<std::uint64_t>& out);

// The one-shot forms, for callers that encode once.
template <class Sample, class Encoder>
Result<std::vector<std::uint64_t>> encode_once(Encoder encode_into, const Sample& sample,
                                               std::uint32_t max_words) {
  std::vector<std::uint64_t> out;
  if (auto error = encode_into(sample, max_words, out)) return *std::move(error);
  return out;
}
inline Result<std::vector<std::uint64_t>> encode_stat(const StatSample& sample,
                                                      std::uint32_t max_words) {
  return encode_once(encode_stat_into, sample, max_words);
}
inline Result<std::vector<std::uint64_t>> encode_meminfo(const MeminfoSample& sample,
                                                         std::uint32_t max_words) {
  return encode_once(encode_meminfo_into, sample, max_words);
}
inline Result<std::vector<std::uint64_t>> encode_netdev(const NetdevSample& sample,
                                                        std::uint32_t max_words) {
  return encode_once(encode_netdev_into, sample, max_words);
}
inline Result<std::vector<std::uint64_t>> encode_loadavg(const LoadavgSample& sample,
                                                         std::uint32_t max_words) {
  return encode_once(encode_loadavg_into, sample, max_words);
}

// Decoders reject truncated or inconsistent payloads with a message instead of reading
// out of bounds.
Result<StatSample> decode_stat(std::span<const std::uint64_t> words);
Result<MeminfoSample> decode_meminfo(std::span<const std::uint64_t> words);
Result<NetdevSample> decode_netdev(std::span<const std::uint64_t> words);
Result<LoadavgSample> decode_loadavg(std::span<const std::uint64_t> words);

}  // namespace statline
