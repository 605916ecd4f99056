// Start-up refusals (DESIGN §5, §6): a bad config exits 78 naming file:line:column and
// leaves no socket behind; a bad command line exits 64; --check-config prints the
// effective config.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "tests/integration/daemon_process.hpp"
#include "tests/integration/spawn_process.hpp"

namespace statline::integration {
namespace {

const std::filesystem::path kRealProc = std::filesystem::path(STATLINE_FIXTURES) / "proc/real";

struct Refusal {
  int status = -1;
  std::string log;
  bool socket_left = false;
};

Refusal start_with_config(const std::string& config_text) {
  TempDir dir;
  const auto config = dir.write("config.yaml", config_text);
  DaemonProcess daemon(
      dir, std::vector<std::string>{"--proc-root", kRealProc.string(), "--socket",
                                    (dir / "statline.sock").string(), "--config", config.string()});
  const auto status = daemon.wait_exit(5000ms);
  return {status.value_or(-1), daemon.log(), std::filesystem::exists(daemon.socket())};
}

TEST(ConfigErrors, MisspeltKeyNamesPositionAndSuggestion) {
  const auto refusal = start_with_config("intervall: 1\n");
  EXPECT_EQ(refusal.status, 78) << refusal.log;
  EXPECT_NE(refusal.log.find("config.yaml:1:1"), std::string::npos) << refusal.log;
  EXPECT_NE(refusal.log.find("did you mean \"interval\""), std::string::npos) << refusal.log;
  EXPECT_FALSE(refusal.socket_left);
}

TEST(ConfigErrors, BadValueNamesLineAndColumn) {
  const auto refusal = start_with_config("history: 60\ninterval: fast\n");
  EXPECT_EQ(refusal.status, 78) << refusal.log;
  // The value "fast" starts at line 2, column 11.
  EXPECT_TRUE(std::regex_search(refusal.log, std::regex(R"(config\.yaml:2:(1|11)\b)")))
      << refusal.log;
  EXPECT_NE(refusal.log.find("interval"), std::string::npos) << refusal.log;
  EXPECT_NE(refusal.log.find("fast"), std::string::npos) << refusal.log;
  EXPECT_FALSE(refusal.socket_left);
}

TEST(ConfigErrors, UnknownOptionIsAUsageError) {
  TempDir dir;
  DaemonProcess daemon(dir, std::vector<std::string>{"--no-such-option"});
  EXPECT_EQ(daemon.wait_exit(5000ms), 64) << daemon.log();
}

TEST(ConfigErrors, CheckConfigPrintsTheEffectiveConfig) {
  TempDir dir;
  const auto config = dir.write("config.yaml", "interval: 2.5\n");
  const auto run =
      run_process(bin_path("statlined"), {"--check-config", "--config", config.string()});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(std::regex_search(run.out, std::regex(R"((^|\n)interval: 2\.5\b)"))) << run.out;
  EXPECT_TRUE(std::regex_search(run.out, std::regex(R"((^|\n)history: )"))) << run.out;

  const auto bad = dir.write("bad.yaml", "intervall: 1\n");
  const auto refused =
      run_process(bin_path("statlined"), {"--check-config", "--config", bad.string()});
  EXPECT_EQ(refused.status, 78) << refused.err;
}

}  // namespace
}  // namespace statline::integration
