// collectd's own clients against statlined's socket: collectdctl (listval, getval, flush)
// and collectd-nagios (with warning and critical ranges), from Debian's collectd-utils
// (scripts/lib/deps.sh installs it). Their exact output and exit codes, with the values the
// synthetic /proc prescribes; only gauges and percentages, which do not depend on timing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <climits>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/spawn_process.hpp"

namespace statline::integration {
namespace {

constexpr double kInterval = 0.5;

std::string hostname() {
  char name[HOST_NAME_MAX + 1] = {};
  ::gethostname(name, sizeof name - 1);
  return name;
}

ProcessResult run_tool(const char* tool, const std::vector<std::string>& args) {
  const std::filesystem::path path = std::string("/usr/bin/") + tool;
  EXPECT_TRUE(std::filesystem::exists(path))
      << path << " is missing: install collectd-utils (scripts/test does)";
  return run_process(path, args, {}, 10000ms);
}

class Collectd : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
    ASSERT_TRUE(all_sources(wait_for_snapshot(d.socket(), all_sources, 5000ms)))
        << d.daemon.log();
  }

  // A core's percentages are missing for an interval in which the synthetic writer came
  // late (no ticks between two reads): retried a few times, like the snapshot tests.
  ProcessResult retried(const char* tool, const std::vector<std::string>& args) {
    ProcessResult result;
    for (int attempt = 0; attempt < 4; ++attempt) {
      result = run_tool(tool, args);
      if (result.out.find("No such value") == std::string::npos &&
          result.err.find("No such value") == std::string::npos) {
        break;
      }
      ::usleep(300'000);
    }
    return result;
  }

  SyntheticDaemon d{kInterval};
  const std::string socket = d.socket().string();
  const std::string host = hostname();
};

TEST_F(Collectd, CollectdctlListvalNamesEveryValue) {
  const auto result = run_tool("collectdctl", {"-s", socket, "listval"});
  EXPECT_EQ(result.status, 0) << result.err;
  std::string expected;
  for (int cpu = 0; cpu < 4; ++cpu) {
    for (const char* state :
         {"idle", "interrupt", "nice", "softirq", "steal", "system", "user", "wait"}) {
      expected += host + "/cpu-" + std::to_string(cpu) + "/percent-" + state + "\n";
    }
  }
  for (const char* interface : {"eth0", "lo", "wlan0"}) {
    for (const char* type : {"if_dropped", "if_errors", "if_octets", "if_packets"}) {
      expected += host + "/interface-" + interface + "/" + type + "\n";
    }
  }
  expected += host + "/load/load\n";
  for (const char* state : {"buffered", "cached", "free", "slab_recl", "slab_unrecl", "used"}) {
    expected += host + "/memory/memory-" + state + "\n";
  }
  EXPECT_EQ(result.out, expected);
}

TEST_F(Collectd, CollectdctlGetvalPrintsDataSources) {
  auto result = run_tool("collectdctl", {"-s", socket, "getval", host + "/load/load"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out, "shortterm=1.250000e+00\nmidterm=7.500000e-01\nlongterm=5.000000e-01\n");
  // collectdctl puts the local host name in front of an identifier without one.
  result = run_tool("collectdctl", {"-s", socket, "getval", "load/load"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out, "shortterm=1.250000e+00\nmidterm=7.500000e-01\nlongterm=5.000000e-01\n");
  // collectd's memory plugin: MemTotal − (MemFree + Buffers + Cached + Slab), in bytes:
  // 16384000 − (4096000 + 204800 + 2048000 + 106496) kB.
  result = run_tool("collectdctl", {"-s", socket, "getval", host + "/memory/memory-used"});
  EXPECT_EQ(result.out, "value=1.016699e+10\n");
  result = run_tool("collectdctl", {"-s", socket, "getval", host + "/memory/memory-slab_recl"});
  EXPECT_EQ(result.out, "value=1.048576e+08\n");
  // cpu3 spends 20 % of its ticks stolen.
  result = retried("collectdctl", {"-s", socket, "getval", host + "/cpu-3/percent-steal"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out, "value=2.000000e+01\n");
}

TEST_F(Collectd, CollectdctlErrorsAndFlush) {
  auto result = run_tool("collectdctl", {"-s", socket, "getval", host + "/load/nosuch"});
  EXPECT_NE(result.status, 0);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "ERROR: Server error: Type `nosuch' is unknown.\n");
  result = run_tool("collectdctl", {"-s", socket, "getval", "otherhost/load/load"});
  EXPECT_NE(result.status, 0);
  EXPECT_EQ(result.err, "ERROR: Server error: No such value.\n");
  result = run_tool("collectdctl", {"-s", socket, "flush"});
  EXPECT_EQ(result.status, 0) << result.err;
  result = run_tool("collectdctl", {"-s", socket, "flush", "plugin=cpu", "timeout=2"});
  EXPECT_EQ(result.status, 0) << result.err;
}

TEST_F(Collectd, NagiosOkayWarningCriticalByRange) {
  const std::string perf = " | shortterm=1.250000;;;; midterm=0.750000;;;; longterm=0.500000;;;;\n";
  auto result = run_tool("collectd-nagios", {"-s", socket, "-n", "load/load", "-H", host});
  EXPECT_EQ(result.status, 0) << result.out;
  EXPECT_EQ(result.out, "OKAY: 0 critical, 0 warning, 3 okay" + perf);
  // Nagios ranges: "1" is 0..1, "0:5" is 0..5; outside is a problem.
  result = run_tool("collectd-nagios",
                    {"-s", socket, "-n", "load/load", "-H", host, "-w", "1", "-c", "0:5"});
  EXPECT_EQ(result.status, 1) << result.out;
  EXPECT_EQ(result.out, "WARNING: 0 critical, 1 warning, 2 okay" + perf);
  result = run_tool("collectd-nagios",
                    {"-s", socket, "-n", "load/load", "-H", host, "-w", "0.6", "-c", "1"});
  EXPECT_EQ(result.status, 2) << result.out;
  EXPECT_EQ(result.out, "CRITICAL: 1 critical, 1 warning, 1 okay" + perf);
  // One data source, and an inverted range (@: inside is a problem).
  result = retried("collectd-nagios", {"-s", socket, "-n", "cpu-3/percent-steal", "-H", host,
                                       "-w", "@15:25"});
  EXPECT_EQ(result.status, 1) << result.out;
  EXPECT_EQ(result.out, "WARNING: 0 critical, 1 warning, 0 okay | value=20.000000;;;;\n");
  result = run_tool("collectd-nagios", {"-s", socket, "-n", "load/load", "-H", host, "-d",
                                        "longterm", "-g", "sum", "-c", "0.4"});
  EXPECT_EQ(result.status, 2) << result.out;
  EXPECT_EQ(result.out, "CRITICAL: 0.5 sum | longterm=0.500000;;;;\n");
}

TEST_F(Collectd, NagiosUnknownValueIsCritical) {
  const auto result =
      run_tool("collectd-nagios", {"-s", socket, "-n", "disk-sda/disk_octets", "-H", host});
  EXPECT_EQ(result.status, 2) << result.out;
  EXPECT_EQ(result.out,
            "ERROR: Retrieving values from the daemon failed: Server error: Type `disk_octets' is "
            "unknown..\n");
}

}  // namespace
}  // namespace statline::integration
