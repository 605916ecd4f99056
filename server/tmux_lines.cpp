#include "server/tmux_lines.hpp"

#include <fmt/format.h>

#include "aggregator/request_parser.hpp"  // quote_untrusted
#include "aggregator/snapshot_path.hpp"
#include "aggregator/tmux_snapshot_data.hpp"
#include "tmux/builtin_formats.hpp"

namespace statline {

void TmuxLines::configure(const TmuxConfig& config) {
  formats_.clear();
  for (const auto& builtin : tmux::kBuiltinFormats) {
    formats_[std::string(builtin.name)] = {tmux::parse_template(builtin.text),
                                           tmux::parse_template(builtin.ascii_text)};
  }
  // A configured format is what the user wrote: the same text in both alphabets.
  for (const auto& [name, text] : config.formats) {
    auto parsed = tmux::parse_template(text);
    formats_[name] = {parsed, parsed};
  }
}

Result<std::string> TmuxLines::render(const std::optional<std::string>& format, bool ascii,
                                      const nlohmann::ordered_json& snapshot,
                                      const SnapshotBuilder& builder,
                                      const Config& config) const {
  const std::string& name = format ? *format : config.tmux.format;
  const auto found = formats_.find(name);
  if (found == formats_.end()) {
    std::string known;
    for (const auto& [known_name, compiled] : formats_) {
      known += fmt::format("{}{}", known.empty() ? "" : ", ", known_name);
    }
    return ParseError{
        fmt::format("unknown tmux format {} (known: {})", quote_untrusted(name), known)};
  }
  const bool use_ascii = ascii || config.tmux.ascii;
  const auto& compiled = use_ascii ? found->second.ascii : found->second.unicode;
  if (const auto* error = std::get_if<tmux::TemplateError>(&compiled)) {
    return ParseError{fmt::format("tmux format {}: {}", quote_untrusted(name), error->message)};
  }
  // Each source's recent snapshots are decoded once per line, however many sparklines
  // (one per core, say) draw from them.
  std::map<std::pair<std::string, unsigned>, std::vector<nlohmann::ordered_json>> recent;
  const SnapshotTmuxData data(snapshot, [&](const std::string& path, unsigned count) {
    const std::string source = path.substr(0, path.find('.'));
    auto [it, inserted] = recent.try_emplace({source, count});
    if (inserted) it->second = builder.recent(path, count, config);
    std::vector<std::optional<double>> values;
    for (const auto& past : it->second) {
      const auto number = lookup_number(past, path);
      values.push_back(number ? number.value() : std::nullopt);
    }
    return values;
  });
  return render_template(std::get<tmux::Template>(compiled), data, config.tmux, use_ascii);
}

std::string TmuxLines::topic(const std::optional<std::string>& format, bool ascii) {
  return fmt::format("tmux {} {}", ascii ? 'a' : 'u', format ? "=" + *format : std::string());
}

std::pair<std::optional<std::string>, bool> TmuxLines::parse_topic(const std::string& topic) {
  // "tmux a =name" or "tmux u " (see topic())
  const bool ascii = topic.size() > 5 && topic[5] == 'a';
  const std::size_t equals = topic.find('=');
  if (equals == std::string::npos) return {std::nullopt, ascii};
  return {topic.substr(equals + 1), ascii};
}

}  // namespace statline
