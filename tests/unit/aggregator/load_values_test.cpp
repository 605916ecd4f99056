#include "aggregator/load_values.hpp"

#include <gtest/gtest.h>

namespace statline {
namespace {

TEST(LoadValues, CopiesTheAveragesAndRunnableOverTotal) {
  const LoadavgSample sample{0.52, 0.58, 0.59, 2, 1234, 56789};
  EXPECT_EQ(load_values(sample), (LoadValues{0.52, 0.58, 0.59, 2, 1234}));
}

}  // namespace
}  // namespace statline
