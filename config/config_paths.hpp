// Where the config file and the socket are, from the command line and the environment
// (DESIGN §4 and §6). The environment comes in as a function so tests need no setenv.
#pragma once

#include <sys/types.h>

#include <functional>
#include <optional>
#include <string>

#include "config/config.hpp"

namespace statline {

// getenv-like: the variable's value, or nullopt when it is not set.
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;

// The real environment (getenv).
EnvLookup process_env();

inline constexpr const char* kSystemConfigPath = "/etc/statline/config.yaml";

// The config file to load, in this order:
//   1. `cli_path` (--config), if given;
//   2. $STATLINE_CONFIG, if set and non-empty;
//   3. $XDG_CONFIG_HOME/statline/config.yaml, or $HOME/.config/statline/config.yaml
//      when XDG_CONFIG_HOME is unset, empty or relative (XDG Base Directory spec);
//   4. `system_path` (/etc/statline/config.yaml; a parameter only so tests do not
//      depend on the machine's /etc).
// Paths the user named (1 and 2) are returned WITHOUT checking that they exist: the
// user asked for that file, so load_config_file must then fail on it ("cannot read:
// No such file or directory") rather than fall back to another. The implicit paths
// (3 and 4) are returned only if they exist (access(F_OK)): one that exists but is
// unreadable is returned, so the error is reported instead of silently ignored.
// nullopt means no file: run on the built-in defaults.
std::optional<std::string> find_config_file(const std::optional<std::string>& cli_path,
                                            const EnvLookup& env,
                                            const std::string& system_path = kSystemConfigPath);

// $STATLINE_SOCKET, else $XDG_RUNTIME_DIR/statline.sock, else /tmp/statline-<uid>.sock.
// Unset and empty variables count as absent; a relative XDG_RUNTIME_DIR is ignored.
std::string default_socket_path(const EnvLookup& env, uid_t uid);

// The config's `socket` when non-empty, else default_socket_path. (--socket is applied
// by the caller before this, by setting config.socket.)
std::string effective_socket_path(const Config& config, const EnvLookup& env, uid_t uid);

}  // namespace statline
