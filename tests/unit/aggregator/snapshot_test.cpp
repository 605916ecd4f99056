#include "aggregator/snapshot.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace statline {
namespace {

using Json = nlohmann::ordered_json;

Snapshot small_snapshot() {
  Snapshot s;
  s.time = 1700000000.25;
  s.interval = 1;
  CpuRates cpu;
  cpu.total = CpuPercent{25, 20, 0, 5, 75, 0, 0, 0, 0};
  cpu.cores = {{0, CpuPercent{25, 20, 0, 5, 75, 0, 0, 0, 0}}, {2, std::nullopt}};
  cpu.context_switches = 1500.5;
  cpu.interrupts = 800;
  cpu.procs_running = 2;
  cpu.procs_blocked = 0;
  s.cpu = cpu;
  MemValues mem;
  mem.total = 1024000;
  mem.free = 204800;
  mem.available = 614400;
  mem.used = 409600;
  mem.used_percent = 40;
  mem.buffers = 51200;
  mem.cached = 327680;
  s.mem = mem;  // no swap keys in this meminfo
  NetRates net;
  net.total = {1000, 50, 10, 2};
  net.interfaces = {{"eth0", {1000, 50, 10, 2, 0, 0, 0.5, 0}}};
  s.net = net;
  s.load = LoadValues{0.5, 0.25, 0.125, 2, 300};
  return s;
}

TEST(SnapshotJson, GoldenString) {
  const std::string expected =
      R"({"time":1700000000.25,"interval":1.0,)"
      R"("cpu":{"total":{"usage":25.0,"user":20.0,"nice":0.0,"system":5.0,"idle":75.0,)"
      R"("iowait":0.0,"irq":0.0,"softirq":0.0,"steal":0.0},)"
      R"("cores":[{"cpu":0,"usage":25.0,"user":20.0,"nice":0.0,"system":5.0,"idle":75.0,)"
      R"("iowait":0.0,"irq":0.0,"softirq":0.0,"steal":0.0},)"
      R"({"cpu":2,"usage":null,"user":null,"nice":null,"system":null,"idle":null,)"
      R"("iowait":null,"irq":null,"softirq":null,"steal":null}],)"
      R"("context_switches":1500.5,"interrupts":800.0,"forks":null,)"
      R"("procs_running":2,"procs_blocked":0},)"
      R"("mem":{"total":1024000,"free":204800,"available":614400,"used":409600,)"
      R"("used_percent":40.0,"buffers":51200,"cached":327680,)"
      R"("swap_total":null,"swap_free":null,"swap_used":null},)"
      R"("net":{"total":{"rx_bytes":1000.0,"tx_bytes":50.0,"rx_packets":10.0,"tx_packets":2.0},)"
      R"("interfaces":{"eth0":{"rx_bytes":1000.0,"tx_bytes":50.0,"rx_packets":10.0,)"
      R"("tx_packets":2.0,"rx_errors":0.0,"tx_errors":0.0,"rx_drops":0.5,"tx_drops":0.0}}},)"
      R"("load":{"avg1":0.5,"avg5":0.25,"avg15":0.125,"running":2,"total":300}})";
  EXPECT_EQ(dump_json(to_json(small_snapshot())), expected);
}

TEST(SnapshotJson, SourcesWithoutDataAreNull) {
  Snapshot s;
  s.time = 5;
  s.interval = 0.5;
  EXPECT_EQ(dump_json(to_json(s)),
            R"({"time":5.0,"interval":0.5,"cpu":null,"mem":null,"net":null,"load":null})");
}

TEST(SnapshotJson, CpuWithoutDataKeepsItsShape) {
  Snapshot s;
  s.cpu = CpuRates{};
  const Json json = to_json(s);
  ASSERT_TRUE(json["cpu"]["total"].is_object());
  EXPECT_EQ(json["cpu"]["total"].size(), 9u);
  EXPECT_TRUE(json["cpu"]["total"]["usage"].is_null());
  EXPECT_TRUE(json["cpu"]["cores"].is_array());
}

TEST(SnapshotJson, SizesAreIntegersRatesAreDoubles) {
  const Json json = to_json(small_snapshot());
  EXPECT_TRUE(json["mem"]["total"].is_number_unsigned());
  EXPECT_TRUE(json["load"]["total"].is_number_unsigned());
  EXPECT_TRUE(json["cpu"]["procs_running"].is_number_unsigned());
  EXPECT_TRUE(json["cpu"]["cores"][0]["cpu"].is_number_unsigned());
  EXPECT_TRUE(json["mem"]["used_percent"].is_number_float());
  EXPECT_TRUE(json["net"]["total"]["rx_bytes"].is_number_float());
  EXPECT_TRUE(json["load"]["avg1"].is_number_float());
}

TEST(SnapshotJson, NonFiniteNumbersBecomeNull) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  Snapshot s = small_snapshot();
  s.time = inf;
  s.cpu->total->user = nan;
  s.cpu->context_switches = -inf;
  s.net->interfaces[0].rates.rx_bytes = inf;
  s.load->avg1 = nan;
  const Json json = to_json(s);
  EXPECT_TRUE(json["time"].is_null());
  EXPECT_TRUE(json["cpu"]["total"]["user"].is_null());
  EXPECT_TRUE(json["cpu"]["context_switches"].is_null());
  EXPECT_TRUE(json["net"]["interfaces"]["eth0"]["rx_bytes"].is_null());
  EXPECT_TRUE(json["load"]["avg1"].is_null());
}

void expect_all_numbers_finite(const Json& json) {
  if (json.is_number_float()) {
    EXPECT_TRUE(std::isfinite(json.get<double>()));
  }
  if (json.is_structured()) {
    for (const Json& child : json) expect_all_numbers_finite(child);
  }
}

TEST(SnapshotJson, RatesFromRealComputationsAreFinite) {
  StatSample prev, cur;
  cur.total.iowait = 0;
  prev.total.iowait = 10;  // backwards, and nothing else moved: no data
  prev.cores = {{0, {}}, {1, {}}};
  cur.cores = {{1, {1, 0, 0, 3, 0, 0, 0, 0, 0, 0}}, {7, {}}};
  NetdevSample net_prev{{{"eth0", {}}}};
  NetdevSample net_cur{{{"eth0", {}}}};
  net_prev.interfaces[0].counters.rx_bytes = 5'000'000'000;
  net_cur.interfaces[0].counters.rx_bytes = 1;

  Snapshot s;
  s.cpu = cpu_rates(prev, cur, 1.0);
  s.net = net_rates(net_prev, net_cur, 1.0, NetdevConfig{});
  s.mem = mem_values(MeminfoSample{});
  const Json json = to_json(s);
  expect_all_numbers_finite(json);
  EXPECT_TRUE(json["cpu"]["total"]["usage"].is_null());
  EXPECT_EQ(json["cpu"]["cores"][0]["usage"], 25.0);
  EXPECT_EQ(json["net"]["interfaces"]["eth0"]["rx_bytes"], 1.0);
}

TEST(SnapshotJson, KeysInTheDocumentedOrder) {
  const Json json = to_json(small_snapshot());
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"time", "interval", "cpu", "mem", "net", "load"}));
}

TEST(SnapshotJson, InvalidUtf8InterfaceNameDoesNotThrow) {
  Snapshot s;
  s.net = NetRates{};
  s.net->interfaces = {{"eth\xff", {}}};
  std::string line;
  EXPECT_NO_THROW(line = dump_json(to_json(s)));
  EXPECT_NE(line.find("eth\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
}

}  // namespace
}  // namespace statline
