#include "ipc/doorbell.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace statline {

DoorbellPipe create_doorbell() {
  int fds[2];
  if (::pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0) {
    throw std::system_error(errno, std::system_category(), "pipe2 for a doorbell");
  }
  return DoorbellPipe{fds[0], fds[1]};
}

bool ring_doorbell(int write_fd, std::uint64_t seq) noexcept {
  // 8 bytes <= PIPE_BUF: the kernel writes all of it or, on a full non-blocking pipe,
  // nothing (EAGAIN), so the reader never sees a partial value. A closed read end gives
  // EPIPE (the daemon ignores SIGPIPE); both mean "dropped", which the ring makes safe.
  for (;;) {
    const ssize_t n = ::write(write_fd, &seq, sizeof seq);
    if (n == static_cast<ssize_t>(sizeof seq)) return true;
    if (n < 0 && errno == EINTR) continue;
    return false;
  }
}

std::uint64_t drain_doorbell(int read_fd) noexcept {
  std::uint64_t highest = 0;
  // Whole values only ever arrive, but a byte count that is not a multiple of 8 is
  // carried over rather than trusted, so a foreign writer cannot shift our framing.
  unsigned char buffer[512];
  std::size_t carried = 0;
  for (;;) {
    const ssize_t n = ::read(read_fd, buffer + carried, sizeof buffer - carried);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EAGAIN: drained; 0: every writer closed; other errors: give up
    const std::size_t available = carried + static_cast<std::size_t>(n);
    const std::size_t whole = available / sizeof(std::uint64_t) * sizeof(std::uint64_t);
    for (std::size_t offset = 0; offset < whole; offset += sizeof(std::uint64_t)) {
      std::uint64_t value = 0;
      std::memcpy(&value, buffer + offset, sizeof value);
      highest = std::max(highest, value);
    }
    carried = available - whole;
    std::memmove(buffer, buffer + whole, carried);
  }
  return highest;
}

}  // namespace statline
