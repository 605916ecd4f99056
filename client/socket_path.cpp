#include "client/socket_path.hpp"

namespace statline::client {

std::string resolve_socket_path(const std::optional<std::string>& option, const EnvLookup& env,
                                uid_t uid) {
  if (option && !option->empty()) return *option;
  return default_socket_path(env, uid);
}

}  // namespace statline::client
