#include "tests/integration/notify_peer.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sstream>
#include <system_error>

namespace statline::integration {
namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

bool NotifyMessage::has(std::string_view assignment) const {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line == assignment) return true;
  }
  return false;
}

std::optional<std::string> NotifyMessage::value(std::string_view name) const {
  const std::string prefix = std::string(name) + "=";
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with(prefix)) return line.substr(prefix.size());
  }
  return std::nullopt;
}

NotifyPeer::NotifyPeer(std::filesystem::path path) : path_(std::move(path)) {
  fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "notify socket");
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const auto text = path_.string();
  if (text.size() >= sizeof address.sun_path) throw std::runtime_error("notify path too long");
  std::memcpy(address.sun_path, text.c_str(), text.size() + 1);
  if (::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    throw std::system_error(errno, std::generic_category(), "bind " + text);
  }
  // The sender's pid comes with every datagram, as systemd receives it.
  const int on = 1;
  ::setsockopt(fd_, SOL_SOCKET, SO_PASSCRED, &on, sizeof on);
  if (::pipe2(stop_, O_CLOEXEC) != 0)
    throw std::system_error(errno, std::generic_category(), "pipe");
  reader_ = std::thread([this] { receive_all(); });
}

NotifyPeer::~NotifyPeer() {
  [[maybe_unused]] auto written = ::write(stop_[1], "x", 1);
  reader_.join();
  ::close(stop_[0]);
  ::close(stop_[1]);
  ::close(fd_);
}

std::string NotifyPeer::env() const {
  return "NOTIFY_SOCKET=" + path_.string();
}

void NotifyPeer::receive_all() {
  for (;;) {
    pollfd fds[2] = {{fd_, POLLIN, 0}, {stop_[0], POLLIN, 0}};
    const int ready = ::poll(fds, 2, -1);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0 || (fds[1].revents & POLLIN) != 0) return;
    char buffer[4096];
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(ucred))];
    iovec iov{buffer, sizeof buffer};
    msghdr message{};
    message.msg_iov = &iov;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = sizeof control;
    const ssize_t n = ::recvmsg(fd_, &message, MSG_DONTWAIT);
    if (n < 0) continue;
    NotifyMessage received{0, std::string(buffer, static_cast<std::size_t>(n)), Clock::now()};
    for (cmsghdr* header = CMSG_FIRSTHDR(&message); header != nullptr;
         header = CMSG_NXTHDR(&message, header)) {
      if (header->cmsg_level == SOL_SOCKET && header->cmsg_type == SCM_CREDENTIALS) {
        ucred credentials{};
        std::memcpy(&credentials, CMSG_DATA(header), sizeof credentials);
        received.sender = credentials.pid;
      }
    }
    {
      std::lock_guard lock(mutex_);
      messages_.push_back(std::move(received));
    }
    arrived_.notify_all();
  }
}

std::optional<NotifyMessage> NotifyPeer::wait_for(
    const std::function<bool(const NotifyMessage&)>& match, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  std::unique_lock lock(mutex_);
  for (;;) {
    for (; consumed_ < messages_.size(); ++consumed_) {
      if (match(messages_[consumed_])) return messages_[consumed_++];
    }
    if (arrived_.wait_until(lock, deadline) == std::cv_status::timeout &&
        consumed_ == messages_.size()) {
      return std::nullopt;
    }
  }
}

std::optional<NotifyMessage> NotifyPeer::wait_for(std::string_view assignment,
                                                  std::chrono::milliseconds timeout) {
  const std::string wanted(assignment);
  return wait_for([&](const NotifyMessage& m) { return m.has(wanted); }, timeout);
}

std::vector<NotifyMessage> NotifyPeer::collect(std::chrono::milliseconds duration) {
  std::this_thread::sleep_for(duration);
  std::lock_guard lock(mutex_);
  std::vector<NotifyMessage> batch(messages_.begin() + static_cast<std::ptrdiff_t>(consumed_),
                                   messages_.end());
  consumed_ = messages_.size();
  return batch;
}

std::vector<NotifyMessage> NotifyPeer::messages() const {
  std::lock_guard lock(mutex_);
  return messages_;
}

}  // namespace statline::integration
