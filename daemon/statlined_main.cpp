// statlined: the supervisor, or (when started by it with STATLINE_CHILD set) one of its
// children.
#include <signal.h>
#include <sysexits.h>

#include <CLI/CLI.hpp>
#include <boost/asio/io_context.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "config/config_loader.hpp"
#include "config/config_yaml.hpp"
#include "daemon/channels.hpp"
#include "daemon/child_executables.hpp"
#include "daemon/effective_config.hpp"
#include "daemon/listen_socket.hpp"
#include "daemon/metrics_listener.hpp"
#include "daemon/supervisor.hpp"
#include "ipc/child_spec.hpp"
#include "logging/log.hpp"
#include "server/aggregator_process.hpp"

namespace {

using namespace statline;

int run_child(const char* spec_text) {
  const auto spec = decode_child_spec(spec_text);
  if (!spec) {
    std::fprintf(stderr, "statlined: %s\n", spec.error().c_str());
    return EX_SOFTWARE;
  }
  if (spec->collector) {
    // Collectors are statline-collector (daemon/child_executables.hpp), never statlined.
    std::fprintf(stderr, "statlined: %s is run by statline-collector\n",
                 child_role(spec.value()).c_str());
    return EX_SOFTWARE;
  }
  return run_aggregator(spec.value().aggregator_fds);
}

constexpr const char* kDescription = R"(statlined - the statline system monitor daemon

Samples /proc/stat, /proc/meminfo, /proc/net/dev and /proc/loadavg once per interval in
four supervised collector processes, computes rates in an aggregator process and serves
them on a Unix socket to `statline` (tmux status line, tables, JSON, Prometheus).

statlined stays in the foreground (run it under systemd, tmux or a terminal) and stops
on SIGTERM or SIGINT; SIGHUP reloads the config file (a bad one is refused and the
running config stays).

Config search order: --config, $STATLINE_CONFIG, $XDG_CONFIG_HOME/statline/config.yaml,
/etc/statline/config.yaml, else built-in defaults. Socket: a socket passed by systemd
(socket activation), else --socket, config `socket`, $STATLINE_SOCKET,
$XDG_RUNTIME_DIR/statline.sock, else /tmp/statline-<uid>.sock.

Under systemd (Type=notify): READY=1 once the socket serves a first full snapshot,
STATUS= with collectors, clients and samples, WATCHDOG=1 at half of WatchdogSec= while
every child makes progress, RELOADING=1/READY=1 around a reload, STOPPING=1 on stop.
Log lines carry <N> priority prefixes when stderr is the journal.)";

constexpr const char* kFooter = R"(
Examples:
  statlined                              run with the defaults
  statlined --interval 0.5               sample twice a second
  statlined --check-config               print the effective config and exit
  statlined --proc-root tests/fixtures/proc/real --socket /tmp/t.sock
  systemctl --user enable --now statline.socket     per-user service, started on use

Exit status: 0 stopped cleanly, 64 bad command line, 78 bad config,
             71 the socket, the metrics.listen port, shared memory or
             statline-collector (libexec/statline/) could not be set up.

See statlined(8) and statline(1).)";

}  // namespace

int main(int argc, char** argv) {
  if (const char* spec = std::getenv(kChildSpecEnv)) return run_child(spec);

  CLI::App app{kDescription, "statlined"};
  app.footer(kFooter);
  app.set_version_flag("--version", std::string("statlined ") + STATLINE_VERSION);
  DaemonOptions options;
  bool check_config = false;
  app.add_option("-c,--config", options.config_path, "Config file (YAML)")->type_name("FILE");
  app.add_option("-s,--socket", options.socket, "Unix socket path to serve")->type_name("PATH");
  app.add_option("--proc-root", options.proc_root,
                 "Read stat, meminfo, net/dev and loadavg below DIR instead of /proc")
      ->type_name("DIR");
  app.add_option("-i,--interval", options.interval, "Sampling interval in seconds (0.05 to 3600)")
      ->type_name("SECONDS")
      ->check(CLI::Range(0.05, 3600.0));
  app.add_option("--access-group", options.access_group,
                 "Also let members of GROUP (name or number) use the socket; overrides "
                 "access.gid (the system unit passes the socket's group)")
      ->type_name("GROUP");
  app.add_flag("--check-config", check_config,
               "Validate the config, print the effective config and exit");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : EX_USAGE;
  }

  init_logging("supervisor", LogPriority::info);
  auto config = load_effective_config(options);
  if (!config) {
    // One error per line, each prefixed, so every line stands alone in a journal.
    std::istringstream lines(config.error());
    for (std::string line; std::getline(lines, line);) std::cerr << "statlined: " << line << "\n";
    return EX_CONFIG;
  }
  set_log_threshold(to_log_priority(config->config.log_level));
  if (check_config) {
    std::cout << "# effective config (from " << config->path << ")\n" << to_yaml(config->config);
    return 0;
  }
  signal(SIGPIPE, SIG_IGN);
  try {
    boost::asio::io_context io;
    auto executables = ChildExecutables::open();
    auto channels = create_channels(config->config);
    // Before the Unix socket: a port that is taken must not leave a socket file behind.
    int metrics_fd = -1;
    if (config->config.metrics.listen) {
      // Checked when the config loaded; parsed again here for the host and port.
      const auto address = parse_listen_address(*config->config.metrics.listen);
      if (address) metrics_fd = open_metrics_listener(*address);
    }
    auto socket = open_listen_socket(config->config.socket);
    Supervisor supervisor(io, options, std::move(config).value(), std::move(socket),
                          std::move(channels), std::move(executables), metrics_fd);
    supervisor.start();
    io.run();
  } catch (const std::exception& e) {
    log(LogPriority::error, "{}", e.what());
    return EX_OSERR;
  }
  return 0;
}
