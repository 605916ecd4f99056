#include "server/history_payload.hpp"

#include <algorithm>

#include "aggregator/mem_values.hpp"
#include "ipc/sample_codec.hpp"

namespace statline {

std::span<const std::uint64_t> history_payload(Source source,
                                               std::span<const std::uint64_t> payload,
                                               std::vector<std::uint64_t>& scratch) {
  if (source != Source::meminfo) return payload;
  auto sample = decode_meminfo(payload);
  if (!sample) return payload;
  std::erase_if(sample->entries, [](const MeminfoEntry& entry) {
    return std::find(kMemValuesKeys.begin(), kMemValuesKeys.end(), entry.key) ==
           kMemValuesKeys.end();
  });
  // Fewer entries than the collector fitted into the same words: always fits.
  if (encode_meminfo_into(sample.value(), static_cast<std::uint32_t>(payload.size()), scratch)) {
    return payload;
  }
  return scratch;
}

}  // namespace statline
