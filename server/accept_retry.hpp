// What both acceptors (the Unix socket's and the Prometheus listener's) do when accept
// fails (EMFILE and friends): keep serving the clients they have and try again shortly,
// rather than spin on a failing accept.
#pragma once

#include <boost/asio/steady_timer.hpp>
#include <boost/system/error_code.hpp>
#include <chrono>
#include <memory>
#include <string_view>

#include "logging/log.hpp"

namespace statline {

template <class Executor, class Retry>
void retry_accept_later(const Executor& executor, std::string_view what,
                        const boost::system::error_code& error, Retry retry) {
  log(LogPriority::warning, "{}: {}", what, error.message());
  auto timer = std::make_shared<boost::asio::steady_timer>(executor);
  timer->expires_after(std::chrono::milliseconds(100));
  timer->async_wait([timer, retry](const boost::system::error_code&) { retry(); });
}

}  // namespace statline
