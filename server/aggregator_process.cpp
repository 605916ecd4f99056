#include "server/aggregator_process.hpp"

#include <signal.h>
#include <sys/prctl.h>

#include <exception>

#include "logging/log.hpp"
#include "server/aggregator.hpp"

namespace statline {

int run_aggregator(const AggregatorChannels& fds) {
  prctl(PR_SET_NAME, "sl-aggregator");
  init_logging("aggregator", LogPriority::info);
  // A client that vanishes mid-reply must cost an EPIPE, not the process.
  signal(SIGPIPE, SIG_IGN);
  try {
    boost::asio::io_context io;
    Aggregator aggregator(io, fds);
    aggregator.start();
    io.run();
    return 0;
  } catch (const std::exception& e) {
    log(LogPriority::error, "{}", e.what());
    return 1;
  }
}

}  // namespace statline
