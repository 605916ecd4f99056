// One client connection: reads request lines (at most 4096 bytes each), hands them to the
// line handler, and writes replies through a byte-capped queue. A client that stops
// reading is dropped once its queue passes the cap; an idle client is closed after the
// idle timeout unless it is watching. No exception leaves a completion handler.
#pragma once

#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include "config/config.hpp"

namespace statline {

class Session;
class SessionRegistry;

class LineHandler {
 public:
  virtual ~LineHandler() = default;
  // Called with one request line (without the newline). Replies go through
  // session.send(); the handler may also turn the session into a watcher.
  virtual void on_line(Session& session, std::string_view line) = 0;
};

inline constexpr std::size_t kMaxRequestBytes = 4096;

class Session : public std::enable_shared_from_this<Session> {
 public:
  using Socket = boost::asio::local::stream_protocol::socket;
  using Clock = std::chrono::steady_clock;

  Session(Socket socket, SessionRegistry& registry, LineHandler& handler,
          const ClientsConfig& limits);
  void start();
  // Closes the connection after the queued replies are written (or at once if `now`).
  void close(bool now = false);

  // Queues `data` (one or more complete reply lines). Returns false and drops the client
  // when its unwritten output would pass the per-client cap.
  bool send(std::string data);

  // Watch mode: a line is pushed every `period` (0: every sample) until the client goes
  // away; idle timeouts no longer apply. `topic` says which line: empty for the snapshot
  // JSON (`watch`), else what the handler chose (`tmux --follow` streams tmux lines).
  void start_watching(double period_seconds, std::string topic = {});
  bool watching() const { return watching_; }
  const std::string& watch_topic() const { return watch_topic_; }
  // True when a watcher is due for a snapshot taken at `time` (unix seconds), samples
  // arriving every `interval` seconds.
  bool watch_due(double time, double interval);

  Clock::time_point last_activity() const { return last_activity_; }
  const std::string& peer() const { return peer_; }

 private:
  void read_next();
  void on_read(const boost::system::error_code& error, std::size_t bytes);
  void write_next();
  void arm_idle_timer();
  void shutdown();

  Socket socket_;
  SessionRegistry& registry_;
  LineHandler& handler_;
  const ClientsConfig& limits_;
  std::string input_;
  std::deque<std::string> output_;
  std::size_t queued_bytes_ = 0;
  bool writing_ = false;
  bool closing_ = false;
  bool closed_ = false;
  bool watching_ = false;
  double watch_period_ = 0;
  std::string watch_topic_;
  double last_watch_time_ = 0;
  Clock::time_point last_activity_;
  boost::asio::steady_timer idle_timer_;
  std::string peer_;
};

}  // namespace statline
