#include "server/metrics_http_server.hpp"

#include <boost/asio/steady_timer.hpp>
#include <chrono>

#include "logging/log.hpp"
#include "server/accept_retry.hpp"
#include "server/metrics_http_session.hpp"

namespace statline {

MetricsHttpServer::MetricsHttpServer(boost::asio::io_context& io, int listen_fd,
                                     Exposition exposition)
    : acceptor_(io), exposition_(std::move(exposition)) {
  // The family (v4 or v6) is whatever the supervisor bound.
  sockaddr_storage bound{};
  socklen_t length = sizeof bound;
  ::getsockname(listen_fd, reinterpret_cast<sockaddr*>(&bound), &length);
  acceptor_.assign(
      bound.ss_family == AF_INET6 ? boost::asio::ip::tcp::v6() : boost::asio::ip::tcp::v4(),
      listen_fd);
}

void MetricsHttpServer::start() {
  accept_next();
}

void MetricsHttpServer::stop() {
  stopped_ = true;
  boost::system::error_code ignored;
  acceptor_.cancel(ignored);
  for (auto& weak : std::list(sessions_)) {
    if (auto session = weak.lock()) session->close();
  }
  sessions_.clear();
}

void MetricsHttpServer::forget(const MetricsHttpSession* session) {
  sessions_.remove_if([session](const std::weak_ptr<MetricsHttpSession>& weak) {
    const auto locked = weak.lock();
    return !locked || locked.get() == session;
  });
}

void MetricsHttpServer::accept_next() {
  if (stopped_) return;
  acceptor_.async_accept(
      [this](const boost::system::error_code& error, boost::asio::ip::tcp::socket socket) {
        if (stopped_) return;
        if (error) {
          return retry_accept_later(acceptor_.get_executor(), "metrics accept", error,
                                    [this] { accept_next(); });
        }
        // At the cap the oldest connection makes room: scrapers that leave connections
        // open must not lock the next one out.
        if (sessions_.size() >= kMaxConnections) {
          if (auto oldest = sessions_.front().lock()) {
            oldest->close();  // and forget()s itself
          } else {
            sessions_.pop_front();
          }
        }
        auto session = std::make_shared<MetricsHttpSession>(std::move(socket), *this);
        sessions_.push_back(session);
        session->start();
        accept_next();
      });
}

}  // namespace statline
