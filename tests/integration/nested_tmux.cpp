#include "tests/integration/nested_tmux.hpp"

#include <vector>

#include "tests/integration/spawn_process.hpp"

namespace statline::integration {
namespace {

const std::vector<std::string> kEnv{"TERM=xterm-256color"};

ProcessResult tmux(const std::filesystem::path& socket, std::vector<std::string> args) {
  args.insert(args.begin(), {"-S", socket.string()});
  return run_process("/usr/bin/tmux", args, kEnv, 5000ms);
}

}  // namespace

NestedTmux::NestedTmux(const TempDir& dir, const std::string& inner_config)
    : outer_(dir / "outer.tmux"), inner_(dir / "inner.tmux") {
  const auto config = dir.write("inner.conf", inner_config);
  // -f /dev/null: the outer server must not read the user's ~/.tmux.conf.
  tmux(outer_, {"-f", "/dev/null", "new-session", "-d", "-x", "160", "-y", "5",
                "exec /usr/bin/tmux -S " + inner_.string() + " -f " + config.string() +
                    " new-session"});
}

NestedTmux::~NestedTmux() {
  tmux(inner_, {"kill-server"});
  tmux(outer_, {"kill-server"});
}

std::string NestedTmux::capture(bool colours) const {
  std::vector<std::string> args{"capture-pane", "-p"};
  if (colours) args.push_back("-e");
  std::string screen = tmux(outer_, args).out;
  // The status line is the last row with anything on it.
  while (!screen.empty() && (screen.back() == '\n' || screen.back() == ' ')) screen.pop_back();
  const auto start = screen.rfind('\n');
  return start == std::string::npos ? screen : screen.substr(start + 1);
}

std::string NestedTmux::status_line() const {
  return capture(false);
}

std::string NestedTmux::status_line_with_colours() const {
  return capture(true);
}

void NestedTmux::inner(const std::vector<std::string>& args) const {
  tmux(inner_, args);
}

}  // namespace statline::integration
