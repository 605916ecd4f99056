#include "tmux/format_spec.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace statline::tmux {
namespace {

Spec of_kind(SpecKind kind) {
  Spec spec;
  spec.kind = kind;
  return spec;
}

using Parsed = std::variant<Spec, SpecError>;

constexpr std::string_view kExpected =
    "a number format such as .1f, pct, bytes, rate, spark:N or bar:N";

std::optional<unsigned> small_number(std::string_view text, unsigned max) {
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value > max) {
    return std::nullopt;
  }
  return value;
}

// A positive number with an optional 1024-based suffix: 4, 0.5, 100M.
std::optional<double> scale_max(std::string_view text) {
  double factor = 1;
  if (!text.empty()) {
    const std::string_view suffixes = "KMGT";
    if (const auto at = suffixes.find(text.back()); at != std::string_view::npos) {
      factor = std::pow(1024.0, static_cast<double>(at + 1));
      text.remove_suffix(1);
    }
  }
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value) || value <= 0) {
    return std::nullopt;
  }
  return value * factor;
}

// [[fill]align][sign][0][width][.precision][type], the subset of fmt's grammar that
// makes sense for one number in a status line.
std::optional<SpecError> check_number_format(std::string_view text) {
  std::size_t i = 0;
  const auto is_align = [](char c) { return c == '<' || c == '>' || c == '^'; };
  if (text.size() >= 2 && is_align(text[1]) && text[0] != '{' && text[0] != '}') {
    i = 2;
  } else if (!text.empty() && is_align(text[0])) {
    i = 1;
  }
  if (i < text.size() && (text[i] == '+' || text[i] == '-' || text[i] == ' ')) ++i;
  if (i < text.size() && text[i] == '0') ++i;
  const std::size_t width_at = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i - width_at > 2) return SpecError{width_at, "width must be at most 99"};
  if (i < text.size() && text[i] == '.') {
    const std::size_t digits_at = ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == digits_at) return SpecError{i, "expected digits after '.' in a number format"};
    if (i - digits_at > 1) return SpecError{digits_at, "precision must be at most 9"};
  }
  if (i < text.size() && std::string_view("fFeEgGd").find(text[i]) != std::string_view::npos) {
    ++i;
  }
  if (i != text.size()) {
    return SpecError{i, fmt::format("unexpected \"{}\" in number format \"{}\" (expected {})",
                                    text.substr(i), text, kExpected)};
  }
  return std::nullopt;
}

// spark:N[:MAX] and bar:N[:MAX]; `word_end` is where ":N" starts.
Parsed cells_spec(std::string_view text, std::size_t word_end, SpecKind kind,
                  const Metric& metric) {
  const std::string_view word = text.substr(0, word_end);
  Spec spec = of_kind(kind);
  if (word_end >= text.size()) {
    return SpecError{text.size(), fmt::format("{} needs a width: {}:N with N from 1 to {}", word,
                                              word, kMaxCells)};
  }
  std::string_view args = text.substr(word_end + 1);
  const std::size_t colon = args.find(':');
  const std::string_view cells = args.substr(0, colon);
  const auto n = small_number(cells, kMaxCells);
  if (!n || *n == 0) {
    return SpecError{word_end + 1, fmt::format("{} width must be a number from 1 to {}, found "
                                               "\"{}\"",
                                               word, kMaxCells, cells)};
  }
  spec.cells = *n;
  if (colon != std::string_view::npos) {
    const std::size_t max_at = word_end + 1 + colon + 1;
    spec.max = scale_max(args.substr(colon + 1));
    if (!spec.max) {
      return SpecError{max_at, fmt::format("{} maximum must be a positive number (K M G T "
                                           "allowed), found \"{}\"",
                                           word, args.substr(colon + 1))};
    }
  } else if (metric.kind == MetricKind::percent) {
    spec.max = 100.0;
  } else if (kind == SpecKind::bar) {
    return SpecError{text.size(),
                     fmt::format("a bar of {} ({}) needs a maximum: bar:{}:MAX, e.g. bar:{}:4",
                                 metric.path, kind_name(metric.kind), spec.cells, spec.cells)};
  }
  return spec;
}

}  // namespace

std::variant<Spec, SpecError> parse_spec(std::string_view text, const Metric& metric) {
  if (text.empty()) return Spec{};
  const std::size_t word_end = std::min(text.find(':'), text.size());
  const std::string_view word = text.substr(0, word_end);
  const auto plain = [&](SpecKind kind, bool allowed, std::string_view needs) -> Parsed {
    if (word_end != text.size()) {
      return SpecError{word_end, fmt::format("{} takes no arguments", word)};
    }
    if (!allowed) {
      return SpecError{0, fmt::format("{} needs {}, and {} is {}", word, needs, metric.path,
                                      kind_name(metric.kind))};
    }
    return of_kind(kind);
  };
  const MetricKind k = metric.kind;
  if (word == "pct") return plain(SpecKind::pct, k == MetricKind::percent, "a percentage");
  if (word == "bytes") {
    return plain(SpecKind::bytes, k == MetricKind::bytes || k == MetricKind::byte_rate,
                 "a size or byte rate");
  }
  if (word == "rate") {
    return plain(SpecKind::rate, k == MetricKind::byte_rate || k == MetricKind::rate,
                 "a rate per second");
  }
  if (word == "spark") return cells_spec(text, word_end, SpecKind::spark, metric);
  if (word == "bar") return cells_spec(text, word_end, SpecKind::bar, metric);
  const bool looks_numeric =
      text.find_first_of("0123456789.<>^+-") != std::string_view::npos || text.size() == 1;
  if (!looks_numeric) {
    return SpecError{0, fmt::format("unknown format \"{}\" (expected {})", text, kExpected)};
  }
  if (auto error = check_number_format(text)) return *error;
  Spec spec = of_kind(SpecKind::number);
  const bool integer = text.back() == 'd';
  spec.number_format =
      integer ? std::string(text.substr(0, text.size() - 1)) + ".0f" : std::string(text);
  // With `d` the value is rounded and shown without decimals; a precision makes no sense.
  if (integer && text.find('.') != std::string_view::npos) {
    return SpecError{text.find('.'), "a precision cannot be combined with d"};
  }
  return spec;
}

}  // namespace statline::tmux
