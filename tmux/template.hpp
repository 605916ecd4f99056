// A tmux status template: text with `{metric.path}` / `{metric.path:spec}` placeholders.
//
//   #[fg=cyan]CPU#[default] {cpu:pct} {cpu:spark:8}  ↓{rx:bytes} ↑{tx:bytes}
//
// - `{{` and `}}` are literal braces.
// - `#[...]` style directives, `##` and any other `#` sequence are tmux's and pass through
//   unchanged; `#{...}` (a tmux format, braces nested) is passed through too, so it is
//   not mistaken for a placeholder.
// - Placeholders name a metric (metric_table.hpp) and optionally a spec (format_spec.hpp).
//
// parse_template is a pure function (no I/O, no globals): the config loader calls it on
// every format, and it is the fuzz target for the template language.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tmux/format_spec.hpp"
#include "tmux/metric_table.hpp"

namespace statline::tmux {

// Text copied to the output as is (braces already unescaped).
struct Literal {
  std::string text;
  friend bool operator==(const Literal&, const Literal&) = default;
};

// A `#[...]` directive written in the template (kept apart from literals so the renderer
// can restore the template's own style after a threshold colour).
struct Style {
  std::string directive;  // the whole `#[...]`
  friend bool operator==(const Style&, const Style&) = default;
};

struct Placeholder {
  Metric metric;
  Spec spec;
  friend bool operator==(const Placeholder&, const Placeholder&) = default;
};

using Piece = std::variant<Literal, Style, Placeholder>;

struct Template {
  std::vector<Piece> pieces;
  friend bool operator==(const Template&, const Template&) = default;
};

struct TemplateError {
  std::size_t offset = 0;  // byte offset in the template text
  std::string message;
  friend bool operator==(const TemplateError&, const TemplateError&) = default;
};

// Longest template accepted: a status line is far shorter; this bounds the work done
// on hostile input.
inline constexpr std::size_t kMaxTemplateBytes = 4096;

std::variant<Template, TemplateError> parse_template(std::string_view text);

}  // namespace statline::tmux
