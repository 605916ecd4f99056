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

const std::map<std::string, std::string> kBoth{{"STATLINE_SOCKET", "/srv/s.sock"},
                                               {"XDG_RUNTIME_DIR", "/run/user/1000"}};

TEST(SocketPath, OptionWinsOverEverything) {
  EXPECT_EQ(resolve_socket_path("/opt/x.sock", fake_env(kBoth), 1000), "/opt/x.sock");
}

TEST(SocketPath, StatlineSocketBeforeXdg) {
  EXPECT_EQ(resolve_socket_path(std::nullopt, fake_env(kBoth), 1000), "/srv/s.sock");
}

TEST(SocketPath, XdgRuntimeDir) {
  EXPECT_EQ(
      resolve_socket_path(std::nullopt, fake_env({{"XDG_RUNTIME_DIR", "/run/user/1000"}}), 1000),
      "/run/user/1000/statline.sock");
  EXPECT_EQ(
      resolve_socket_path(std::nullopt, fake_env({{"XDG_RUNTIME_DIR", "/run/user/1000/"}}), 1000),
      "/run/user/1000/statline.sock");
}

TEST(SocketPath, TmpWithUidLast) {
  EXPECT_EQ(resolve_socket_path(std::nullopt, fake_env({}), 1234), "/tmp/statline-1234.sock");
}

TEST(SocketPath, EmptyValuesCountAsUnset) {
  EXPECT_EQ(resolve_socket_path(std::string(),
                                fake_env({{"STATLINE_SOCKET", ""}, {"XDG_RUNTIME_DIR", ""}}), 7),
            "/tmp/statline-7.sock");
}

TEST(SocketPath, RelativeXdgRuntimeDirIsIgnored) {
  // The XDG base directory spec: a relative path in these variables is invalid.
  EXPECT_EQ(resolve_socket_path(std::nullopt, fake_env({{"XDG_RUNTIME_DIR", "run/me"}}), 7),
            "/tmp/statline-7.sock");
}

}  // namespace
}  // namespace statline::client
