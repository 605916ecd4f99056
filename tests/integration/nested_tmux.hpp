// A real tmux showing a status line, and a way to read that line with its colours: an
// outer tmux server whose only pane runs an inner tmux client; the inner session's
// status line is drawn in the outer pane, where capture-pane -e can read it. Both
// servers have private sockets in the test's directory and are killed at the end.
#pragma once

#include <filesystem>
#include <string>

#include "tests/integration/temp_dir.hpp"

namespace statline::integration {

class NestedTmux {
 public:
  // Starts both; `inner_config` is the inner server's tmux.conf.
  NestedTmux(const TempDir& dir, const std::string& inner_config);
  ~NestedTmux();
  NestedTmux(const NestedTmux&) = delete;
  NestedTmux& operator=(const NestedTmux&) = delete;

  // The inner session's status line as the outer pane shows it: its last non-empty row,
  // as plain text or with SGR colour escapes (capture-pane -e).
  std::string status_line() const;
  std::string status_line_with_colours() const;

  // Runs a tmux command against the inner server (e.g. {"kill-server"}).
  void inner(const std::vector<std::string>& args) const;

 private:
  std::string capture(bool colours) const;
  std::filesystem::path outer_, inner_;
};

}  // namespace statline::integration
