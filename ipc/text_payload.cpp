#include "ipc/text_payload.hpp"

#include <cstring>

namespace statline {

std::uint32_t text_payload_words(std::size_t max_bytes) {
  return static_cast<std::uint32_t>(1 + (max_bytes + 7) / 8);
}

std::vector<std::uint64_t> text_to_words(std::string_view text) {
  std::vector<std::uint64_t> words(text_payload_words(text.size()), 0);
  words[0] = text.size();
  std::memcpy(words.data() + 1, text.data(), text.size());
  return words;
}

std::optional<std::string> words_to_text(std::span<const std::uint64_t> words) {
  if (words.empty()) return std::nullopt;
  const std::uint64_t length = words[0];
  if (length > (words.size() - 1) * 8) return std::nullopt;
  std::string text(length, '\0');
  std::memcpy(text.data(), words.data() + 1, length);
  return text;
}

}  // namespace statline
