// The chart of `statline history` (history_chart.hpp): axes, scaling, bucketing, gaps.
#include "client/history_chart.hpp"

#include <gtest/gtest.h>

#include "tests/unit/client/canned_replies.hpp"
#include "tests/unit/golden_file.hpp"

namespace statline::client {
namespace {

class HistoryChart : public ::testing::Test {
 protected:
  void SetUp() override {
    ::setenv("TZ", "UTC", 1);
    ::tzset();
  }
};

std::vector<ChartPoint> ramp(int count, double step) {
  std::vector<ChartPoint> points;
  for (int i = 0; i < count; ++i) points.push_back({1700000000.0 + i, i * step});
  return points;
}

TEST_F(HistoryChart, PointsComeFromTheReply) {
  EXPECT_EQ(history_points(Json::parse(testing::history_json)),
            (std::vector<ChartPoint>{{1700000000, 12.5}, {1700000001, std::nullopt},
                                     {1700000002, 7}}));
  EXPECT_TRUE(history_points(Json::parse(R"({"points":[[1],"x",[null,2]]})")).empty());
}

TEST_F(HistoryChart, RampFillsFromTheBottomInEighths) {
  // 16 points from 0 to 75 % in 15 columns: the axis tops out at 80 %; the last column is
  // the mean of 70 and 75, 72.5 / 80 of 16 eighths: a full block and 7 eighths.
  const std::string chart = format_history_chart("cpu.total.usage", ramp(16, 5), {20, 2});
  EXPECT_EQ(chart,
            "cpu.total.usage  last 75%  min 0%  avg 37.5%  max 75%   16 points, 22:13:20 to "
            "22:13:35\n"
            "80% ┤         ▁▂▃▄▅▇\n"
            "    │ ▁▂▃▄▅▆▇███████\n"
            " 0% └┬──────┬──────┬\n"
            "     22:13:20\n");
}

TEST_F(HistoryChart, WideChartWithEveryLabel) {
  testing::expect_golden("history/ramp_cpu.txt",
                         format_history_chart("cpu.total.usage", ramp(120, 0.5), {60, 6}));
}

TEST_F(HistoryChart, ManyPointsAreAveragedPerColumnAndGapsStayEmpty) {
  std::vector<ChartPoint> points;
  // 40 points in 10 columns: four per column; the third column has no value at all. 1 is
  // 5 of the 16 eighths up to 3.
  for (int i = 0; i < 40; ++i) {
    const bool gap = i >= 8 && i < 12;
    points.push_back({1700000000.0 + i, gap ? std::nullopt : std::optional<double>(i < 20 ? 1 : 3)});
  }
  const std::string chart = format_history_chart("load.avg1", points, {13, 2});
  EXPECT_EQ(chart,
            "load.avg1  last 3  min 1  avg 2.111  max 3   40 points, 22:13:20 to 22:13:59\n"
            "3 ┤     █████\n"
            "  │▅▅ ▅▅█████\n"
            "0 └┬────┬───┬\n"
            "   22:13:20\n");
}

TEST_F(HistoryChart, UnitsFollowTheMetric) {
  EXPECT_EQ(format_metric_value("cpu.cores.3.iowait", 12.34), "12.3%");
  EXPECT_EQ(format_metric_value("mem.used_percent", 40), "40%");
  EXPECT_EQ(format_metric_value("mem.used", 4294967296.0), "4.0G");
  EXPECT_EQ(format_metric_value("net.total.rx_bytes", 1536), "1.5K/s");
  EXPECT_EQ(format_metric_value("net.interfaces.eth0.rx_packets", 12.5), "12.5");
  EXPECT_EQ(format_metric_value("load.avg1", 0.75), "0.75");
}

TEST_F(HistoryChart, BytesRoundUpInBinaryUnits) {
  std::vector<ChartPoint> points{{1700000000, 3.1 * 1073741824}, {1700000001, 2.0 * 1073741824}};
  const std::string chart = format_history_chart("mem.used", points, {30, 2});
  EXPECT_NE(chart.find("4.0G ┤"), std::string::npos) << chart;
}

TEST_F(HistoryChart, NoValuesSaysSo) {
  EXPECT_EQ(format_history_chart("load.avg1", {}, {80, 10}), "load.avg1: no data in this period\n");
  EXPECT_EQ(format_history_chart("load.avg1", {{1700000000, std::nullopt}}, {80, 10}),
            "load.avg1: no data in this period\n");
}

TEST_F(HistoryChart, AllZeroStillHasAnAxis) {
  const std::string chart = format_history_chart("load.avg1", ramp(3, 0), {20, 2});
  EXPECT_NE(chart.find("\n1 ┤\n"), std::string::npos) << chart;
  EXPECT_NE(chart.find("\n0 └"), std::string::npos) << chart;
}

}  // namespace
}  // namespace statline::client
