#include "server/server.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/write.hpp>
#include <chrono>

#include "logging/log.hpp"
#include "server/accept_retry.hpp"
#include "server/peer_groups.hpp"

namespace statline {

bool peer_allowed(uid_t peer_uid, gid_t peer_gid, uid_t self_uid, const AccessConfig& access,
                  std::span<const gid_t> peer_groups) {
  if (peer_uid == 0 || peer_uid == self_uid) return true;
  if (std::find(access.uids.begin(), access.uids.end(), peer_uid) != access.uids.end()) return true;
  if (!access.gid) return false;
  return *access.gid == peer_gid ||
         std::find(peer_groups.begin(), peer_groups.end(), *access.gid) != peer_groups.end();
}

Server::Server(boost::asio::io_context& io, int listen_fd, LineHandler& handler,
               const Config& config)
    : acceptor_(io, boost::asio::local::stream_protocol(), listen_fd),
      handler_(handler),
      limits_(config.clients),
      access_(config.access),
      registry_(config.clients.max) {}

void Server::start() {
  accept_next();
}

void Server::stop() {
  stopped_ = true;
  boost::system::error_code ignored;
  acceptor_.cancel(ignored);
  registry_.stop_all();
}

void Server::reconfigure(const Config& config) {
  limits_ = config.clients;
  access_ = config.access;
  registry_.set_max_sessions(config.clients.max);
}

void Server::accept_next() {
  if (stopped_) return;
  acceptor_.async_accept([this](const boost::system::error_code& error,
                                boost::asio::local::stream_protocol::socket socket) {
    if (stopped_) return;
    if (error) {
      return retry_accept_later(acceptor_.get_executor(), "accept", error,
                                [this] { accept_next(); });
    }
    ucred credentials{};
    socklen_t length = sizeof credentials;
    const bool known =
        ::getsockopt(socket.native_handle(), SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0;
    // Supplementary groups only matter when a group is allowed at all.
    const auto groups =
        known && access_.gid ? peer_groups(socket.native_handle()) : std::vector<gid_t>{};
    if (!known || !peer_allowed(credentials.uid, credentials.gid, ::getuid(), access_, groups)) {
      log(LogPriority::notice, "refused a client (uid {}, pid {}): not in access.uids/gid",
          credentials.uid, credentials.pid);
      boost::system::error_code ignored;
      static constexpr std::string_view kDenied = "{\"error\":\"permission denied\"}\n";
      // Best effort and non-blocking: the reply fits any socket buffer.
      socket.non_blocking(true, ignored);
      ::send(socket.native_handle(), kDenied.data(), kDenied.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      socket.close(ignored);
    } else {
      auto session = std::make_shared<Session>(std::move(socket), registry_, handler_, limits_);
      registry_.add(session);
      session->start();
    }
    accept_next();
  });
}

}  // namespace statline
