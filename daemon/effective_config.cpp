#include "daemon/effective_config.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include "config/config_loader.hpp"
#include "config/config_paths.hpp"

namespace statline {

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
