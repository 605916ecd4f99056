// CPU counters stay monotonic across scrapes, as node_exporter keeps them
// (cpu_counter_floor.hpp).
#include "aggregator/cpu_counter_floor.hpp"

#include <gtest/gtest.h>

namespace statline {
namespace {

StatSample cores(std::initializer_list<std::pair<std::uint32_t, CpuTimes>> list) {
  StatSample sample;
  for (const auto& [cpu, times] : list) sample.cores.push_back({cpu, times});
  return sample;
}

TEST(CpuCounterFloor, AFieldThatGoesBackKeepsItsHighestValue) {
  CpuCounterFloor floor;
  CpuTimes first;
  first.idle = 1000;
  first.iowait = 50;
  EXPECT_EQ(floor.apply(cores({{0, first}}), 300), cores({{0, first}}));
  CpuTimes second = first;
  second.idle = 1100;
  second.iowait = 40;  // the kernel's iowait does this
  CpuTimes expected = second;
  expected.iowait = 50;
  EXPECT_EQ(floor.apply(cores({{0, second}}), 300), cores({{0, expected}}));
  second.iowait = 60;
  EXPECT_EQ(floor.apply(cores({{0, second}}), 300), cores({{0, second}}));
}

TEST(CpuCounterFloor, IdleFarBehindMeansANewCpuAndGoneCpusAreForgotten) {
  CpuCounterFloor floor;
  CpuTimes busy;
  busy.idle = 5000;
  busy.user = 900;
  floor.apply(cores({{0, busy}, {1, busy}}), 300);
  CpuTimes fresh;
  fresh.idle = 10;  // 49.9 s behind: hotplugged anew
  fresh.user = 1;
  EXPECT_EQ(floor.apply(cores({{0, fresh}}), 300), cores({{0, fresh}}));
  // cpu1 went away, so its old values do not come back with it.
  EXPECT_EQ(floor.apply(cores({{0, fresh}, {1, fresh}}), 300), cores({{0, fresh}, {1, fresh}}));
}

}  // namespace
}  // namespace statline
