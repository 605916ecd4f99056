// node_exporter's families from statline's parsed samples (node_metrics.hpp), checked
// against what node_exporter 1.5 itself printed for the same recorded /proc files
// (tests/golden/node_exporter_real.prom, see its first line), and the rules the real
// files do not exercise: meminfo names, label escaping, interface filtering.
#include "aggregator/node_metrics.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "tests/unit/collectors/parser_test_support.hpp"

namespace statline {
namespace {

using test_support::read_proc_fixture;

template <class Sample>
Sample parsed(Result<Sample> result) {
  EXPECT_TRUE(result) << (result ? "" : result.error());
  return result ? std::move(result).value() : Sample{};
}

std::set<std::string> lines_of(const std::string& text) {
  std::set<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.insert(line);
  return lines;
}

std::string node_families(const std::string& case_dir, const NetdevConfig& netdev = {}) {
  PrometheusText out;
  const auto stat = parsed(parse_stat(read_proc_fixture(case_dir + "/stat")));
  write_cpu_metrics(out, stat, 100);
  write_stat_metrics(out, stat);
  write_meminfo_metrics(out, parsed(parse_meminfo(read_proc_fixture(case_dir + "/meminfo"))));
  write_netdev_metrics(out, parsed(parse_netdev(read_proc_fixture(case_dir + "/net/dev"))), netdev);
  write_loadavg_metrics(out, parsed(parse_loadavg(read_proc_fixture(case_dir + "/loadavg"))));
  const std::vector<CollectorScrape> scrapes{{"cpu", 0, true},
                                             {"loadavg", 0, true},
                                             {"meminfo", 0, true},
                                             {"netdev", 0, true},
                                             {"stat", 0, true}};
  write_scrape_metrics(out, scrapes);
  return out.take();
}

TEST(NodeMetrics, SameLinesAsNodeExporterOnTheSameFiles) {
  std::ifstream file(std::string(STATLINE_GOLDEN) + "/node_exporter_real.prom");
  ASSERT_TRUE(file.is_open());
  std::string how_recorded;
  std::getline(file, how_recorded);
  std::stringstream recorded;
  recorded << file.rdbuf();
  const auto expected = lines_of(recorded.str());
  auto actual = lines_of(node_families("real"));
  // Durations differ by nature; node_exporter's file had no other exporter-only family.
  std::erase_if(actual, [](const std::string& line) {
    return line.find("node_scrape_collector_duration_seconds") != std::string::npos;
  });
  std::vector<std::string> missing, extra;
  std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                      std::back_inserter(missing));
  std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                      std::back_inserter(extra));
  EXPECT_EQ(missing, std::vector<std::string>{});
  EXPECT_EQ(extra, std::vector<std::string>{});
}

// A key that comes out like an earlier one (Active(anon), Active_anon) is left out: two
// families of one name would make the whole scrape invalid.
TEST(NodeMetrics, MeminfoNamesFollowNodeExporter) {
  PrometheusText out;
  write_meminfo_metrics(
      out, parsed(parse_meminfo("Active(anon): 4 kB\nHugePages_Total: 3\nOdd.Key-1: 1 kB\n"
                                "Active_anon: 9 kB\n")));
  EXPECT_EQ(out.text(),
            "# HELP node_memory_Active_anon_bytes Memory information field Active_anon_bytes.\n"
            "# TYPE node_memory_Active_anon_bytes gauge\n"
            "node_memory_Active_anon_bytes 4096\n"
            "# HELP node_memory_HugePages_Total Memory information field HugePages_Total.\n"
            "# TYPE node_memory_HugePages_Total gauge\n"
            "node_memory_HugePages_Total 3\n"
            "# HELP node_memory_Odd_Key_1_bytes Memory information field Odd_Key_1_bytes.\n"
            "# TYPE node_memory_Odd_Key_1_bytes gauge\n"
            "node_memory_Odd_Key_1_bytes 1024\n");
}

TEST(NodeMetrics, NetdevKeepsTheConfiguredInterfacesAndEscapesNames) {
  NetdevSample sample;
  sample.interfaces = {{"lo", {}}, {"we\"ird\\", {}}, {"eth0", {}}, {"eth0", {}}};
  sample.interfaces[1].counters.rx_bytes = 7;
  PrometheusText out;
  write_netdev_metrics(out, sample, NetdevConfig{});
  const std::string text = out.text();
  EXPECT_EQ(text.find("device=\"lo\""), std::string::npos);
  EXPECT_NE(text.find("node_network_receive_bytes_total{device=\"we\\\"ird\\\\\"} 7\n"),
            std::string::npos);
  // 16 families, each with one line per distinct interface.
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 16 * (2 + 2));
  NetdevConfig only_lo;
  only_lo.interfaces = {"lo"};
  only_lo.exclude = {};
  PrometheusText lo;
  write_netdev_metrics(lo, sample, only_lo);
  EXPECT_NE(lo.text().find("node_network_transmit_colls_total{device=\"lo\"} 0\n"),
            std::string::npos);
  PrometheusText none;
  write_netdev_metrics(none, NetdevSample{}, NetdevConfig{});
  EXPECT_EQ(none.text(), "");  // no family without a series
}

TEST(NodeMetrics, StatLeavesOutWhatTheFileLacks) {
  PrometheusText out;
  write_stat_metrics(out, parsed(parse_stat("cpu 1 2 3 4\ncpu0 1 2 3 4\nctxt 12\n")));
  EXPECT_EQ(out.text(),
            "# HELP node_context_switches_total Total number of context switches.\n"
            "# TYPE node_context_switches_total counter\n"
            "node_context_switches_total 12\n");
}

}  // namespace
}  // namespace statline
