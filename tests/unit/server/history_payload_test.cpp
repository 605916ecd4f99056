#include "server/history_payload.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "aggregator/mem_values.hpp"
#include "ipc/sample_codec.hpp"

namespace statline {
namespace {

std::string fixture(const std::string& path) {
  std::ifstream in(std::string(STATLINE_FIXTURES) + "/proc/" + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::uint64_t> encoded_meminfo(const std::string& path) {
  const auto sample = parse_meminfo(fixture(path));
  EXPECT_TRUE(sample) << path;
  const auto words = encode_meminfo(sample.value(), 100'000);
  EXPECT_TRUE(words) << path;
  return words.value();
}

// The history's meminfo gives every snapshot figure the full sample gives, in a fraction
// of the words: recorded files with and without MemAvailable and kB units.
class HistoryPayloadOfMeminfo : public ::testing::TestWithParam<const char*> {};

TEST_P(HistoryPayloadOfMeminfo, KeepsEverySnapshotFigure) {
  const auto full = encoded_meminfo(GetParam());
  std::vector<std::uint64_t> scratch;
  const auto kept = history_payload(Source::meminfo, full, scratch);
  const auto full_sample = decode_meminfo(full);
  const auto kept_sample = decode_meminfo(kept);
  ASSERT_TRUE(full_sample && kept_sample);
  EXPECT_EQ(mem_values(kept_sample.value()), mem_values(full_sample.value()));
  EXPECT_LE(kept_sample->entries.size(), kMemValuesKeys.size());
  for (const auto& entry : kept_sample->entries) {
    EXPECT_EQ(full_sample->bytes(entry.key), kept_sample->bytes(entry.key)) << entry.key;
  }
  EXPECT_LT(kept.size(), full.size());
}

TEST(HistoryPayload, ARealMeminfoShrinksToAFraction) {
  const auto full = encoded_meminfo("real/meminfo");
  std::vector<std::uint64_t> scratch;
  const auto kept = history_payload(Source::meminfo, full, scratch);
  EXPECT_LT(kept.size() * 4, full.size()) << "kept " << kept.size() << " of " << full.size();
}

INSTANTIATE_TEST_SUITE_P(Recorded, HistoryPayloadOfMeminfo,
                         ::testing::Values("real/meminfo", "no_memavailable/meminfo",
                                           "no_units/meminfo"));

TEST(HistoryPayload, OtherSourcesAreKeptWhole) {
  const std::vector<std::uint64_t> payload = {4, 1, 2, 3};
  std::vector<std::uint64_t> scratch;
  for (const Source source : {Source::stat, Source::netdev, Source::loadavg}) {
    const auto kept = history_payload(source, payload, scratch);
    EXPECT_EQ(kept.data(), payload.data());
    EXPECT_EQ(kept.size(), payload.size());
  }
}

TEST(HistoryPayload, AMeminfoPayloadThatDoesNotDecodeIsKeptWhole) {
  const std::vector<std::uint64_t> garbage = {0xFFFF'FFFF'FFFF'FF02, 7};
  std::vector<std::uint64_t> scratch;
  const auto kept = history_payload(Source::meminfo, garbage, scratch);
  EXPECT_EQ(kept.data(), garbage.data());
}

}  // namespace
}  // namespace statline
