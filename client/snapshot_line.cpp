#include "client/snapshot_line.hpp"

#include <fmt/format.h>

#include "client/human_format.hpp"

namespace statline::client {

std::string format_snapshot_line(const Json& snapshot) {
  const auto time = number_at(snapshot, {"time"});
  return fmt::format(
      "{} cpu {} mem {} rx {} tx {} load {}", time ? format_clock(*time) : "--:--:--",
      or_dash(number_at(snapshot, {"cpu", "total", "usage"}), format_percent),
      or_dash(number_at(snapshot, {"mem", "used_percent"}), format_percent),
      or_dash(number_at(snapshot, {"net", "total", "rx_bytes"}), format_bytes_compact),
      or_dash(number_at(snapshot, {"net", "total", "tx_bytes"}), format_bytes_compact),
      or_dash(number_at(snapshot, {"load", "avg1"}), [](double v) { return format_fixed(v, 2); }));
}

}  // namespace statline::client
