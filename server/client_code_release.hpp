// When the aggregator gives back the code that answered clients.
//
// After start-up the aggregator keeps little of its program mapped (process/
// program_pages.hpp). Requests map the code that answers them back in, 64 KiB at a time
// (fault-around), and it would stay mapped for the daemon's lifetime. Once no client is
// connected and none has come for a whole catch-up period, it is released again: a status
// bar asking every few seconds keeps it mapped, a script asking now and then does not pin
// it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace statline {

class ClientCodeRelease {
 public:
  // Start-up's release covered the clients come so far (`sessions_added`).
  void startup_released(std::uint64_t sessions_added) {
    started_ = true;
    at_release_ = sessions_added;
  }

  bool startup_done() const { return started_; }

  // Asked once per catch-up period while nobody streams, with SessionRegistry::added()
  // and size(): true when the pages are to be released now.
  bool due(std::uint64_t sessions_added, std::size_t sessions_open) {
    const bool quiet = sessions_added == at_last_look_ && sessions_open == 0;
    at_last_look_ = sessions_added;
    if (!started_ || !quiet || sessions_added == at_release_) return false;
    at_release_ = sessions_added;
    return true;
  }

 private:
  bool started_ = false;
  std::uint64_t at_last_look_ = 0;  // sessions added at the previous period
  std::uint64_t at_release_ = 0;    // ... at the last release
};

}  // namespace statline
