// Scanning /proc text without copying: lines, whitespace-separated fields, integers and
// decimals via std::from_chars, and the one error-message format every parser uses.
//
// Everything here works on string_views into the caller's buffer, so a 64 KiB `intr`
// line costs one memchr to find its end and nothing else.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "collectors/parse_result.hpp"

namespace statline::text_scan {

// Yields the lines of a text one by one, numbered from 1 for error messages. The last
// line need not end with '\n' (a file cut short still yields what it has).
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : rest_(text) {}

  // Stores the next line (without its '\n') in `line`; false when the text is exhausted.
  bool next(std::string_view& line);

  // 1-based number of the line last returned by next().
  std::size_t line_number() const { return line_number_; }

 private:
  std::string_view rest_;
  std::size_t line_number_ = 0;
};

// Field separators in /proc files: spaces pad the columns; tabs are accepted because
// hand-edited fixtures contain them.
inline bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// Splits one line into fields separated by runs of blanks.
class FieldCursor {
 public:
  explicit FieldCursor(std::string_view line) : rest_(line) {}

  // The next field, or an empty view at the end of the line.
  std::string_view next();

 private:
  std::string_view rest_;
};

// The line with leading and trailing spaces/tabs removed.
std::string_view trim(std::string_view text);

// True for a non-empty run of ASCII digits only.
bool is_digits(std::string_view text);

// The whole token as a decimal unsigned integer; nullopt for an empty token, any
// non-digit (sign, suffix, "12x") or a value that does not fit in T.
template <class T>
std::optional<T> parse_integer(std::string_view token) {
  T value{};
  const char* end = token.data() + token.size();
  auto [ptr, ec] = std::from_chars(token.data(), end, value);
  if (token.empty() || ec != std::errc{} || ptr != end) return std::nullopt;
  return value;
}

// The whole token as a finite, non-negative decimal number ("0.52"); nullopt otherwise,
// including "nan", "inf" and "-1", which from_chars alone would accept.
std::optional<double> parse_non_negative_decimal(std::string_view token);

// Where a parser is: source name ("meminfo") and 1-based line number.
struct Location {
  std::string_view source;
  std::size_t line = 0;
};

// `<source>:<line>: <key>: <detail>`, the format users see in `statline status`.
ParseError key_error(Location where, std::string_view key, std::string_view detail);

// `<source>:<line>: <key>: expected <expected>, got "<token>"`; an empty token is
// reported as `got end of line`. Very long tokens are shortened so that one garbage
// line cannot flood the journal.
ParseError token_error(Location where, std::string_view key, std::string_view expected,
                       std::string_view token);

// `<source>:<line>: <key>: expected <expected>, got <count>`.
ParseError count_error(Location where, std::string_view key, std::string_view expected,
                       std::size_t count);

// Result of reading a run of integer fields.
struct IntegerRun {
  std::size_t count = 0;       // integers stored into the output
  std::string_view bad_token;  // non-empty when a field was not an integer
};

// Reads up to out.size() integer fields from `fields`, stopping early at the end of the
// line or at the first field that is not an integer (returned in bad_token). Fields
// beyond out.size() are left unread: newer kernels append columns, older readers ignore
// them.
IntegerRun scan_integers(FieldCursor& fields, std::span<std::uint64_t> out);

// A key as it appeared in the file, with its line number, for duplicate detection.
struct KeyedLine {
  std::string_view key;
  std::size_t line = 0;
};

}  // namespace statline::text_scan

namespace statline {

// Storage a parser needs only while it runs. A collector keeps one and passes it to every
// parse (the *_into functions), so that sampling allocates nothing once warmed up.
struct ParseScratch {
  std::vector<text_scan::KeyedLine> keys;
  // The keys of the last parse found free of repeats, in file order, each ended by '\n'
  // (no key holds one: keys come from single lines). A file whose keys are exactly these
  // cannot hold a repeat.
  std::string checked_keys;
};

namespace text_scan {

// `<source>:<line>: <key>: duplicate key (first on line <n>)` for the earliest line of
// `scratch.keys` that repeats a key of an earlier line; nullopt when every key is unique.
// The check sorts the keys in place (n·log n), and is skipped when they are, in order,
// the keys of the last parse this scratch found free of repeats: /proc files keep their
// keys from one read to the next, and the sort is most of a parse's cost besides reading
// the numbers.
std::optional<ParseError> find_duplicate(std::string_view source, ParseScratch& scratch);

}  // namespace text_scan

// The next entry of a parse that reuses `items` from the last one: entry `count` is
// overwritten in place (its strings keep their storage) or appended. The caller resizes
// `items` to `count` at the end.
template <class T>
T& reuse_next(std::vector<T>& items, std::size_t& count) {
  if (count == items.size()) items.emplace_back();
  return items[count++];
}

// A one-shot parse through an *_into parser, for callers that parse once.
template <class Sample, class IntoParser>
Result<Sample> parse_once(std::string_view text, IntoParser parse_into) {
  Sample sample;
  ParseScratch scratch;
  if (auto error = parse_into(text, sample, scratch)) return *std::move(error);
  return sample;
}

}  // namespace statline
