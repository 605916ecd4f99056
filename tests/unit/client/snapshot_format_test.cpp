// The human forms of a snapshot: the `get` summary, the `watch` line and `get PATH`
// flattening.
#include <gtest/gtest.h>
#include <stdlib.h>

#include "client/json_flatten.hpp"
#include "client/snapshot_summary.hpp"
#include "tests/unit/client/canned_replies.hpp"

namespace statline::client {
namespace {

Json parse(const char* text) {
  return Json::parse(text);
}

TEST(SnapshotSummary, CannedSnapshotGivesTheDocumentedText) {
  EXPECT_EQ(format_snapshot_summary(parse(testing::snapshot_json)), testing::snapshot_summary);
}

TEST(SnapshotSummary, NullSourcesSayNoDataYet) {
  EXPECT_EQ(format_snapshot_summary(parse(testing::empty_snapshot_json)),
            "cpu    (no data yet)\n"
            "mem    (no data yet)\n"
            "net    (no data yet)\n"
            "load   (no data yet)\n");
}

TEST(SnapshotSummary, MissingSourcesAndNonObjectsToo) {
  EXPECT_EQ(
      format_snapshot_summary(Json::object()),
      "cpu    (no data yet)\nmem    (no data yet)\nnet    (no data yet)\nload   (no data yet)\n");
  EXPECT_EQ(
      format_snapshot_summary(Json::array()),
      "cpu    (no data yet)\nmem    (no data yet)\nnet    (no data yet)\nload   (no data yet)\n");
}

TEST(SnapshotSummary, MissingOrNullFieldsPrintDash) {
  const Json snapshot =
      parse(R"({"cpu":{"total":null},"mem":{"total":1024,"used_percent":null},)"
            R"("net":{"total":{"rx_bytes":"oops"},"interfaces":{"eth0":{}}},"load":{"avg1":1}})");
  EXPECT_EQ(format_snapshot_summary(snapshot),
            "cpu    - used   (usr -  sys -  wai -  stl -)\n"
            "mem    - used of 1.0 KiB (-)   avail -   swap - of -\n"
            "net    ↓ -  ↑ -   (eth0 ↓- ↑-)\n"
            "load   1.00 - -   - running / - tasks\n");
}

TEST(SnapshotSummary, OneCoreIsSingular) {
  const Json snapshot = parse(R"({"cpu":{"total":{"usage":1},"cores":[{"cpu":0}]}})");
  EXPECT_NE(format_snapshot_summary(snapshot).find("   1 core\n"), std::string::npos);
}

TEST(SnapshotSummary, ManyInterfacesShowTheBusiestInTheDaemonsOrder) {
  Json snapshot = parse(R"({"net":{"total":{"rx_bytes":0,"tx_bytes":0},"interfaces":{}}})");
  const std::pair<const char*, double> rates[] = {{"lo", 1},  {"eth0", 500}, {"c", 0},
                                                  {"d", 300}, {"b", 400},    {"f", 200}};
  for (const auto& [name, rx] : rates) {
    snapshot["net"]["interfaces"][name] = {{"rx_bytes", rx}, {"tx_bytes", 0}};
  }
  const std::string summary = format_snapshot_summary(snapshot);
  EXPECT_NE(summary.find("net    ↓ 0 B/s  ↑ 0 B/s   (eth0 ↓500 B/s ↑0 B/s  d ↓300 B/s ↑0 B/s  "
                         "b ↓400 B/s ↑0 B/s  f ↓200 B/s ↑0 B/s  +2 more)\n"),
            std::string::npos)
      << summary;
}

TEST(FlattenJson, LeavesAsPathEqualsValueInTheDaemonsOrder) {
  const Json reply =
      parse(R"({"cpu":{"total":{"usage":12.3,"steal":0}},"mem":{"used_percent":39.7},)"
            R"("net":{"interfaces":{"eth0":{"rx_bytes":1228.8}}},"list":[5,6],)"
            R"("load":null,"name":"x y","flag":true,"empty":{}})");
  EXPECT_EQ(flatten_json(reply),
            "cpu.total.usage = 12.3\n"
            "cpu.total.steal = 0\n"
            "mem.used_percent = 39.7\n"
            "net.interfaces.eth0.rx_bytes = 1228.8\n"
            "list.0 = 5\n"
            "list.1 = 6\n"
            "load = null\n"
            "name = x y\n"
            "flag = true\n"
            "empty = {}\n");
}

TEST(FlattenJson, CoresAreNamedByTheirCpuNumberLikeDaemonPaths) {
  // cpu2 offline: the second element is cpu3, and `get cpu.cores.3` asks for it.
  EXPECT_EQ(flatten_json(parse(R"({"cpu":{"cores":[{"cpu":0,"user":1},{"cpu":3,"user":2}]}})")),
            "cpu.cores.0.cpu = 0\n"
            "cpu.cores.0.user = 1\n"
            "cpu.cores.3.cpu = 3\n"
            "cpu.cores.3.user = 2\n");
}

TEST(FlattenJson, PathKeyedRepliesFlattenTheSame) {
  // Whether the daemon nests the subtrees or keys them by the requested path, the
  // printed paths are the same.
  EXPECT_EQ(flatten_json(parse(R"({"cpu.total":{"usage":1}})")), "cpu.total.usage = 1\n");
  EXPECT_EQ(flatten_json(parse(R"({"cpu":{"total":{"usage":1}}})")), "cpu.total.usage = 1\n");
}

TEST(FlattenJson, EmptyAndScalarReplies) {
  EXPECT_EQ(flatten_json(Json::object()), "");
  EXPECT_EQ(flatten_json(Json(5)), "value = 5\n");
}

}  // namespace
}  // namespace statline::client
