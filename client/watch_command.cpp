// `statline watch`: the daemon's `watch` stream, one snapshot line per sample, printed as
// dstat's table, as CSV or as the JSON lines themselves. The formatting lives in
// watch_table, watch_csv and dstat_cell; this file only connects the pieces.
#include <cerrno>
#include <cstring>
#include <fstream>

#include "client/client_error.hpp"
#include "client/commands.hpp"
#include "client/connection.hpp"
#include "client/daemon_reply.hpp"
#include "client/request_line.hpp"
#include "client/terminal.hpp"
#include "client/watch_csv.hpp"
#include "client/watch_table.hpp"

namespace statline::client {
namespace {

// The CSV copy of --output FILE; nothing when no file was asked for.
class CsvFile {
 public:
  explicit CsvFile(const std::optional<std::string>& path) {
    if (!path) return;
    path_ = *path;
    file_.open(path_, std::ios::out | std::ios::trunc);
    if (!file_) {
      throw ClientError(exit_code::cannot_create,
                        "cannot create " + path_ + ": " + std::strerror(errno));
    }
  }

  void write(const std::string& text) {
    if (path_.empty()) return;
    file_ << text << std::flush;
    if (!file_) throw ClientError(exit_code::io_error, "cannot write " + path_);
  }

 private:
  std::string path_;
  std::ofstream file_;
};

// Table rows on a terminal: the header again each screenful and whenever a resize changes
// which groups fit.
class TablePrinter {
 public:
  TablePrinter(const CommandContext& context, bool colour) : context_(context), colour_(colour) {}

  void print(const Layout& layout, const Json& snapshot) {
    const TerminalSize size = stdout_size();
    const auto visible = visible_sections(layout, size.columns);
    if (rows_ == 0 && visible.size() < layout.size()) {
      context_.err << "statline: terminal too narrow, leaving out some columns\n";
    }
    if (visible != visible_ || header_due(rows_, size.rows)) {
      context_.out << table_header(layout, visible, colour_);
    }
    visible_ = visible;
    context_.out << table_row(layout, visible, snapshot, colour_);
    ++rows_;
  }

 private:
  const CommandContext& context_;
  bool colour_;
  std::size_t rows_ = 0;
  std::vector<std::size_t> visible_;
};

}  // namespace

int run_watch(const CommandContext& context, const WatchOptions& options) {
  // Usage errors before anything touches the network or the file system.
  const WatchSelection selection =
      parse_selection(options.columns, options.cpus, options.interfaces);
  CsvFile csv_file(options.output_file);
  TablePrinter table(context, use_colour(options.colour, stdout_is_terminal(), process_env()));

  // The timeout covers reaching the daemon only: samples may be an hour apart (the
  // interval goes up to 3600 s), so waiting between them has no limit.
  const Deadline deadline = Clock::now() + context.timeout;
  Connection connection = Connection::open(context.socket_path, deadline);
  connection.send_line(build_request("watch", options.seconds
                                                  ? std::vector<std::string>{*options.seconds}
                                                  : std::vector<std::string>{}),
                       deadline);
  std::optional<Layout> layout;  // from the first snapshot, which "-C all" expands against
  long rows = 0;
  connection.stream_lines(
      [&](std::string_view line) {
        const Json snapshot = parse_reply(line);  // an error line ends the watch (exit 1)
        const bool first = !layout;
        if (first) layout = build_layout(selection, snapshot);
        switch (options.format) {
          case WatchFormat::json:
            context.out << line << '\n';
            break;
          case WatchFormat::csv:
            if (first) context.out << csv_header(*layout);
            context.out << csv_row(*layout, snapshot);
            break;
          case WatchFormat::table:
            table.print(*layout, snapshot);
            break;
        }
        // Flush per sample: output often goes to a pipe, and Ctrl-C must not lose lines.
        context.out.flush();
        if (first) csv_file.write(csv_header(*layout));
        csv_file.write(csv_row(*layout, snapshot));
        return !options.count || ++rows < *options.count;
      },
      std::nullopt);
  return exit_code::ok;
}

}  // namespace statline::client
