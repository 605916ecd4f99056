// `statline watch` against a statlined reading the synthetic /proc: the CSV and the table
// carry exactly the values the model prescribes. Percentages, sizes and gauges do not
// depend on timing and are compared as exact text; per-second rates are divided by the
// Δt the daemon measured, so they are compared within 3 % (see snapshot_compare.hpp).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/spawn_process.hpp"

namespace statline::integration {
namespace {

constexpr double kInterval = 0.5;

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string::npos ? end : end - start));
    if (end == std::string::npos) return parts;
    start = end + 1;
  }
}

// default_model: the four cores sum to user 80, nice 10, system 40, idle 200, iowait 20,
// irq 10, softirq 20, steal 20 ticks per second (400 in all). usr is user + nice + irq +
// softirq. Memory in bytes from the model's kB; net.total leaves lo out.
const std::vector<std::string> kHeader{"\"time\"", "\"usr\"",  "\"sys\"",  "\"idl\"", "\"wai\"",
                                       "\"stl\"",  "\"used\"", "\"free\"", "\"buff\"", "\"cach\"",
                                       "\"recv\"", "\"send\"", "\"1m\"",   "\"5m\"",  "\"15m\"",
                                       "\"int\"",  "\"csw\"",  "\"run\"",  "\"blk\"", "\"new\""};
struct Expected {
  const char* exact;  // the field as printed, for values that do not depend on timing
  double rate;        // else the per-second rate, within 3 %
};
const std::vector<Expected> kRow{
    {"30", 0},         {"10", 0},         {"50", 0},         {"5", 0},          {"5", 0},
    {"8388608000", 0}, {"4194304000", 0}, {"209715200", 0},  {"2202009600", 0}, {nullptr, 1098576},
    {nullptr, 282144}, {"1.250", 0},      {"0.750", 0},      {"0.500", 0},      {nullptr, 2000},
    {nullptr, 5000},   {"3", 0},          {"1", 0},          {nullptr, 10},
};

// Differences of one CSV row from kRow, one line each; empty when it matches.
std::string row_differences(const std::string& row) {
  const auto fields = split(row, ',');
  if (fields.size() != kRow.size() + 1) return "wrong number of fields: " + row + "\n";
  std::string differences;
  if (std::abs(std::stod(fields[0]) - static_cast<double>(std::time(nullptr))) > 10) {
    differences += "time " + fields[0] + " is not now\n";
  }
  for (std::size_t i = 0; i < kRow.size(); ++i) {
    const std::string& field = fields[i + 1];
    const Expected& expected = kRow[i];
    const bool ok = expected.exact != nullptr
                        ? field == expected.exact
                        : !field.empty() && std::abs(std::stod(field) / expected.rate - 1) < 0.03;
    if (!ok) {
      differences += kHeader[i + 1] + ": got \"" + field + "\", expected " +
                     (expected.exact ? std::string(expected.exact)
                                     : std::to_string(expected.rate) + " ± 3 %") +
                     "\n";
    }
  }
  return differences;
}

TEST(WatchCommand, CsvCountThreeHasTheModelsValues) {
  SyntheticDaemon d(kInterval);
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
  ASSERT_TRUE(all_sources(wait_for_snapshot(d.socket(), all_sources, 5000ms))) << d.daemon.log();
  // A sample whose write came late (a starved machine) can be off: the whole command is
  // tried up to three times, and any systematic error fails all of them.
  std::string differences;
  for (int attempt = 0; attempt < 3; ++attempt) {
    const auto run = run_process(bin_path("statline"),
                                 {"--socket", d.socket().string(), "watch", "--csv", "--count",
                                  "3", "--columns", "cpu,mem,net,load,sys,procs"},
                                 {}, 20000ms);
    ASSERT_EQ(run.status, 0) << run.err;
    const auto lines = split(run.out, '\n');
    ASSERT_EQ(lines.size(), 5u) << run.out;  // header, three rows, "" after the last '\n'
    EXPECT_EQ(split(lines[0], ','), kHeader);
    differences.clear();
    for (int row = 1; row <= 3; ++row) differences += row_differences(lines[row]);
    if (differences.empty()) return;
    std::cout << "attempt " << attempt + 1 << ":\n" << run.out << differences;
  }
  ADD_FAILURE() << differences << "late synthetic writes: " << d.proc.late_writes()
                << "\ndaemon log:\n"
                << d.daemon.log();
}

TEST(WatchCommand, TableShowsTheSameValuesLikeDstat) {
  SyntheticDaemon d(kInterval);
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
  ASSERT_TRUE(all_sources(wait_for_snapshot(d.socket(), all_sources, 5000ms))) << d.daemon.log();
  const auto run = run_process(bin_path("statline"),
                               {"--socket", d.socket().string(), "watch", "--count", "2"}, {},
                               20000ms);
  ASSERT_EQ(run.status, 0) << run.err;
  const auto lines = split(run.out, '\n');
  ASSERT_EQ(lines.size(), 5u) << run.out;
  EXPECT_EQ(lines[0], "--total-cpu-usage-- ------memory-usage----- -net/total- ---load-avg---");
  EXPECT_EQ(lines[1], "usr sys idl wai stl| used  free  buff  cach| recv  send| 1m   5m  15m ");
  for (int row = 2; row <= 3; ++row) {
    // 8388608000 bytes is 8000M; net (about 1073k and 276k) depends on timing.
    EXPECT_TRUE(lines[row].starts_with(" 30  10  50   5   5|8000M 4000M  200M 2100M|"))
        << run.out;
    EXPECT_TRUE(lines[row].ends_with("k|1.25 0.75 0.50")) << run.out;
  }
}

}  // namespace
}  // namespace statline::integration
