// Carries a text document (the effective config, the supervisor's child table) through a
// SampleRing slot: word 0 is the byte length, the bytes follow, NUL-padded.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace statline {

std::uint32_t text_payload_words(std::size_t max_bytes);
std::vector<std::uint64_t> text_to_words(std::string_view text);
// nullopt when the length word does not fit the payload (a corrupt or foreign slot).
std::optional<std::string> words_to_text(std::span<const std::uint64_t> words);

}  // namespace statline
