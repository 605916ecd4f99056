#include "client/command_line.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "client/client_error.hpp"
#include "client/commands.hpp"
#include "client/help_text.hpp"
#include "client/socket_path.hpp"
#include "client/watch_layout.hpp"
#include "config/duration.hpp"

namespace statline::client {
namespace {

constexpr std::chrono::milliseconds default_timeout{2000};
// tmux runs `statline tmux` synchronously enough that a slow answer is a frozen bar.
constexpr std::chrono::milliseconds default_tmux_timeout{100};

// Lists each command with only the first line of its description; the full text is
// for `statline COMMAND --help`.
class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter() {
    label("SUBCOMMAND", "COMMAND");
    label("Subcommands", "Commands");
  }

  // A blank line between the description and "Usage:", as man pages have.
  std::string make_description(const CLI::App* app) const override {
    std::string description = app->get_description();
    while (description.ends_with('\n')) description.pop_back();
    return description.empty() ? "" : description + "\n\n";
  }

  std::string make_subcommand(const CLI::App* sub) const override {
    const std::string& description = sub->get_description();
    std::stringstream out;
    CLI::detail::format_help(out, sub->get_display_name(true),
                             description.substr(0, description.find('\n')), column_width_);
    return out.str();
  }
};

// CLI11's own range messages print doubles with 300 digits; these name the unit instead.
// Seconds as a number or with a unit (500ms, 2s, 5m, 1h, 7d), like the config.
CLI::Validator positive_seconds() {
  return CLI::Validator(
      [](std::string& input) -> std::string {
        const auto value = parse_seconds(input);
        if (!value || !(*value > 0)) {
          return "expected a positive duration (seconds, or with a unit: 500ms, 2s, 5m, 1h), "
                 "got \"" + input + "\"";
        }
        return "";
      },
      "", "positive seconds");
}

// A whole number from `low` to `high`; `expected` says what, for the error message.
CLI::Validator whole_number(long low, long high, std::string expected, std::string name) {
  return CLI::Validator(
      [=](std::string& input) -> std::string {
        char* end = nullptr;
        errno = 0;
        const long value = std::strtol(input.c_str(), &end, 10);
        if (input.empty() || *end != '\0' || errno == ERANGE || value < low || value > high) {
          return "expected " + expected + ", got \"" + input + "\"";
        }
        return "";
      },
      "", std::move(name));
}

CLI::Validator positive_count() {
  return whole_number(1, LONG_MAX, "a positive whole number", "positive count");
}

CLI::Validator chart_rows() {
  return whole_number(2, 200, "rows from 2 to 200", "chart rows");
}

CLI::Validator timeout_range() {
  return whole_number(1, 3'600'000, "milliseconds from 1 to 3600000", "timeout range");
}

struct GlobalOptions {
  std::string socket;
  int timeout_ms = 0;  // 0: not given, use the command's default
};

// The global options are added to every command too, so they may follow it and each
// command's --help lists them.
void add_global_options(CLI::App& app, GlobalOptions& options) {
  app.add_option("--socket", options.socket, help::socket_option)->type_name("PATH");
  app.add_option("--timeout", options.timeout_ms, help::timeout_option)
      ->type_name("MS")
      ->check(timeout_range());
}

CLI::App* add_command(CLI::App& app, GlobalOptions& options, const char* name,
                      const char* description, const char* footer) {
  CLI::App* command = app.add_subcommand(name, description);
  command->group("Commands");
  command->footer(footer);
  add_global_options(*command, options);
  return command;
}

std::string failure_message(const CLI::App* app, const CLI::Error& error) {
  const auto selected = app->get_subcommands();
  const std::string command = selected.empty() ? "" : " " + selected.front()->get_name();
  std::string message = error.what();
  // CLI11 reports `statline bogus` as "A subcommand is required"; name the word instead.
  if (selected.empty() && !app->remaining().empty()) {
    message = "unknown command \"" + app->remaining().front() + "\"";
  }
  return "statline: " + message + "\nRun 'statline" + command + " --help' for more information.\n";
}

}  // namespace

int run_command_line(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{help::program, "statline"};
  app.formatter(std::make_shared<HelpFormatter>());
  app.get_formatter()->column_width(28);
  app.footer(help::program_footer);
  app.failure_message(failure_message);
  app.set_version_flag("--version", std::string("statline ") + STATLINE_VERSION,
                       "Print statline's version and exit");
  GlobalOptions globals;
  add_global_options(app, globals);

  // Each command records what to run; it runs after parsing, with the socket resolved.
  std::function<int(const CommandContext&)> action;
  bool json = false;
  std::vector<std::string> paths;
  std::optional<std::string> argument;  // SECONDS of history, DELAY of watch
  const char* json_help = "Print the daemon's JSON reply unchanged";

  CLI::App* get = add_command(app, globals, "get", help::get, help::get_footer);
  get->add_flag("--json", json, json_help);
  get->add_option("PATH", paths, "Snapshot paths to print (default: everything)")->type_name("");
  get->callback([&] { action = [&](const auto& c) { return run_get(c, paths, json); }; });

  CLI::App* status = add_command(app, globals, "status", help::status, help::status_footer);
  status->add_flag("--json", json, json_help);
  status->callback([&] { action = [&](const auto& c) { return run_status(c, json); }; });

  CLI::App* tmux = add_command(app, globals, "tmux", help::tmux, help::tmux_footer);
  TmuxOptions tmux_options;
  tmux->add_option("FORMAT", tmux_options.format, "Named format (built-in or from the config)")
      ->type_name("");
  tmux->add_flag("--follow", tmux_options.follow,
                 "Stay running and print a new line per sample (for #(...))");
  tmux->add_flag("--ascii", tmux_options.ascii, "No Unicode: ASCII sparklines and meters");
  tmux->callback([&] { action = [&](const auto& c) { return run_tmux(c, tmux_options); }; });

  CLI::App* history = add_command(app, globals, "history", help::history, help::history_footer);
  HistoryOptions history_options;
  std::optional<std::string> since;
  bool lines = false;
  history->add_option("METRIC", history_options.metric,
                      "Snapshot path of a number, e.g. cpu.total.usage")
      ->type_name("")
      ->required();
  history->add_option("SECONDS", argument, "How far back to go, as --since")
      ->type_name("")
      ->check(positive_seconds());
  history->add_option("--since", since, "How far back to go: 90, 10m, 1h (default: all kept)")
      ->type_name("DURATION")
      ->check(positive_seconds());
  CLI::Option* lines_flag =
      history->add_flag("--lines", lines, "Print `HH:MM:SS value` lines instead of a chart");
  history->add_flag("--json", json, json_help)->excludes(lines_flag);
  history->add_option("--height", history_options.height, "Rows of the chart (default: 10)")
      ->type_name("ROWS")
      ->check(chart_rows());
  history->callback([&] {
    if (argument && since) throw CLI::ValidationError("give SECONDS or --since, not both");
    // The daemon takes plain seconds; 10m is the client's convenience.
    if (const auto& window = since ? since : argument) {
      history_options.seconds = fmt::format("{}", *parse_seconds(*window));
    }
    history_options.format =
        json ? HistoryFormat::json : lines ? HistoryFormat::lines : HistoryFormat::chart;
    action = [&](const auto& c) { return run_history(c, history_options); };
  });

  CLI::App* metrics = add_command(app, globals, "metrics", help::metrics, help::metrics_footer);
  metrics->callback([&] { action = run_metrics; });

  CLI::App* watch = add_command(app, globals, "watch", help::watch, help::watch_footer);
  WatchOptions watch_options;
  watch_options.columns = default_columns;
  std::optional<std::string> watch_interval;
  std::optional<long> watch_count;
  bool csv = false, no_colour = false, colour = false;
  // dstat's positional form, `statline watch 5 10`, and named options.
  watch->add_option("DELAY", argument, "Seconds between rows, as --interval")
      ->type_name("")
      ->check(positive_seconds());
  watch->add_option("COUNT", watch_count, "Rows to print, as --count")
      ->type_name("")
      ->check(positive_count());
  watch->add_option("--interval", watch_interval, help::watch_interval)
      ->type_name("SECONDS")
      ->check(positive_seconds());
  watch->add_option("--count", watch_options.count, "Print N rows, then exit (default: until Ctrl-C)")
      ->type_name("N")
      ->check(positive_count());
  watch->add_option("--columns", watch_options.columns, help::watch_columns)->type_name("LIST");
  watch->add_option("-C", watch_options.cpus, "CPUs, one block each: 0,1,total or all (default: total)")
      ->type_name("LIST");
  watch->add_option("-N", watch_options.interfaces,
                    "Interfaces, one block each: eth0,total or all (default: total)")
      ->type_name("LIST");
  CLI::Option* csv_flag = watch->add_flag("--csv", csv, "Print CSV: a header line, then one row per sample");
  watch->add_flag("--json", json, "Print each snapshot as the daemon's JSON line")->excludes(csv_flag);
  watch->add_option("--output", watch_options.output_file,
                    "Also write the rows as CSV to FILE (created or truncated)")
      ->type_name("FILE");
  CLI::Option* no_colour_flag =
      watch->add_flag("--no-color", no_colour, "No colours (default when not a terminal, or $NO_COLOR)");
  watch->add_flag("--color", colour, "Colours even when not a terminal")->excludes(no_colour_flag);
  watch->callback([&] {
    if (argument && watch_interval) throw CLI::ValidationError("give DELAY or --interval, not both");
    if (watch_count && watch_options.count) throw CLI::ValidationError("give COUNT or --count, not both");
    if (watch_count) watch_options.count = watch_count;
    if (const auto& seconds = watch_interval ? watch_interval : argument) {
      watch_options.seconds = fmt::format("{}", *parse_seconds(*seconds));
    }
    watch_options.format = json ? WatchFormat::json : csv ? WatchFormat::csv : WatchFormat::table;
    watch_options.colour = no_colour ? ColourChoice::never
                           : colour  ? ColourChoice::always
                                     : ColourChoice::automatic;
    action = [&](const auto& c) { return run_watch(c, watch_options); };
  });

  add_command(app, globals, "ping", help::ping, "Example:\n  statline ping && echo up\n")
      ->callback([&] { action = run_ping; });
  add_command(app, globals, "version", help::version, "Example:\n  statline version\n")
      ->callback([&] { action = run_version; });
  add_command(app, globals, "reload", help::reload, "Example:\n  statline reload\n")->callback([&] {
    action = run_reload;
  });
  app.require_subcommand(1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int status_code = app.exit(error, out, err);
    return status_code == 0 ? exit_code::ok : exit_code::usage;
  }

  const bool is_tmux = tmux->parsed();
  const CommandContext context{
      resolve_socket_path(globals.socket.empty() ? std::nullopt : std::optional(globals.socket),
                          process_env(), ::getuid(), path_exists),
      globals.timeout_ms > 0 ? std::chrono::milliseconds(globals.timeout_ms)
                             : (is_tmux ? default_tmux_timeout : default_timeout),
      out, err};
  try {
    return action(context);
  } catch (const ConnectionError& error) {
    err << "statline: " << error.what();
    if (error.failure() == ConnectionFailure::timeout) {
      err << " (after " << context.timeout.count() << " ms; see --timeout)";
    }
    err << '\n';
    return error.exit_status();
  } catch (const ClientError& error) {
    err << "statline: " << error.what() << '\n';
    return error.exit_status();
  } catch (const std::exception& error) {
    // Every expected failure is a ClientError; anything else is a bug worth reporting as such.
    err << "statline: internal error: " << error.what() << '\n';
    return exit_code::software;
  }
}

}  // namespace statline::client
