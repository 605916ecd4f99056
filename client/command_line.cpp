#include "client/command_line.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
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
CLI::Validator positive_seconds() {
  return CLI::Validator(
      [](std::string& input) -> std::string {
        char* end = nullptr;
        const double value = std::strtod(input.c_str(), &end);
        if (input.empty() || *end != '\0' || !(value > 0) || !std::isfinite(value)) {
          return "expected a positive number of seconds, got \"" + input + "\"";
        }
        return "";
      },
      "", "positive seconds");
}

CLI::Validator timeout_range() {
  return CLI::Validator(
      [](std::string& input) -> std::string {
        char* end = nullptr;
        const long value = std::strtol(input.c_str(), &end, 10);
        if (input.empty() || *end != '\0' || value < 1 || value > 3'600'000) {
          return "expected milliseconds from 1 to 3600000, got \"" + input + "\"";
        }
        return "";
      },
      "", "timeout range");
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
  std::optional<std::string> argument;  // FORMAT of tmux, SECONDS of history and watch
  std::string metric;
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
  history->add_option("METRIC", metric, "Snapshot path of a number, e.g. cpu.total.usage")
      ->type_name("")
      ->required();
  history->add_option("SECONDS", argument, "How far back to go (default: all kept)")
      ->type_name("")
      ->check(positive_seconds());
  history->add_flag("--json", json, json_help);
  history->callback(
      [&] { action = [&](const auto& c) { return run_history(c, metric, argument, json); }; });

  CLI::App* metrics = add_command(app, globals, "metrics", help::metrics, help::metrics_footer);
  metrics->callback([&] { action = run_metrics; });

  CLI::App* watch = add_command(app, globals, "watch", help::watch, help::watch_footer);
  watch->add_option("SECONDS", argument, "Seconds between lines (default: every sample)")
      ->type_name("")
      ->check(positive_seconds());
  watch->add_flag("--json", json, "Print each snapshot as the daemon's JSON line");
  watch->callback([&] { action = [&](const auto& c) { return run_watch(c, argument, json); }; });

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
