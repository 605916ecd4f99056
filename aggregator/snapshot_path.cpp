#include "aggregator/snapshot_path.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <iterator>
#include <span>

#include "aggregator/request_parser.hpp"  // quote_untrusted
#include "aggregator/snapshot.hpp"

namespace statline {
namespace {

using Json = nlohmann::ordered_json;
using Parts = std::span<const std::string_view>;

// One move down the tree: an object key or an array position.
struct Step {
  std::string key;
  std::size_t index = 0;
  bool is_index = false;
  friend bool operator==(const Step&, const Step&) = default;
};

enum class Walk { found, null_reached, missing };

// Key of the one interface of the shape skeleton below; stands for every name.
constexpr std::string_view kAnyName = "*";

// The fixed shape of a snapshot with every source present: one core, one interface named
// kAnyName. Built by to_json itself so it cannot drift from the real output.
const Json& shape() {
  static const Json skeleton = [] {
    Snapshot all;
    all.cpu = CpuRates{};
    all.cpu->cores.push_back(CoreRates{});
    all.mem = MemValues{};
    all.net = NetRates{};
    all.net->interfaces.push_back({std::string(kAnyName), {}});
    all.load = LoadValues{};
    return to_json(all);
  }();
  return skeleton;
}

std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

std::optional<std::uint64_t> parse_index(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return {};
  return value;
}

// Walks `parts` down from a node, recording the steps taken. In shape mode it walks the
// skeleton: any index picks the only core, any name the kAnyName interface, and a null is
// a leaf (the skeleton has every source, so nothing else is null there).
class Walker {
 public:
  explicit Walker(bool shape_mode) : shape_mode_(shape_mode) {}

  Walk walk(const Json& node, Parts parts) {
    target_ = &node;
    if (parts.empty()) return Walk::found;
    if (node.is_null()) return shape_mode_ ? Walk::missing : Walk::null_reached;
    if (node.is_object()) return walk_object(node, parts);
    if (node.is_array()) return walk_array(node, parts);
    return Walk::missing;  // a number has no children
  }

  const std::vector<Step>& steps() const { return steps_; }
  const Json* target() const { return target_; }

 private:
  // Longest key first, so `veth1.100.rx_bytes` finds interface "veth1.100"; shorter keys
  // are tried when the rest does not resolve.
  Walk walk_object(const Json& node, Parts parts) {
    for (std::size_t take = parts.size(); take > 0; --take) {
      const auto it = node.find(joined(parts.first(take)));
      if (it == node.end()) continue;
      const Walk result = walk_into(it.key(), it.value(), parts.subspan(take));
      if (result != Walk::missing) return result;
    }
    // The skeleton's stand-in interface takes the shortest name that lets the rest
    // resolve: `eth0.rx_bytes` is a field of eth0 rather than an interface of that name.
    const auto any = node.find(kAnyName);
    if (!shape_mode_ || any == node.end()) return Walk::missing;
    for (std::size_t take = 1; take <= parts.size(); ++take) {
      const Walk result = walk_into(any.key(), any.value(), parts.subspan(take));
      if (result != Walk::missing) return result;
    }
    return Walk::missing;
  }

  Walk walk_into(const std::string& key, const Json& child, Parts rest) {
    steps_.push_back({key, 0, false});
    const Walk result = walk(child, rest);
    if (result == Walk::missing) steps_.pop_back();
    return result;
  }

  // The parts are views into one path string, so a run of them is one substring.
  static std::string_view joined(Parts run) {
    return {run.front().data(),
            static_cast<std::size_t>(run.back().data() + run.back().size() - run.front().data())};
  }

  Walk walk_array(const Json& node, Parts parts) {
    const std::optional<std::size_t> position = element_position(node, parts[0]);
    if (!position) return Walk::missing;
    steps_.push_back({{}, *position, true});
    const Walk result = walk(node[*position], parts.subspan(1));
    if (result == Walk::missing) steps_.pop_back();
    return result;
  }

  // `cpu.cores.3` is the element with "cpu": 3 (numbering has gaps when CPUs are
  // offline); an array of anything else is indexed by position. In the skeleton every
  // number stands for its only core.
  std::optional<std::size_t> element_position(const Json& array, std::string_view part) const {
    const std::optional<std::uint64_t> number = parse_index(part);
    if (!number || array.empty()) return std::nullopt;
    if (shape_mode_) return 0;
    if (!array.front().is_object() || !array.front().contains("cpu")) {
      if (*number >= array.size()) return std::nullopt;
      return static_cast<std::size_t>(*number);
    }
    const auto it = std::find_if(array.begin(), array.end(), [&](const Json& element) {
      const auto cpu = element.find("cpu");
      return cpu != element.end() && cpu->is_number_unsigned() &&
             cpu->get<std::uint64_t>() == *number;
    });
    if (it == array.end()) return std::nullopt;
    return static_cast<std::size_t>(it - array.begin());
  }

  bool shape_mode_;
  std::vector<Step> steps_;
  const Json* target_ = nullptr;
};

struct Resolved {
  std::vector<Step> steps;
  const Json* node = nullptr;  // inside the snapshot; null when a source has no data
  // When the walk stopped at a null source: the node the path names in the skeleton,
  // which says whether it would be a number or a subtree.
  const Json* shape_node = nullptr;
};

// The longest real path is about 45 bytes (`net.interfaces.` + a 15-byte name + a
// field). The cap keeps a 4 KiB line of dots from costing quadratic backtracking.
constexpr std::size_t kMaxPathBytes = 256;

Result<Resolved> resolve(const Json& snapshot, std::string_view path) {
  const std::vector<std::string_view> parts = split(path.substr(0, kMaxPathBytes));
  const bool well_formed =
      path.size() <= kMaxPathBytes &&
      std::none_of(parts.begin(), parts.end(), [](std::string_view p) { return p.empty(); });
  if (well_formed) {
    Walker walker(false);
    const Walk result = walker.walk(snapshot, parts);
    if (result == Walk::found) return Resolved{walker.steps(), walker.target(), nullptr};
    Walker shape_walker(true);
    if (result == Walk::null_reached && shape_walker.walk(shape(), parts) == Walk::found) {
      return Resolved{walker.steps(), walker.target(), shape_walker.target()};
    }
  }
  return ParseError{fmt::format("unknown path {}", quote_untrusted(path))};
}

// The union of the selected paths as a tree; a `whole` node keeps its entire subtree.
struct Selection {
  Step step;
  bool whole = false;
  std::vector<Selection> children;

  const Selection* child(const Step& wanted) const {
    const auto it = std::find_if(children.begin(), children.end(),
                                 [&](const Selection& c) { return c.step == wanted; });
    return it == children.end() ? nullptr : &*it;
  }

  void add(const std::vector<Step>& steps) {
    Selection* node = this;
    for (const Step& step : steps) {
      if (node->whole) return;  // `cpu cpu.total`: cpu already has everything
      auto it = std::find_if(node->children.begin(), node->children.end(),
                             [&](const Selection& c) { return c.step == step; });
      if (it == node->children.end()) {
        node->children.push_back(Selection{step, false, {}});
        it = std::prev(node->children.end());
      }
      node = &*it;
    }
    node->whole = true;
    node->children.clear();
  }
};

// Copies the selected part of `source`, in the source's order. Array elements keep their
// "cpu" key: a core's numbers without its number would be meaningless.
Json copy_selected(const Json& source, const Selection& selection, bool keep_identity) {
  if (selection.whole) return source;
  if (source.is_array()) {
    Json out = Json::array();
    for (std::size_t i = 0; i < source.size(); ++i) {
      if (const Selection* child = selection.child({{}, i, true})) {
        out.push_back(copy_selected(source[i], *child, true));
      }
    }
    return out;
  }
  Json out = Json::object();
  for (auto it = source.begin(); it != source.end(); ++it) {
    if (keep_identity && it.key() == "cpu") {
      out[it.key()] = it.value();
    } else if (const Selection* child = selection.child({it.key(), 0, false})) {
      out[it.key()] = copy_selected(it.value(), *child, false);
    }
  }
  return out;
}

}  // namespace

Result<nlohmann::ordered_json> select_paths(const nlohmann::ordered_json& snapshot,
                                            const std::vector<std::string>& paths) {
  if (paths.empty()) return snapshot;
  Selection selection;
  for (const std::string& path : paths) {
    Result<Resolved> resolved = resolve(snapshot, path);
    if (!resolved) return ParseError{resolved.error()};
    selection.add(resolved->steps);
  }
  return copy_selected(snapshot, selection, false);
}

Result<std::optional<double>> lookup_number(const nlohmann::ordered_json& snapshot,
                                            std::string_view path) {
  Result<Resolved> resolved = resolve(snapshot, path);
  if (!resolved) return ParseError{resolved.error()};
  const Json& node = *resolved->node;
  const Json& kind = resolved->shape_node ? *resolved->shape_node : node;
  if (kind.is_structured() || kind.is_string() || kind.is_boolean()) {
    return ParseError{fmt::format("path {} is not a number", quote_untrusted(path))};
  }
  if (node.is_null()) return std::optional<double>();
  return std::optional<double>(node.get<double>());
}

}  // namespace statline
