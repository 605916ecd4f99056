#include "collectors/meminfo.hpp"

#include <algorithm>
#include <limits>

#include "collectors/text_scan.hpp"

namespace statline {
namespace {

using text_scan::Location;

constexpr std::string_view kSource = "meminfo";
constexpr std::string_view kUnitKb = "kB";
constexpr std::uint64_t kBytesPerKb = 1024;
// Largest kB value whose byte count still fits in 64 bits; checked at parse time so
// that bytes() can never overflow.
constexpr std::uint64_t kMaxKb = std::numeric_limits<std::uint64_t>::max() / kBytesPerKb;

// The key of a `Key: value [kB]` line, or empty when the line is not an entry. Keys
// hold letters, digits, '_' and parentheses (Active(anon)) but never blanks, so text
// with a blank before the ':' is a stray line, not an entry.
std::string_view entry_key(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return {};
  const std::string_view key = line.substr(0, colon);
  if (std::any_of(key.begin(), key.end(), text_scan::is_blank)) return {};
  return key;
}

struct EntryValue {
  std::uint64_t value = 0;
  bool in_kb = false;
};

Result<EntryValue> parse_entry(std::string_view key, std::string_view rest, Location where) {
  text_scan::FieldCursor fields(rest);
  const std::string_view number = fields.next();
  const auto value = text_scan::parse_integer<std::uint64_t>(number);
  if (!value) return text_scan::token_error(where, key, "integer", number);

  // Most keys are in kB, a few (HugePages_*) are plain counts; anything else is a
  // value cut short or a format we do not understand, not something to guess at.
  const std::string_view unit = fields.next();
  const bool in_kb = unit == kUnitKb;
  if (!unit.empty() && !in_kb) {
    return text_scan::token_error(where, key, "unit \"kB\" or end of line", unit);
  }
  if (in_kb && *value > kMaxKb) {
    return text_scan::token_error(where, key, "a kB value that fits 64-bit bytes", number);
  }
  return EntryValue{*value, in_kb};
}

}  // namespace

std::optional<std::uint64_t> MeminfoSample::bytes(std::string_view key) const {
  for (const MeminfoEntry& entry : entries) {
    if (entry.key == key) return entry.in_kb ? entry.value * kBytesPerKb : entry.value;
  }
  return std::nullopt;
}

Result<MeminfoSample> parse_meminfo(std::string_view text) {
  return parse_once<MeminfoSample>(text, parse_meminfo_into);
}

std::optional<ParseError> parse_meminfo_into(std::string_view text, MeminfoSample& sample,
                                             ParseScratch& scratch) {
  // A repeated key is an error rather than "first wins": the kernel never repeats one,
  // so a repeat means a corrupt read (two reads glued together) and bytes() would
  // silently answer from half of it.
  std::vector<text_scan::KeyedLine>& keys = scratch.keys;
  keys.clear();
  std::size_t count = 0;

  text_scan::LineCursor lines(text);
  std::string_view line;
  while (lines.next(line)) {
    const std::string_view key = entry_key(line);
    if (key.empty()) continue;  // blank or stray line: ignored like any unknown line
    const Location where{kSource, lines.line_number()};
    auto entry = parse_entry(key, line.substr(key.size() + 1), where);
    if (!entry) return ParseError{entry.error()};
    MeminfoEntry& kept = reuse_next(sample.entries, count);
    kept.key.assign(key);
    kept.value = entry->value;
    kept.in_kb = entry->in_kb;
    keys.push_back(text_scan::KeyedLine{key, where.line});
  }
  sample.entries.resize(count);

  // The kernel always prints MemTotal and friends; an empty read must not replace the
  // last good sample with one in which every key is absent.
  if (sample.entries.empty()) return ParseError{"meminfo: no entries"};
  return text_scan::find_duplicate(kSource, scratch);
}

void PrintTo(const MeminfoSample& sample, std::ostream* os) {
  *os << "{";
  for (std::size_t i = 0; i < sample.entries.size(); ++i) {
    const MeminfoEntry& entry = sample.entries[i];
    *os << (i == 0 ? "" : ", ") << entry.key << ": " << entry.value << (entry.in_kb ? " kB" : "");
  }
  *os << "}";
}

}  // namespace statline
