// What `cmake --install` delivers, checked the way systemd would: the installed units
// name the installed binary in ExecStart=, `systemd-analyze verify` accepts them as they
// are (no warnings), and `systemd-analyze security --offline=true` rates the system
// service at most 2.0. No running systemd is needed for any of it.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/daemon_process.hpp"
#include "tests/integration/spawn_process.hpp"
#include "tests/integration/temp_dir.hpp"

namespace statline::integration {
namespace {

namespace fs = std::filesystem;

constexpr const char* kAnalyze = "/usr/bin/systemd-analyze";

// One install per test binary run: a prefix in /tmp holding what a package would.
class InstalledUnits : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    prefix_dir_ = new TempDir;
    const auto result =
        run_process(STATLINE_CMAKE_COMMAND,
                    {"--install", STATLINE_BUILD_DIR, "--prefix", prefix().string()}, {}, 60000ms);
    install_status_ = result.status;
    install_output_ = result.out + result.err;
  }
  static void TearDownTestSuite() {
    delete prefix_dir_;
    prefix_dir_ = nullptr;
  }
  void SetUp() override {
    ASSERT_EQ(install_status_, 0) << install_output_;
    ASSERT_TRUE(fs::exists(kAnalyze))
        << kAnalyze << " is missing: install the systemd package (scripts/test does)";
  }

  static fs::path prefix() { return prefix_dir_->path() / "usr"; }
  static fs::path system_units() { return prefix() / "lib/systemd/system"; }
  static fs::path user_units() { return prefix() / "lib/systemd/user"; }

  static std::string exec_start(const fs::path& unit) {
    std::istringstream lines(read_file(unit));
    for (std::string line; std::getline(lines, line);) {
      if (line.starts_with("ExecStart=")) return line.substr(10);
    }
    return "";
  }

  static inline TempDir* prefix_dir_ = nullptr;
  static inline int install_status_ = -1;
  static inline std::string install_output_;
};

TEST_F(InstalledUnits, EverythingLandsWhereSystemdAndManLookAndExecStartIsTheInstalledBinary) {
  for (const auto& file :
       {system_units() / "statline.service", system_units() / "statline.socket",
        user_units() / "statline.service", user_units() / "statline.socket",
        prefix() / "lib/sysusers.d/statline.conf", prefix() / "bin/statlined",
        prefix() / "libexec/statline/statline-collector", prefix() / "bin/statline",
        prefix() / "share/man/man8/statlined.8", prefix() / "share/man/man1/statline.1",
        prefix() / "share/doc/statline/config.example.yaml",
        prefix() / "share/tmux-plugins/statline/statline.tmux"}) {
    EXPECT_TRUE(fs::exists(file)) << file << "\n" << install_output_;
  }
  const auto statlined = (prefix() / "bin/statlined").string();
  EXPECT_EQ(exec_start(system_units() / "statline.service"),
            statlined + " --access-group statline");
  EXPECT_EQ(exec_start(user_units() / "statline.service"), statlined);
  const auto help = run_process(prefix() / "bin/statlined", {"--help"});
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("READY=1"), std::string::npos) << help.out;
}

TEST_F(InstalledUnits, TheInstalledStatlinedRunsTheInstalledCollectors) {
  ASSERT_EQ(install_status_, 0) << install_output_;
  TempDir dir;
  DaemonSetup setup(fs::path(STATLINE_FIXTURES) / "proc/real", 0.5);
  setup.binary = prefix() / "bin/statlined";
  DaemonProcess daemon(dir, setup);
  ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
  const auto collector = fs::canonical(prefix() / "libexec/statline/statline-collector");
  ASSERT_TRUE(eventually(
      [&] {
        int from_libexec = 0;
        for (const pid_t child : daemon.children()) {
          std::error_code error;
          const auto exe = fs::read_symlink("/proc/" + std::to_string(child) + "/exe", error);
          if (!error && exe == collector) ++from_libexec;
        }
        return from_libexec == 4;
      },
      5000ms))
      << daemon.log();
  // And they sample: the first values arrive from those processes.
  EXPECT_TRUE(
      eventually([&] { return query(daemon.socket(), "get")["mem"]["total"].is_number(); }, 5000ms))
      << daemon.log();
}

TEST_F(InstalledUnits, SystemdAnalyzeVerifyAcceptsTheSystemUnits) {
  const auto result =
      run_process(kAnalyze,
                  {"verify", "--man=no", (system_units() / "statline.socket").string(),
                   (system_units() / "statline.service").string()},
                  {}, 30000ms);
  EXPECT_EQ(result.status, 0) << result.out << result.err;
  EXPECT_EQ(result.err, "");
}

TEST_F(InstalledUnits, SystemdAnalyzeVerifyAcceptsTheUserUnits) {
  // A user manager resolves %t from XDG_RUNTIME_DIR; no user manager has to run.
  TempDir runtime;
  const auto result =
      run_process(kAnalyze,
                  {"--user", "verify", "--man=no", (user_units() / "statline.socket").string(),
                   (user_units() / "statline.service").string()},
                  {"XDG_RUNTIME_DIR=" + runtime.path().string()}, 30000ms);
  EXPECT_EQ(result.status, 0) << result.out << result.err;
  EXPECT_EQ(result.err, "");
}

TEST_F(InstalledUnits, SystemServiceExposureIsAtMostTwo) {
  // --threshold is in tenths: exit status 1 above 2.0.
  const auto result = run_process(kAnalyze,
                                  {"security", "--offline=true", "--threshold=20", "--no-pager",
                                   (system_units() / "statline.service").string()},
                                  {}, 30000ms);
  EXPECT_EQ(result.status, 0) << result.out << result.err;
  std::smatch match;
  const std::string out = result.out;
  ASSERT_TRUE(std::regex_search(
      out, match, std::regex(R"(Overall exposure level for statline\.service: (\d+\.\d+))")))
      << out << result.err;
  const double exposure = std::stod(match[1]);
  EXPECT_LE(exposure, 2.0) << out;
  RecordProperty("exposure", match[1].str());
  std::printf("systemd-analyze security: statline.service exposure %s\n", match[1].str().c_str());
}

}  // namespace
}  // namespace statline::integration
