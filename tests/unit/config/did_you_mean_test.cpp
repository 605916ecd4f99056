#include "config/did_you_mean.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string_view>

namespace statline {
namespace {

TEST(ConfigEditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("interval", "interval"), 0u);
  EXPECT_EQ(edit_distance("intervall", "interval"), 1u);
  EXPECT_EQ(edit_distance("exlude", "exclude"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(ConfigEditDistance, AdjacentTranspositionCostsOne) {
  EXPECT_EQ(edit_distance("histroy", "history"), 1u);
  EXPECT_EQ(edit_distance("ab", "ba"), 1u);
  // Optimal string alignment: a transposed pair is not edited again.
  EXPECT_EQ(edit_distance("ca", "abc"), 3u);
}

constexpr std::array<std::string_view, 5> kKeys{"interval", "history", "socket", "proc_root",
                                                "max"};

TEST(ConfigDidYouMean, SuggestsTheClosestKey) {
  EXPECT_EQ(did_you_mean("intervall", kKeys), "interval");
  EXPECT_EQ(did_you_mean("histroy", kKeys), "history");
  EXPECT_EQ(did_you_mean("sockets", kKeys), "socket");
  EXPECT_EQ(did_you_mean("proc-root", kKeys), "proc_root");
  EXPECT_EQ(did_you_mean("procroot", kKeys), "proc_root");
}

TEST(ConfigDidYouMean, IgnoresCase) {
  EXPECT_EQ(did_you_mean("Interval", kKeys), "interval");
  EXPECT_EQ(did_you_mean("SOCKET", kKeys), "socket");
}

TEST(ConfigDidYouMean, StaysQuietWhenNothingIsClose) {
  EXPECT_EQ(did_you_mean("colour", kKeys), std::nullopt);
  EXPECT_EQ(did_you_mean("x", kKeys), std::nullopt);  // two edits from "max": too far for 1 char
  EXPECT_EQ(did_you_mean("interfaces", kKeys), std::nullopt);
  EXPECT_EQ(did_you_mean("anything", std::span<const std::string_view>{}), std::nullopt);
}

TEST(ConfigDidYouMean, AllowsMoreEditsForLongerNames) {
  EXPECT_EQ(did_you_mean("mx", kKeys), "max");           // short: one edit
  EXPECT_EQ(did_you_mean("intrvl", kKeys), "interval");  // 6 characters: two edits
  EXPECT_EQ(did_you_mean("sckt", kKeys), std::nullopt);  // 4 characters: two edits is too many
}

TEST(ConfigDidYouMean, TiesGoToTheEarlierCandidate) {
  constexpr std::array<std::string_view, 2> keys{"warn", "worn"};
  EXPECT_EQ(did_you_mean("wirn", keys), "warn");
}

}  // namespace
}  // namespace statline
