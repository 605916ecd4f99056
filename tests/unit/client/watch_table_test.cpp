// The `statline watch` table and CSV from canned snapshots: dstat's header layout,
// the row values, trimming to the terminal width, header repetition and the options.
#include "client/watch_table.hpp"

#include <gtest/gtest.h>

#include "client/client_error.hpp"
#include "client/watch_csv.hpp"
#include "client/watch_layout.hpp"
#include "tests/unit/client/canned_replies.hpp"

namespace statline::client {
namespace {

Json snapshot() {
  return Json::parse(testing::snapshot_json);
}

Layout layout_of(const std::string& columns, const std::string& cpus = "",
                 const std::string& interfaces = "") {
  return build_layout(parse_selection(columns, cpus, interfaces), snapshot());
}

std::vector<std::size_t> all(const Layout& layout) {
  return visible_sections(layout, std::nullopt);
}

TEST(WatchTable, DefaultColumnsLookLikeDstat) {
  const Layout layout = layout_of(default_columns);
  EXPECT_EQ(table_header(layout, all(layout), false),
            "--total-cpu-usage-- ------memory-usage----- -net/total- ---load-avg---\n"
            "usr sys idl wai stl| used  free  buff  cach| recv  send| 1m   5m  15m \n");
  // usr is user + nice + irq + softirq: 8.1 + 0.2 + 0.3 + 0.3.
  EXPECT_EQ(table_row(layout, all(layout), snapshot(), false),
            "  9   3  87   0   0|3174M 1024M  100M 2048M|1229B  300B|0.52 0.58 0.59\n");
}

TEST(WatchTable, NullSourcesAreDashes) {
  const Layout layout = layout_of(default_columns);
  EXPECT_EQ(table_row(layout, all(layout), Json::parse(testing::empty_snapshot_json), false),
            "  -   -   -   -   -|   -     -     -     - |   -     - |   -    -    -\n");
}

TEST(WatchTable, EveryGroupWithInstances) {
  ::setenv("TZ", "UTC", 1);
  ::tzset();
  const Layout layout = layout_of("time,cpu,net,sys,procs", "0,1,total", "eth0,wlan9");
  EXPECT_EQ(table_header(layout, all(layout), false),
            "----system---- -----cpu0-usage---- -----cpu1-usage---- --total-cpu-usage-- "
            "--net/eth0- -net/wlan9- ---system-- ---procs---\n"
            "     time     |usr sys idl wai stl:usr sys idl wai stl:usr sys idl wai stl|"
            " recv  send: recv  send| int   csw |run blk new\n");
  // cpu1 has no data this interval, wlan9 does not exist: dashes.
  EXPECT_EQ(table_row(layout, all(layout), snapshot(), false),
            "14-11 22:13:20|  7   3  90   0   0:  -   -   -   -   -:  9   3  87   0   0|"
            "1229B  300B:   -     - | 900  1500 |2.0   0 2.0\n");
}

TEST(WatchTable, AllExpandsToTheCoresOfTheFirstSnapshot) {
  const Layout layout = layout_of("cpu", "all");
  ASSERT_EQ(layout.size(), 1u);
  EXPECT_EQ(layout[0].instances, (std::vector<std::string>{"0", "1"}));
  EXPECT_EQ(layout_of("net", "", "all")[0].instances, (std::vector<std::string>{"eth0"}));
}

TEST(WatchTable, NarrowTerminalLeavesGroupsOutAndSaysSo) {
  const Layout layout = layout_of(default_columns);
  // cpu takes 19 + 1, mem 23 + 1, net 11 + 1, load 14 + 1 characters.
  EXPECT_EQ(visible_sections(layout, 71), (std::vector<std::size_t>{0, 1, 2, 3}));
  EXPECT_EQ(visible_sections(layout, 70), (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(visible_sections(layout, 50), (std::vector<std::size_t>{0, 1}));
  // The first group is shown even when it does not fit.
  EXPECT_EQ(visible_sections(layout, 10), (std::vector<std::size_t>{0}));
  const auto visible = visible_sections(layout, 50);
  EXPECT_EQ(table_header(layout, visible, false),
            "--total-cpu-usage-- ------memory-usage----->\n"
            "usr sys idl wai stl| used  free  buff  cach>\n");
  EXPECT_EQ(table_row(layout, visible, snapshot(), false),
            "  9   3  87   0   0|3174M 1024M  100M 2048M>\n");
}

TEST(WatchTable, ColourWrapsTitlesFramesAndCells) {
  const Layout layout = layout_of("load");
  EXPECT_EQ(table_header(layout, all(layout), true),
            "\033[0;34m---load-avg---\033[0;0m\033[0;0m\n"
            "\033[1;34m\033[4m 1m \033[0;0m \033[1;34m\033[4m 5m \033[0;0m "
            "\033[1;34m\033[4m15m \033[0;0m\033[0;0m\n");
  EXPECT_EQ(table_row(layout, all(layout), snapshot(), true),
            "\033[1;33m0.52 \033[1;33m0.58 \033[1;33m0.59\033[0;0m\n");
}

TEST(WatchTable, HeaderOnceWithoutTerminalElseEachScreenful) {
  EXPECT_TRUE(header_due(0, std::nullopt));
  EXPECT_FALSE(header_due(1, std::nullopt));
  EXPECT_FALSE(header_due(22, std::nullopt));
  // 24 lines: the header's two and 22 rows.
  EXPECT_FALSE(header_due(21, 24));
  EXPECT_TRUE(header_due(22, 24));
  EXPECT_FALSE(header_due(23, 24));
  EXPECT_TRUE(header_due(44, 24));
  // Too small to repeat it usefully, as in dstat.
  EXPECT_FALSE(header_due(3, 5));
}

TEST(WatchCsv, HeaderLineThenRawValues) {
  const Layout layout = layout_of(default_columns);
  EXPECT_EQ(csv_header(layout),
            "\"time\",\"usr\",\"sys\",\"idl\",\"wai\",\"stl\",\"used\",\"free\",\"buff\",\"cach\","
            "\"recv\",\"send\",\"1m\",\"5m\",\"15m\"\n");
  EXPECT_EQ(csv_row(layout, snapshot()),
            "1700000000.250,8.900,3.200,87.300,0.400,0,3328599654,1073741824,104857600,"
            "2147483648,1228.800,300,0.520,0.580,0.590\n");
  EXPECT_EQ(csv_row(layout, Json::parse(testing::empty_snapshot_json)),
            "1700000000,,,,,,,,,,,,,,\n");
}

TEST(WatchCsv, InstancesAreNamedAndTimeIsNotRepeated) {
  const Layout layout = layout_of("time,cpu,sys", "0,total");
  EXPECT_EQ(csv_header(layout),
            "\"time\",\"cpu0 usage:usr\",\"cpu0 usage:sys\",\"cpu0 usage:idl\","
            "\"cpu0 usage:wai\",\"cpu0 usage:stl\",\"total cpu usage:usr\","
            "\"total cpu usage:sys\",\"total cpu usage:idl\",\"total cpu usage:wai\","
            "\"total cpu usage:stl\",\"int\",\"csw\"\n");
  EXPECT_EQ(csv_row(layout, snapshot()),
            "1700000000.250,7,3,90,0,0,8.900,3.200,87.300,0.400,0,900,1500.500\n");
}

TEST(WatchOptions, BadSelectionsAreUsageErrors) {
  const auto message = [](const std::string& columns, const std::string& cpus,
                          const std::string& interfaces) -> std::string {
    try {
      parse_selection(columns, cpus, interfaces);
    } catch (const ClientError& error) {
      EXPECT_EQ(error.exit_status(), exit_code::usage);
      return error.what();
    }
    return "no error";
  };
  EXPECT_EQ(message("cpu,disk", "", ""),
            "--columns: unknown group \"disk\" (expected time, cpu, mem, net, load, sys, procs)");
  EXPECT_EQ(message("cpu,,mem", "", ""), "--columns: empty entry in \"cpu,,mem\"");
  EXPECT_EQ(message("cpu", "0,x", ""), "-C: expected total, all or a cpu number, got \"x\"");
  EXPECT_EQ(message("mem", "0", ""), "-C needs cpu among the --columns");
  EXPECT_EQ(message("cpu", "", "eth0"), "-N needs net among the --columns");
  EXPECT_EQ(message("cpu,net", "total", "eth0,"), "-N: empty entry in \"eth0,\"");
}

}  // namespace
}  // namespace statline::client
