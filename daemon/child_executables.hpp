// The two programs the supervisor starts its children from, opened once at start-up:
// statlined itself for the aggregator, statline-collector for the collectors.
//
// Children are started from these descriptors (fexecve), not from paths, so a restart
// long after an upgrade replaced the files on disk still runs the binaries this
// supervisor came with: the ring layout they share never mixes two versions.
#pragma once

#include <string>

namespace statline {

class ChildExecutables {
 public:
  // statline-collector is looked for next to statlined (the build tree) and then where
  // `cmake --install` puts it relative to statlined (../libexec/statline/). Throws
  // std::runtime_error naming the places it looked.
  static ChildExecutables open();
  ChildExecutables(ChildExecutables&& other) noexcept;
  ChildExecutables& operator=(ChildExecutables&&) = delete;
  ChildExecutables(const ChildExecutables&) = delete;
  ~ChildExecutables();

  int aggregator_fd() const { return aggregator_fd_; }
  int collector_fd() const { return collector_fd_; }
  const std::string& collector_path() const { return collector_path_; }

 private:
  ChildExecutables(int aggregator_fd, int collector_fd, std::string collector_path);
  int aggregator_fd_;
  int collector_fd_;
  std::string collector_path_;
};

}  // namespace statline
