#include "collectors/text_scan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace statline::text_scan {
namespace {

// Longest token quoted verbatim in an error message; the rest is elided.
constexpr std::size_t kMaxQuotedToken = 40;

std::string describe_token(std::string_view token) {
  if (token.empty()) return "end of line";
  if (token.size() > kMaxQuotedToken) {
    return fmt::format("\"{}...\"", token.substr(0, kMaxQuotedToken));
  }
  return fmt::format("\"{}\"", token);
}

// The repeat check itself, sorting `keys`.
std::optional<ParseError> sort_for_duplicate(std::string_view source,
                                             std::vector<KeyedLine>& keys) {
  // Any order that groups equal keys will do: comparing lengths first skips most
  // memcmp calls, and one compare() per pair replaces the != then < pair.
  std::sort(keys.begin(), keys.end(), [](const KeyedLine& a, const KeyedLine& b) {
    if (a.key.size() != b.key.size()) return a.key.size() < b.key.size();
    const int order = a.key.compare(b.key);
    return order != 0 ? order < 0 : a.line < b.line;
  });
  // Within a run of equal keys (sorted by line) the first entry is the original and the
  // second is the earliest repeat; report the repeat that comes first in the file.
  const KeyedLine* repeat = nullptr;
  std::size_t first_line = 0;
  for (std::size_t i = 1; i < keys.size(); ++i) {
    const bool starts_repeat =
        keys[i].key == keys[i - 1].key && (i == 1 || keys[i - 2].key != keys[i].key);
    if (starts_repeat && (repeat == nullptr || keys[i].line < repeat->line)) {
      repeat = &keys[i];
      first_line = keys[i - 1].line;
    }
  }
  if (repeat == nullptr) return std::nullopt;
  return key_error({source, repeat->line}, repeat->key,
                   fmt::format("duplicate key (first on line {})", first_line));
}

// True when `keys` are, in order, the '\n'-ended keys of `checked`. string_view only: this
// runs every sample, and std::string's out-of-line members would keep more of the
// program mapped (sampler/sampling_loop.ld).
bool same_keys(std::string_view checked, const std::vector<KeyedLine>& keys) {
  for (const KeyedLine& key : keys) {
    if (!checked.starts_with(key.key) || checked.size() == key.key.size() ||
        checked[key.key.size()] != '\n') {
      return false;
    }
    checked.remove_prefix(key.key.size() + 1);
  }
  return checked.empty();
}

}  // namespace

bool LineCursor::next(std::string_view& line) {
  if (rest_.empty()) return false;
  // string_view::find on a char is memchr, which is what keeps a 64 KiB line cheap.
  const std::size_t newline = rest_.find('\n');
  if (newline == std::string_view::npos) {
    line = rest_;
    rest_ = {};
  } else {
    line = rest_.substr(0, newline);
    rest_.remove_prefix(newline + 1);
  }
  ++line_number_;
  return true;
}

// Hand-written loops rather than find_first_of(" \t"): libstdc++ implements that as one
// memchr per character, several times slower on the hot path.
std::string_view FieldCursor::next() {
  const char* cursor = rest_.data();
  const char* const end = cursor + rest_.size();
  while (cursor != end && is_blank(*cursor)) ++cursor;
  const char* const start = cursor;
  while (cursor != end && !is_blank(*cursor)) ++cursor;
  rest_ = std::string_view(cursor, static_cast<std::size_t>(end - cursor));
  return std::string_view(start, static_cast<std::size_t>(cursor - start));
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

bool is_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<double> parse_non_negative_decimal(std::string_view token) {
  double value = 0;
  const char* end = token.data() + token.size();
  auto [ptr, ec] = std::from_chars(token.data(), end, value, std::chars_format::fixed);
  if (token.empty() || ec != std::errc{} || ptr != end) return std::nullopt;
  if (!std::isfinite(value) || std::signbit(value)) return std::nullopt;
  return value;
}

ParseError key_error(Location where, std::string_view key, std::string_view detail) {
  return ParseError{fmt::format("{}:{}: {}: {}", where.source, where.line, key, detail)};
}

ParseError token_error(Location where, std::string_view key, std::string_view expected,
                       std::string_view token) {
  return key_error(where, key, fmt::format("expected {}, got {}", expected, describe_token(token)));
}

ParseError count_error(Location where, std::string_view key, std::string_view expected,
                       std::size_t count) {
  return key_error(where, key, fmt::format("expected {}, got {}", expected, count));
}

IntegerRun scan_integers(FieldCursor& fields, std::span<std::uint64_t> out) {
  IntegerRun run;
  while (run.count < out.size()) {
    const std::string_view field = fields.next();
    if (field.empty()) break;
    const auto value = parse_integer<std::uint64_t>(field);
    if (!value) {
      run.bad_token = field;
      break;
    }
    out[run.count++] = *value;
  }
  return run;
}

std::optional<ParseError> find_duplicate(std::string_view source, ParseScratch& scratch) {
  if (same_keys(scratch.checked_keys, scratch.keys)) return std::nullopt;
  std::string joined;
  for (const KeyedLine& key : scratch.keys) {
    joined.append(key.key);
    joined.push_back('\n');
  }
  auto duplicate = sort_for_duplicate(source, scratch.keys);
  scratch.checked_keys = duplicate ? std::string() : std::move(joined);
  return duplicate;
}

}  // namespace statline::text_scan
