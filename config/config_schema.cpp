#include "config/config_schema.hpp"

#include <fmt/format.h>

#include <limits>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "config/config_limits.hpp"
#include "config/listen_address.hpp"
#include "config/log_level.hpp"
#include "config/scalar_position.hpp"
#include "config/yaml_quote.hpp"
#include "tmux/builtin_formats.hpp"
#include "tmux/template.hpp"

namespace statline {
namespace {

using Keys = std::vector<NodeReader::Key>;
using Read = NodeReader::Read;
using Empty = NodeReader::Empty;

// A value that takes part in a check across keys: where it was written, if it was.
struct Tracked {
  std::optional<Place> at;
  YAML::Node node;
  bool failed = false;  // written but invalid: already reported, skip the cross-key check
};

NumberRule seconds_between(double min, double max) {
  return {fmt::format("a number of seconds between {} and {}", min, max), min, max};
}

const std::string kIdRange = fmt::format("an integer between 0 and {}", limits::kMaxId);

class Schema {
 public:
  Schema(NodeReader& reader, Config& config) : r_(reader), c_(config) {}

  void root(const YAML::Node& node) {
    Tracked interval, history;
    const Keys keys{
        {"interval", seconds_into(c_.interval, interval, interval_rule_)},
        {"history", seconds_into(c_.history, history, history_rule_)},
        {"socket", [this](const YAML::Node& v, const Place& at) { socket(v, at); }},
        {"proc_root", string_into(c_.proc_root, "a directory path")},
        {"log_level", [this](const YAML::Node& v, const Place& at) { log_level(v, at); }},
        {"collectors", [this](const YAML::Node& v, const Place& at) { collectors(v, at); }},
        {"restart", [this](const YAML::Node& v, const Place& at) { restart(v, at); }},
        {"access", [this](const YAML::Node& v, const Place& at) { access(v, at); }},
        {"clients", [this](const YAML::Node& v, const Place& at) { clients(v, at); }},
        {"tmux", [this](const YAML::Node& v, const Place& at) { tmux(v, at); }},
        {"metrics", [this](const YAML::Node& v, const Place& at) { metrics(v, at); }},
    };
    r_.mapping(node, Place{"", node.Mark()}, keys);
    // Fewer than one sample of history would leave `history` requests empty.
    check_order(c_.interval, interval, "interval", c_.history, history, "history");
  }

 private:
  void socket(const YAML::Node& node, const Place& at) {
    const std::string expected =
        fmt::format("a socket path of at most {} bytes", limits::kMaxSocketPath);
    auto path = r_.string(node, at, expected, Empty::allowed);  // empty: the default path
    if (!path) return;
    if (path->size() > limits::kMaxSocketPath) return r_.fail(at, expected, node);
    c_.socket = std::move(*path);
  }

  void log_level(const YAML::Node& node, const Place& at) {
    const std::string expected = fmt::format("one of {}", fmt::join(kLogLevelNames, ", "));
    const auto name = r_.string(node, at, expected);
    if (!name) return;
    if (const auto level = parse_log_level(*name)) {
      c_.log_level = *level;
      return;
    }
    r_.error(at, fmt::format("expected {}, found {}{}", expected, describe(node),
                             did_you_mean_hint(*name, kLogLevelNames)));
  }

  void collectors(const YAML::Node& node, const Place& at) {
    CollectorsConfig& c = c_.collectors;
    const Keys keys{
        {"stat", enabled_only(c.stat)},
        {"meminfo", enabled_only(c.meminfo)},
        {"loadavg", enabled_only(c.loadavg)},
        {"netdev",
         [this, &c](const YAML::Node& v, const Place& netdev_at) {
           const Keys netdev_keys{
               {"enabled", bool_into(c.netdev.enabled)},
               {"interfaces", patterns_into(c.netdev.interfaces)},
               {"exclude", patterns_into(c.netdev.exclude)},
           };
           r_.mapping(v, netdev_at, netdev_keys);
         }},
    };
    r_.mapping(node, at, keys);
  }

  void restart(const YAML::Node& node, const Place& at) {
    RestartConfig& c = c_.restart;
    Tracked initial, max;
    const Keys keys{
        {"initial", seconds_into(c.initial, initial, duration_rule_)},
        {"max", seconds_into(c.max, max, duration_rule_)},
        {"reset_after", seconds_into(c.reset_after, ignored_, duration_rule_)},
    };
    r_.mapping(node, at, keys);
    check_order(c.initial, initial, "restart.initial", c.max, max, "restart.max");
  }

  void access(const YAML::Node& node, const Place& at) {
    AccessConfig& c = c_.access;
    const Keys keys{
        {"uids",
         [this, &c](const YAML::Node& v, const Place& uids_at) {
           const std::function<std::optional<uid_t>(const YAML::Node&, const Place&)> uid =
               [this](const YAML::Node& e, const Place& e_at) { return id(e, e_at, "a user id"); };
           if (auto uids = r_.list(v, uids_at, "a list of user ids", uid)) c.uids = *uids;
         }},
        {"gid",
         [this, &c](const YAML::Node& v, const Place& gid_at) {
           if (v.IsNull()) return c.gid.reset();
           if (const auto gid = id(v, gid_at, "a group id")) c.gid = *gid;
         }},
    };
    r_.mapping(node, at, keys);
  }

  void clients(const YAML::Node& node, const Place& at) {
    ClientsConfig& c = c_.clients;
    const Keys keys{
        {"max", uint32_into(c.max, limits::kMinClients, limits::kMaxClients, "an integer")},
        {"max_output_bytes",
         uint32_into(c.max_output_bytes, limits::kMinOutputBytes,
                     std::numeric_limits<std::uint32_t>::max(), "a number of bytes")},
        {"idle_timeout", seconds_into(c.idle_timeout, ignored_, duration_rule_)},
    };
    r_.mapping(node, at, keys);
  }

  void tmux(const YAML::Node& node, const Place& at) {
    TmuxConfig& c = c_.tmux;
    Tracked format;
    // Every format written, valid or not: a broken one is reported once, not again as
    // "unknown format" where `format` names it.
    std::set<std::string> declared;
    const Keys keys{
        {"format",
         [this, &c, &format](const YAML::Node& v, const Place& format_at) {
           format = {format_at, v, false};
           if (auto name = r_.string(v, format_at, "a format name")) {
             c.format = std::move(*name);
           } else {
             format.failed = true;
           }
         }},
        {"formats",
         [this, &c, &declared](const YAML::Node& v, const Place& formats_at) {
           // A template often starts with `#[`, which YAML reads as a comment.
           r_.entries(v, formats_at,
                      [this, &c, &declared](const std::string& name, const YAML::Node& e,
                                            const Place& e_at) {
                        declared.insert(name);
                        const auto text =
                            r_.string(e, e_at, "a format string (quoted if it starts with #)");
                        if (text && template_ok(*text, e, e_at)) c.formats[name] = *text;
                      });
         }},
        {"thresholds", [this](const YAML::Node& v, const Place& t_at) { thresholds(v, t_at); }},
        {"styles",
         [this, &c](const YAML::Node& v, const Place& styles_at) {
           const Keys style_keys{{"warn", style_into(c.styles.warn)},
                                 {"crit", style_into(c.styles.crit)}};
           r_.mapping(v, styles_at, style_keys);
         }},
        {"ascii", bool_into(c.ascii)},
    };
    r_.mapping(node, at, keys);
    if (format.at && !format.failed && tmux::find_builtin_format(c.format) == nullptr &&
        !declared.contains(c.format)) {
      std::vector<std::string_view> known;
      for (const auto& builtin : tmux::kBuiltinFormats) known.push_back(builtin.name);
      for (const auto& [name, text] : c.formats) known.push_back(name);
      r_.error(*format.at, fmt::format("unknown format {} (known: {}){}", yaml_quote(c.format),
                                       fmt::join(known, ", "), did_you_mean_hint(c.format, known)));
    }
  }

  // Parses a template; an error points at the character inside the string, when the
  // file's text lets us find it.
  bool template_ok(const std::string& text, const YAML::Node& node, const Place& at) {
    const auto parsed = tmux::parse_template(text);
    const auto* error = std::get_if<tmux::TemplateError>(&parsed);
    if (error == nullptr) return true;
    const auto inside = position_in_scalar(r_.source(), node.Mark(), error->offset);
    r_.error(Place{at.path, inside.value_or(node.Mark())}, error->message);
    return false;
  }

  Read style_into(std::string& field) {
    return [this, &field](const YAML::Node& v, const Place& at) {
      constexpr std::string_view kExpected = "a tmux style such as \"fg=red,bold\" (without #[ ])";
      auto text = r_.string(v, at, kExpected, Empty::allowed);
      if (!text) return;
      if (text->find_first_of("#[]\n\r") != std::string::npos) return r_.fail(at, kExpected, v);
      field = std::move(*text);
    };
  }

  // Entries replace the built-in ones of the same name; the others stay, so setting
  // `cpu` alone keeps the default `mem` colouring.
  void thresholds(const YAML::Node& node, const Place& at) {
    Keys keys;
    for (const std::string_view segment : limits::kThresholdSegments) {
      keys.push_back({segment, [this, segment](const YAML::Node& v, const Place& entry_at) {
                        if (const auto t = threshold(v, entry_at)) {
                          c_.tmux.thresholds[std::string(segment)] = *t;
                        }
                      }});
    }
    r_.mapping(node, at, keys);
  }

  std::optional<ThresholdConfig> threshold(const YAML::Node& node, const Place& at) {
    if (!node.IsMap()) {
      r_.fail(at, "a mapping with warn and crit", node);
      return std::nullopt;
    }
    ThresholdConfig t;
    Tracked warn, crit;
    const Keys keys{
        {"warn", number_into(t.warn, warn, threshold_rule_)},
        {"crit", number_into(t.crit, crit, threshold_rule_)},
    };
    r_.mapping(node, at, keys);
    // Both are required: a half-given pair has no sensible default for segments
    // without a built-in one.
    bool complete = true;
    for (const auto& [name, tracked] : {std::pair{"warn", &warn}, std::pair{"crit", &crit}}) {
      if (tracked->at || tracked->failed) continue;
      r_.error(at, fmt::format("missing key {}", yaml_quote(name)));
      complete = false;
    }
    if (!complete || warn.failed || crit.failed) return std::nullopt;
    if (!check_order(t.warn, warn, at.path + ".warn", t.crit, crit, at.path + ".crit")) {
      return std::nullopt;
    }
    return t;
  }

  void metrics(const YAML::Node& node, const Place& at) {
    const Keys keys{
        {"listen",
         [this](const YAML::Node& v, const Place& listen_at) {
           if (v.IsNull()) return c_.metrics.listen.reset();
           constexpr std::string_view kExpected =
               R"(an address "host:port" such as "127.0.0.1:9101" or "[::1]:9101", or null)";
           auto text = r_.string(v, listen_at, kExpected);
           if (!text) return;
           if (!parse_listen_address(*text)) return r_.fail(listen_at, kExpected, v);
           c_.metrics.listen = std::move(*text);
         }},
    };
    r_.mapping(node, at, keys);
  }

  // --- readers that store into a field ---

  using NumberReader = std::optional<double> (NodeReader::*)(const YAML::Node&, const Place&,
                                                             const NumberRule&);

  Read number_into(double& field, Tracked& tracked, const NumberRule& rule,
                   NumberReader read = &NodeReader::number) {
    return [this, &field, &tracked, &rule, read](const YAML::Node& v, const Place& at) {
      tracked = {at, v, false};
      if (const auto value = (r_.*read)(v, at, rule)) {
        field = *value;
      } else {
        tracked.failed = true;
      }
    };
  }

  Read seconds_into(double& field, Tracked& tracked, const NumberRule& rule) {
    return number_into(field, tracked, rule, &NodeReader::seconds);
  }

  Read bool_into(bool& field) {
    return [this, &field](const YAML::Node& v, const Place& at) {
      if (const auto value = r_.boolean(v, at)) field = *value;
    };
  }

  Read string_into(std::string& field, std::string_view expected) {
    return [this, &field, expected](const YAML::Node& v, const Place& at) {
      if (auto value = r_.string(v, at, expected)) field = std::move(*value);
    };
  }

  Read uint32_into(std::uint32_t& field, std::uint32_t min, std::uint32_t max,
                   std::string_view what) {
    return [this, &field, min, max, what](const YAML::Node& v, const Place& at) {
      const std::string expected = fmt::format("{} between {} and {}", what, min, max);
      if (const auto value = r_.integer(v, at, expected, min, max)) {
        field = static_cast<std::uint32_t>(*value);
      }
    };
  }

  Read patterns_into(std::vector<std::string>& field) {
    return [this, &field](const YAML::Node& v, const Place& at) {
      const std::function<std::optional<std::string>(const YAML::Node&, const Place&)> pattern =
          [this](const YAML::Node& e, const Place& e_at) {
            return r_.string(e, e_at, "an interface name or glob");
          };
      if (auto list = r_.list(v, at, "a list of interface names or globs", pattern)) {
        field = std::move(*list);
      }
    };
  }

  Read enabled_only(CollectorConfig& collector) {
    return [this, &collector](const YAML::Node& v, const Place& at) {
      const Keys keys{{"enabled", bool_into(collector.enabled)}};
      r_.mapping(v, at, keys);
    };
  }

  std::optional<std::uint32_t> id(const YAML::Node& node, const Place& at, std::string_view what) {
    const auto value =
        r_.integer(node, at, fmt::format("{} ({})", what, kIdRange), 0, limits::kMaxId);
    if (!value) return std::nullopt;
    return static_cast<std::uint32_t>(*value);
  }

  // lo <= hi, where either may have been written or left at its default. The error goes
  // to the one that was written, preferring hi: "history: expected at least interval (5)".
  bool check_order(double lo, const Tracked& lo_tracked, const std::string& lo_name, double hi,
                   const Tracked& hi_tracked, const std::string& hi_name) {
    if (lo <= hi || lo_tracked.failed || hi_tracked.failed) return true;
    if (hi_tracked.at) {
      r_.fail(*hi_tracked.at, fmt::format("at least {} ({})", lo_name, lo), hi_tracked.node);
    } else if (lo_tracked.at) {
      r_.fail(*lo_tracked.at, fmt::format("at most {} ({})", hi_name, hi), lo_tracked.node);
    }
    return false;
  }

  NodeReader& r_;
  Config& c_;
  Tracked ignored_;  // for durations that take part in no cross-key check
  const NumberRule interval_rule_ = seconds_between(limits::kMinInterval, limits::kMaxInterval);
  const NumberRule history_rule_ = seconds_between(limits::kMinInterval, limits::kMaxHistory);
  const NumberRule duration_rule_{
      fmt::format("a number of seconds greater than 0 and at most {}", limits::kMaxDuration), 0,
      limits::kMaxDuration, true};
  const NumberRule threshold_rule_{"a number of at least 0", 0, std::numeric_limits<double>::max()};
};

}  // namespace

void read_config(const YAML::Node& root, NodeReader& reader, Config& config) {
  Schema(reader, config).root(root);
}

}  // namespace statline
