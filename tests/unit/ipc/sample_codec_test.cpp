#include "ipc/sample_codec.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>

namespace statline {
namespace {

using ::testing::HasSubstr;

constexpr std::uint32_t kRoomy = 1u << 20;

CpuTimes times(std::uint64_t base) {
  return CpuTimes{base,     base + 1, base + 2, base + 3, base + 4,
                  base + 5, base + 6, base + 7, base + 8, base + 9};
}

StatSample stat_with_cores(std::initializer_list<std::uint32_t> cpus) {
  StatSample sample;
  sample.total = times(1000);
  for (std::uint32_t cpu : cpus) sample.cores.push_back(CoreTimes{cpu, times(cpu * 100)});
  return sample;
}

template <class Sample, class Encode, class Decode>
void expect_round_trip(const Sample& sample, Encode encode, Decode decode) {
  auto words = encode(sample, kRoomy);
  ASSERT_TRUE(words.ok()) << words.error();
  auto decoded = decode(*words);
  ASSERT_TRUE(decoded.ok()) << decoded.error();
  EXPECT_TRUE(*decoded == sample);
}

void expect_stat_round_trip(const StatSample& sample) {
  expect_round_trip(sample, encode_stat, decode_stat);
}

TEST(Codec, StatRoundTripWithEveryOptionalPresentAndWithGaps) {
  StatSample sample = stat_with_cores({0, 1, 5, 63, 4095});  // offline CPUs leave gaps
  sample.context_switches = 1;
  sample.interrupts = std::numeric_limits<std::uint64_t>::max();
  sample.forks = 3;
  sample.boot_time = 1'700'000'000;
  sample.procs_running = 0;  // present and zero is not absent
  sample.procs_blocked = 6;
  expect_stat_round_trip(sample);
}

TEST(Codec, StatRoundTripWithOptionalsAbsentOrMixed) {
  expect_stat_round_trip(stat_with_cores({0, 1}));
  StatSample mixed = stat_with_cores({2});
  mixed.interrupts = 9;
  mixed.procs_blocked = 0;
  expect_stat_round_trip(mixed);
}

TEST(Codec, StatRoundTripWithoutCores) {
  const StatSample sample = stat_with_cores({});
  expect_stat_round_trip(sample);
  EXPECT_EQ(encode_stat(sample, kRoomy)->size(), 11u);  // header + total: only what is used
}

TEST(Codec, StatFailsWhenTheSlotIsTooSmall) {
  const StatSample sample = stat_with_cores({0, 1, 2, 3});
  EXPECT_TRUE(encode_stat(sample, stat_payload_words(4)).ok());
  auto words = encode_stat(sample, stat_payload_words(3));
  ASSERT_FALSE(words.ok());
  EXPECT_THAT(words.error(), HasSubstr("stat sample: 4 cores need"));
}

TEST(Codec, PayloadWordsBoundEveryEncoding) {
  StatSample stat = stat_with_cores({0, 1, 2});
  stat.context_switches = stat.interrupts = stat.forks = stat.boot_time = 1;
  stat.procs_running = stat.procs_blocked = 1;
  EXPECT_EQ(encode_stat(stat, kRoomy)->size(), stat_payload_words(3));

  MeminfoSample meminfo;
  NetdevSample netdev;
  for (int i = 0; i < 3; ++i) {
    meminfo.entries.push_back({std::string(kMaxNameBytes, 'k'), 1, true});
    netdev.interfaces.push_back({std::string(kMaxNameBytes, 'n'), {}});
  }
  EXPECT_EQ(encode_meminfo(meminfo, kRoomy)->size(), meminfo_payload_words(3));
  EXPECT_EQ(encode_netdev(netdev, kRoomy)->size(), netdev_payload_words(3));
  EXPECT_EQ(encode_loadavg(LoadavgSample{}, kRoomy)->size(), loadavg_payload_words());
  EXPECT_EQ(stat_payload_words(std::numeric_limits<std::uint32_t>::max()),
            std::numeric_limits<std::uint32_t>::max());  // saturates, never wraps
}

MeminfoSample typical_meminfo() {
  MeminfoSample sample;
  sample.entries = {
      {"MemTotal", 16'000'000, true},
      {"MemFree", 1'000'000, true},
      {"HugePages_Total", 0, false},
      {"Active(anon)", 12, true},
      {"", 0, false},  // odd but representable
      {std::string(kMaxNameBytes, 'M'), std::numeric_limits<std::uint64_t>::max(), true},
      {"exactly8", 8, false}};
  return sample;
}

TEST(Codec, MeminfoRoundTrip) {
  expect_round_trip(typical_meminfo(), encode_meminfo, decode_meminfo);
  expect_round_trip(MeminfoSample{}, encode_meminfo, decode_meminfo);
}

TEST(Codec, MeminfoRejectsLongKeysAndSmallSlots) {
  MeminfoSample sample;
  sample.entries.push_back({std::string(kMaxNameBytes + 1, 'x'), 1, true});
  auto words = encode_meminfo(sample, kRoomy);
  ASSERT_FALSE(words.ok());
  EXPECT_THAT(words.error(), HasSubstr("is 32 bytes, the limit is 31"));
  auto small = encode_meminfo(typical_meminfo(), 10);
  ASSERT_FALSE(small.ok());
  EXPECT_THAT(small.error(), HasSubstr("meminfo sample: 7 entries need"));
}

NetdevSample typical_netdev() {
  NetdevSample sample;
  NetCounters counters;
  counters.rx_bytes = 1;
  counters.tx_compressed = 16;
  counters.rx_multicast = std::numeric_limits<std::uint64_t>::max();
  sample.interfaces = {{"lo", counters}, {"eth0", {}}, {std::string(kMaxNameBytes, 'w'), counters}};
  return sample;
}

TEST(Codec, NetdevRoundTrip) {
  expect_round_trip(typical_netdev(), encode_netdev, decode_netdev);
  expect_round_trip(NetdevSample{}, encode_netdev, decode_netdev);
}

TEST(Codec, NetdevRejectsLongNames) {
  NetdevSample sample;
  sample.interfaces.push_back({std::string(40, 'e'), {}});
  auto words = encode_netdev(sample, kRoomy);
  ASSERT_FALSE(words.ok());
  EXPECT_THAT(words.error(), HasSubstr("interface name"));
  EXPECT_THAT(words.error(), HasSubstr("is 40 bytes"));
}

TEST(Codec, LoadavgRoundTripKeepsDoublesBitExact) {
  expect_round_trip(LoadavgSample{0.52, 0.58, 0.59, 2, 1234, 56789}, encode_loadavg,
                    decode_loadavg);
  expect_round_trip(LoadavgSample{-0.0, 1e308, std::numeric_limits<double>::denorm_min(), 0, 0, 0},
                    encode_loadavg, decode_loadavg);
  EXPECT_FALSE(encode_loadavg(LoadavgSample{}, 6).ok());
}

TEST(Codec, DecodersRejectAnotherSourcesPayload) {
  auto netdev = encode_netdev(typical_netdev(), kRoomy);
  auto decoded = decode_stat(*netdev);
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.error(), HasSubstr("stat payload: tag 3, expected 1"));
  EXPECT_FALSE(decode_meminfo(*netdev).ok());
  EXPECT_FALSE(decode_loadavg(*netdev).ok());
  EXPECT_FALSE(decode_netdev(*encode_loadavg(LoadavgSample{}, kRoomy)).ok());
}

TEST(Codec, DecodersRejectEveryTruncationAndTrailingWords) {
  StatSample stat = stat_with_cores({0, 7});
  stat.forks = 5;
  const std::vector<std::vector<std::uint64_t>> payloads = {
      *encode_stat(stat, kRoomy), *encode_meminfo(typical_meminfo(), kRoomy),
      *encode_netdev(typical_netdev(), kRoomy), *encode_loadavg(LoadavgSample{}, kRoomy)};
  auto decodes = [](std::size_t which, std::span<const std::uint64_t> words) {
    switch (which) {
      case 0:
        return decode_stat(words).ok();
      case 1:
        return decode_meminfo(words).ok();
      case 2:
        return decode_netdev(words).ok();
      default:
        return decode_loadavg(words).ok();
    }
  };
  for (std::size_t which = 0; which < payloads.size(); ++which) {
    const auto& words = payloads[which];
    ASSERT_TRUE(decodes(which, words));
    for (std::size_t size = 0; size < words.size(); ++size) {
      EXPECT_FALSE(decodes(which, std::span(words).first(size))) << which << " size " << size;
    }
    auto longer = words;
    longer.push_back(0);
    EXPECT_FALSE(decodes(which, longer)) << which;
  }
}

TEST(Codec, DecodersSurviveHugeCountsAndRandomWords) {
  // Counts that would make a naive decoder allocate terabytes or read far past the end.
  const std::vector<std::uint64_t> huge_stat{1 | (std::uint64_t{0xFFFF'FFFF} << 32)};
  EXPECT_FALSE(decode_stat(huge_stat).ok());
  const std::vector<std::uint64_t> huge_meminfo{2 | (std::uint64_t{0xFFFF'FFFF} << 32), 5, 0};
  EXPECT_FALSE(decode_meminfo(huge_meminfo).ok());
  const std::vector<std::uint64_t> huge_netdev{3 | (std::uint64_t{0xFFFF'FFFF} << 32), 1};
  EXPECT_FALSE(decode_netdev(huge_netdev).ok());

  // Random bit flips in valid payloads: decoding may fail or succeed, but never crash
  // (the fuzzers do this at scale; ASan makes an out-of-bounds read fatal here too).
  std::mt19937_64 random(12345);
  const auto meminfo = *encode_meminfo(typical_meminfo(), kRoomy);
  const auto netdev = *encode_netdev(typical_netdev(), kRoomy);
  const auto stat = *encode_stat(stat_with_cores({1, 2, 3}), kRoomy);
  for (int round = 0; round < 20'000; ++round) {
    for (const auto* original : {&meminfo, &netdev, &stat}) {
      auto words = *original;
      words[random() % words.size()] ^= std::uint64_t{1} << (random() % 64);
      if (random() % 4 == 0) words.resize(random() % (words.size() + 1));
      (void)decode_meminfo(words);
      (void)decode_netdev(words);
      (void)decode_stat(words);
      (void)decode_loadavg(words);
    }
  }
}

}  // namespace
}  // namespace statline
