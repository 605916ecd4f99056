// The Prometheus listener's TCP socket (metrics.listen). Bound by the supervisor, like
// the Unix socket: a port that is taken or an address that does not resolve stops the
// daemon at start with a clear error instead of a silently missing endpoint, and scrapes
// that arrive while a crashed aggregator restarts wait in the backlog.
#pragma once

#include "config/listen_address.hpp"

namespace statline {

// A listening TCP socket on `address` (the first address the host resolves to).
// Throws std::runtime_error naming the address and the cause.
int open_metrics_listener(const ListenAddress& address);

}  // namespace statline
