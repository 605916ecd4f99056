// The part of a placeholder after the colon: how one number is shown.
//
//   .1f  >5.0f  d        a number format (fmt syntax: [[fill]align][sign][0][width][.precision][type])
//   pct                  a percentage as "52%" (percentage metrics only)
//   bytes                a size auto-scaled 1024-based like dstat: 300B 1.2K 15M 2.0G
//   rate                 the same per second, "1.2K/s" (rates only)
//   spark:N[:MAX]        the last N samples from history as ▁▂▃▄▅▆▇█
//   bar:N[:MAX]          a meter N cells wide
//
// Percentages scale 0..100; other metrics need MAX for a bar (`bar:8:4` for a load of 4)
// and scale a sparkline to the largest value shown unless MAX is given. MAX takes the
// suffixes K M G T (1024-based): `spark:10:100M`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "tmux/metric_table.hpp"

namespace statline::tmux {

enum class SpecKind { automatic, number, pct, bytes, rate, spark, bar };

struct Spec {
  SpecKind kind = SpecKind::automatic;
  // SpecKind::number: the fmt spec for a double, e.g. ".1f"; `d` (an integer type fmt
  // refuses for doubles) is stored as ".0f", which rounds the same way.
  std::string number_format;
  unsigned cells = 0;         // spark and bar: N
  std::optional<double> max;  // spark and bar: the value drawn as a full cell
  friend bool operator==(const Spec&, const Spec&) = default;
};

inline constexpr unsigned kMaxCells = 64;

struct SpecError {
  std::size_t offset = 0;  // inside the spec text
  std::string message;
};

// Parses `text` (without the colon) for a placeholder of `metric`; empty text is the
// automatic format of the metric's kind.
std::variant<Spec, SpecError> parse_spec(std::string_view text, const Metric& metric);

}  // namespace statline::tmux
