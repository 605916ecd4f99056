// The test's stand-in for systemd's notification socket: a datagram socket in the test's
// directory, named to the daemon in NOTIFY_SOCKET. It records every message with the
// sender's pid (SCM_CREDENTIALS, as systemd checks NotifyAccess=main), so tests can
// assert what the daemon told its service manager and in which order.
//
// Like systemd it reads all the time (a thread): a Unix datagram queue holds only
// net.unix.max_dgram_qlen (10) messages, and a daemon whose peer stops reading blocks
// in sd_notify.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace statline::integration {

using namespace std::chrono_literals;

struct NotifyMessage {
  pid_t sender = 0;
  std::string text;  // "READY=1\nSTATUS=..."
  std::chrono::steady_clock::time_point received;

  // True if one of the newline-separated assignments is exactly `assignment`.
  bool has(std::string_view assignment) const;
  // The value of NAME=..., if assigned.
  std::optional<std::string> value(std::string_view name) const;
};

class NotifyPeer {
 public:
  explicit NotifyPeer(std::filesystem::path path);
  ~NotifyPeer();
  NotifyPeer(const NotifyPeer&) = delete;
  NotifyPeer& operator=(const NotifyPeer&) = delete;

  // "NOTIFY_SOCKET=<path>", for the daemon's environment.
  std::string env() const;

  // The next message, after the ones earlier calls consumed, that satisfies `match`;
  // nullopt if none arrives within the timeout. Messages skipped on the way stay in
  // messages().
  std::optional<NotifyMessage> wait_for(const std::function<bool(const NotifyMessage&)>& match,
                                        std::chrono::milliseconds timeout);
  // Shorthand: the next message carrying `assignment` ("READY=1").
  std::optional<NotifyMessage> wait_for(std::string_view assignment,
                                        std::chrono::milliseconds timeout);
  // Waits `duration`, then returns (and consumes) every message not consumed yet.
  std::vector<NotifyMessage> collect(std::chrono::milliseconds duration);

  // Everything received so far, oldest first.
  std::vector<NotifyMessage> messages() const;

 private:
  void receive_all();

  std::filesystem::path path_;
  int fd_ = -1;
  int stop_[2] = {-1, -1};  // a pipe that wakes the reader thread to end
  mutable std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<NotifyMessage> messages_;
  std::size_t consumed_ = 0;  // messages before this index were returned or skipped
  std::thread reader_;
};

}  // namespace statline::integration
