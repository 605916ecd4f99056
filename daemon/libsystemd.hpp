// libsystemd, loaded only when systemd is talking to this process.
//
// statlined uses four calls of libsystemd (sd_notify, sd_watchdog_enabled, sd_listen_fds,
// sd_is_socket_unix), and each matters only when systemd set the matching variable
// (NOTIFY_SOCKET, LISTEN_FDS). Linked at start-up, libsystemd.so.0 brings six more
// libraries (libgcrypt, libgpg-error, liblzma, libzstd, liblz4, libcap) whose relocations
// and constructors cost the supervisor ~0.9 MiB of PSS when nothing else on the machine
// maps them, for a daemon that is ~1.5 MiB without them (README, "What it costs"). So the
// supervisor dlopen()s it on the first call that needs it, and under systemd it costs
// what it always did. The calls themselves are libsystemd's own, never re-implemented.
#pragma once

#include <cstdint>

namespace statline::libsystemd {

// Each loads libsystemd.so.0 on first use; a load failure throws std::runtime_error
// naming the library and dlerror(). Callers check the environment first, so a daemon
// run by hand never loads it.
int notify(const char* state);                // sd_notify(0, state)
int watchdog_enabled(std::uint64_t* usec);    // sd_watchdog_enabled(0, usec)
int listen_fds();                             // sd_listen_fds(0)
int is_listening_unix_stream_socket(int fd);  // sd_is_socket_unix(fd, SOCK_STREAM, 1, ...)

// True once loaded (for tests: a run without systemd's variables must never load it).
bool loaded();

}  // namespace statline::libsystemd
