#include "client/socket_path.hpp"

#include <gtest/gtest.h>

#include <map>

namespace statline::client {
namespace {

EnvLookup fake_env(std::map<std::string, std::string> variables) {
  return [variables = std::move(variables)](const char* name) -> std::optional<std::string> {
    const auto found = variables.find(name);
    if (found == variables.end()) return std::nullopt;
    return found->second;
  };
}

bool nothing_exists(const std::string&) {
  return false;
}

const std::map<std::string, std::string> kBoth{{"STATLINE_SOCKET", "/srv/s.sock"},
                                               {"XDG_RUNTIME_DIR", "/run/user/1000"}};

TEST(SocketPath, OptionWinsOverEverything) {
  EXPECT_EQ(resolve_socket_path("/opt/x.sock", fake_env(kBoth), 1000, nothing_exists),
            "/opt/x.sock");
}

TEST(SocketPath, StatlineSocketBeforeXdg) {
  EXPECT_EQ(resolve_socket_path(std::nullopt, fake_env(kBoth), 1000, nothing_exists),
            "/srv/s.sock");
}

TEST(SocketPath, XdgRuntimeDir) {
  EXPECT_EQ(resolve_socket_path(std::nullopt, fake_env({{"XDG_RUNTIME_DIR", "/run/user/1000"}}),
                                1000, nothing_exists),
            "/run/user/1000/statline.sock");
  EXPECT_EQ(resolve_socket_path(std::nullopt, fake_env({{"XDG_RUNTIME_DIR", "/run/user/1000/"}}),
                                1000, nothing_exists),
            "/run/user/1000/statline.sock");
}

TEST(SocketPath, TmpWithUidLast) {
  EXPECT_EQ(resolve_socket_path(std::nullopt, fake_env({}), 1234, nothing_exists),
            "/tmp/statline-1234.sock");
}

TEST(SocketPath, EmptyValuesCountAsUnset) {
  EXPECT_EQ(resolve_socket_path(std::string(),
                                fake_env({{"STATLINE_SOCKET", ""}, {"XDG_RUNTIME_DIR", ""}}), 7,
                                nothing_exists),
            "/tmp/statline-7.sock");
}

TEST(SocketPath, RelativeXdgRuntimeDirIsIgnored) {
  // The XDG base directory spec: a relative path in these variables is invalid.
  EXPECT_EQ(resolve_socket_path(std::nullopt, fake_env({{"XDG_RUNTIME_DIR", "run/me"}}), 7,
                                nothing_exists),
            "/tmp/statline-7.sock");
}

// Users of the system service (systemd/system/) need no setting: with no per-user
// daemon running, the client finds /run/statline/statline.sock.
TEST(SocketPath, SystemServiceSocketWhenThereIsNoPerUserOne) {
  const auto only = [](std::string existing) {
    return [existing = std::move(existing)](const std::string& path) { return path == existing; };
  };
  const auto xdg = fake_env({{"XDG_RUNTIME_DIR", "/run/user/1000"}});
  EXPECT_EQ(resolve_socket_path(std::nullopt, xdg, 1000, only(kSystemSocketPath)),
            "/run/statline/statline.sock");
  EXPECT_EQ(resolve_socket_path(std::nullopt, fake_env({}), 1000, only(kSystemSocketPath)),
            "/run/statline/statline.sock");
  // A per-user daemon's socket wins when both exist.
  const auto both = [](const std::string&) { return true; };
  EXPECT_EQ(resolve_socket_path(std::nullopt, xdg, 1000, both), "/run/user/1000/statline.sock");
  // With neither, the per-user path, which is what the error message should name.
  EXPECT_EQ(resolve_socket_path(std::nullopt, xdg, 1000, nothing_exists),
            "/run/user/1000/statline.sock");
  // Explicit choices are never second-guessed.
  EXPECT_EQ(resolve_socket_path(std::nullopt, fake_env({{"STATLINE_SOCKET", "/srv/s.sock"}}), 1000,
                                only(kSystemSocketPath)),
            "/srv/s.sock");
  EXPECT_EQ(resolve_socket_path("/opt/x.sock", xdg, 1000, only(kSystemSocketPath)), "/opt/x.sock");
}

}  // namespace
}  // namespace statline::client
