#include "aggregator/tmux_render.hpp"

#include <fmt/format.h>

#include "aggregator/tmux_capped_line.hpp"
#include "aggregator/tmux_glyphs.hpp"

namespace statline {
namespace {

using tmux::MetricKind;
using tmux::Placeholder;
using tmux::SpecKind;

constexpr std::string_view kMissing = "--";

std::string automatic(double value, MetricKind kind) {
  switch (kind) {
    case MetricKind::percent:
      return fmt::format("{:.0f}%", value);
    case MetricKind::bytes:
    case MetricKind::byte_rate:
      return scaled_bytes(value);
    case MetricKind::load:
      return fmt::format("{:.2f}", value);
    case MetricKind::rate:
    case MetricKind::count:
      return fmt::format("{:.0f}", value);
  }
  return fmt::format("{}", value);
}

// The text of one number (one core, one interface, or the only one).
std::string item_text(const Placeholder& p, const std::string& path, const TmuxData& data,
                      bool ascii) {
  const tmux::Spec& spec = p.spec;
  if (spec.kind == SpecKind::spark) {
    auto values = data.recent(path, spec.cells);
    double max = spec.max.value_or(0);
    if (!spec.max) {
      for (const auto& v : values) max = std::max(max, v.value_or(0));
    }
    return sparkline(values, spec.cells, max, ascii);
  }
  const std::optional<double> value = data.value(path);
  if (spec.kind == SpecKind::bar) return meter(value, spec.cells, spec.max.value_or(100), ascii);
  if (!value) return std::string(kMissing);
  switch (spec.kind) {
    case SpecKind::automatic:
      return automatic(*value, p.metric.kind);
    case SpecKind::pct:
      return fmt::format("{:.0f}%", *value);
    case SpecKind::bytes:
      return scaled_bytes(*value);
    case SpecKind::rate:
      return (p.metric.kind == MetricKind::byte_rate ? scaled_bytes(*value)
                                                     : scaled_count(*value)) +
             "/s";
    case SpecKind::number:
      try {
        return fmt::format(fmt::runtime("{:" + spec.number_format + "}"), *value);
      } catch (const fmt::format_error&) {
        return std::string(kMissing);  // the parser only lets valid formats through
      }
    case SpecKind::spark:
    case SpecKind::bar:
      break;
  }
  return std::string(kMissing);
}

class LineBuilder {
 public:
  LineBuilder(const TmuxData& data, const TmuxConfig& config, bool ascii)
      : data_(data), config_(config), ascii_(ascii), line_(ascii) {}

  bool full() const { return line_.full(); }

  void literal(const std::string& text) { line_.append(text); }

  void style(const std::string& directive) {
    line_.append(directive);
    if (directive == "#[default]") {
      template_style_.clear();
    } else {
      template_style_ += directive;
    }
  }

  void placeholder(const Placeholder& p) {
    if (!p.metric.each) return item(p, p.metric.path, p.metric.threshold_path, "", "");
    const auto members = data_.members(p.metric.collection);
    if (members.empty()) return literal(std::string(kMissing));
    // One-cell glyphs (a bar chart of cores) stand side by side; anything wider is spaced.
    const bool glyph =
        (p.spec.kind == SpecKind::spark || p.spec.kind == SpecKind::bar) && p.spec.cells == 1;
    const bool named = p.metric.collection == "net.interfaces";
    // Stops at a full line: a thousand interfaces cost nothing past the cut.
    for (std::size_t i = 0; i < members.size() && !full(); ++i) {
      item(p, tmux::member_path(p.metric.path, members[i]),
           tmux::member_path(p.metric.threshold_path, members[i]), i > 0 && !glyph ? " " : "",
           named ? members[i] + ":" : std::string());
    }
  }

  std::string finish() { return std::move(line_).finish(); }

 private:
  // One value, with what goes before it, as one piece of the line: a cut never leaves a
  // separator or label without its value, or a threshold colour without its #[default].
  void item(const Placeholder& p, const std::string& path, const std::string& threshold_path,
            std::string_view separator, const std::string& label) {
    const std::string text = escape_tmux(label + item_text(p, path, data_, ascii_));
    const std::string* style = threshold_style(p.metric.segment, threshold_path);
    if (style == nullptr || style->empty()) {
      line_.append(std::string(separator) + text);
      return;
    }
    line_.append(
        std::string(separator) + "#[" + *style + "]" + text + "#[default]" + template_style_, true);
  }

  // Threshold colouring, written once for every segment.
  const std::string* threshold_style(const std::string& segment, const std::string& path) const {
    if (path.empty()) return nullptr;
    const auto found = config_.thresholds.find(segment);
    if (found == config_.thresholds.end()) return nullptr;
    const std::optional<double> value = data_.value(path);
    if (!value) return nullptr;
    const ThresholdConfig& t = found->second;
    if (t.crit > 0 && *value >= t.crit) return &config_.styles.crit;
    if (t.warn > 0 && *value >= t.warn) return &config_.styles.warn;
    return nullptr;
  }

  const TmuxData& data_;
  const TmuxConfig& config_;
  bool ascii_;
  CappedLine line_;
  std::string template_style_;  // the template's #[...] in force (since its last #[default])
};

}  // namespace

std::string escape_tmux(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    out += c;
    if (c == '#') out += '#';
  }
  return out;
}

std::string render_template(const tmux::Template& format, const TmuxData& data,
                            const TmuxConfig& config, bool ascii) {
  LineBuilder builder(data, config, ascii);
  for (const tmux::Piece& piece : format.pieces) {
    if (builder.full()) break;
    if (const auto* literal = std::get_if<tmux::Literal>(&piece)) {
      builder.literal(literal->text);
    } else if (const auto* style = std::get_if<tmux::Style>(&piece)) {
      builder.style(style->directive);
    } else {
      builder.placeholder(std::get<Placeholder>(piece));
    }
  }
  return builder.finish();
}

}  // namespace statline
