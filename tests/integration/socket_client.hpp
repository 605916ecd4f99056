// A test's end of the daemon's Unix socket: raw bytes out, lines in, every read bounded
// by a timeout so a silent daemon fails the test instead of hanging it.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace statline::integration {

using namespace std::chrono_literals;

class SocketClient {
 public:
  // Connects (non-blocking connect: a full backlog is not a hang); nullopt if refused or
  // the socket does not exist.
  static std::optional<SocketClient> connect(const std::filesystem::path& socket);

  SocketClient(SocketClient&& other) noexcept;
  SocketClient& operator=(SocketClient&& other) noexcept;
  ~SocketClient();

  // `line` plus '\n'. False if the peer is gone.
  bool send_line(std::string_view line);
  // Exactly these bytes, for malformed and over-long requests.
  bool send_raw(std::string_view bytes);
  // "No more requests" (shutdown SHUT_WR), as `echo get | socat - UNIX-CONNECT:…` does;
  // replies can still be read.
  void shutdown_write();

  // The next line without its '\n'; nullopt on timeout or when the peer closed first.
  std::optional<std::string> read_line(std::chrono::milliseconds timeout = 3000ms);
  // `count` lines, or fewer if the timeout (for all of them) ran out.
  std::vector<std::string> read_lines(std::size_t count, std::chrono::milliseconds timeout);
  // True once the peer has closed (EOF or reset) within the timeout; data still in
  // flight before the close is discarded.
  bool wait_closed(std::chrono::milliseconds timeout);

  // send_line + read_line.
  std::optional<std::string> request(std::string_view line,
                                     std::chrono::milliseconds timeout = 3000ms);

 private:
  explicit SocketClient(int fd) : fd_(fd) {}
  // Reads what is available into buffer_; false on EOF, error or timeout.
  bool fill(std::chrono::steady_clock::time_point deadline);

  int fd_ = -1;
  bool closed_ = false;
  std::string buffer_;
};

// One connection, one request, one reply line.
std::optional<std::string> request_once(const std::filesystem::path& socket, std::string_view line,
                                        std::chrono::milliseconds timeout = 3000ms);

}  // namespace statline::integration
