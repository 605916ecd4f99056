#include "daemon/supervisor.hpp"

#include <fmt/format.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "daemon/restart_backoff.hpp"
#include "daemon/spawn_child.hpp"
#include "ipc/clock.hpp"
#include "logging/log.hpp"
#include "process/program_pages.hpp"
#include "server/child_table.hpp"
#include "server/enabled_sources.hpp"

namespace statline {
namespace {

// SIGTERM first; whatever has not exited by then gets SIGKILL (DESIGN: stop within 2 s).
constexpr auto kStopGrace = std::chrono::milliseconds(1500);

std::string describe_exit(int status) {
  if (WIFEXITED(status)) return fmt::format("exit {}", WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    return fmt::format("signal {} ({})", WTERMSIG(status), strsignal(WTERMSIG(status)));
  }
  return fmt::format("status {}", status);
}

const char* state_name(bool failed, int state) {
  static constexpr const char* kNames[] = {"down", "running", "backoff", "stopping"};
  if (failed && state != 1) return "failed";
  return kNames[state];
}

}  // namespace

Supervisor::Supervisor(boost::asio::io_context& io, DaemonOptions options, PublishedConfig config,
                       ListenSocket socket, Channels channels, ChildExecutables executables,
                       int metrics_fd)
    : io_(io),
      options_(std::move(options)),
      config_(std::move(config)),
      socket_(std::move(socket)),
      channels_(std::move(channels)),
      executables_(std::move(executables)),
      signals_(io, SIGCHLD, SIGTERM, SIGINT),
      kill_timer_(io),
      systemd_(io, channels_.health, channels_.health_bell.read_fd,
               [this] { return service_facts(); }),
      started_time_(unix_now()) {
  signals_.add(SIGHUP);
  std::vector<ChildSpec> specs;
  for (const auto& info : kSources) {
    ChildSpec spec;
    spec.collector = info.source;
    spec.collector_fds = collector_fds(channels_, info.source);
    specs.push_back(spec);
  }
  ChildSpec aggregator;
  aggregator.aggregator_fds = aggregator_fds(channels_, socket_.fd);
  aggregator.aggregator_fds.metrics = metrics_fd;
  specs.push_back(aggregator);
  for (const auto& spec : specs) {
    Child child;
    child.spec = spec;
    child.role = child_role(spec);
    child.restart_timer = std::make_unique<boost::asio::steady_timer>(io_);
    children_.push_back(std::move(child));
  }
}

Supervisor::~Supervisor() {
  remove_socket_file(socket_);
}

void Supervisor::start() {
  publish_config(channels_.config, config_);
  wait_signals();
  for (auto& child : children_) {
    if (wanted(child)) launch(child);
  }
  systemd_.start();
  publish_status();
  log(LogPriority::info, "started: config {}, socket {}{}, interval {} s", config_.path,
      socket_.path, socket_.activated ? " (passed by systemd)" : "", config_.config.interval);
  // From here on the supervisor sleeps; command line and YAML parsing are done with.
  post_program_pages_release(io_.get_executor(), "start-up");
}

bool Supervisor::wanted(const Child& child) const {
  return !child.spec.collector || source_enabled(config_.config, *child.spec.collector);
}

ServiceFacts Supervisor::service_facts() const {
  ServiceFacts facts;
  facts.interval = config_.config.interval;
  for (const auto& child : children_) {
    ChildFacts entry;
    entry.role = child.role;
    entry.wanted = wanted(child);
    entry.running = child.pid > 0;
    entry.started_ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(child.started.time_since_epoch())
            .count();
    if (child.spec.collector) {
      entry.source = std::string(source_info(*child.spec.collector).name);
      const auto& ring = channels_.sources[static_cast<std::size_t>(*child.spec.collector)]->ring;
      // A read error is progress too: the collector is working, its file is not.
      entry.progress = ring.last_seq() + ring.error().count;
    } else {
      entry.progress = channels_.health.beats();
    }
    facts.children.push_back(std::move(entry));
  }
  for (const auto& source : channels_.sources) {
    if (source) facts.samples += source->ring.last_seq();
  }
  return facts;
}

void Supervisor::wait_signals() {
  signals_.async_wait([this](const boost::system::error_code& error, int signal_number) {
    if (error) return;
    on_signal(signal_number);
    wait_signals();
  });
}

void Supervisor::on_signal(int signal_number) {
  switch (signal_number) {
    case SIGCHLD:
      reap();
      break;
    case SIGHUP:
      reload();
      break;
    default:
      stop();
      break;
  }
}

// One SIGCHLD may stand for several deaths: reap until nothing is left (no zombies).
void Supervisor::reap() {
  for (;;) {
    int status = 0;
    const pid_t pid = ::waitpid(-1, &status, WNOHANG);
    if (pid <= 0) return;
    for (auto& child : children_) {
      if (child.pid == pid) on_child_exit(child, status);
    }
  }
}

void Supervisor::on_child_exit(Child& child, int status) {
  child.pid = 0;
  child.last_exit = describe_exit(status);
  child.last_exit_time = unix_now();
  if (stopping_ || !wanted(child)) {
    transition(child, State::down);
    finish_if_stopped();
    return;
  }
  const std::chrono::duration<double> lived = std::chrono::steady_clock::now() - child.started;
  const auto decision = next_delay(child.failures, lived, config_.config.restart);
  child.failures = decision.failures;
  child.failed = decision.at_cap;
  log(decision.at_cap ? LogPriority::error : LogPriority::warning,
      "{} ended ({}) after {:.1f} s; restarting in {} ms{}", child.role, child.last_exit,
      lived.count(), decision.delay.count(), decision.at_cap ? " (keeps failing)" : "");
  transition(child, State::backoff);
  child.restart_timer->expires_after(decision.delay);
  child.restart_timer->async_wait([this, &child](const boost::system::error_code& error) {
    if (error || stopping_ || child.state != State::backoff) return;
    ++child.restarts;
    launch(child);
  });
}

void Supervisor::launch(Child& child) {
  // A new aggregator says "serving" again only once it is; until then READY=1 waits.
  if (!child.spec.collector) channels_.health.set_serving(false);
  try {
    io_.notify_fork(boost::asio::io_context::fork_prepare);
    const int executable =
        child.spec.collector ? executables_.collector_fd() : executables_.aggregator_fd();
    child.pid = spawn_child(SpawnRequest{executable, "statlined: " + child.role,
                                         encode_child_spec(child.spec), inherited_fds(child.spec)});
    io_.notify_fork(boost::asio::io_context::fork_parent);
    child.started = std::chrono::steady_clock::now();
    child.started_time = unix_now();
    transition(child, State::running);
  } catch (const std::exception& e) {
    io_.notify_fork(boost::asio::io_context::fork_parent);
    log(LogPriority::error, "cannot start {}: {}", child.role, e.what());
    // Treated like a death so the backoff applies: a fork failure is usually transient.
    on_child_exit(child, W_EXITCODE(127, 0));
  }
}

// Every state change goes through here, so `status` is always current.
void Supervisor::transition(Child& child, State state) {
  child.state = state;
  publish_status();
  systemd_.children_changed();
}

void Supervisor::publish_status() {
  ChildTable table{started_time_, config_.path, socket_.path, {}};
  for (const auto& child : children_) {
    table.children.push_back(
        ChildStatus{child.role, child.pid, state_name(child.failed, static_cast<int>(child.state)),
                    child.restarts, child.last_exit, child.last_exit_time, child.started_time});
  }
  publish_child_table(channels_.control, table);
}

void Supervisor::reload() {
  if (stopping_) return;
  systemd_.reload_started();
  auto loaded = load_effective_config(options_);
  if (!loaded) {
    log(LogPriority::error, "reload refused, keeping the running config: {}", loaded.error());
    systemd_.reload_refused(loaded.error());
    return;
  }
  if (loaded->config.socket != config_.config.socket) {
    log(LogPriority::warning, "a new socket path takes effect only after a restart");
  }
  if (loaded->config.metrics.listen != config_.config.metrics.listen) {
    log(LogPriority::warning, "a new metrics.listen takes effect only after a restart");
  }
  config_ = std::move(loaded).value();
  set_log_threshold(to_log_priority(config_.config.log_level));
  publish_config(channels_.config, config_);
  systemd_.reload_applied(channels_.config.last_seq());
  for (auto& child : children_) {
    if (!wanted(child)) {
      if (child.pid > 0) ::kill(child.pid, SIGTERM);
      child.restart_timer->cancel();
      if (child.state == State::backoff) transition(child, State::down);
    } else if (child.state == State::down) {
      launch(child);
    } else if (child.pid > 0) {
      ::kill(child.pid, SIGHUP);
    }
  }
  log(LogPriority::info, "config reloaded from {}", config_.path);
  post_program_pages_release(io_.get_executor(), "reload");
}

void Supervisor::stop() {
  if (stopping_) return;
  stopping_ = true;
  systemd_.stopping();
  log(LogPriority::info, "stopping");
  // The aggregator first, so clients see the service end before its data sources do.
  for (auto it = children_.rbegin(); it != children_.rend(); ++it) {
    it->restart_timer->cancel();
    if (it->pid > 0) {
      ::kill(it->pid, SIGTERM);
      transition(*it, State::stopping);
    } else {
      transition(*it, State::down);
    }
  }
  kill_timer_.expires_after(kStopGrace);
  kill_timer_.async_wait([this](const boost::system::error_code& error) {
    if (error) return;
    for (auto& child : children_) {
      if (child.pid > 0) {
        log(LogPriority::warning, "{} did not stop in time; killing it", child.role);
        ::kill(child.pid, SIGKILL);
      }
    }
  });
  finish_if_stopped();
}

void Supervisor::finish_if_stopped() {
  if (!stopping_) return;
  for (const auto& child : children_) {
    if (child.pid > 0) return;
  }
  remove_socket_file(socket_);
  socket_.path.clear();
  kill_timer_.cancel();
  signals_.cancel();
  io_.stop();
}

}  // namespace statline
