// A stand-in for statlined in client tests: a thread with a Unix listening socket in a
// fresh temporary directory that answers each request line with canned bytes. It can
// also stay silent (to test timeouts) and close after replying (to end a watch).
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <functional>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace statline::testing {

struct FakeReply {
  std::string bytes;         // sent as is (include the '\n'); empty: send nothing
  bool close_after = false;  // close the connection once sent
};

class FakeServer {
 public:
  using Handler = std::function<FakeReply(const std::string& request_line)>;

  // Answers every request with handler(request).
  explicit FakeServer(Handler handler) : handler_(std::move(handler)) {
    char dir_template[] = "/tmp/statline-client-test-XXXXXX";
    if (::mkdtemp(dir_template) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = dir_template;
    path_ = dir_ + "/statline.sock";
    listen_fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path_.c_str(), sizeof address.sun_path - 1);
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listen_fd_, 16) != 0 || ::pipe2(stop_pipe_, O_CLOEXEC) != 0) {
      throw std::runtime_error("cannot start the fake server");
    }
    thread_ = std::thread([this] { serve(); });
  }

  // A map of exact request lines to replies; anything else gets a protocol error.
  explicit FakeServer(std::map<std::string, std::string> replies)
      : FakeServer([replies = std::move(replies)](const std::string& request) {
          const auto found = replies.find(request);
          return FakeReply{found != replies.end() ? found->second
                                                  : "{\"error\":\"unknown request\"}\n"};
        }) {}

  // Accepts and reads, never answers.
  static FakeServer silent() {
    return FakeServer(Handler([](const std::string&) { return FakeReply{}; }));
  }

  FakeServer(const FakeServer&) = delete;
  FakeServer& operator=(const FakeServer&) = delete;
  FakeServer(FakeServer&& other) = delete;

  ~FakeServer() {
    const char stop = 's';
    (void)!::write(stop_pipe_[1], &stop, 1);
    thread_.join();
    for (int fd : {listen_fd_, stop_pipe_[0], stop_pipe_[1]}) ::close(fd);
    ::unlink(path_.c_str());
    ::rmdir(dir_.c_str());
  }

  const std::string& path() const { return path_; }

  // Every request line received so far, in order.
  std::vector<std::string> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  struct Client {
    int fd;
    std::string buffer;
  };

  void serve() {
    std::vector<Client> clients;
    for (;;) {
      std::vector<pollfd> fds{{stop_pipe_[0], POLLIN, 0}, {listen_fd_, POLLIN, 0}};
      for (const Client& client : clients) fds.push_back({client.fd, POLLIN, 0});
      if (::poll(fds.data(), fds.size(), -1) < 0) continue;
      if (fds[0].revents != 0) break;
      std::vector<Client> still_open;
      for (std::size_t i = 2; i < fds.size(); ++i) {
        Client& client = clients[i - 2];
        if (fds[i].revents == 0 || handle_input(client)) {
          still_open.push_back(std::move(client));
        } else {
          ::close(client.fd);
        }
      }
      clients = std::move(still_open);
      if (fds[1].revents != 0) {
        const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd >= 0) clients.push_back({fd, {}});
      }
    }
    for (const Client& client : clients) ::close(client.fd);
  }

  // Reads what arrived and answers complete lines; false when the connection is done.
  bool handle_input(Client& client) {
    char chunk[4096];
    const ssize_t n = ::recv(client.fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    client.buffer.append(chunk, static_cast<std::size_t>(n));
    for (auto newline = client.buffer.find('\n'); newline != std::string::npos;
         newline = client.buffer.find('\n')) {
      const std::string line = client.buffer.substr(0, newline);
      client.buffer.erase(0, newline + 1);
      {
        std::lock_guard lock(mutex_);
        requests_.push_back(line);
      }
      const FakeReply reply = handler_(line);
      for (std::size_t sent = 0; sent < reply.bytes.size();) {
        const ssize_t w =
            ::send(client.fd, reply.bytes.data() + sent, reply.bytes.size() - sent, MSG_NOSIGNAL);
        if (w <= 0) return false;
        sent += static_cast<std::size_t>(w);
      }
      if (reply.close_after) return false;
    }
    return true;
  }

  Handler handler_;
  std::string dir_, path_;
  int listen_fd_ = -1;
  int stop_pipe_[2] = {-1, -1};
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<std::string> requests_;
};

}  // namespace statline::testing
