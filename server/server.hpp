// The acceptor: serves the listening socket the supervisor owns, checks each peer's
// credentials (SO_PEERCRED) and starts a Session for it.
#pragma once

#include <sys/types.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <span>

#include "config/config.hpp"
#include "server/session.hpp"
#include "server/session_registry.hpp"

namespace statline {

// Root and the daemon's own uid always; then the configured uids, and the configured gid
// as the peer's primary group or one of its supplementary `peer_groups`.
bool peer_allowed(uid_t peer_uid, gid_t peer_gid, uid_t self_uid, const AccessConfig& access,
                  std::span<const gid_t> peer_groups = {});

class Server {
 public:
  // Takes over `listen_fd` (an inherited, already listening Unix socket).
  Server(boost::asio::io_context& io, int listen_fd, LineHandler& handler, const Config& config);
  void start();
  void stop();
  SessionRegistry& sessions() { return registry_; }
  // Applies reloaded access rules and client limits to new connections.
  void reconfigure(const Config& config);

 private:
  void accept_next();

  boost::asio::local::stream_protocol::acceptor acceptor_;
  LineHandler& handler_;
  ClientsConfig limits_;
  AccessConfig access_;
  SessionRegistry registry_;
  bool stopped_ = false;
};

}  // namespace statline
