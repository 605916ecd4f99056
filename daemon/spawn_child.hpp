// fork + exec of a child process (statlined for the aggregator, statline-collector for the
// collectors) with a given title and spec.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace statline {

struct SpawnRequest {
  int executable_fd = -1;     // what the child runs (child_executables.hpp)
  std::string title;          // argv[0], what ps shows: "statlined: collector stat"
  std::string spec;           // value of STATLINE_CHILD (child_spec.hpp)
  std::vector<int> keep_fds;  // inherited across exec; every other fd is close-on-exec
};

// Starts the child and returns its pid. The child dies with the supervisor
// (PR_SET_PDEATHSIG) and never sees the supervisor's systemd variables: only the
// supervisor talks to systemd. Throws std::system_error when fork fails.
pid_t spawn_child(const SpawnRequest& request);

}  // namespace statline
