#include "client/socket_path.hpp"

#include <sys/stat.h>

namespace statline::client {

bool path_exists(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0;
}

std::string resolve_socket_path(const std::optional<std::string>& option, const EnvLookup& env,
                                uid_t uid, const PathExists& exists) {
  if (option && !option->empty()) return *option;
  std::string path = default_socket_path(env, uid);
  const auto named = env("STATLINE_SOCKET");
  if (named && !named->empty()) return path;
  if (!exists(path) && exists(kSystemSocketPath)) return kSystemSocketPath;
  return path;
}

}  // namespace statline::client
