#pragma once
// SIGHUP's default action is to terminate. The supervisor forwards every reload to its
// children, so a child it has just exec'd could be killed by a SIGHUP that arrives before
// the child has installed its handler. Children are therefore exec'd with SIGHUP blocked
// (the signal mask survives execve) and unblock it once their handler is in place; a
// SIGHUP that arrived meanwhile stays pending and is delivered then, as a reload.

#include <signal.h>

namespace statline {

inline sigset_t reload_signal_set() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGHUP);
  return set;
}

// Call after the process's SIGHUP handler (e.g. an asio::signal_set) is installed.
inline void accept_reload_signals() {
  const sigset_t set = reload_signal_set();
  sigprocmask(SIG_UNBLOCK, &set, nullptr);
}

}  // namespace statline
