// Logging as the journal receives it: systemd connects stderr to journald and names that
// stream in JOURNAL_STREAM=<dev>:<inode>; every process of the daemon then prefixes
// each line with its sd-daemon <N> priority, and the config's log_level filters.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include <regex>
#include <sstream>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/process_table.hpp"

namespace statline::integration {
namespace {

constexpr double kInterval = 0.1;

// The daemon's stderr file exists before it starts, so its inode is known: what
// JOURNAL_STREAM says about systemd's stream.
std::string journal_stream_for(const std::filesystem::path& log) {
  struct stat st {};
  if (::stat(log.c_str(), &st) != 0) return "";
  return "JOURNAL_STREAM=" + std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

TEST(SystemdJournal, EveryLineCarriesItsPriorityAndLogLevelFilters) {
  TempDir dir;
  SyntheticProc proc(dir / "proc", default_model(kInterval));
  DaemonSetup setup(dir / "proc", kInterval);
  setup.config_text = "log_level: warning\n";
  setup.extra_env.push_back(journal_stream_for(dir.write("daemon.log", "")));
  DaemonProcess daemon(dir, setup);
  ASSERT_TRUE(daemon.wait_ready()) << daemon.log();

  // A warning from the supervisor (a child died) and one from a collector (its file).
  pid_t netdev = -1;
  for (const pid_t child : daemon.children()) {
    if (process_args(child) == "statlined: collector netdev") netdev = child;
  }
  ASSERT_GT(netdev, 0);
  ASSERT_EQ(::kill(netdev, SIGKILL), 0);
  proc.override_file("meminfo", "MemTotal:       12x kB\n");
  const auto logged = [&](const char* text) {
    return daemon.log().find(text) != std::string::npos;
  };
  ASSERT_TRUE(eventually(
      [&] {
        return logged("<4>supervisor: collector netdev ended (signal 9") &&
               logged("<4>collector meminfo: ");
      },
      5000ms))
      << daemon.log();
  EXPECT_EQ(daemon.stop(), 0);

  const auto lines = lines_of(daemon.log());
  const std::regex prefixed(
      R"(<[34]>(supervisor|aggregator|collector (stat|meminfo|netdev|loadavg)): .+)");
  for (const auto& line : lines) {
    EXPECT_TRUE(std::regex_match(line, prefixed)) << "unprefixed or below warning: " << line;
  }
}

TEST(SystemdJournal, AStreamThatIsNotStderrGetsPlainLines) {
  // JOURNAL_STREAM inherited from a journal-logged shell, stderr redirected elsewhere.
  TempDir dir;
  SyntheticProc proc(dir / "proc", default_model(kInterval));
  DaemonSetup setup(dir / "proc", kInterval);
  setup.extra_env.push_back(journal_stream_for(dir.write("elsewhere.log", "")));
  DaemonProcess daemon(dir, setup);
  ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
  EXPECT_EQ(daemon.stop(), 0);
  const auto lines = lines_of(daemon.log());
  ASSERT_FALSE(lines.empty());
  for (const auto& line : lines) EXPECT_TRUE(line.starts_with("statlined: ")) << line;
}

}  // namespace
}  // namespace statline::integration
