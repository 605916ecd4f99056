// Renders a parsed tmux template (tmux/template.hpp) into one status line.
//
// Pure: the numbers come through TmuxData (the daemon backs it with its snapshot and
// history; tests with a table). What the line guarantees:
// - Everything a placeholder prints has `#` doubled, because tmux expands the output of
//   #() again (an interface named `a#(reboot)` stays text).
// - A value over its segment's threshold is wrapped in the configured warn/crit style
//   (`#[fg=red]91%#[default]`), after which the template's own #[...] styles are applied
//   again; a line with threshold styles is enclosed in #[push-default] … #[pop-default],
//   so #[default] returns to the colours the status line had around it.
// - A missing number (source down, no history yet) is `--`; a sparkline keeps its width.
// - The line is at most kMaxLineBytes (16 KiB); a longer one is cut between whole
//   pieces and ends in `…` (tmux_capped_line.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "tmux/template.hpp"

namespace statline {

class TmuxData {
 public:
  virtual ~TmuxData() = default;
  // The number at a snapshot path (no `*`); nullopt when it has no data.
  virtual std::optional<double> value(const std::string& path) const = 0;
  // The members of `cpu.cores` (CPU numbers) or `net.interfaces` (names), in snapshot order.
  virtual std::vector<std::string> members(std::string_view collection) const = 0;
  // Up to `count` most recent values of `path` from history, oldest first.
  virtual std::vector<std::optional<double>> recent(const std::string& path,
                                                    unsigned count) const = 0;
};

std::string render_template(const tmux::Template& format, const TmuxData& data,
                            const TmuxConfig& config, bool ascii);

// `text` with every `#` doubled.
std::string escape_tmux(std::string_view text);

}  // namespace statline
