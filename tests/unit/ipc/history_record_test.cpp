#include "ipc/history_record.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <vector>

namespace statline {
namespace {

using history_record::Sample;

std::vector<unsigned char> encoded(const Sample& sample, const Sample* previous) {
  std::vector<unsigned char> bytes;
  history_record::encode(sample.stamp, sample.words, previous, bytes);
  return bytes;
}

// Decodes `bytes` onto a copy of `previous` (or from nothing).
Sample decoded(const std::vector<unsigned char>& bytes, const Sample* previous) {
  Sample sample = previous ? *previous : Sample{};
  const auto error = history_record::decode(bytes, sample, previous != nullptr);
  EXPECT_EQ(error, std::nullopt);
  return sample;
}

bool same(const Sample& a, const Sample& b) {
  return a.stamp.seq == b.stamp.seq && a.stamp.monotonic_ns == b.stamp.monotonic_ns &&
         a.stamp.realtime_ns == b.stamp.realtime_ns && a.words == b.words;
}

const Sample kFirst{{7, 1'000'000'000, 1'700'000'000'000'000'000},
                    {0x104, 35'211, 12, 9'102, 1'888'412, 77}};

TEST(HistoryRecord, KeyframeRoundTrips) {
  const auto bytes = encoded(kFirst, nullptr);
  EXPECT_NE(history_record::first_word(bytes.data()) & history_record::kKeyframeFlag, 0u);
  EXPECT_EQ(bytes.size() % history_record::kAlignment, 0u);
  EXPECT_EQ(history_record::first_word(bytes.data()) & history_record::kLengthMask, bytes.size());
  EXPECT_TRUE(same(decoded(bytes, nullptr), kFirst));
  SlotStamp stamp;
  EXPECT_EQ(history_record::decode_stamp(bytes, stamp, false), std::nullopt);
  EXPECT_EQ(stamp.monotonic_ns, 1'000'000'000);
}

TEST(HistoryRecord, DifferencesRoundTripInEveryDirection) {
  Sample next = kFirst;
  next.stamp = {9, 2'000'000'000, 1'700'000'001'000'000'000};
  next.words = {0x104, 35'311, 3, 9'102, std::numeric_limits<std::uint64_t>::max(), 0};
  const auto bytes = encoded(next, &kFirst);
  EXPECT_EQ(history_record::first_word(bytes.data()) & history_record::kKeyframeFlag, 0u);
  EXPECT_TRUE(same(decoded(bytes, &kFirst), next));
  // The stamp alone decodes the same, from the previous record's stamp.
  SlotStamp stamp = kFirst.stamp;
  EXPECT_EQ(history_record::decode_stamp(bytes, stamp, true), std::nullopt);
  EXPECT_EQ(stamp.seq, next.stamp.seq);
  EXPECT_EQ(stamp.monotonic_ns, next.stamp.monotonic_ns);
  EXPECT_EQ(stamp.realtime_ns, next.stamp.realtime_ns);
  EXPECT_EQ(history_record::decode_stamp(bytes, stamp, false),
            std::optional<std::string>("difference record without a keyframe before it"));
}

TEST(HistoryRecord, BitCastDoublesAndClockStepsRoundTrip) {
  const Sample previous{{1, 5, 900}, {std::bit_cast<std::uint64_t>(0.63), 3}};
  // realtime may step backwards (settimeofday); a load average may drop.
  const Sample next{{2, 6, 100}, {std::bit_cast<std::uint64_t>(0.58), 3}};
  EXPECT_TRUE(same(decoded(encoded(next, &previous), &previous), next));
}

TEST(HistoryRecord, AnotherWordCountMakesAKeyframe) {
  Sample next = kFirst;
  next.stamp.seq = 8;
  next.words.push_back(5);  // an interface appeared
  const auto bytes = encoded(next, &kFirst);
  EXPECT_NE(history_record::first_word(bytes.data()) & history_record::kKeyframeFlag, 0u);
  EXPECT_TRUE(same(decoded(bytes, nullptr), next));
}

TEST(HistoryRecord, SlowlyChangingCountersTakeAboutAByteAWord) {
  // A 2-CPU stat sample: 39 words, ticks growing by a few per second.
  Sample previous{{100, 100'000'000'000, 1'700'000'100'000'000'000}, {}};
  for (std::uint64_t i = 0; i < 39; ++i) previous.words.push_back(10'000'000 + i * 77'777);
  Sample next = previous;
  next.stamp = {101, 101'000'000'321, 1'700'000'101'000'000'355};
  for (std::size_t i = 0; i < next.words.size(); ++i) next.words[i] += i % 5;
  const auto bytes = encoded(next, &previous);
  EXPECT_LE(bytes.size(), 56u) << "raw: " << 39 * 8 + 40 << " bytes";
  EXPECT_GT(encoded(next, nullptr).size(), 39u * 3);
}

TEST(HistoryRecord, RejectsCorruptRecords) {
  const auto keyframe = encoded(kFirst, nullptr);
  Sample sample;
  auto truncated = keyframe;
  truncated.resize(8);
  const auto length_of_8 = history_record::kKeyframeFlag | 8u;
  std::memcpy(truncated.data(), &length_of_8, sizeof length_of_8);
  EXPECT_TRUE(history_record::decode(truncated, sample, false).has_value());

  auto wrong_length = keyframe;
  wrong_length.resize(keyframe.size() + 4);
  EXPECT_EQ(history_record::decode(wrong_length, sample, false),
            std::optional<std::string>("record length does not match"));

  Sample next = kFirst;
  next.stamp.seq = 8;
  const auto delta = encoded(next, &kFirst);
  EXPECT_EQ(history_record::decode(delta, sample, false),
            std::optional<std::string>("difference record without a keyframe before it"));

  // A word count far beyond the record's bytes must not size anything.
  std::vector<unsigned char> huge_count = {0, 0, 0, 0, 1, 2, 2, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0};
  const std::uint32_t first = history_record::kKeyframeFlag | 16u;
  huge_count.resize(16, 0);
  std::memcpy(huge_count.data(), &first, sizeof first);
  EXPECT_EQ(history_record::decode(huge_count, sample, false),
            std::optional<std::string>("bad word count"));
}

}  // namespace
}  // namespace statline
