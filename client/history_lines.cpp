#include "client/history_lines.hpp"

#include "client/human_format.hpp"

namespace statline::client {

std::string format_history(const Json& history) {
  const Json* points = find_path(history, {"points"});
  if (points == nullptr || !points->is_array()) return "";
  std::string out;
  for (const Json& point : *points) {
    if (!point.is_array() || point.size() < 2 || !point[0].is_number()) continue;
    const Json& value = point[1];
    out += format_clock(point[0].get<double>()) + " " +
           (value.is_number() ? format_number(value.get<double>()) : std::string("-")) + "\n";
  }
  return out;
}

}  // namespace statline::client
