// Shared by the four parser tests: reading fixture files and the table-case shape, so
// each test file holds only its cases.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <ostream>
#include <sstream>
#include <string>

#include "collectors/parse_result.hpp"

namespace statline::test_support {

// The text of tests/fixtures/proc/<relative>, e.g. "real/net/dev". Fails the test
// (rather than parsing an empty string) when the file is missing.
inline std::string read_proc_fixture(const std::string& relative) {
  const std::string path = std::string(STATLINE_FIXTURES) + "/proc/" + relative;
  std::ifstream file(path, std::ios::binary);
  EXPECT_TRUE(file.is_open()) << "missing fixture " << path;
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// One row of a parser's case table: input text and either the whole expected sample or
// the exact error message a user would see.
template <class Sample>
struct ParserCase {
  std::string name;  // becomes the test name: letters, digits and '_' only
  std::string text;
  Result<Sample> expected;

  friend void PrintTo(const ParserCase& row, std::ostream* os) { *os << row.name; }
};

// Names parameterized tests after their row.
struct CaseName {
  template <class Info>
  std::string operator()(const Info& info) const {
    return info.param.name;
  }
};

template <class Sample>
void expect_parsed(const Result<Sample>& actual, const Result<Sample>& expected) {
  if (expected.ok()) {
    ASSERT_TRUE(actual.ok()) << "unexpected error: " << actual.error();
    EXPECT_EQ(actual.value(), expected.value());
  } else {
    ASSERT_FALSE(actual.ok()) << "expected error: " << expected.error()
                              << "\nbut parsed: " << ::testing::PrintToString(actual.value());
    EXPECT_EQ(actual.error(), expected.error());
  }
}

}  // namespace statline::test_support
