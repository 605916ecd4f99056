// Config file search order and socket path resolution, with a fake environment and
// files in a temporary directory.
#include "config/config_paths.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace statline {
namespace {

namespace fs = std::filesystem;

EnvLookup fake_env(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const char* name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

class ConfigSearch : public testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "statline-config-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    // The system file lives in the temp dir too, so the machine's /etc plays no part.
    system_ = (root_ / "etc/statline/config.yaml").string();
  }
  void TearDown() override { fs::remove_all(root_); }

  // Creates an empty file at root/relative and returns its full path.
  std::string touch(const std::string& relative) {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path).put('\n');
    return path.string();
  }
  std::string dir(const std::string& relative) const { return (root_ / relative).string(); }

  std::optional<std::string> find(const std::optional<std::string>& cli,
                                  std::map<std::string, std::string> env) const {
    return find_config_file(cli, fake_env(std::move(env)), system_);
  }

  fs::path root_;
  std::string system_;
};

TEST_F(ConfigSearch, NothingFoundMeansBuiltInDefaults) {
  EXPECT_EQ(find(std::nullopt, {}), std::nullopt);
  EXPECT_EQ(find(std::nullopt, {{"HOME", dir("home")}, {"XDG_CONFIG_HOME", dir("xdg")}}),
            std::nullopt);
}

TEST_F(ConfigSearch, CommandLineWinsAndIsNotCheckedForExistence) {
  touch("xdg/statline/config.yaml");
  touch("etc/statline/config.yaml");
  const std::string missing = dir("missing.yaml");
  // The user named this file: loading it must fail, not fall back to another one.
  EXPECT_EQ(
      find(missing, {{"STATLINE_CONFIG", touch("env.yaml")}, {"XDG_CONFIG_HOME", dir("xdg")}}),
      missing);
}

TEST_F(ConfigSearch, EnvironmentVariableIsNextAndNotCheckedForExistence) {
  touch("xdg/statline/config.yaml");
  const std::string missing = dir("missing.yaml");
  EXPECT_EQ(find(std::nullopt, {{"STATLINE_CONFIG", missing}, {"XDG_CONFIG_HOME", dir("xdg")}}),
            missing);
}

TEST_F(ConfigSearch, EmptyEnvironmentVariableCountsAsUnset) {
  const std::string xdg_file = touch("xdg/statline/config.yaml");
  EXPECT_EQ(find(std::nullopt, {{"STATLINE_CONFIG", ""}, {"XDG_CONFIG_HOME", dir("xdg")}}),
            xdg_file);
}

TEST_F(ConfigSearch, XdgConfigHomeBeforeHomeAndSystem) {
  const std::string xdg_file = touch("xdg/statline/config.yaml");
  touch("home/.config/statline/config.yaml");
  touch("etc/statline/config.yaml");
  EXPECT_EQ(find(std::nullopt, {{"XDG_CONFIG_HOME", dir("xdg")}, {"HOME", dir("home")}}), xdg_file);
}

TEST_F(ConfigSearch, TrailingSlashInXdgConfigHome) {
  const std::string xdg_file = touch("xdg/statline/config.yaml");
  EXPECT_EQ(find(std::nullopt, {{"XDG_CONFIG_HOME", dir("xdg") + "/"}}), xdg_file);
}

TEST_F(ConfigSearch, HomeDotConfigWhenXdgConfigHomeIsUnset) {
  const std::string home_file = touch("home/.config/statline/config.yaml");
  EXPECT_EQ(find(std::nullopt, {{"HOME", dir("home")}}), home_file);
  EXPECT_EQ(find(std::nullopt, {{"HOME", dir("home")}, {"XDG_CONFIG_HOME", ""}}), home_file);
  // XDG: a relative path in the variable is invalid and ignored.
  EXPECT_EQ(find(std::nullopt, {{"HOME", dir("home")}, {"XDG_CONFIG_HOME", "relative/xdg"}}),
            home_file);
}

TEST_F(ConfigSearch, XdgConfigHomeSetButWithoutFileDoesNotFallBackToHome) {
  // Standard XDG: $HOME/.config is the default *instead of* XDG_CONFIG_HOME, not a
  // second place to look.
  touch("home/.config/statline/config.yaml");
  const std::string system_file = touch("etc/statline/config.yaml");
  EXPECT_EQ(find(std::nullopt, {{"XDG_CONFIG_HOME", dir("xdg")}, {"HOME", dir("home")}}),
            system_file);
}

TEST_F(ConfigSearch, SystemFileLast) {
  const std::string system_file = touch("etc/statline/config.yaml");
  EXPECT_EQ(find(std::nullopt, {{"HOME", dir("home")}}), system_file);
}

TEST_F(ConfigSearch, ImplicitFileThatExistsButIsUnreadableIsStillReturned) {
  // So the loader reports "cannot read" instead of silently running on defaults.
  const std::string system_file = touch("etc/statline/config.yaml");
  fs::permissions(system_file, fs::perms::none);
  EXPECT_EQ(find(std::nullopt, {}), system_file);
}

TEST(ConfigSocketPath, StatlineSocketFirst) {
  EXPECT_EQ(default_socket_path(fake_env({{"STATLINE_SOCKET", "/srv/s.sock"},
                                          {"XDG_RUNTIME_DIR", "/run/user/1000"}}),
                                1000),
            "/srv/s.sock");
}

TEST(ConfigSocketPath, XdgRuntimeDirNext) {
  EXPECT_EQ(default_socket_path(fake_env({{"XDG_RUNTIME_DIR", "/run/user/1000"}}), 1000),
            "/run/user/1000/statline.sock");
  EXPECT_EQ(default_socket_path(fake_env({{"XDG_RUNTIME_DIR", "/run/user/1000/"}}), 1000),
            "/run/user/1000/statline.sock");
  EXPECT_EQ(default_socket_path(
                fake_env({{"STATLINE_SOCKET", ""}, {"XDG_RUNTIME_DIR", "/run/user/1000"}}), 1000),
            "/run/user/1000/statline.sock");
}

TEST(ConfigSocketPath, TmpWithUidLast) {
  EXPECT_EQ(default_socket_path(fake_env({}), 1000), "/tmp/statline-1000.sock");
  EXPECT_EQ(default_socket_path(fake_env({{"XDG_RUNTIME_DIR", ""}}), 0), "/tmp/statline-0.sock");
  EXPECT_EQ(default_socket_path(fake_env({{"XDG_RUNTIME_DIR", "run/user"}}), 42),
            "/tmp/statline-42.sock");
}

TEST(ConfigSocketPath, ConfigSocketWinsWhenSet) {
  const EnvLookup env = fake_env({{"STATLINE_SOCKET", "/srv/s.sock"}});
  Config config;
  EXPECT_EQ(effective_socket_path(config, env, 1000), "/srv/s.sock");
  config.socket = "/etc/override.sock";
  EXPECT_EQ(effective_socket_path(config, env, 1000), "/etc/override.sock");
}

TEST(ConfigSocketPath, ProcessEnvReadsTheRealEnvironment) {
  ::setenv("STATLINE_TEST_VARIABLE", "value", 1);
  EXPECT_EQ(process_env()("STATLINE_TEST_VARIABLE"), "value");
  ::unsetenv("STATLINE_TEST_VARIABLE");
  EXPECT_EQ(process_env()("STATLINE_TEST_VARIABLE"), std::nullopt);
}

}  // namespace
}  // namespace statline
