// Compares a test's whole output with a file under tests/golden/. With
// STATLINE_UPDATE_GOLDEN=1 the file is rewritten instead; review the diff before
// committing it.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace statline::testing {

inline void expect_golden(const std::string& relative_path, const std::string& actual) {
  const auto golden = std::filesystem::path(STATLINE_GOLDEN) / relative_path;
  if (const char* update = std::getenv("STATLINE_UPDATE_GOLDEN"); update && *update == '1') {
    std::filesystem::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary | std::ios::trunc) << actual;
    std::cout << "updated " << golden << "\n";
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(golden))
      << golden << " is missing; create it with STATLINE_UPDATE_GOLDEN=1 and review it";
  std::ifstream in(golden, std::ios::binary);
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str()) << "output differs from " << golden
                                    << " (STATLINE_UPDATE_GOLDEN=1 rewrites it)";
}

}  // namespace statline::testing
