#include "sampler/proc_file_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace statline {
namespace {

class ProcFileReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/statline-reader-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::system(("rm -rf " + dir_).c_str()); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ + "/" + name, std::ios::trunc) << text;
  }
  std::string dir_;
};

TEST_F(ProcFileReaderTest, ReadsTheWholeFileEvenWhenItIsLargerThanTheBuffer) {
  // Larger than the initial buffer: like the intr line of a big machine (> 64 KiB).
  std::string big = "intr";
  while (big.size() < 200 * 1024) big += " 12345";
  big += "\n";
  write("stat", big);
  ProcFileReader reader(dir_ + "/stat");
  const auto text = reader.read();
  ASSERT_TRUE(text) << text.error();
  EXPECT_EQ(text.value(), big);
}

TEST_F(ProcFileReaderTest, RereadsTheSameOpenFileFromOffsetZero) {
  write("loadavg", "0.10 0.20 0.30 1/100 42\n");
  ProcFileReader reader(dir_ + "/loadavg");
  ASSERT_EQ(reader.read().value(), "0.10 0.20 0.30 1/100 42\n");
  // Rewritten in place, as /proc regenerates on every read.
  write("loadavg", "0.50 0.20 0.30 2/100 43\n");
  ASSERT_EQ(reader.read().value(), "0.50 0.20 0.30 2/100 43\n");
}

TEST_F(ProcFileReaderTest, AMissingFileIsAnErrorUntilItAppears) {
  ProcFileReader reader(dir_ + "/meminfo");
  const auto missing = reader.read();
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error(), dir_ + "/meminfo: open: No such file or directory");
  write("meminfo", "MemTotal: 1 kB\n");
  EXPECT_EQ(reader.read().value(), "MemTotal: 1 kB\n");
}

TEST_F(ProcFileReaderTest, AnEmptyFileReadsAsEmpty) {
  write("stat", "");
  ProcFileReader reader(dir_ + "/stat");
  const auto text = reader.read();
  ASSERT_TRUE(text);
  EXPECT_TRUE(text.value().empty());
}

}  // namespace
}  // namespace statline
