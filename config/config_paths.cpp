#include "config/config_paths.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <string_view>

namespace statline {
namespace {

// Unset and empty mean the same to every variable here, as they do for XDG.
std::optional<std::string> non_empty(const EnvLookup& env, const char* name) {
  auto value = env(name);
  if (!value || value->empty()) return std::nullopt;
  return value;
}

// XDG: "All paths set in these environment variables must be absolute. If an
// implementation encounters a relative path in any of these variables it should consider
// the path invalid and ignore it."
std::optional<std::string> absolute_dir(const EnvLookup& env, const char* name) {
  auto value = non_empty(env, name);
  if (!value || value->front() != '/') return std::nullopt;
  return value;
}

// dir + "/" + leaf without doubling a trailing slash ("/run/user/1000/").
std::string join(std::string dir, std::string_view leaf) {
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  if (dir.back() != '/') dir += '/';
  dir += leaf;
  return dir;
}

bool exists(const std::string& path) {
  return ::access(path.c_str(), F_OK) == 0;
}

}  // namespace

EnvLookup process_env() {
  return [](const char* name) -> std::optional<std::string> {
    const char* value = std::getenv(name);
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

std::optional<std::string> find_config_file(const std::optional<std::string>& cli_path,
                                            const EnvLookup& env, const std::string& system_path) {
  if (cli_path) return cli_path;
  if (auto path = non_empty(env, "STATLINE_CONFIG")) return path;

  std::optional<std::string> user_file;
  if (auto xdg = absolute_dir(env, "XDG_CONFIG_HOME")) {
    user_file = join(*xdg, "statline/config.yaml");
  } else if (auto home = absolute_dir(env, "HOME")) {
    user_file = join(*home, ".config/statline/config.yaml");
  }
  if (user_file && exists(*user_file)) return user_file;

  if (exists(system_path)) return system_path;
  return std::nullopt;
}

std::string default_socket_path(const EnvLookup& env, uid_t uid) {
  if (auto path = non_empty(env, "STATLINE_SOCKET")) return *path;
  if (auto runtime = absolute_dir(env, "XDG_RUNTIME_DIR")) return join(*runtime, "statline.sock");
  return fmt::format("/tmp/statline-{}.sock", uid);
}

std::string effective_socket_path(const Config& config, const EnvLookup& env, uid_t uid) {
  return config.socket.empty() ? default_socket_path(env, uid) : config.socket;
}

}  // namespace statline
