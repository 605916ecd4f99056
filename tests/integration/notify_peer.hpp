// The test's stand-in for systemd's notification socket: a datagram socket in the test's
// directory, named to the daemon in NOTIFY_SOCKET. It records every message with the
// sender's pid (SCM_CREDENTIALS, as systemd checks NotifyAccess=main), so tests can
// assert what the daemon told its service manager and in which order.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
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

  // Receives until a message satisfies `match` (returned) or the timeout ends. Every
  // message received on the way is kept in messages().
  std::optional<NotifyMessage> wait_for(const std::function<bool(const NotifyMessage&)>& match,
                                        std::chrono::milliseconds timeout);
  // Shorthand: the next message carrying `assignment` ("READY=1").
  std::optional<NotifyMessage> wait_for(std::string_view assignment,
                                        std::chrono::milliseconds timeout);
  // Receives whatever arrives within `duration` and returns just those messages.
  std::vector<NotifyMessage> collect(std::chrono::milliseconds duration);

  // Everything received so far, oldest first.
  const std::vector<NotifyMessage>& messages() const { return messages_; }

 private:
  // One message if one arrives before `deadline`.
  std::optional<NotifyMessage> receive(std::chrono::steady_clock::time_point deadline);

  std::filesystem::path path_;
  int fd_ = -1;
  std::vector<NotifyMessage> messages_;
};

}  // namespace statline::integration
