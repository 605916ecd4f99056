#include "ipc/text_document.hpp"

#include <vector>

#include "ipc/text_payload.hpp"

namespace statline {

std::optional<nlohmann::json> read_latest_document(const SampleRing& ring) {
  SlotStamp stamp;
  std::vector<std::uint64_t> words;
  // A publish may overwrite the slot while we copy it; the next look finds a newer one.
  for (int attempt = 0; attempt < 16; ++attempt) {
    const auto seq = ring.last_seq();
    if (seq == 0) return std::nullopt;
    if (ring.read(seq, stamp, words) != SampleRing::Read::ok) continue;
    const auto text = words_to_text(words);
    if (!text) return std::nullopt;
    auto document = nlohmann::json::parse(*text, nullptr, false);
    if (document.is_discarded()) return std::nullopt;
    return document;
  }
  return std::nullopt;
}

}  // namespace statline
