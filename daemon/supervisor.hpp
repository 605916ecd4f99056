// The supervisor: starts the four collectors and the aggregator, restarts any child that
// dies (with backoff), reaps every child, reloads on SIGHUP and stops everything on
// SIGTERM/SIGINT. It parses no /proc file and serves no client. It is the only process
// that talks to systemd (systemd_link.hpp).
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "daemon/channels.hpp"
#include "daemon/child_executables.hpp"
#include "daemon/effective_config.hpp"
#include "daemon/listen_socket.hpp"
#include "daemon/systemd_link.hpp"

namespace statline {

class Supervisor {
 public:
  // `metrics_fd`: the Prometheus listener (metrics_listener.hpp), or -1 for none.
  Supervisor(boost::asio::io_context& io, DaemonOptions options, PublishedConfig config,
             ListenSocket socket, Channels channels, ChildExecutables executables,
             int metrics_fd = -1);
  ~Supervisor();
  void start();

 private:
  enum class State { down, running, backoff, stopping };
  struct Child {
    ChildSpec spec;
    std::string role;
    State state = State::down;
    pid_t pid = 0;
    int failures = 0;
    int restarts = 0;
    bool failed = false;  // keeps crashing: retried at the backoff cap
    std::chrono::steady_clock::time_point started;
    double started_time = 0;
    std::string last_exit;
    double last_exit_time = 0;
    std::unique_ptr<boost::asio::steady_timer> restart_timer;
  };

  void wait_signals();
  void on_signal(int signal_number);
  void reap();
  void on_child_exit(Child& child, int status);
  void launch(Child& child);
  void transition(Child& child, State state);
  void reload();
  void stop();
  void finish_if_stopped();
  void publish_status();
  bool wanted(const Child& child) const;
  ServiceFacts service_facts() const;

  boost::asio::io_context& io_;
  DaemonOptions options_;
  PublishedConfig config_;
  ListenSocket socket_;
  Channels channels_;
  ChildExecutables executables_;
  std::vector<Child> children_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer kill_timer_;
  SystemdLink systemd_;
  bool stopping_ = false;
  double started_time_ = 0;
};

}  // namespace statline
