#include "daemon/effective_config.hpp"

#include <fmt/format.h>
#include <grp.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <vector>

#include "config/config_loader.hpp"
#include "config/config_paths.hpp"

namespace statline {
namespace {

// A group by name (the system unit passes the socket's group, "statline") or number.
Result<gid_t> resolve_group(const std::string& group) {
  gid_t gid = 0;
  const auto [end, ec] = std::from_chars(group.data(), group.data() + group.size(), gid);
  if (!group.empty() && ec == std::errc{} && end == group.data() + group.size()) return gid;
  std::vector<char> buffer(16 * 1024);
  struct group entry {};
  struct group* found = nullptr;
  int error = 0;
  // Big groups (many members) need a bigger buffer: ERANGE says so.
  while ((error = ::getgrnam_r(group.c_str(), &entry, buffer.data(), buffer.size(), &found)) ==
             ERANGE &&
         buffer.size() < (1u << 22)) {
    buffer.resize(buffer.size() * 4);
  }
  if (found == nullptr) {
    return ParseError{fmt::format("--access-group {}: no such group{}", group,
                                  error != 0 ? fmt::format(" ({})", std::strerror(error)) : "")};
  }
  return found->gr_gid;
}

}  // namespace

Result<PublishedConfig> load_effective_config(const DaemonOptions& options) {
  const auto env = process_env();
  PublishedConfig published{Config{}, "built-in defaults"};
  if (const auto path = find_config_file(options.config_path, env)) {
    auto loaded = load_config_file(*path);
    if (!loaded) return ParseError{loaded.error()};
    published = PublishedConfig{std::move(loaded).value(), *path};
  }
  Config& config = published.config;
  if (options.proc_root) config.proc_root = *options.proc_root;
  if (options.interval) config.interval = *options.interval;
  if (options.socket) config.socket = *options.socket;
  if (options.access_group) {
    const auto gid = resolve_group(*options.access_group);
    if (!gid) return ParseError{gid.error()};
    config.access.gid = gid.value();
  }
  // The file was checked on its own; an override can still break a rule between keys.
  if (config.history < config.interval) {
    return ParseError{fmt::format("--interval {}: longer than the {} s of history kept ({})",
                                  config.interval, config.history, published.path)};
  }
  // The socket path is fixed here, once, so every process agrees on it.
  config.socket = effective_socket_path(config, env, ::getuid());
  return published;
}

}  // namespace statline
