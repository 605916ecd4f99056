// The client's failure model: every error that ends a command carries the exit status
// the command must return, so one place (the command-line dispatcher) prints and exits.
//
// Exit statuses follow sysexits(3) so scripts can tell "the daemon is not running"
// (69) from "you typed it wrong" (64) from "the daemon refused the request" (1).
#pragma once

#include <stdexcept>
#include <string>

namespace statline::client {

namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int daemon_error = 1;  // the daemon answered {"error":...}
inline constexpr int usage = 64;        // EX_USAGE: bad command line
inline constexpr int unavailable =
    69;                              // EX_UNAVAILABLE: cannot reach the daemon, or no reply in time
inline constexpr int software = 70;  // EX_SOFTWARE: a bug in statline itself
inline constexpr int cannot_create = 73;  // EX_CANTCREAT: watch --output FILE cannot be created
inline constexpr int io_error = 74;       // EX_IOERR: writing watch --output FILE failed
inline constexpr int protocol = 76;  // EX_PROTOCOL: the reply is not what DESIGN §4 promises
}  // namespace exit_code

class ClientError : public std::runtime_error {
 public:
  ClientError(int exit_status, const std::string& message)
      : std::runtime_error(message), exit_status_(exit_status) {}
  int exit_status() const { return exit_status_; }

 private:
  int exit_status_;
};

// Why a connection failed; the tmux command and the timeout message need to tell them apart.
// output_closed: the descriptor given to Connection::watch_hangup hung up (tmux closed the
// pipe it reads `statline tmux --follow` from).
enum class ConnectionFailure { connect, timeout, closed, io, output_closed };

class ConnectionError : public ClientError {
 public:
  ConnectionError(ConnectionFailure failure, const std::string& message)
      : ClientError(exit_code::unavailable, message), failure_(failure) {}
  ConnectionFailure failure() const { return failure_; }

 private:
  ConnectionFailure failure_;
};

}  // namespace statline::client
