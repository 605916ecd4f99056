// DESIGN §1 process shape: five children with their ps titles, reported by `status`, and
// all gone after SIGTERM/SIGINT with exit 0 and the socket file removed.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/process_table.hpp"
#include "tests/integration/spawn_process.hpp"

namespace statline::integration {
namespace {

constexpr double kInterval = 0.2;

const std::multiset<std::string> kTitles{
    "statlined: collector stat", "statlined: collector meminfo", "statlined: collector netdev",
    "statlined: collector loadavg", "statlined: aggregator"};

bool collectors_have_samples(const Json& status) {
  if (!status.is_object() || !status["children"].is_array()) return false;
  for (const auto& child : status["children"]) {
    // samples counts what the collector published, last_sample_age what the aggregator
    // took in (up to 20 ms later, it coalesces the four sources): wait for both.
    if (child["role"].get<std::string>().starts_with("collector") &&
        !(child["samples"].is_number() && child["samples"].get<double>() > 0 &&
          child["last_sample_age"].is_number())) {
      return false;
    }
  }
  return status["children"].size() == 5;
}

TEST(ProcessTree, PsShowsExactlyFiveTitledChildren) {
  SyntheticDaemon d(kInterval);
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
  // Children exist from fork on and carry their titles from the exec: poll until then.
  std::multiset<std::string> titles;
  eventually(
      [&] {
        titles.clear();
        for (const pid_t child : d.daemon.children()) titles.insert(process_args(child));
        return titles == kTitles;
      },
      2000ms);
  EXPECT_EQ(titles, kTitles);
  EXPECT_EQ(process_args(d.daemon.pid()).rfind(bin_path("statlined").string(), 0), 0u)
      << process_args(d.daemon.pid());
}

TEST(ProcessTree, StatusListsFiveRunningChildren) {
  SyntheticDaemon d(kInterval);
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
  Json status;
  ASSERT_TRUE(eventually(
      [&] { return collectors_have_samples(status = query(d.socket(), "status")); }, 3000ms))
      << status.dump() << "\n"
      << d.daemon.log();

  EXPECT_TRUE(status["version"].is_string());
  EXPECT_GT(status["uptime"].get<double>(), 0);
  EXPECT_LT(status["uptime"].get<double>(), 30);
  EXPECT_EQ(status["config"], (d.dir / "config.yaml").string());
  EXPECT_EQ(status["socket"], d.socket().string());
  EXPECT_EQ(status["interval"], kInterval);
  EXPECT_GE(status["clients"].get<int>(), 1);

  const auto real_children = d.daemon.children();
  std::multiset<std::string> roles;
  for (const auto& child : status["children"]) {
    const auto role = child["role"].get<std::string>();
    roles.insert("statlined: " + role);
    EXPECT_EQ(child["state"], "running") << child.dump();
    const pid_t pid = child["pid"].get<pid_t>();
    EXPECT_TRUE(std::count(real_children.begin(), real_children.end(), pid) == 1)
        << role << " pid " << pid << " is not a child of the supervisor";
    EXPECT_EQ(process_args(pid), "statlined: " + role);
    EXPECT_EQ(child["restarts"], 0) << child.dump();
    EXPECT_TRUE(child["last_exit"].is_null()) << child.dump();
    if (role.starts_with("collector")) {
      EXPECT_TRUE(child["last_error"].is_null()) << child.dump();
      EXPECT_EQ(child["lost"], 0) << child.dump();
      // Every sample so far is kept, each in far fewer bytes than its raw slot.
      EXPECT_GE(child["history_samples"].get<int>(), 1) << child.dump();
      EXPECT_GT(child["history_bytes"].get<int>(), 0) << child.dump();
      EXPECT_LT(child["history_bytes"].get<int>(), child["history_samples"].get<int>() * 1024)
          << child.dump();
      EXPECT_TRUE(child["last_sample_age"].is_number() &&
                  child["last_sample_age"].get<double>() < 3 * kInterval)
          << child.dump();
    }
  }
  EXPECT_EQ(roles, kTitles);

  // The client's view of the same.
  const auto run =
      run_process(bin_path("statline"), {"--socket", d.socket().string(), "status", "--json"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(parse(run.out)["children"].size(), 5u) << run.out;
  const auto table = run_process(bin_path("statline"), {"--socket", d.socket().string(), "status"});
  EXPECT_EQ(table.status, 0) << table.err;
  EXPECT_NE(table.out.find("aggregator"), std::string::npos) << table.out;
}

class Shutdown : public testing::TestWithParam<int> {};

TEST_P(Shutdown, ExitsZeroRemovesTheSocketAndLeavesNoChild) {
  SyntheticDaemon d(kInterval);
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
  std::vector<pid_t> children;
  eventually([&] { return (children = d.daemon.children()).size() >= 5; }, 2000ms);
  ASSERT_EQ(children.size(), 5u);

  const auto start = std::chrono::steady_clock::now();
  const auto status = d.daemon.stop(2000ms, GetParam());
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(status) << "still running 2 s after signal " << GetParam() << "\n" << d.daemon.log();
  EXPECT_EQ(*status, 0) << d.daemon.log();
  EXPECT_LT(took, 2000ms);
  EXPECT_FALSE(std::filesystem::exists(d.socket())) << "socket file left behind";
  // The supervisor stops its children in order before it exits; a child that outlived
  // it (orphaned, even as a zombie) is reported. A short grace covers a child that init
  // has not reaped yet.
  std::vector<pid_t> at_exit;
  for (const pid_t child : children) {
    if (process_info(child)) at_exit.push_back(child);
  }
  if (!at_exit.empty()) {
    std::cout << at_exit.size() << " children still existed when the supervisor exited\n";
  }
  std::vector<pid_t> left;
  eventually(
      [&] {
        left.clear();
        for (const pid_t child : at_exit) {
          if (process_alive(child)) left.push_back(child);
        }
        return left.empty();
      },
      300ms);
  for (const pid_t child : left) {
    ADD_FAILURE() << "child " << child << " (" << process_args(child)
                  << ") still running after the supervisor exited";
    if (process_args(child).starts_with("statlined:")) ::kill(child, SIGKILL);
  }
}

INSTANTIATE_TEST_SUITE_P(Signals, Shutdown, testing::Values(SIGTERM, SIGINT),
                         [](const testing::TestParamInfo<int>& info) {
                           return info.param == SIGTERM ? std::string("SIGTERM")
                                                        : std::string("SIGINT");
                         });

}  // namespace
}  // namespace statline::integration
