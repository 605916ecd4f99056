// One client connection to statlined's Unix stream socket (DESIGN §4), in plain POSIX.
//
// Every operation takes an absolute deadline instead of a timeout, so a command can give
// connect + send + reply one budget: `statline tmux` must finish within 100 ms in total,
// not 100 ms per step. Failures throw ConnectionError (exit 69) with a message that
// names the socket path.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace statline::client {

using Clock = std::chrono::steady_clock;
using Deadline = Clock::time_point;

// "Wait as long as it takes" (watch between samples).
inline constexpr Deadline no_deadline = Deadline::max();

class Connection {
 public:
  // A reply line longer than this is a protocol error rather than a way to exhaust memory.
  static constexpr std::size_t max_line_bytes = 64 << 20;

  static Connection open(const std::string& socket_path, Deadline deadline);

  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Sends `line` followed by '\n'.
  void send_line(std::string_view line, Deadline deadline);

  // The next line without its '\n'. Throws if the daemon closes the connection first.
  std::string read_line(Deadline deadline);

  // Like read_line, but std::nullopt when the daemon closes cleanly between lines.
  std::optional<std::string> try_read_line(Deadline deadline);

  // Lines up to and including `last_line` (e.g. "# EOF"), each followed by '\n'.
  std::string read_until_line(std::string_view last_line, Deadline deadline);

  // Calls `on_line` for every line until it returns false or the daemon closes cleanly;
  // each line must arrive within `line_timeout` of the previous one (nullopt: no limit).
  void stream_lines(const std::function<bool(std::string_view)>& on_line,
                    std::optional<std::chrono::milliseconds> line_timeout);

  const std::string& path() const { return path_; }

  // Every later wait also watches `fd` (nothing is read from it) and throws
  // ConnectionError(output_closed) when it reports a hang-up or an error: a follower
  // whose reader went away stops at once instead of at its next write.
  void watch_hangup(int fd) { hangup_fd_ = fd; }

 private:
  Connection(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  // Waits for `events` on the socket; throws a timeout error when the deadline passes.
  void wait_for(short events, Deadline deadline, const char* what);
  // Reads more bytes into buffer_; false at end of stream.
  bool fill(Deadline deadline);

  int fd_ = -1;
  int hangup_fd_ = -1;
  std::string path_;
  std::string buffer_;  // bytes received; those before start_ were already returned
  std::size_t start_ = 0;
};

}  // namespace statline::client
