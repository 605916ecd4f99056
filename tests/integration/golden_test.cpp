// Golden end-to-end test (STYLE.md, tests): the daemon on a recorded /proc fixture whose
// files never change, `statline get --json mem load` (values that do not depend on
// timing), diffed against tests/golden/<case>.json. STATLINE_UPDATE_GOLDEN=1 rewrites the
// golden file instead of comparing; review the diff before committing it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/spawn_process.hpp"

namespace statline::integration {
namespace {

class Golden : public testing::TestWithParam<std::string> {};

TEST_P(Golden, GetMemLoadMatchesTheGoldenFile) {
  const std::string name = GetParam();
  const auto proc_root = std::filesystem::path(STATLINE_FIXTURES) / "proc" / name;
  const auto golden = std::filesystem::path(STATLINE_GOLDEN) / (name + ".json");
  TempDir dir;
  DaemonProcess daemon(dir, DaemonSetup(proc_root, 0.1));
  ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
  const Json ready = wait_for_snapshot(
      daemon.socket(), [](const Json& s) { return has(s, "mem") && has(s, "load"); }, 3000ms);
  ASSERT_TRUE(has(ready, "mem") && has(ready, "load")) << ready.dump() << "\n" << daemon.log();

  const auto run = run_process(
      bin_path("statline"), {"--socket", daemon.socket().string(), "get", "--json", "mem", "load"});
  ASSERT_EQ(run.status, 0) << run.err;

  const char* update = std::getenv("STATLINE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(golden, std::ios::binary | std::ios::trunc) << run.out;
    std::cout << "updated " << golden << "\n";
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(golden))
      << golden << " is missing; create it with STATLINE_UPDATE_GOLDEN=1 and review it";
  EXPECT_EQ(run.out, read_file(golden))
      << "`statline get --json mem load` on fixture " << name << " differs from " << golden
      << "; if the change is intended, rerun with STATLINE_UPDATE_GOLDEN=1 and review the diff";
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Golden, testing::Values("real"),
                         [](const testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });

}  // namespace
}  // namespace statline::integration
