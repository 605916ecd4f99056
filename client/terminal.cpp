#include "client/terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

namespace statline::client {

bool stdout_is_terminal() {
  return ::isatty(STDOUT_FILENO) == 1;
}

TerminalSize stdout_size() {
  winsize size{};
  if (!stdout_is_terminal() || ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) return {};
  TerminalSize out;
  // A pseudo-terminal nobody sized yet reports zeros: unknown, not zero.
  if (size.ws_row > 0) out.rows = size.ws_row;
  if (size.ws_col > 0) out.columns = size.ws_col;
  return out;
}

bool use_colour(ColourChoice choice, bool is_terminal, const EnvLookup& env) {
  if (choice != ColourChoice::automatic) return choice == ColourChoice::always;
  if (!is_terminal) return false;
  if (const auto no_color = env("NO_COLOR"); no_color && !no_color->empty()) return false;
  const auto term = env("TERM");
  return !(term && *term == "dumb");
}

}  // namespace statline::client
