#include "aggregator/mem_values.hpp"

#include <gtest/gtest.h>

namespace statline {
namespace {

constexpr std::uint64_t KiB = 1024;

MeminfoSample meminfo(std::initializer_list<std::pair<const char*, std::uint64_t>> kb_entries) {
  MeminfoSample sample;
  for (const auto& [key, value] : kb_entries) sample.entries.push_back({key, value, true});
  return sample;
}

TEST(MemValues, WithMemAvailable) {
  const MemValues mem = mem_values(meminfo({{"MemTotal", 1000},
                                            {"MemFree", 200},
                                            {"MemAvailable", 600},
                                            {"Buffers", 50},
                                            {"Cached", 300},
                                            {"SwapCached", 7},
                                            {"SReclaimable", 20},
                                            {"SwapTotal", 100},
                                            {"SwapFree", 40}}));
  EXPECT_EQ(mem.total, 1000 * KiB);
  EXPECT_EQ(mem.free, 200 * KiB);
  EXPECT_EQ(mem.available, 600 * KiB);
  EXPECT_EQ(mem.used, 400 * KiB);  // MemTotal - MemAvailable
  EXPECT_EQ(mem.used_percent, 40.0);
  EXPECT_EQ(mem.buffers, 50 * KiB);
  EXPECT_EQ(mem.cached, 320 * KiB);  // Cached + SReclaimable
  EXPECT_EQ(mem.swap_total, 100 * KiB);
  EXPECT_EQ(mem.swap_free, 40 * KiB);
  EXPECT_EQ(mem.swap_used, 60 * KiB);
}

TEST(MemValues, WithoutMemAvailableFallsBackToTheOldFormula) {
  const MemValues mem = mem_values(meminfo({{"MemTotal", 1000},
                                            {"MemFree", 200},
                                            {"Buffers", 50},
                                            {"Cached", 300},
                                            {"SReclaimable", 20}}));
  EXPECT_EQ(mem.available, std::nullopt);
  EXPECT_EQ(mem.used, 430 * KiB);  // 1000 - 200 - 50 - 300 - 20
  EXPECT_EQ(mem.used_percent, 43.0);
  EXPECT_EQ(mem.cached, 320 * KiB);
}

TEST(MemValues, MissingKeysAreNullNotZero) {
  // No SReclaimable and no MemAvailable: neither cached nor used can be computed.
  const MemValues mem =
      mem_values(meminfo({{"MemTotal", 1000}, {"MemFree", 200}, {"Buffers", 50}, {"Cached", 300}}));
  EXPECT_EQ(mem.total, 1000 * KiB);
  EXPECT_EQ(mem.cached, std::nullopt);
  EXPECT_EQ(mem.used, std::nullopt);
  EXPECT_EQ(mem.used_percent, std::nullopt);
  EXPECT_EQ(mem.swap_total, std::nullopt);
  EXPECT_EQ(mem.swap_free, std::nullopt);
  EXPECT_EQ(mem.swap_used, std::nullopt);
}

TEST(MemValues, EmptySampleIsAllNull) {
  EXPECT_EQ(mem_values(MeminfoSample{}), MemValues{});
}

TEST(MemValues, InconsistentNumbersClampAtZero) {
  const MemValues mem = mem_values(
      meminfo({{"MemTotal", 1000}, {"MemAvailable", 1200}, {"SwapTotal", 10}, {"SwapFree", 11}}));
  EXPECT_EQ(mem.used, 0u);
  EXPECT_EQ(mem.used_percent, 0.0);
  EXPECT_EQ(mem.swap_used, 0u);

  const MemValues old = mem_values(meminfo(
      {{"MemTotal", 100}, {"MemFree", 60}, {"Buffers", 30}, {"Cached", 30}, {"SReclaimable", 5}}));
  EXPECT_EQ(old.used, 0u);
}

TEST(MemValues, ZeroTotalHasNoPercentage) {
  const MemValues mem = mem_values(meminfo({{"MemTotal", 0}, {"MemAvailable", 0}}));
  EXPECT_EQ(mem.used, 0u);
  EXPECT_EQ(mem.used_percent, std::nullopt);
}

TEST(MemValues, UnitlessValuesAreTakenAsWritten) {
  MeminfoSample sample;
  sample.entries.push_back({"MemTotal", 4096, false});
  sample.entries.push_back({"MemAvailable", 1024, false});
  const MemValues mem = mem_values(sample);
  EXPECT_EQ(mem.total, 4096u);
  EXPECT_EQ(mem.used, 3072u);
  EXPECT_EQ(mem.used_percent, 75.0);
}

}  // namespace
}  // namespace statline
