#include "config/node_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>
#include <tuple>

#include "config/did_you_mean.hpp"
#include "config/duration.hpp"
#include "config/yaml_quote.hpp"

namespace statline {
namespace {

// Long values are cut so a pasted blob does not flood the journal.
constexpr std::size_t kMaxShown = 60;

std::string shortened(std::string_view text) {
  if (text.size() <= kMaxShown) return std::string(text);
  std::size_t cut = kMaxShown;
  // Do not split a UTF-8 sequence: back up over continuation bytes.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

std::string joined_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : fmt::format("{}.{}", parent, key);
}

// The non-null scalar text of `node`, or nullopt after reporting `expected`.
std::optional<std::string> scalar_text(NodeReader& reader, const YAML::Node& node, const Place& at,
                                       std::string_view expected) {
  if (!node.IsScalar()) {
    reader.fail(at, expected, node);
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<double> parse_number(std::string_view text) {
  double value = 0;
  const char* const end = text.data() + text.size();
  const auto [rest, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc{} || rest != end || text.empty()) return std::nullopt;
  return value;
}

// False for NaN; infinities fail the bound on their side.
bool in_range(double value, const NumberRule& rule) {
  const bool above_min = rule.min_exclusive ? value > rule.min : value >= rule.min;
  return above_min && value <= rule.max;
}

}  // namespace

std::string describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
      return "null";
    case YAML::NodeType::Scalar:
      return yaml_quote(shortened(node.Scalar()));
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

std::string did_you_mean_hint(std::string_view typed,
                              std::span<const std::string_view> candidates) {
  const auto guess = did_you_mean(typed, candidates);
  return guess ? fmt::format(" (did you mean {}?)", yaml_quote(*guess)) : std::string();
}

Place child_place(const Place& parent, std::string_view key, const YAML::Node& key_node,
                  const YAML::Node& value) {
  // An empty value (`interval:` and nothing after it) is marked by yaml-cpp at the next
  // token, on a following line; the key is where the user should look.
  const bool marked_elsewhere = value.IsNull() && value.Mark().line != key_node.Mark().line;
  return {joined_path(parent.path, key), marked_elsewhere ? key_node.Mark() : value.Mark()};
}

Place element_place(const Place& parent, std::size_t index, const YAML::Node& element) {
  return {fmt::format("{}[{}]", parent.path, index), element.Mark()};
}

void NodeReader::error(const Place& at, std::string_view message) {
  std::string text = at.mark.is_null() ? fmt::format("{}: ", file_name_)
                                       : fmt::format("{}:{}:{}: ", file_name_, at.mark.line + 1,
                                                     at.mark.column + 1);
  if (!at.path.empty()) text += fmt::format("{}: ", at.path);
  text += message;
  errors_.push_back({at.mark.line, at.mark.column, std::move(text)});
}

void NodeReader::fail(const Place& at, std::string_view expected, const YAML::Node& found) {
  error(at, fmt::format("expected {}, found {}", expected, describe(found)));
}

std::string NodeReader::report() const {
  std::vector<Error> sorted = errors_;
  // Cross-key checks run after the walk; sorting puts them back in file order.
  std::stable_sort(sorted.begin(), sorted.end(), [](const Error& a, const Error& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  std::string out;
  for (const Error& e : sorted) {
    if (!out.empty()) out += '\n';
    out += e.message;
  }
  return out;
}

void NodeReader::for_each_entry(
    const YAML::Node& node, const Place& at,
    const std::function<void(const YAML::Node& key, const YAML::Node& value)>& visit) {
  if (node.IsNull()) return;
  if (!node.IsMap()) return fail(at, "a mapping", node);
  // yaml-cpp keeps duplicate keys and lookups silently take the first: catch them here.
  std::map<std::string, int> first_line;
  for (const auto& entry : node) {
    const YAML::Node& key = entry.first;
    if (!key.IsScalar() || key.Scalar().empty()) {
      fail({at.path, key.Mark()}, "a name", key);
      continue;
    }
    const auto [seen, inserted] = first_line.emplace(key.Scalar(), key.Mark().line + 1);
    if (!inserted) {
      error({at.path, key.Mark()}, fmt::format("duplicate key {} (first on line {})",
                                               yaml_quote(key.Scalar()), seen->second));
      continue;
    }
    visit(key, entry.second);
  }
}

void NodeReader::entries(
    const YAML::Node& node, const Place& at,
    const std::function<void(const std::string&, const YAML::Node&, const Place&)>& read) {
  for_each_entry(node, at, [&](const YAML::Node& key, const YAML::Node& value) {
    read(key.Scalar(), value, child_place(at, key.Scalar(), key, value));
  });
}

void NodeReader::mapping(const YAML::Node& node, const Place& at, std::span<const Key> keys) {
  for_each_entry(node, at, [&](const YAML::Node& key, const YAML::Node& value) {
    const std::string& name = key.Scalar();
    const auto known =
        std::find_if(keys.begin(), keys.end(), [&](const Key& k) { return k.name == name; });
    if (known != keys.end()) return known->read(value, child_place(at, name, key, value));

    std::vector<std::string_view> names;
    for (const Key& k : keys) names.push_back(k.name);
    std::string hint = did_you_mean_hint(name, names);
    // With no close match, listing the few valid keys is the next best help.
    if (hint.empty()) hint = fmt::format(" (expected one of: {})", fmt::join(names, ", "));
    error({at.path, key.Mark()}, fmt::format("unknown key {}{}", yaml_quote(name), hint));
  });
}

std::optional<bool> NodeReader::boolean(const YAML::Node& node, const Place& at) {
  // YAML 1.2 core schema spellings only: `yes`/`on` are YAML 1.1 and would be strings
  // to most other tools reading the same file.
  static constexpr std::string_view kTrue[] = {"true", "True", "TRUE"};
  static constexpr std::string_view kFalse[] = {"false", "False", "FALSE"};
  constexpr std::string_view kExpected = "true or false";
  const auto text = scalar_text(*this, node, at, kExpected);
  if (!text) return std::nullopt;
  if (std::find(std::begin(kTrue), std::end(kTrue), *text) != std::end(kTrue)) return true;
  if (std::find(std::begin(kFalse), std::end(kFalse), *text) != std::end(kFalse)) return false;
  fail(at, kExpected, node);
  return std::nullopt;
}

std::optional<double> NodeReader::ranged(const YAML::Node& node, const Place& at,
                                         const NumberRule& rule,
                                         std::optional<double> (*parse)(std::string_view)) {
  const auto text = scalar_text(*this, node, at, rule.expected);
  if (!text) return std::nullopt;
  const auto value = parse(*text);
  if (!value || !in_range(*value, rule)) {
    fail(at, rule.expected, node);
    return std::nullopt;
  }
  return value;
}

std::optional<double> NodeReader::seconds(const YAML::Node& node, const Place& at,
                                          const NumberRule& rule) {
  return ranged(node, at, rule, parse_seconds);
}

std::optional<double> NodeReader::number(const YAML::Node& node, const Place& at,
                                         const NumberRule& rule) {
  return ranged(node, at, rule, parse_number);
}

std::optional<std::uint64_t> NodeReader::integer(const YAML::Node& node, const Place& at,
                                                 std::string_view expected, std::uint64_t min,
                                                 std::uint64_t max) {
  const auto text = scalar_text(*this, node, at, expected);
  if (!text) return std::nullopt;
  std::uint64_t value = 0;
  const char* const end = text->data() + text->size();
  const auto [rest, error] = std::from_chars(text->data(), end, value);
  if (error != std::errc{} || rest != end || text->empty() || value < min || value > max) {
    fail(at, expected, node);
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> NodeReader::string(const YAML::Node& node, const Place& at,
                                              std::string_view expected, Empty empty) {
  auto text = scalar_text(*this, node, at, expected);
  if (text && text->empty() && empty == Empty::rejected) {
    fail(at, expected, node);
    return std::nullopt;
  }
  return text;
}

}  // namespace statline
