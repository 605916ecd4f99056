// The aggregator child: wakes on doorbells, keeps history, serves the socket.
#pragma once

#include "ipc/aggregator_channels.hpp"

namespace statline {

// Runs until SIGTERM/SIGINT; SIGHUP applies the config the supervisor republished.
int run_aggregator(const AggregatorChannels& fds);

}  // namespace statline
