#include "client/connection.hpp"

#include <fmt/format.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <utility>

#include "client/client_error.hpp"

namespace statline::client {
namespace {

// Owns a descriptor until it is handed to a Connection, so every early throw closes it.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

// Milliseconds for poll(): rounded up so we never wake just before the deadline and spin;
// 0 once it has passed; -1 for "no deadline".
int poll_timeout(Deadline deadline) {
  if (deadline == no_deadline) return -1;
  const auto left = deadline - Clock::now();
  if (left <= Clock::duration::zero()) return 0;
  const auto ms = std::chrono::ceil<std::chrono::milliseconds>(left).count();
  return static_cast<int>(std::min<decltype(ms)>(ms, INT_MAX));
}

std::string connect_failure(const std::string& path, int error) {
  // ENOENT and ECONNREFUSED (a stale socket file) both mean nobody is listening.
  const bool not_running = error == ENOENT || error == ECONNREFUSED;
  return fmt::format("cannot connect to {}: {}{}", path, std::strerror(error),
                     not_running ? " (is statlined running?)" : "");
}

[[noreturn]] void throw_timeout(const std::string& path, const char* what) {
  throw ConnectionError(ConnectionFailure::timeout, fmt::format("timed out {} {}", what, path));
}

// Sleeps up to `ms` but not past the deadline; poll() because it is the one clock we use.
void pause_until(Deadline deadline, int ms) {
  const int left = poll_timeout(deadline);
  ::poll(nullptr, 0, left < 0 ? ms : std::min(left, ms));
}

}  // namespace

Connection Connection::open(const std::string& socket_path, Deadline deadline) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (socket_path.empty() || socket_path.size() >= sizeof(address.sun_path)) {
    throw ConnectionError(ConnectionFailure::connect,
                          fmt::format("cannot connect to {}: a socket path must be 1 to {} bytes",
                                      socket_path, sizeof(address.sun_path) - 1));
  }
  std::memcpy(address.sun_path, socket_path.data(), socket_path.size());
  const auto* generic = reinterpret_cast<const sockaddr*>(&address);

  for (;;) {
    Fd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (fd.get() < 0) {
      throw ConnectionError(ConnectionFailure::io,
                            fmt::format("cannot create a socket: {}", std::strerror(errno)));
    }
    if (::connect(fd.get(), generic, sizeof address) == 0) {
      return Connection(fd.release(), socket_path);
    }
    int error = errno;
    if (error == EINPROGRESS) {
      Connection pending(fd.release(), socket_path);
      pending.wait_for(POLLOUT, deadline, "connecting to");
      socklen_t size = sizeof error;
      if (::getsockopt(pending.fd_, SOL_SOCKET, SO_ERROR, &error, &size) != 0) error = errno;
      if (error == 0) return pending;
    }
    if (error == EAGAIN || error == EINTR) {
      // EAGAIN: the listen backlog is full (the supervisor owns the socket while the
      // aggregator restarts). A blocking connect would wait; we retry within the deadline.
      if (poll_timeout(deadline) == 0) throw_timeout(socket_path, "connecting to");
      pause_until(deadline, 5);
      continue;
    }
    throw ConnectionError(ConnectionFailure::connect, connect_failure(socket_path, error));
  }
}

Connection::Connection(Connection&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      path_(std::move(other.path_)),
      buffer_(std::move(other.buffer_)),
      start_(std::exchange(other.start_, 0)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    hangup_fd_ = other.hangup_fd_;
    path_ = std::move(other.path_);
    buffer_ = std::move(other.buffer_);
    start_ = std::exchange(other.start_, 0);
  }
  return *this;
}

Connection::~Connection() {
  if (fd_ >= 0) ::close(fd_);
}

void Connection::wait_for(short events, Deadline deadline, const char* what) {
  for (;;) {
    const int timeout = poll_timeout(deadline);
    if (timeout == 0) throw_timeout(path_, what);
    pollfd entries[2] = {{fd_, events, 0}, {hangup_fd_, 0, 0}};
    const int ready = ::poll(entries, hangup_fd_ >= 0 ? 2 : 1, timeout);
    if (ready > 0 && (entries[1].revents & (POLLHUP | POLLERR | POLLNVAL)) != 0) {
      throw ConnectionError(ConnectionFailure::output_closed, "the output was closed");
    }
    // POLLERR/POLLHUP also count as ready: the following send/recv reports what happened.
    if (ready > 0 && entries[0].revents != 0) return;
    if (ready < 0 && errno != EINTR) {
      throw ConnectionError(ConnectionFailure::io,
                            fmt::format("poll on {}: {}", path_, std::strerror(errno)));
    }
  }
}

void Connection::send_line(std::string_view line, Deadline deadline) {
  std::string message(line);
  message.push_back('\n');
  std::size_t sent = 0;
  while (sent < message.size()) {
    // MSG_NOSIGNAL: a daemon that went away is an error to report, not a SIGPIPE death.
    const ssize_t n = ::send(fd_, message.data() + sent, message.size() - sent, MSG_NOSIGNAL);
    if (n >= 0) {
      sent += static_cast<std::size_t>(n);
    } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
      wait_for(POLLOUT, deadline, "sending to");
    } else if (errno == EPIPE || errno == ECONNRESET) {
      throw ConnectionError(ConnectionFailure::closed,
                            fmt::format("{} closed the connection", path_));
    } else if (errno != EINTR) {
      throw ConnectionError(ConnectionFailure::io,
                            fmt::format("cannot send to {}: {}", path_, std::strerror(errno)));
    }
  }
}

bool Connection::fill(Deadline deadline) {
  // Drop consumed bytes only once they are at least half the buffer, so reading many
  // short lines (metrics) stays linear.
  if (start_ > 0 && start_ * 2 >= buffer_.size()) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
  char chunk[64 * 1024];
  for (;;) {
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n > 0) {
      buffer_.append(chunk, static_cast<std::size_t>(n));
      return true;
    }
    if (n == 0) return false;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      wait_for(POLLIN, deadline, "waiting for a reply from");
    } else if (errno == ECONNRESET) {
      return false;
    } else if (errno != EINTR) {
      throw ConnectionError(ConnectionFailure::io,
                            fmt::format("cannot read from {}: {}", path_, std::strerror(errno)));
    }
  }
}

std::optional<std::string> Connection::try_read_line(Deadline deadline) {
  std::size_t scanned = start_;
  for (;;) {
    const std::size_t newline = buffer_.find('\n', scanned);
    if (newline != std::string::npos) {
      std::string line = buffer_.substr(start_, newline - start_);
      start_ = newline + 1;
      return line;
    }
    if (buffer_.size() - start_ > max_line_bytes) {
      throw ClientError(exit_code::protocol,
                        fmt::format("{} sent a line longer than {} bytes", path_, max_line_bytes));
    }
    scanned = buffer_.size() - start_;  // fill() may shift the buffer; keep a relative offset
    if (!fill(deadline)) {
      if (start_ == buffer_.size()) return std::nullopt;
      throw ConnectionError(
          ConnectionFailure::closed,
          fmt::format("{} closed the connection in the middle of a reply", path_));
    }
    scanned += start_;
  }
}

std::string Connection::read_line(Deadline deadline) {
  if (auto line = try_read_line(deadline)) return std::move(*line);
  throw ConnectionError(ConnectionFailure::closed,
                        fmt::format("{} closed the connection without replying", path_));
}

std::string Connection::read_until_line(std::string_view last_line, Deadline deadline) {
  std::string text;
  for (;;) {
    std::string line = read_line(deadline);
    text += line;
    text.push_back('\n');
    if (line == last_line) return text;
  }
}

void Connection::stream_lines(const std::function<bool(std::string_view)>& on_line,
                              std::optional<std::chrono::milliseconds> line_timeout) {
  for (;;) {
    const Deadline deadline = line_timeout ? Clock::now() + *line_timeout : no_deadline;
    const auto line = try_read_line(deadline);
    if (!line || !on_line(*line)) return;
  }
}

}  // namespace statline::client
