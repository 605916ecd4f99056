// The chart of `statline history`: a metric's recorded values as a Unicode block chart
// with a y axis (labels in the metric's unit) and a time axis (local clock time).
//
//   cpu.total.usage  last 12%  min 3%  avg 8.2%  max 37.5%   60 points, 12:00:00 to 12:01:00
//    40% ┤                         ▃█▅
//        │                        ▂███▇▁
//    20% ┤               ▁▂▃▄▅▆▇▇██████▇▅▃▂
//        │▁▂▂▃▃▄▄▅▅▆▆▇▇████████████████████▇▆▅▄▃▂▁
//      0 └┬──────────────────┬──────────────────┬
//         12:00:00           12:00:30    12:01:00
//
// The area is filled from the bottom in eighths of a character. The y axis starts at 0
// (or below, for a negative value) and ends at a round number above the largest value.
// With more points than columns, each column shows the mean of its points; with fewer,
// points are widened to fill the width. A point without a value leaves its column empty.
// Pure: the same input always draws the same text (times in the TZ setting).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "client/json_lookup.hpp"

namespace statline::client {

struct ChartPoint {
  double time = 0;  // unix seconds
  std::optional<double> value;
  friend bool operator==(const ChartPoint&, const ChartPoint&) = default;
};

// The points of a `history` reply ({"metric":…,"points":[[t,v],…]}); malformed points
// are skipped, as in the plain listing.
std::vector<ChartPoint> history_points(const Json& history);

struct ChartSize {
  int width = 80;   // characters per line, labels included
  int height = 10;  // rows of the plot area, axes excluded
};

// The whole chart, every line ending in '\n'; for no point with a value, one line saying
// that there is no data.
std::string format_history_chart(const std::string& metric, const std::vector<ChartPoint>& points,
                                 ChartSize size);

// How values of `metric` are written on the axis: "40%", "1.5G", "300K/s", "0.75".
std::string format_metric_value(const std::string& metric, double value);

}  // namespace statline::client
