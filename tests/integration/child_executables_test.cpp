// The collectors run statline-collector, found beside statlined; what a user sees when it
// is missing, when it is run by hand, and that the processes are the right programs.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/daemon_process.hpp"
#include "tests/integration/spawn_process.hpp"
#include "tests/integration/temp_dir.hpp"

namespace statline::integration {
namespace {

namespace fs = std::filesystem;

const fs::path kRealProc = fs::path(STATLINE_FIXTURES) / "proc/real";

fs::path executable_of(pid_t pid) {
  return fs::read_symlink("/proc/" + std::to_string(pid) + "/exe");
}

std::string title_of(pid_t pid) {
  std::string cmdline = read_file("/proc/" + std::to_string(pid) + "/cmdline");
  return cmdline.substr(0, cmdline.find('\0'));
}

TEST(ChildExecutables, CollectorsRunStatlineCollectorAndTheAggregatorRunsStatlined) {
  TempDir dir;
  DaemonProcess daemon(dir, DaemonSetup(kRealProc, 0.5));
  ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
  ASSERT_TRUE(eventually([&] { return daemon.children().size() == 5; }, 5000ms)) << daemon.log();
  int collectors = 0;
  for (const pid_t child : daemon.children()) {
    const auto title = title_of(child);
    if (title.starts_with("statlined: collector ")) {
      ++collectors;
      EXPECT_EQ(executable_of(child), fs::canonical(bin_path("statline-collector"))) << title;
    } else {
      EXPECT_EQ(title, "statlined: aggregator");
      EXPECT_EQ(executable_of(child), fs::canonical(bin_path("statlined")));
    }
  }
  EXPECT_EQ(collectors, 4);
  // And they sample: the values arrive from those processes.
  EXPECT_TRUE(eventually(
      [&] {
        auto snapshot = query(daemon.socket(), "get");  // non-const: a null group reads as empty
        return snapshot["mem"]["total"].is_number() && snapshot["load"]["avg1"].is_number();
      },
      5000ms))
      << daemon.log();
}

TEST(ChildExecutables, AStatlinedWithoutItsCollectorProgramSaysWhereItLookedAndStops) {
  TempDir dir;
  const auto lonely = dir / "statlined";
  fs::copy_file(bin_path("statlined"), lonely);
  DaemonSetup setup(kRealProc, 0.5);
  setup.binary = lonely;
  DaemonProcess daemon(dir, setup);
  EXPECT_EQ(daemon.wait_exit(5000ms), 71) << daemon.log();
  const auto log = daemon.log();
  EXPECT_NE(
      log.find("cannot find statline-collector: tried " + (dir / "statline-collector").string()),
      std::string::npos)
      << log;
  EXPECT_FALSE(fs::exists(daemon.socket())) << "no socket may be left behind";
}

TEST(ChildExecutables, StatlineCollectorRunByHandExplainsItselfAndExits) {
  const auto result = run_process(bin_path("statline-collector"), {});
  EXPECT_EQ(result.status, 64);
  EXPECT_NE(result.err.find("statline-collector reads one /proc file for statlined"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(run_process(bin_path("statline-collector"), {"--help"}).status, 0);
}

TEST(ChildExecutables, ACollectorSpecGivenToStatlinedIsRefused) {
  const auto result = run_process(bin_path("statlined"), {},
                                  {"STATLINE_CHILD=collector stat config=3 ring=4 bell=5"});
  EXPECT_EQ(result.status, 70);  // EX_SOFTWARE
  EXPECT_NE(result.err.find("collector stat is run by statline-collector"), std::string::npos)
      << result.err;
}

}  // namespace
}  // namespace statline::integration
