#include "client/human_format.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <ctime>

namespace statline::client {
namespace {

constexpr std::array<const char*, 5> kUnits{"B", "KiB", "MiB", "GiB", "TiB"};
constexpr std::array<const char*, 5> kCompactUnits{"B", "K", "M", "G", "T"};

// Rounds the way the output will (bytes to integers, larger units to tenths).
double displayed(double value, std::size_t unit) {
  return unit == 0 ? std::round(value) : std::round(value * 10) / 10;
}

struct Scaled {
  double value;
  std::size_t unit;
};

// Picks the unit from what will be printed, not from the raw value, so 1023.96 KiB
// becomes "1.0 MiB" instead of "1024.0 KiB".
Scaled scale(double bytes) {
  Scaled scaled{bytes, 0};
  while (scaled.unit + 1 < kUnits.size() &&
         std::abs(displayed(scaled.value, scaled.unit)) >= 1024) {
    scaled.value /= 1024;
    ++scaled.unit;
  }
  return scaled;
}

std::string format_scaled(double bytes, const std::array<const char*, 5>& units,
                          const char* separator) {
  if (!std::isfinite(bytes)) return "-";
  const Scaled scaled = scale(bytes);
  return fmt::format("{}{}{}", format_fixed(scaled.value, scaled.unit == 0 ? 0 : 1), separator,
                     units[scaled.unit]);
}

}  // namespace

std::string format_fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "-";
  std::string text = fmt::format("{:.{}f}", value, decimals);
  // "-0.0" says "slightly negative", which no statline value is; print it as zero.
  if (text.starts_with('-') && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
  return text;
}

std::string format_bytes(double bytes) {
  return format_scaled(bytes, kUnits, " ");
}

std::string format_rate(double bytes_per_second) {
  if (!std::isfinite(bytes_per_second)) return "-";
  return format_bytes(bytes_per_second) + "/s";
}

std::string format_bytes_compact(double bytes) {
  return format_scaled(bytes, kCompactUnits, "");
}

std::string format_percent(double percent) {
  if (!std::isfinite(percent)) return "-";
  return format_fixed(percent, 1) + "%";
}

std::string format_number(double value) {
  // Rates and percentages carry floating-point noise (100.00000000000001) that says
  // nothing to a reader; three decimals keep every digit that matters.
  std::string text = format_fixed(value, 3);
  if (text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.ends_with('.')) text.pop_back();
  }
  return text == "-0" ? "0" : text;
}

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "-";
  const auto total = static_cast<long long>(seconds);
  const long long days = total / 86400, hours = total / 3600 % 24, minutes = total / 60 % 60,
                  secs = total % 60;
  // Two units are enough to read at a glance; the second is zero-padded so columns align.
  if (days > 0) return fmt::format("{}d {:02}h", days, hours);
  if (hours > 0) return fmt::format("{}h {:02}m", hours, minutes);
  if (minutes > 0) return fmt::format("{}m {:02}s", minutes, secs);
  return fmt::format("{}s", secs);
}

std::string format_age(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "-";
  if (displayed(seconds, 1) < 10) return format_fixed(seconds, 1) + "s";
  return format_duration(seconds);
}

std::string format_clock(double unix_seconds) {
  if (!std::isfinite(unix_seconds)) return "--:--:--";
  const auto time = static_cast<std::time_t>(std::floor(unix_seconds));
  std::tm local{};
  if (::localtime_r(&time, &local) == nullptr) return "--:--:--";
  return fmt::format("{:02}:{:02}:{:02}", local.tm_hour, local.tm_min, local.tm_sec);
}

}  // namespace statline::client
