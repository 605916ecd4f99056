#include "aggregator/prometheus_text.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace statline {
namespace {

void append_escaped(std::string& out, std::string_view text, bool quote) {
  for (const char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"' && quote) {
      out += "\\\"";
    } else {
      out += c;
    }
  }
}

bool name_char(char c, bool first) {
  const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  return letter || (!first && c >= '0' && c <= '9');
}

}  // namespace

std::string go_float(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value == 0) return std::signbit(value) ? "-0" : "0";
  // The shortest digits that round-trip, in scientific form; then Go's choice: %e when
  // the exponent is below -4 or at least 6 (the 'g' rule with shortest precision).
  char buffer[64];
  const auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  if (ec != std::errc{}) return fmt::format("{}", value);
  const std::string_view scientific(buffer, static_cast<std::size_t>(end - buffer));
  const auto e = scientific.find('e');
  const int exponent = std::atoi(std::string(scientific.substr(e + 1)).c_str());
  if (exponent < -4 || exponent >= 6) return std::string(scientific);
  const auto [fixed_end, fixed_ec] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  if (fixed_ec != std::errc{}) return std::string(scientific);
  return std::string(buffer, fixed_end);
}

std::string metric_name_safe(std::string_view name) {
  std::string safe;
  safe.reserve(name.size() + 1);
  if (name.empty() || !name_char(name.front(), true)) safe += '_';
  for (const char c : name) safe += name_char(c, false) ? c : '_';
  return safe;
}

void PrometheusText::family(std::string_view name, MetricType type, std::string_view help) {
  text_ += "# HELP ";
  text_ += name;
  text_ += ' ';
  append_escaped(text_, help, false);
  text_ += "\n# TYPE ";
  text_ += name;
  text_ += type == MetricType::counter ? " counter\n" : " gauge\n";
}

void PrometheusText::sample(std::string_view name, std::initializer_list<Label> labels,
                            double value) {
  text_ += name;
  if (labels.size() > 0) {
    text_ += '{';
    bool first = true;
    for (const auto& [label, label_value] : labels) {
      if (!first) text_ += ',';
      first = false;
      text_ += label;
      text_ += "=\"";
      append_escaped(text_, label_value, true);
      text_ += '"';
    }
    text_ += '}';
  }
  text_ += ' ';
  text_ += go_float(value);
  text_ += '\n';
}

}  // namespace statline
