#include "client/history_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "client/human_format.hpp"

namespace statline::client {
namespace {

constexpr std::array<std::string_view, 8> kEighths{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

bool is_percent(const std::string& metric) {
  if (metric == "mem.used_percent") return true;
  if (!metric.starts_with("cpu.")) return false;
  const std::string_view field = std::string_view(metric).substr(metric.rfind('.') + 1);
  for (const char* name : {"usage", "user", "nice", "system", "idle", "iowait", "irq", "softirq",
                           "steal"}) {
    if (field == name) return true;
  }
  return false;
}

bool is_bytes(const std::string& metric) {
  return metric.starts_with("mem.") && metric != "mem.used_percent";
}

bool is_byte_rate(const std::string& metric) {
  return metric.starts_with("net.") && metric.ends_with("_bytes");
}

// The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten (of 1024 for
// bytes, so the axis reads 4G rather than 3.7G) that is at least `value` > 0.
double round_up(double value, bool bytes) {
  double unit = 1;
  if (bytes) {
    while (value / unit >= 1024) unit *= 1024;
  }
  const double scaled = value / unit;
  const double power = std::pow(10.0, std::floor(std::log10(scaled)));
  for (const double step : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0}) {
    // A hair of tolerance: 40.000000001 from floating-point noise is still 40.
    if (step * power >= scaled * (1 - 1e-12)) return step * power * unit;
  }
  return 10 * power * unit;
}

struct Range {
  double low = 0, high = 1;
};

Range value_range(const std::string& metric, double min, double max) {
  const bool bytes = is_bytes(metric) || is_byte_rate(metric);
  Range range;
  range.low = min < 0 ? -round_up(-min, bytes) : 0;
  range.high = max > 0 ? round_up(max, bytes) : 0;
  if (range.high <= range.low) range.high = range.low + 1;
  return range;
}

// Points [first, last) that column `column` of `columns` shows.
std::pair<std::size_t, std::size_t> column_points(std::size_t column, std::size_t columns,
                                                  std::size_t points) {
  const std::size_t first = column * points / columns;
  const std::size_t last = std::max((column + 1) * points / columns, first + 1);
  return {first, std::min(last, points)};
}

std::optional<double> column_mean(const std::vector<ChartPoint>& points,
                                  std::pair<std::size_t, std::size_t> range) {
  double total = 0;
  int count = 0;
  for (std::size_t i = range.first; i < range.second; ++i) {
    if (points[i].value) total += *points[i].value, ++count;
  }
  if (count == 0) return std::nullopt;
  return total / count;
}

// Filled eighths of the plot's height, 0 .. height * 8; a value above the bottom shows at
// least one eighth, so a short spike is never invisible.
int filled_eighths(double value, Range range, int height) {
  if (value <= range.low) return 0;
  const double share = (value - range.low) / (range.high - range.low);
  const auto eighths = static_cast<int>(std::lround(share * height * 8));
  return std::clamp(eighths, 1, height * 8);
}

std::string pad_left(const std::string& text, std::size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

std::string summary_line(const std::string& metric, const std::vector<ChartPoint>& points) {
  double min = 0, max = 0, total = 0, last = 0;
  int count = 0;
  for (const auto& point : points) {
    if (!point.value) continue;
    const double v = *point.value;
    min = count == 0 ? v : std::min(min, v);
    max = count == 0 ? v : std::max(max, v);
    total += v, last = v, ++count;
  }
  const auto show = [&metric](double v) { return format_metric_value(metric, v); };
  return fmt::format("{}  last {}  min {}  avg {}  max {}   {} points, {} to {}\n", metric,
                     show(last), show(min), show(total / count), show(max), points.size(),
                     format_clock(points.front().time), format_clock(points.back().time));
}

// The time axis labels: first column, middle, last, as far as they fit without touching.
std::string time_labels(const std::vector<ChartPoint>& points, std::size_t offset,
                        std::size_t columns) {
  std::string line(offset + columns, ' ');
  const auto place = [&line](std::size_t at, const std::string& text) {
    line.replace(at, text.size(), text);
  };
  const std::size_t label = 8;  // HH:MM:SS
  const auto time_at = [&](std::size_t column) {
    return format_clock(points[column_points(column, columns, points.size()).first].time);
  };
  place(offset, time_at(0));
  // The last label is the newest point, whatever the last column's first point is.
  if (columns >= 2 * label + 2) place(offset + columns - label, format_clock(points.back().time));
  if (columns >= 3 * label + 4) place(offset + columns / 2 - label / 2, time_at(columns / 2));
  line.erase(line.find_last_not_of(' ') + 1);
  return line + "\n";
}

}  // namespace

std::vector<ChartPoint> history_points(const Json& history) {
  std::vector<ChartPoint> points;
  const Json* list = find_path(history, {"points"});
  if (list == nullptr || !list->is_array()) return points;
  for (const Json& point : *list) {
    if (!point.is_array() || point.size() < 2 || !point[0].is_number()) continue;
    ChartPoint chart_point{point[0].get<double>(), std::nullopt};
    if (point[1].is_number()) chart_point.value = point[1].get<double>();
    points.push_back(chart_point);
  }
  return points;
}

std::string format_metric_value(const std::string& metric, double value) {
  if (is_percent(metric)) return format_number(std::round(value * 10) / 10) + "%";
  if (is_bytes(metric)) return format_bytes_compact(value);
  if (is_byte_rate(metric)) return format_bytes_compact(value) + "/s";
  return format_number(value);
}

std::string format_history_chart(const std::string& metric, const std::vector<ChartPoint>& points,
                                 ChartSize size) {
  const auto with_value = std::count_if(points.begin(), points.end(),
                                        [](const ChartPoint& p) { return p.value.has_value(); });
  if (with_value == 0) return metric + ": no data in this period\n";

  double min = 0, max = 0;
  bool first = true;
  for (const auto& point : points) {
    if (!point.value) continue;
    min = first ? *point.value : std::min(min, *point.value);
    max = first ? *point.value : std::max(max, *point.value);
    first = false;
  }
  const Range range = value_range(metric, min, max);
  const int height = std::max(size.height, 2);
  // Labels on the top row, the middle row (when the height is even, so its top edge is
  // exactly half way) and the axis.
  const int middle_row = height % 2 == 0 && height >= 4 ? height / 2 : -1;
  const std::string top = format_metric_value(metric, range.high);
  const std::string middle = format_metric_value(metric, (range.low + range.high) / 2);
  const std::string bottom = format_metric_value(metric, range.low);
  const std::size_t label_width =
      std::max({top.size(), middle_row >= 0 ? middle.size() : 0, bottom.size()}) + 1;
  const auto columns = static_cast<std::size_t>(
      std::max(size.width - static_cast<int>(label_width) - 1, 10));

  std::vector<int> fill(columns, -1);  // -1: no value in this column
  for (std::size_t column = 0; column < columns; ++column) {
    if (const auto mean = column_mean(points, column_points(column, columns, points.size()))) {
      fill[column] = filled_eighths(*mean, range, height);
    }
  }

  std::string chart = summary_line(metric, points);
  for (int row = 0; row < height; ++row) {
    const std::string* label = row == 0 ? &top : row == middle_row ? &middle : nullptr;
    chart += pad_left(label ? *label : "", label_width - 1) + " " + (label ? "┤" : "│");
    const int base = (height - 1 - row) * 8;
    for (const int eighths : fill) {
      const int here = std::clamp(eighths - base, 0, 8);
      chart += here == 0 ? " " : std::string(kEighths[static_cast<std::size_t>(here - 1)]);
    }
    // No trailing blanks: the chart is often pasted into issues and chats.
    chart.erase(chart.find_last_not_of(' ') + 1);
    chart += "\n";
  }
  chart += pad_left(bottom, label_width - 1) + " └";
  for (std::size_t column = 0; column < columns; ++column) {
    const bool tick = column == 0 || column == columns - 1 || column == columns / 2;
    chart += tick ? "┬" : "─";
  }
  chart += "\n";
  return chart + time_labels(points, label_width + 1, columns);
}

}  // namespace statline::client
