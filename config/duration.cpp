#include "config/duration.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace statline {

std::optional<double> parse_seconds(std::string_view text) {
  // from_chars rejects a leading '+' and whitespace, and never looks at the locale.
  double value = 0;
  const char* const end = text.data() + text.size();
  const auto [rest, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc{} || rest == text.data() || !std::isfinite(value)) return std::nullopt;

  // value * multiplier / divisor: dividing for milliseconds makes "50ms" exactly the
  // double nearest 0.05 (50 * 0.001 is not), and the bounds are written as 0.05.
  struct Unit {
    std::string_view name;
    double multiplier, divisor;
  };
  static constexpr std::array<Unit, 6> kUnits{{
      {"", 1, 1},
      {"ms", 1, 1000},
      {"s", 1, 1},
      {"m", 60, 1},
      {"h", 3600, 1},
      {"d", 86400, 1},
  }};
  const std::string_view unit(rest, static_cast<std::size_t>(end - rest));
  for (const Unit& u : kUnits) {
    if (unit != u.name) continue;
    const double seconds = value * u.multiplier / u.divisor;
    if (!std::isfinite(seconds)) return std::nullopt;
    return seconds;
  }
  return std::nullopt;
}

}  // namespace statline
