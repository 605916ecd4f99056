// The Prometheus endpoint (metrics.listen): HTTP/1.1 on the TCP socket the supervisor
// bound, parsed by Boost.Beast. GET or HEAD of /metrics gets the exposition; any other
// path 404, any other method 405. Bounded like the Unix socket: at most kMaxConnections
// (past that the oldest one is closed), 8 KiB of request header, no body, a
// 30-second deadline for each request and reply, and keep-alive between scrapes.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <functional>
#include <list>
#include <memory>
#include <string>

namespace statline {

class MetricsHttpSession;

class MetricsHttpServer {
 public:
  static constexpr std::size_t kMaxConnections = 64;
  using Exposition = std::function<std::string()>;

  // Takes over `listen_fd` (an inherited, listening TCP socket).
  MetricsHttpServer(boost::asio::io_context& io, int listen_fd, Exposition exposition);
  void start();
  void stop();
  std::size_t connections() const { return sessions_.size(); }

 private:
  friend class MetricsHttpSession;
  void accept_next();
  void forget(const MetricsHttpSession* session);

  boost::asio::ip::tcp::acceptor acceptor_;
  Exposition exposition_;
  std::list<std::weak_ptr<MetricsHttpSession>> sessions_;  // oldest first
  bool stopped_ = false;
};

}  // namespace statline
