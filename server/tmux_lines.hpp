// The tmux lines of the running config: every built-in and configured format compiled
// once per config, rendered on request (`tmux`) and per sample (`tmux --follow`).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "collectors/parse_result.hpp"
#include "config/config.hpp"
#include "server/snapshot_builder.hpp"
#include "tmux/template.hpp"

namespace statline {

class TmuxLines {
 public:
  // Compiles the formats of `config`. They were checked when the config loaded; one that
  // still fails (it cannot, short of a bug) answers its requests with the error.
  void configure(const TmuxConfig& config);

  // The line (without newline) for `format` (nullopt: the configured default), or an
  // error such as `unknown tmux format "x" (known: cpu, default, …)`.
  Result<std::string> render(const std::optional<std::string>& format, bool ascii,
                             const nlohmann::ordered_json& snapshot,
                             const SnapshotBuilder& builder, const Config& config) const;

  // Follow-mode subscribers are told apart by a topic string: format name and alphabet.
  static std::string topic(const std::optional<std::string>& format, bool ascii);
  static std::pair<std::optional<std::string>, bool> parse_topic(const std::string& topic);

 private:
  struct Compiled {
    std::variant<tmux::Template, tmux::TemplateError> unicode, ascii;
  };
  std::map<std::string, Compiled, std::less<>> formats_;
};

}  // namespace statline
