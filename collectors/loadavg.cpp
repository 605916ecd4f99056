#include "collectors/loadavg.hpp"

#include <array>

#include "collectors/text_scan.hpp"

namespace statline {
namespace {

using text_scan::Location;

constexpr std::string_view kSource = "loadavg";

struct AverageField {
  std::string_view key;
  double LoadavgSample::*field;
};
constexpr std::array<AverageField, 3> kAverages = {{
    {"avg1", &LoadavgSample::avg1},
    {"avg5", &LoadavgSample::avg5},
    {"avg15", &LoadavgSample::avg15},
}};

// The load averages are printed with two decimals ("0.52"), never with an exponent.
Result<double> parse_average(text_scan::FieldCursor& fields, std::string_view key, Location where) {
  const std::string_view token = fields.next();
  if (const auto value = text_scan::parse_non_negative_decimal(token)) return *value;
  return text_scan::token_error(where, key, "decimal number", token);
}

}  // namespace

Result<LoadavgSample> parse_loadavg(std::string_view text) {
  // /proc/loadavg is one line; anything after it is ignored.
  text_scan::LineCursor lines(text);
  std::string_view line;
  lines.next(line);
  const Location where{kSource, 1};
  text_scan::FieldCursor fields(line);

  LoadavgSample sample;
  for (const AverageField& average : kAverages) {
    auto value = parse_average(fields, average.key, where);
    if (!value) return ParseError{value.error()};
    sample.*(average.field) = *value;
  }

  // "2/1234": runnable and total scheduling entities, one field split at '/'.
  constexpr std::string_view kRunningTotal = "running/total";
  const std::string_view ratio = fields.next();
  const std::size_t slash = ratio.find('/');
  const auto running = text_scan::parse_integer<std::uint64_t>(ratio.substr(0, slash));
  const auto total = slash == std::string_view::npos
                         ? std::nullopt
                         : text_scan::parse_integer<std::uint64_t>(ratio.substr(slash + 1));
  if (!running || !total) {
    return text_scan::token_error(where, kRunningTotal, "integer/integer", ratio);
  }
  sample.running = *running;
  sample.total = *total;

  const std::string_view pid = fields.next();
  const auto last_pid = text_scan::parse_integer<std::uint64_t>(pid);
  if (!last_pid) return text_scan::token_error(where, "last_pid", "integer", pid);
  sample.last_pid = *last_pid;
  return sample;
}

void PrintTo(const LoadavgSample& sample, std::ostream* os) {
  *os << "{avg1=" << sample.avg1 << ", avg5=" << sample.avg5 << ", avg15=" << sample.avg15
      << ", running=" << sample.running << ", total=" << sample.total
      << ", last_pid=" << sample.last_pid << "}";
}

}  // namespace statline
