#include "server/descriptor_limit.hpp"

#include <gtest/gtest.h>

namespace statline {
namespace {

TEST(DescriptorLimit, RaisesTheSoftLimitForTheClientsPlusReserve) {
  EXPECT_EQ(wanted_descriptor_limit(1024, 1024, 524288), 1024 + kReservedDescriptors);
}

TEST(DescriptorLimit, StopsAtTheHardLimit) {
  EXPECT_EQ(wanted_descriptor_limit(1024, 512, 1024), 1024u);
}

TEST(DescriptorLimit, NeverLowersALimitSetHigherOnPurpose) {
  EXPECT_EQ(wanted_descriptor_limit(10, 65536, 524288), 65536u);
}

TEST(DescriptorLimit, UnlimitedHardLimit) {
  EXPECT_EQ(wanted_descriptor_limit(4000, 1024, RLIM_INFINITY), 4000 + kReservedDescriptors);
}

}  // namespace
}  // namespace statline
