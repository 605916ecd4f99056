// The values statline offers to collectd clients and the exact replies (collectd_values.hpp,
// collectd_reply.hpp), from a hand-made snapshot.
#include "aggregator/collectd_values.hpp"

#include <gtest/gtest.h>

#include "aggregator/collectd_reply.hpp"

namespace statline {
namespace {

Snapshot snapshot() {
  Snapshot s;
  s.time = 1700000000.25;
  CpuRates cpu;
  cpu.cores.push_back({0, CpuPercent{25, 20, 1, 4, 70, 5, 0.5, 0.25, 0.25}});
  cpu.cores.push_back({1, std::nullopt});  // no data this interval: nothing to report
  s.cpu = cpu;
  s.mem = MemValues{};
  NetRates net;
  net.interfaces.push_back({"eth0", {1048576, 262144, 800, 300, 10, 20, 30, 40}});
  s.net = net;
  s.load = LoadValues{1.25, 0.75, 0.5, 3, 412};
  return s;
}

MeminfoSample meminfo(const char* text) {
  auto sample = parse_meminfo(text);
  EXPECT_TRUE(sample) << (sample ? "" : sample.error());
  return sample ? sample.value() : MeminfoSample{};
}

constexpr const char* kMeminfo =
    "MemTotal: 16384000 kB\nMemFree: 4096000 kB\nMemAvailable: 8192000 kB\n"
    "Buffers: 204800 kB\nCached: 2048000 kB\nSlab: 106496 kB\nSReclaimable: 102400 kB\n"
    "SUnreclaim: 4096 kB\n";

std::vector<std::string> identifiers(const std::vector<CollectdValue>& values) {
  std::vector<std::string> out;
  for (const auto& value : values) out.push_back(value.identifier);
  return out;
}

TEST(CollectdValues, CollectdsNamesSortedLikeItsCache) {
  EXPECT_EQ(identifiers(collectd_values(snapshot(), meminfo(kMeminfo), "vm")),
            (std::vector<std::string>{
                "vm/cpu-0/percent-idle",       "vm/cpu-0/percent-interrupt",
                "vm/cpu-0/percent-nice",       "vm/cpu-0/percent-softirq",
                "vm/cpu-0/percent-steal",      "vm/cpu-0/percent-system",
                "vm/cpu-0/percent-user",       "vm/cpu-0/percent-wait",
                "vm/interface-eth0/if_dropped", "vm/interface-eth0/if_errors",
                "vm/interface-eth0/if_octets", "vm/interface-eth0/if_packets",
                "vm/load/load",                "vm/memory/memory-buffered",
                "vm/memory/memory-cached",     "vm/memory/memory-free",
                "vm/memory/memory-slab_recl",  "vm/memory/memory-slab_unrecl",
                "vm/memory/memory-used"}));
}

TEST(CollectdValues, MemoryFollowsCollectdsMemoryPlugin) {
  const auto values = collectd_values(snapshot(), meminfo(kMeminfo), "vm");
  const auto value_of = [&](const std::string& id) {
    for (const auto& v : values) {
      if (v.identifier == id) return v.values.at(0).second;
    }
    return -1.0;
  };
  // used = MemTotal − (MemFree + Buffers + Cached + Slab), in bytes.
  EXPECT_EQ(value_of("vm/memory/memory-used"), (16384000.0 - 4096000 - 204800 - 2048000 - 106496) * 1024);
  EXPECT_EQ(value_of("vm/memory/memory-cached"), 2048000.0 * 1024);
  EXPECT_EQ(value_of("vm/memory/memory-slab_unrecl"), 4096.0 * 1024);
  // An old kernel without the split reports the slab as one value.
  const auto old = collectd_values(
      snapshot(),
      meminfo("MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 10 kB\nCached: 20 kB\nSlab: 30 kB\n"),
      "vm");
  EXPECT_EQ(identifiers(old).back(), "vm/memory/memory-used");
  EXPECT_EQ(identifiers(old)[identifiers(old).size() - 2], "vm/memory/memory-slab");
  // Parts larger than the total: collectd submits no memory values at all.
  const auto odd = collectd_values(
      snapshot(), meminfo("MemTotal: 10 kB\nMemFree: 100 kB\nBuffers: 0 kB\nCached: 0 kB\nSlab: 0 kB\n"),
      "vm");
  EXPECT_EQ(identifiers(odd).back(), "vm/load/load");
}

TEST(CollectdValues, NullSourcesHaveNoValues) {
  Snapshot empty;
  EXPECT_TRUE(collectd_values(empty, meminfo(kMeminfo), "vm").empty());
}

TEST(CollectdReply, ListvalAsCollectdWritesIt) {
  Snapshot s;
  s.time = 1700000000.25;
  s.load = LoadValues{1.25, 0.75, 0.5, 3, 412};
  const auto values = collectd_values(s, std::nullopt, "vm");
  EXPECT_EQ(collectd_reply(CollectdListval{}, values, s.time),
            "1 Value found\n1700000000.250 vm/load/load\n");
  EXPECT_EQ(collectd_reply(CollectdListval{}, {}, s.time), "0 Values found\n");
}

TEST(CollectdReply, GetvalPrintsEachDataSourceWithPercentE) {
  const auto values = collectd_values(snapshot(), meminfo(kMeminfo), "vm");
  EXPECT_EQ(collectd_reply(CollectdGetval{"vm/load/load", "load"}, values, 0),
            "3 Values found\nshortterm=1.250000e+00\nmidterm=7.500000e-01\nlongterm=5.000000e-01\n");
  EXPECT_EQ(collectd_reply(CollectdGetval{"vm/interface-eth0/if_octets", "if_octets"}, values, 0),
            "2 Values found\nrx=1.048576e+06\ntx=2.621440e+05\n");
  EXPECT_EQ(collectd_reply(CollectdGetval{"vm/interface-eth0/if_dropped", "if_dropped"}, values, 0),
            "2 Values found\nrx=3.000000e+01\ntx=4.000000e+01\n");
  EXPECT_EQ(collectd_reply(CollectdGetval{"vm/cpu-0/percent-wait", "percent"}, values, 0),
            "1 Value found\nvalue=5.000000e+00\n");
  EXPECT_EQ(collectd_reply(CollectdGetval{"vm/cpu-1/percent-wait", "percent"}, values, 0),
            "-1 No such value.\n");
  EXPECT_EQ(collectd_reply(CollectdGetval{"other/load/load", "load"}, values, 0),
            "-1 No such value.\n");
  EXPECT_EQ(collectd_reply(CollectdGetval{"vm/df-root/df_complex-free", "df_complex"}, values, 0),
            "-1 Type `df_complex' is unknown.\n");
}

TEST(CollectdReply, FlushAndErrors) {
  EXPECT_EQ(collectd_reply(CollectdFlush{3}, {}, 0), "0 Done: 3 successful, 0 errors\n");
  EXPECT_EQ(collectd_error("Missing identifier."), "-1 Missing identifier.\n");
}

}  // namespace
}  // namespace statline
