// The bounds the config loader enforces, in one place so the command line
// (`--interval`), the example config and the error messages cannot disagree.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace statline::limits {

inline constexpr double kMinInterval = 0.05;  // seconds; below this /proc reads dominate
inline constexpr double kMaxInterval = 3600;
inline constexpr double kMaxHistory = 7 * 86400;  // also at least the interval
// Cap for the other durations (restart backoff, client idle time): far beyond any
// sensible value, and small enough that conversion to integer nanoseconds cannot overflow.
inline constexpr double kMaxDuration = 7 * 86400;

inline constexpr std::uint32_t kMinClients = 1;
inline constexpr std::uint32_t kMaxClients = 65536;
// One snapshot line must fit in a client's buffer, with room to spare.
inline constexpr std::uint32_t kMinOutputBytes = 4096;

// sizeof(sockaddr_un::sun_path) is 108 and the path needs its terminating NUL.
inline constexpr std::size_t kMaxSocketPath = 107;

// Largest uid/gid: (uid_t)-1 means "no id" to chown and setreuid.
inline constexpr std::uint32_t kMaxId = 4294967294u;

// Segments that may have tmux thresholds (DESIGN §4/§6 segments). A closed list so that
// a misspelt `cpuu:` is an error with a suggestion, not a silently ignored entry; the
// tmux renderer extends it here when it grows a segment.
inline constexpr std::array<std::string_view, 4> kThresholdSegments{"cpu", "mem", "net", "load"};

}  // namespace statline::limits
