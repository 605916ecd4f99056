// Typed reading of yaml-cpp nodes with user-facing errors.
//
// The schema (config_schema.cpp) says which keys exist and what they hold; this class
// knows how to read one value of each kind and how to word the error when it is not
// there. Every message has one shape:
//
//   FILE:LINE:COLUMN: KEY.PATH: expected WHAT, found WHAT
//
// with the key path left out at the top level. Errors are collected rather than thrown,
// so one run of --check-config shows every mistake in the file.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace statline {

// Where a value sits: its key path ("collectors.netdev.exclude[1]", empty for the
// document root) and its position in the file.
struct Place {
  std::string path;
  YAML::Mark mark;
};

// A number's accepted range and how to say it in an error ("a number of seconds
// between 0.05 and 3600").
struct NumberRule {
  std::string expected;
  double min;
  double max;
  bool min_exclusive = false;  // for "greater than 0"
};

class NodeReader {
 public:
  // `source` is the file's text, for positions inside a scalar (scalar_position.hpp).
  explicit NodeReader(std::string_view file_name, std::string_view source = {})
      : file_name_(file_name), source_(source) {}

  std::string_view source() const { return source_; }

  // What to do with one value found at a place.
  using Read = std::function<void(const YAML::Node& value, const Place& at)>;
  // One key a mapping may hold.
  struct Key {
    std::string_view name;
    Read read;
  };

  // Dispatches each entry of a mapping to its Key; unknown and duplicate keys are
  // errors. Null (an empty section, e.g. every sub-key commented out) means "all
  // defaults" and is accepted.
  void mapping(const YAML::Node& node, const Place& at, std::span<const Key> keys);

  // A mapping whose keys the user names (tmux formats, thresholds): every key must be a
  // non-empty scalar and appear once; `read` gets each name and value.
  void entries(const YAML::Node& node, const Place& at,
               const std::function<void(const std::string& name, const YAML::Node& value,
                                        const Place& at)>& read);

  std::optional<bool> boolean(const YAML::Node& node, const Place& at);
  // A duration (`2`, `0.5`, `500ms`, `7d`, see duration.hpp) within `rule`.
  std::optional<double> seconds(const YAML::Node& node, const Place& at, const NumberRule& rule);
  // A plain number within `rule`.
  std::optional<double> number(const YAML::Node& node, const Place& at, const NumberRule& rule);
  // A decimal integer within [min, max].
  std::optional<std::uint64_t> integer(const YAML::Node& node, const Place& at,
                                       std::string_view expected, std::uint64_t min,
                                       std::uint64_t max);
  // Any scalar but null, taken as text (`socket: 123` is the path "123").
  enum class Empty { allowed, rejected };
  std::optional<std::string> string(const YAML::Node& node, const Place& at,
                                    std::string_view expected, Empty empty = Empty::rejected);
  // A list whose elements `read_element` checks one by one; nullopt if the value is not
  // a list or any element failed. Null is not an empty list: it is an error, because
  // `exclude:` left empty could mean "nothing" or "the default".
  template <class T>
  std::optional<std::vector<T>> list(
      const YAML::Node& node, const Place& at, std::string_view expected,
      const std::function<std::optional<T>(const YAML::Node&, const Place&)>& read_element);

  // "expected EXPECTED, found <what the node is>", at `at`.
  void fail(const Place& at, std::string_view expected, const YAML::Node& found);
  void error(const Place& at, std::string_view message);

  bool ok() const { return errors_.empty(); }
  // Every error, one per line, in file order.
  std::string report() const;

 private:
  // The checks every mapping shares: a mapping (or null), scalar keys, no duplicates.
  void for_each_entry(
      const YAML::Node& node, const Place& at,
      const std::function<void(const YAML::Node& key, const YAML::Node& value)>& visit);
  std::optional<double> ranged(const YAML::Node& node, const Place& at, const NumberRule& rule,
                               std::optional<double> (*parse)(std::string_view));

  struct Error {
    int line, column;
    std::string message;
  };
  std::string file_name_;
  std::string_view source_;
  std::vector<Error> errors_;
};

// How a found value reads in a message: `"fast"` (quoted, shortened), `null`, `a list`,
// `a mapping`.
std::string describe(const YAML::Node& node);

// " (did you mean "x"?)" when a candidate is close to `typed`, else "".
std::string did_you_mean_hint(std::string_view typed, std::span<const std::string_view> candidates);

// The place of a mapping value or list element below `parent`.
Place child_place(const Place& parent, std::string_view key, const YAML::Node& key_node,
                  const YAML::Node& value);
Place element_place(const Place& parent, std::size_t index, const YAML::Node& element);

template <class T>
std::optional<std::vector<T>> NodeReader::list(
    const YAML::Node& node, const Place& at, std::string_view expected,
    const std::function<std::optional<T>(const YAML::Node&, const Place&)>& read_element) {
  if (!node.IsSequence()) {
    fail(at, expected, node);
    return std::nullopt;
  }
  std::vector<T> values;
  bool all_ok = true;
  std::size_t index = 0;
  for (const YAML::Node& element : node) {
    auto value = read_element(element, element_place(at, index++, element));
    if (value) {
      values.push_back(std::move(*value));
    } else {
      all_ok = false;
    }
  }
  if (!all_ok) return std::nullopt;
  return values;
}

}  // namespace statline
