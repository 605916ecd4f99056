#include <fmt/format.h>

#include <optional>

#include "tmux/template.hpp"

namespace statline::tmux {
namespace {

using Parsed = std::variant<Template, TemplateError>;

// Characters that cannot be part of a placeholder's path or spec: they would end it or
// mean the user forgot a closing brace.
bool ends_placeholder(char c) {
  return c == '{' || c == '}' || c == '\n' || c == '\r';
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Parsed run() {
    if (text_.size() > kMaxTemplateBytes) {
      return TemplateError{kMaxTemplateBytes,
                           fmt::format("template longer than {} bytes", kMaxTemplateBytes)};
    }
    // Anywhere, #[...] and #{...} included: the rendered line must stay one line, or
    // tmux shows only its first part and a --follow stream loses its framing (found by
    // tests/fuzz/template_fuzz.cpp).
    if (const std::size_t line_break = text_.find_first_of("\r\n");
        line_break != std::string_view::npos) {
      return TemplateError{line_break, "a template is one line: tmux shows only the first"};
    }
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '{' && peek(1) == '{') {
        literal_ += '{';
        at_ += 2;
      } else if (c == '}' && peek(1) == '}') {
        literal_ += '}';
        at_ += 2;
      } else if (c == '}') {
        return TemplateError{at_, "unmatched '}' (write '}}' for a literal brace)"};
      } else if (c == '{') {
        if (auto error = placeholder()) return *error;
      } else if (c == '#' && peek(1) == '[') {
        if (auto error = style()) return *error;
      } else if (c == '#' && peek(1) == '{') {
        if (auto error = tmux_format()) return *error;
      } else if (c == '#' && at_ + 1 == text_.size()) {
        // A lone # at the end means a #: written ##, so that what the renderer puts after
        // it (#[pop-default], the marker of a cut line) cannot turn it into a sequence.
        literal_ += "##";
        ++at_;
      } else if (c == '#' && peek(1) != '\0') {
        literal_ += text_.substr(at_, 2);  // ##, #H, #(…: tmux's, copied as they are
        at_ += 2;
      } else {
        literal_ += c;
        ++at_;
      }
    }
    flush_literal();
    return std::move(template_);
  }

 private:
  char peek(std::size_t ahead) const {
    return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0';
  }

  void flush_literal() {
    if (!literal_.empty()) template_.pieces.emplace_back(Literal{std::move(literal_)});
    literal_.clear();
  }

  std::optional<TemplateError> placeholder() {
    const std::size_t open = at_;
    std::size_t close = open + 1;
    while (close < text_.size() && !ends_placeholder(text_[close])) ++close;
    if (close >= text_.size() || text_[close] != '}') {
      return TemplateError{open, "unclosed '{' (write '{{' for a literal brace)"};
    }
    const std::string_view inside = text_.substr(open + 1, close - open - 1);
    const std::size_t colon = inside.find(':');
    const std::string_view path = inside.substr(0, colon);
    if (path.empty()) return TemplateError{open + 1, "empty placeholder: expected a metric"};
    auto metric = resolve_metric(path);
    if (auto* error = std::get_if<MetricError>(&metric)) {
      return TemplateError{open + 1 + error->offset, std::move(error->message)};
    }
    const std::string_view spec_text =
        colon == std::string_view::npos ? std::string_view() : inside.substr(colon + 1);
    if (colon != std::string_view::npos && spec_text.empty()) {
      return TemplateError{open + 1 + colon + 1, "empty format after ':'"};
    }
    auto spec = parse_spec(spec_text, std::get<Metric>(metric));
    if (auto* error = std::get_if<SpecError>(&spec)) {
      return TemplateError{open + 1 + colon + 1 + error->offset, std::move(error->message)};
    }
    flush_literal();
    template_.pieces.emplace_back(
        Placeholder{std::move(std::get<Metric>(metric)), std::move(std::get<Spec>(spec))});
    at_ = close + 1;
    return std::nullopt;
  }

  // #[fg=red,bold]: tmux parses it; we only need to know where it ends.
  std::optional<TemplateError> style() {
    const std::size_t close = text_.find(']', at_);
    if (close == std::string_view::npos) {
      return TemplateError{at_, "unclosed '#[' style (expected ']')"};
    }
    flush_literal();
    template_.pieces.emplace_back(Style{std::string(text_.substr(at_, close + 1 - at_))});
    at_ = close + 1;
    return std::nullopt;
  }

  // #{...} with nested braces, for tmux to expand (e.g. #{host}, #{?client_prefix,…}).
  std::optional<TemplateError> tmux_format() {
    int depth = 0;
    for (std::size_t i = at_ + 1; i < text_.size(); ++i) {
      if (text_[i] == '{') ++depth;
      if (text_[i] == '}' && --depth == 0) {
        literal_ += text_.substr(at_, i + 1 - at_);
        at_ = i + 1;
        return std::nullopt;
      }
    }
    return TemplateError{at_, "unclosed '#{' tmux format (expected '}')"};
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::string literal_;
  Template template_;
};

}  // namespace

std::variant<Template, TemplateError> parse_template(std::string_view text) {
  return Parser(text).run();
}

}  // namespace statline::tmux
