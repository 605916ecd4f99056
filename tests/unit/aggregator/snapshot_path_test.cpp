#include "aggregator/snapshot_path.hpp"

#include <gtest/gtest.h>

#include "aggregator/snapshot.hpp"

namespace statline {
namespace {

using Json = nlohmann::ordered_json;

CpuPercent percent(double usage) {
  return {usage, usage, 0, 0, 100 - usage, 0, 0, 0, 0};
}

// cpu1 is offline (a gap), cpu3 has no data; "veth1" and "veth1.100" make dotted names
// ambiguous on purpose.
Json sample_json() {
  Snapshot s;
  s.time = 100;
  s.interval = 1;
  CpuRates cpu;
  cpu.total = percent(30);
  cpu.cores = {{0, percent(10)}, {2, percent(20)}, {3, std::nullopt}};
  cpu.context_switches = 5;
  s.cpu = cpu;
  MemValues mem;
  mem.total = 8192;
  mem.used = 2048;
  mem.used_percent = 25;
  s.mem = mem;
  NetRates net;
  net.total = {1, 2, 3, 4};
  net.interfaces = {{"eth0", {10, 0, 0, 0, 0, 0, 0, 0}},
                    {"veth1", {11, 0, 0, 0, 0, 0, 0, 0}},
                    {"veth1.100", {12, 0, 0, 0, 0, 0, 0, 0}}};
  s.net = net;
  s.load = LoadValues{1, 2, 3, 4, 5};
  return to_json(s);
}

Json select(const Json& snapshot, std::vector<std::string> paths) {
  Result<Json> result = select_paths(snapshot, paths);
  EXPECT_TRUE(result) << result.error();
  return result ? *result : Json();
}

std::string select_error(const Json& snapshot, std::vector<std::string> paths) {
  Result<Json> result = select_paths(snapshot, paths);
  return result ? "(no error)" : result.error();
}

TEST(SelectPaths, NoPathsIsTheWholeSnapshot) {
  const Json snapshot = sample_json();
  EXPECT_EQ(select(snapshot, {}), snapshot);
}

TEST(SelectPaths, SubtreesNestedAtTheirPlace) {
  const Json snapshot = sample_json();
  const Json expected = {{"cpu", {{"total", snapshot["cpu"]["total"]}}}, {"mem", snapshot["mem"]}};
  EXPECT_EQ(select(snapshot, {"cpu.total", "mem"}), expected);
  // The snapshot's order, not the request's.
  EXPECT_EQ(dump_json(select(snapshot, {"mem", "cpu.total"})), dump_json(expected));
}

TEST(SelectPaths, LeafValues) {
  const Json snapshot = sample_json();
  EXPECT_EQ(dump_json(select(snapshot, {"mem.used_percent", "load.avg5", "time"})),
            R"({"time":100.0,"mem":{"used_percent":25.0},"load":{"avg5":2.0}})");
}

TEST(SelectPaths, CoresByCpuNumberNotPosition) {
  const Json snapshot = sample_json();
  const Json expected = {{"cpu", {{"cores", Json::array({snapshot["cpu"]["cores"][1]})}}}};
  EXPECT_EQ(select(snapshot, {"cpu.cores.2"}), expected);
  EXPECT_EQ(dump_json(select(snapshot, {"cpu.cores.3.usage", "cpu.cores.0.usage"})),
            R"({"cpu":{"cores":[{"cpu":0,"usage":10.0},{"cpu":3,"usage":null}]}})");
  EXPECT_EQ(select_error(snapshot, {"cpu.cores.1"}), R"(unknown path "cpu.cores.1")");
  EXPECT_EQ(select_error(snapshot, {"cpu.cores.x"}), R"(unknown path "cpu.cores.x")");
  EXPECT_EQ(select_error(snapshot, {"cpu.cores.-1"}), R"(unknown path "cpu.cores.-1")");
}

TEST(SelectPaths, ArraysWithoutCpuKeyIndexByPosition) {
  const Json doc = {{"list", {10, 20, 30}}};
  EXPECT_EQ(dump_json(select(doc, {"list.1"})), R"({"list":[20]})");
  EXPECT_EQ(select_error(doc, {"list.3"}), R"(unknown path "list.3")");
}

TEST(SelectPaths, DottedInterfaceNamesResolveLongestFirst) {
  const Json snapshot = sample_json();
  EXPECT_EQ(dump_json(select(snapshot, {"net.interfaces.veth1.100.rx_bytes"})),
            R"({"net":{"interfaces":{"veth1.100":{"rx_bytes":12.0}}}})");
  EXPECT_EQ(dump_json(select(snapshot, {"net.interfaces.veth1.rx_bytes"})),
            R"({"net":{"interfaces":{"veth1":{"rx_bytes":11.0}}}})");
  EXPECT_EQ(
      select(snapshot, {"net.interfaces.veth1.100"}),
      (Json{
          {"net", {{"interfaces", {{"veth1.100", snapshot["net"]["interfaces"]["veth1.100"]}}}}}}));
}

TEST(SelectPaths, OverlappingPathsMerge) {
  const Json snapshot = sample_json();
  const Json whole_cpu = {{"cpu", snapshot["cpu"]}};
  EXPECT_EQ(select(snapshot, {"cpu", "cpu.total"}), whole_cpu);
  EXPECT_EQ(select(snapshot, {"cpu.total.user", "cpu"}), whole_cpu);
  EXPECT_EQ(select(snapshot, {"mem.total", "mem.total"}), (Json{{"mem", {{"total", 8192}}}}));
}

TEST(SelectPaths, UnknownPaths) {
  const Json snapshot = sample_json();
  EXPECT_EQ(select_error(snapshot, {"cpu.totl"}), R"(unknown path "cpu.totl")");
  EXPECT_EQ(select_error(snapshot, {"mem", "bogus"}), R"(unknown path "bogus")");
  EXPECT_EQ(select_error(snapshot, {""}), R"(unknown path "")");
  EXPECT_EQ(select_error(snapshot, {"cpu..total"}), R"(unknown path "cpu..total")");
  EXPECT_EQ(select_error(snapshot, {"cpu."}), R"(unknown path "cpu.")");
  EXPECT_EQ(select_error(snapshot, {"mem.total.x"}), R"(unknown path "mem.total.x")");
  EXPECT_EQ(select_error(snapshot, {"net.interfaces.eth9"}),
            R"(unknown path "net.interfaces.eth9")");
  EXPECT_EQ(select_error(snapshot, {"cpu.cores.3.usage.x"}),
            R"(unknown path "cpu.cores.3.usage.x")");
}

TEST(SelectPaths, HostilePathsAreCheapAndSafeErrors) {
  const Json snapshot = sample_json();
  const Json empty = to_json(Snapshot{});
  std::string dots = "net.interfaces";
  while (dots.size() < 4000) dots += ".a";
  for (const Json* doc : {&snapshot, &empty}) {
    const std::string error = select_error(*doc, {dots});
    EXPECT_EQ(error, "unknown path \"" + dots.substr(0, 64) + "\"...");
  }
  const std::string binary = select_error(snapshot, {"cpu.\xff\"x"});
  EXPECT_EQ(binary, R"(unknown path "cpu.\xff\"x")");
  EXPECT_NO_THROW((void)nlohmann::json({{"error", binary}}).dump());
}

TEST(SelectPaths, SourceWithoutDataIsNullButTyposAreStillErrors) {
  Snapshot empty;
  const Json snapshot = to_json(empty);
  EXPECT_EQ(dump_json(select(snapshot, {"cpu.total", "mem.used"})), R"({"cpu":null,"mem":null})");
  EXPECT_EQ(dump_json(select(snapshot, {"net.interfaces.veth1.100.rx_bytes"})), R"({"net":null})");
  EXPECT_EQ(dump_json(select(snapshot, {"cpu.cores.17.usage"})), R"({"cpu":null})");
  EXPECT_EQ(select_error(snapshot, {"cpu.totl"}), R"(unknown path "cpu.totl")");
  EXPECT_EQ(select_error(snapshot, {"mem.used.x"}), R"(unknown path "mem.used.x")");
  EXPECT_EQ(select_error(snapshot, {"cpu.cores.x"}), R"(unknown path "cpu.cores.x")");
  EXPECT_EQ(select_error(snapshot, {"load.avg2"}), R"(unknown path "load.avg2")");
}

TEST(LookupNumber, Numbers) {
  const Json snapshot = sample_json();
  EXPECT_EQ(lookup_number(snapshot, "cpu.total.usage").value(), 30.0);
  EXPECT_EQ(lookup_number(snapshot, "cpu.cores.2.usage").value(), 20.0);
  EXPECT_EQ(lookup_number(snapshot, "mem.total").value(), 8192.0);
  EXPECT_EQ(lookup_number(snapshot, "net.interfaces.veth1.100.rx_bytes").value(), 12.0);
  EXPECT_EQ(lookup_number(snapshot, "load.running").value(), 4.0);
}

TEST(LookupNumber, NullIsNoDataNotAnError) {
  const Json snapshot = sample_json();
  const auto core = lookup_number(snapshot, "cpu.cores.3.usage");
  ASSERT_TRUE(core) << core.error();
  EXPECT_EQ(core.value(), std::nullopt);
  const auto swap = lookup_number(snapshot, "mem.swap_used");
  ASSERT_TRUE(swap);
  EXPECT_EQ(swap.value(), std::nullopt);

  const Json empty = to_json(Snapshot{});
  const auto usage = lookup_number(empty, "cpu.total.usage");
  ASSERT_TRUE(usage) << usage.error();
  EXPECT_EQ(usage.value(), std::nullopt);
  EXPECT_EQ(lookup_number(empty, "net.interfaces.eth0.rx_bytes").value(), std::nullopt);
  EXPECT_EQ(lookup_number(empty, "net.interfaces.veth1.100.tx_drops").value(), std::nullopt);
}

TEST(LookupNumber, Errors) {
  const Json snapshot = sample_json();
  EXPECT_EQ(lookup_number(snapshot, "cpu.total.usag").error(), R"(unknown path "cpu.total.usag")");
  EXPECT_EQ(lookup_number(snapshot, "cpu.total").error(), R"(path "cpu.total" is not a number)");
  EXPECT_EQ(lookup_number(snapshot, "cpu.cores").error(), R"(path "cpu.cores" is not a number)");
  EXPECT_EQ(lookup_number(to_json(Snapshot{}), "cpu.total.usag").error(),
            R"(unknown path "cpu.total.usag")");
  EXPECT_EQ(lookup_number(to_json(Snapshot{}), "cpu.total").error(),
            R"(path "cpu.total" is not a number)");
  EXPECT_EQ(lookup_number(to_json(Snapshot{}), "net.interfaces.eth0").error(),
            R"(path "net.interfaces.eth0" is not a number)");
}

}  // namespace
}  // namespace statline
