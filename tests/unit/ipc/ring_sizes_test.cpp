#include "ipc/ring_sizes.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>

namespace statline {
namespace {

namespace fs = std::filesystem;

TEST(RingSizes, ParseCpuList) {
  struct Case {
    const char* name;
    const char* list;
    std::optional<std::uint32_t> count;
  };
  const Case cases[] = {
      {"single cpu", "0", 1},
      {"range", "0-3", 4},
      {"ranges with a gap", "0-3,8-11", 8},
      {"sysfs newline", "0-3,8-11\n", 8},
      {"single and range", "0,2-3", 3},
      {"one-element range", "5-5", 1},
      {"large machine", "0-8191", 8192},
      {"empty", "", std::nullopt},
      {"only newline", "\n", std::nullopt},
      {"letters", "a-b", std::nullopt},
      {"reversed range", "3-1", std::nullopt},
      {"trailing comma", "0-3,", std::nullopt},
      {"leading comma", ",0", std::nullopt},
      {"double dash", "0--3", std::nullopt},
      {"open range", "0-", std::nullopt},
  };
  for (const Case& c : cases) EXPECT_EQ(parse_cpu_list(c.list), c.count) << c.name;
}

class RingSizesFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(::testing::TempDir()) /
            ("ring_sizes_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(root_ / "net");
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const std::string& relative, const std::string& text) {
    std::ofstream(root_ / relative) << text;
  }
  fs::path root_;
};

TEST_F(RingSizesFiles, MissingFilesFallBackToTheMinimums) {
  const RingSizes sizes = ring_sizes_for((root_ / "nothing").string(), 1.0);
  EXPECT_GE(sizes.max_cpus, 1u);  // the machine's possible CPUs
  EXPECT_EQ(sizes.max_interfaces, 256u);
  EXPECT_EQ(sizes.max_meminfo_entries, 256u);
  EXPECT_EQ(sizes.capacity, 30u);
}

TEST_F(RingSizesFiles, BoundsComeFromTheProcFiles) {
  // cpu4095 with gaps: the bound is the highest index, whatever sysfs says.
  write("stat",
        "cpu  1 2 3 4\ncpu0 1 2 3 4\ncpu7 1 2 3 4\ncpu4095 1 2 3 4\nctxt 5\n"
        "cpufreq-not-a-cpu 1\n");
  std::string netdev = "Inter-|   Receive\n face |bytes    packets\n";
  for (int i = 0; i < 100; ++i) netdev += "eth" + std::to_string(i) + ":1 2 3\n";
  write("net/dev", netdev);
  std::string meminfo;
  for (int i = 0; i < 200; ++i) meminfo += "Key" + std::to_string(i) + ": 1 kB\n";
  write("meminfo", meminfo);

  const RingSizes sizes = ring_sizes_for(root_.string(), 1.0);
  EXPECT_GE(sizes.max_cpus, 4096u);
  EXPECT_EQ(sizes.max_interfaces, 400u);
  EXPECT_EQ(sizes.max_meminfo_entries, 400u);
}

TEST_F(RingSizesFiles, SmallFilesKeepTheGenerousMinimums) {
  write("stat", "cpu  1 2 3 4\ncpu0 1 2 3 4\n");
  write("net/dev", "Inter-|\n face |\n    lo: 1 2 3\n  eth0:4 5 6\n");
  write("meminfo", "MemTotal: 1 kB\nMemFree: 1 kB\n");
  const RingSizes sizes = ring_sizes_for(root_.string(), 1.0);
  EXPECT_GE(sizes.max_cpus, 1u);
  EXPECT_EQ(sizes.max_interfaces, 256u);
  EXPECT_EQ(sizes.max_meminfo_entries, 256u);
}

TEST(RingSizes, CapacityHoldsThirtySecondsWithinBounds) {
  const std::string none = "/nonexistent-statline-proc";
  EXPECT_EQ(ring_sizes_for(none, 1.0).capacity, 30u);
  EXPECT_EQ(ring_sizes_for(none, 0.3).capacity, 100u);
  EXPECT_EQ(ring_sizes_for(none, 0.05).capacity, 600u);
  EXPECT_EQ(ring_sizes_for(none, 0.001).capacity, 4096u);
  EXPECT_EQ(ring_sizes_for(none, 7.0).capacity, 16u);
  EXPECT_EQ(ring_sizes_for(none, 3600.0).capacity, 16u);
  EXPECT_THROW(ring_sizes_for(none, 0.0), std::invalid_argument);
  EXPECT_THROW(ring_sizes_for(none, -1.0), std::invalid_argument);
}

}  // namespace
}  // namespace statline
