// The text exposition writer (prometheus_text.hpp): Go's float formatting, escaping,
// metric name sanitising.
#include "aggregator/prometheus_text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace statline {
namespace {

TEST(GoFloat, MatchesStrconvFormatFloatG) {
  EXPECT_EQ(go_float(0), "0");
  EXPECT_EQ(go_float(6617.96), "6617.96");
  EXPECT_EQ(go_float(65536), "65536");
  EXPECT_EQ(go_float(999999), "999999");
  EXPECT_EQ(go_float(1e6), "1e+06");
  EXPECT_EQ(go_float(45937047), "4.5937047e+07");
  EXPECT_EQ(go_float(1796334408), "1.796334408e+09");
  EXPECT_EQ(go_float(0.0001), "0.0001");
  EXPECT_EQ(go_float(0.00001), "1e-05");
  EXPECT_EQ(go_float(-2.5), "-2.5");
  EXPECT_EQ(go_float(1.8446744073709552e19), "1.8446744073709552e+19");
  EXPECT_EQ(go_float(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(go_float(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(go_float(-std::numeric_limits<double>::infinity()), "-Inf");
}

TEST(PrometheusText, FamiliesAndEscapedLabels) {
  PrometheusText out;
  out.family("x_total", MetricType::counter, "Help with \\ and\nnewline.");
  out.sample("x_total", {{"a", "q\"b\\s\nn"}, {"b", ""}}, 1.5);
  out.family("y", MetricType::gauge, "Y.");
  out.sample("y", 2);
  EXPECT_EQ(out.text(),
            "# HELP x_total Help with \\\\ and\\nnewline.\n"
            "# TYPE x_total counter\n"
            "x_total{a=\"q\\\"b\\\\s\\nn\",b=\"\"} 1.5\n"
            "# HELP y Y.\n"
            "# TYPE y gauge\n"
            "y 2\n");
}

TEST(MetricNameSafe, ReplacesWhatAMetricNameCannotHold) {
  EXPECT_EQ(metric_name_safe("MemTotal"), "MemTotal");
  EXPECT_EQ(metric_name_safe("a.b-c d"), "a_b_c_d");
  EXPECT_EQ(metric_name_safe("1x"), "_1x");
  EXPECT_EQ(metric_name_safe(""), "_");
}

}  // namespace
}  // namespace statline
