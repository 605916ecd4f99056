// A collector's SampleEncoder reuses its storage between samples; what it publishes must
// be exactly what the one-shot parser and encoder make of the same text.
#include "sampler/sample_encoder.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ipc/sample_codec.hpp"

namespace statline {
namespace {

std::string fixture(const std::string& relative) {
  std::ifstream file(std::string(STATLINE_FIXTURES) + "/proc/" + relative, std::ios::binary);
  EXPECT_TRUE(file.is_open()) << relative;
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::vector<std::uint64_t> words_of(Result<std::span<const std::uint64_t>> encoded) {
  EXPECT_TRUE(encoded) << encoded.error();
  if (!encoded) return {};
  return {encoded->begin(), encoded->end()};
}

constexpr std::uint32_t kRoomy = 1 << 16;

TEST(SampleEncoder, EachSourceEncodesAsTheOneShotCodec) {
  EXPECT_EQ(words_of(SampleEncoder(Source::stat).encode(fixture("real/stat"), kRoomy)),
            encode_stat(parse_stat(fixture("real/stat")).value(), kRoomy).value());
  EXPECT_EQ(words_of(SampleEncoder(Source::meminfo).encode(fixture("real/meminfo"), kRoomy)),
            encode_meminfo(parse_meminfo(fixture("real/meminfo")).value(), kRoomy).value());
  EXPECT_EQ(words_of(SampleEncoder(Source::netdev).encode(fixture("real/net/dev"), kRoomy)),
            encode_netdev(parse_netdev(fixture("real/net/dev")).value(), kRoomy).value());
  EXPECT_EQ(words_of(SampleEncoder(Source::loadavg).encode(fixture("real/loadavg"), kRoomy)),
            encode_loadavg(parse_loadavg(fixture("real/loadavg")).value(), kRoomy).value());
}

TEST(SampleEncoder, ASmallerSampleAfterALargerOneCarriesNothingOfIt) {
  SampleEncoder encoder(Source::stat);
  const auto large = words_of(encoder.encode(fixture("cpu128/stat"), kRoomy));
  const auto small = words_of(encoder.encode(fixture("real/stat"), kRoomy));
  EXPECT_LT(small.size(), large.size());
  EXPECT_EQ(small, encode_stat(parse_stat(fixture("real/stat")).value(), kRoomy).value());
}

TEST(SampleEncoder, ParseAndSizeErrorsReadAsTheCodecs) {
  SampleEncoder encoder(Source::meminfo);
  const auto broken = encoder.encode("MemTotal: 12x kB\n", kRoomy);
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error(), parse_meminfo("MemTotal: 12x kB\n").error());

  const auto meminfo = fixture("real/meminfo");
  const auto too_big = encoder.encode(meminfo, 8);
  ASSERT_FALSE(too_big);
  EXPECT_EQ(too_big.error(), encode_meminfo(parse_meminfo(meminfo).value(), 8).error());
  // And the next good sample is whole again.
  EXPECT_EQ(words_of(encoder.encode(meminfo, kRoomy)),
            encode_meminfo(parse_meminfo(meminfo).value(), kRoomy).value());
}

}  // namespace
}  // namespace statline
