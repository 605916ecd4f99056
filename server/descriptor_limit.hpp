// The aggregator needs one descriptor per client on top of its own (channels, history
// logs, the listening socket, the event loop). Services start with a soft RLIMIT_NOFILE
// of 1024 (systemd's default, kept low for select() users); the aggregator uses epoll,
// so it may raise the soft limit up to the hard one, as systemd's documentation advises
// for such programs.
#pragma once

#include <sys/resource.h>

#include <cstdint>
#include <string>

namespace statline {

// Descriptors kept for the aggregator's own use beyond one per client.
inline constexpr rlim_t kReservedDescriptors = 64;

// The soft limit to ask for: enough for `max_clients`, at most `hard`, never below
// `current` (a higher limit someone set on purpose stays).
rlim_t wanted_descriptor_limit(std::uint32_t max_clients, rlim_t current, rlim_t hard);

// Raises the soft limit for `max_clients`. Returns a warning to log when even the hard
// limit is too low for them, else an empty string.
std::string raise_descriptor_limit(std::uint32_t max_clients);

}  // namespace statline
