// Where the client looks for statlined's socket (DESIGN §4). Deliberately independent
// of config files: `statline tmux` runs every few seconds and must not parse YAML, so a
// `socket` set only in statlined's config must be given to the client with --socket or
// $STATLINE_SOCKET.
#pragma once

#include <sys/types.h>

#include <functional>
#include <optional>
#include <string>

#include "config/config_paths.hpp"

namespace statline::client {

// Where the system service listens (systemd/system/statline.socket).
inline constexpr const char* kSystemSocketPath = "/run/statline/statline.sock";

using PathExists = std::function<bool(const std::string& path)>;
bool path_exists(const std::string& path);

// --socket PATH if given and non-empty, else the daemon's own default lookup
// (default_socket_path: $STATLINE_SOCKET, $XDG_RUNTIME_DIR/statline.sock,
// /tmp/statline-<uid>.sock), shared so that both ends always agree. One fallback the
// daemon does not need: when neither --socket nor $STATLINE_SOCKET names a socket, the
// per-user one does not exist and the system service's does, that one — so users of
// the system service need no setting at all.
std::string resolve_socket_path(const std::optional<std::string>& option, const EnvLookup& env,
                                uid_t uid, const PathExists& exists);

}  // namespace statline::client
