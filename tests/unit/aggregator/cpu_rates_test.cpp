#include "aggregator/cpu_rates.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace statline {
namespace {

CpuTimes times(std::uint64_t user, std::uint64_t nice, std::uint64_t system, std::uint64_t idle,
               std::uint64_t iowait, std::uint64_t irq = 0, std::uint64_t softirq = 0,
               std::uint64_t steal = 0, std::uint64_t guest = 0, std::uint64_t guest_nice = 0) {
  return {user, nice, system, idle, iowait, irq, softirq, steal, guest, guest_nice};
}

void expect_in_range(const CpuPercent& p) {
  for (double v :
       {p.usage, p.user, p.nice, p.system, p.idle, p.iowait, p.irq, p.softirq, p.steal}) {
    EXPECT_TRUE(std::isfinite(v));
    EXPECT_GE(v, 0.0);
    EXPECT_LE(v, 100.0);
  }
}

TEST(CpuPercent, ExactPercentagesForAKnownDelta) {
  const CpuTimes prev = times(1000, 100, 500, 8000, 200, 10, 20, 5);
  // +40 user, +5 nice, +15 system, +30 idle, +4 iowait, +2 irq, +3 softirq, +1 steal = 100
  const CpuTimes cur = times(1040, 105, 515, 8030, 204, 12, 23, 6);
  const auto p = cpu_percent(prev, cur);
  ASSERT_TRUE(p);
  EXPECT_DOUBLE_EQ(p->user, 40);
  EXPECT_DOUBLE_EQ(p->nice, 5);
  EXPECT_DOUBLE_EQ(p->system, 15);
  EXPECT_DOUBLE_EQ(p->idle, 30);
  EXPECT_DOUBLE_EQ(p->iowait, 4);
  EXPECT_DOUBLE_EQ(p->irq, 2);
  EXPECT_DOUBLE_EQ(p->softirq, 3);
  EXPECT_DOUBLE_EQ(p->steal, 1);
  EXPECT_DOUBLE_EQ(p->usage, 66);  // 100 - 30 - 4
}

TEST(CpuPercent, NonRoundShares) {
  const auto p = cpu_percent(times(0, 0, 0, 0, 0), times(1, 0, 0, 2, 0));
  ASSERT_TRUE(p);
  EXPECT_DOUBLE_EQ(p->user, 100.0 / 3);
  EXPECT_DOUBLE_EQ(p->idle, 200.0 / 3);
  EXPECT_DOUBLE_EQ(p->usage, 100.0 / 3);
}

TEST(CpuPercent, GuestIsNotCountedTwice) {
  // 20 ticks of guest time are already inside the 20 ticks of user time.
  const CpuTimes prev = times(100, 10, 0, 1000, 0, 0, 0, 0, 50, 5);
  const CpuTimes cur = times(120, 20, 0, 1070, 0, 0, 0, 0, 70, 15);
  const auto p = cpu_percent(prev, cur);
  ASSERT_TRUE(p);
  EXPECT_DOUBLE_EQ(p->user, 20);
  EXPECT_DOUBLE_EQ(p->nice, 10);
  EXPECT_DOUBLE_EQ(p->idle, 70);
  EXPECT_DOUBLE_EQ(p->usage, 30);
}

TEST(CpuPercent, IowaitGoingBackwardsCountsAsZero) {
  const CpuTimes prev = times(100, 0, 0, 1000, 500);
  const CpuTimes cur = times(125, 0, 0, 1075, 490);  // iowait -10
  const auto p = cpu_percent(prev, cur);
  ASSERT_TRUE(p);
  expect_in_range(*p);
  EXPECT_DOUBLE_EQ(p->iowait, 0);
  EXPECT_DOUBLE_EQ(p->user, 25);  // Δtotal is 100, not 90
  EXPECT_DOUBLE_EQ(p->idle, 75);
  EXPECT_DOUBLE_EQ(p->usage, 25);
}

TEST(CpuPercent, EverythingBackwardsIsNoData) {
  EXPECT_FALSE(cpu_percent(times(100, 0, 0, 1000, 500), times(90, 0, 0, 990, 400)));
}

TEST(CpuPercent, NoTicksIsNoDataNotNaN) {
  const CpuTimes same = times(100, 0, 50, 1000, 5);
  EXPECT_FALSE(cpu_percent(same, same));
}

TEST(CpuPercent, FullyIdleUsageIsExactlyZero) {
  const auto p = cpu_percent(times(0, 0, 0, 0, 0), times(0, 0, 0, 7, 3));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->usage, 0.0);
  EXPECT_DOUBLE_EQ(p->idle + p->iowait, 100);
}

TEST(CpuPercent, OverflowingGarbageIsNoData) {
  const std::uint64_t big = std::uint64_t{1} << 63;
  EXPECT_FALSE(cpu_percent(times(0, 0, 0, 0, 0), times(big, big, 0, 0, 0)));
}

StatSample sample_with_cores(std::initializer_list<CoreTimes> cores) {
  StatSample s;
  s.cores.assign(cores.begin(), cores.end());
  for (const CoreTimes& core : cores) {
    s.total.user += core.times.user;
    s.total.idle += core.times.idle;
  }
  return s;
}

TEST(CpuRates, CoresAreMatchedByNumberAcrossHotplugAndGaps) {
  // cpu1 goes offline, cpu4 comes online; cpu2 and cpu3 shift position. Every core has
  // its own usage, so pairing by position would show.
  const StatSample prev = sample_with_cores({{0, times(0, 0, 0, 0, 0)},
                                             {1, times(1000, 0, 0, 1000, 0)},
                                             {2, times(50, 0, 0, 50, 0)},
                                             {3, times(10, 0, 0, 90, 0)}});
  const StatSample cur = sample_with_cores({{0, times(10, 0, 0, 30, 0)},
                                            {2, times(70, 0, 0, 130, 0)},
                                            {3, times(60, 0, 0, 140, 0)},
                                            {4, times(5, 0, 0, 5, 0)}});
  const CpuRates rates = cpu_rates(prev, cur, 1.0);

  ASSERT_EQ(rates.cores.size(), 4u);
  const std::uint32_t numbers[] = {0, 2, 3, 4};
  const double usage[] = {25, 20, 50};
  for (int i = 0; i < 4; ++i) EXPECT_EQ(rates.cores[i].cpu, numbers[i]) << i;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(rates.cores[i].percent) << i;
    EXPECT_DOUBLE_EQ(rates.cores[i].percent->usage, usage[i]) << i;
    expect_in_range(*rates.cores[i].percent);
  }
  EXPECT_FALSE(rates.cores[3].percent);  // cpu4 has one reading only
}

TEST(CpuRates, CoreWithoutTicksIsNoDataWhileOthersHaveData) {
  const StatSample prev =
      sample_with_cores({{0, times(100, 0, 0, 300, 0)}, {1, times(100, 0, 0, 300, 0)}});
  const StatSample cur =
      sample_with_cores({{0, times(100, 0, 0, 300, 0)}, {1, times(120, 0, 0, 380, 0)}});
  const CpuRates rates = cpu_rates(prev, cur, 1.0);
  ASSERT_EQ(rates.cores.size(), 2u);
  EXPECT_FALSE(rates.cores[0].percent);
  ASSERT_TRUE(rates.cores[1].percent);
  EXPECT_DOUBLE_EQ(rates.cores[1].percent->usage, 20);
  ASSERT_TRUE(rates.total);
  EXPECT_DOUBLE_EQ(rates.total->usage, 20);
}

TEST(CpuRates, UnsortedOlderSampleStillMatchesByNumber) {
  const StatSample prev =
      sample_with_cores({{3, times(100, 0, 0, 100, 0)}, {1, times(50, 0, 0, 50, 0)}});
  const StatSample cur =
      sample_with_cores({{1, times(60, 0, 0, 80, 0)}, {3, times(190, 0, 0, 110, 0)}});
  const CpuRates rates = cpu_rates(prev, cur, 1.0);
  ASSERT_EQ(rates.cores.size(), 2u);
  ASSERT_TRUE(rates.cores[0].percent && rates.cores[1].percent);
  EXPECT_DOUBLE_EQ(rates.cores[0].percent->usage, 25);
  EXPECT_DOUBLE_EQ(rates.cores[1].percent->usage, 90);
}

TEST(CpuRates, CountersPerSecondAndGauges) {
  StatSample prev, cur;
  prev.total = times(0, 0, 0, 0, 0);
  cur.total = times(10, 0, 0, 90, 0);
  prev.context_switches = 1000;
  cur.context_switches = 3000;
  prev.interrupts = 500;
  cur.interrupts = 700;
  cur.forks = 40;  // missing from the older sample
  cur.procs_running = 3;
  cur.procs_blocked = 1;
  prev.procs_running = 99;

  const CpuRates rates = cpu_rates(prev, cur, 2.0);
  ASSERT_TRUE(rates.total);
  EXPECT_DOUBLE_EQ(rates.total->usage, 10);
  EXPECT_EQ(rates.context_switches, 1000.0);
  EXPECT_EQ(rates.interrupts, 100.0);
  EXPECT_EQ(rates.forks, std::nullopt);
  EXPECT_EQ(rates.procs_running, 3u);
  EXPECT_EQ(rates.procs_blocked, 1u);
  EXPECT_TRUE(rates.cores.empty());
}

TEST(CpuRates, InvalidIntervalKeepsPercentagesButNoRates) {
  StatSample prev, cur;
  cur.total = times(10, 0, 0, 90, 0);
  prev.context_switches = 1;
  cur.context_switches = 2;
  const CpuRates rates = cpu_rates(prev, cur, 0.0);
  EXPECT_TRUE(rates.total);
  EXPECT_EQ(rates.context_switches, std::nullopt);
}

}  // namespace
}  // namespace statline
