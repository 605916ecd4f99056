// The long help of `statline` and its commands, kept apart from the option wiring so
// both read easily. Each command's first description line is its one-line summary in
// the command list; the rest is shown by `statline COMMAND --help`.
#pragma once

namespace statline::client::help {

inline constexpr const char* program =
    "statline - query statlined, the statline system monitor daemon\n"
    "\n"
    "statlined samples the kernel (/proc/stat, meminfo, net/dev, loadavg) once per interval;\n"
    "statline asks it over a Unix socket for a tmux status segment, a summary, JSON,\n"
    "history or Prometheus metrics. Requests are single text lines, so the socket can also\n"
    "be used by hand: echo get | socat - UNIX-CONNECT:$XDG_RUNTIME_DIR/statline.sock\n";

inline constexpr const char* program_footer =
    "Global options (--socket, --timeout) may also follow the command.\n"
    "\n"
    "Socket:\n"
    "  --socket PATH, else $STATLINE_SOCKET, else $XDG_RUNTIME_DIR/statline.sock,\n"
    "  else /tmp/statline-<uid>.sock: the daemon's defaults; when that socket does not\n"
    "  exist, the system service's /run/statline/statline.sock. statline reads no config\n"
    "  file, so a `socket` set in statlined's config must be passed with --socket or\n"
    "  $STATLINE_SOCKET.\n"
    "\n"
    "Examples:\n"
    "  statline get                        summary of cpu, mem, net and load\n"
    "  statline get --json | jq .mem       the raw snapshot, for scripts\n"
    "  statline get cpu.total.usage mem    chosen values as `path = value` lines\n"
    "  statline watch                      dstat-style live table until Ctrl-C\n"
    "  statline history cpu.total.usage --since 10m   chart of the last 10 minutes\n"
    "  statline status                     daemon uptime and its child processes\n"
    "  statline metrics                    Prometheus text, node_exporter's names\n"
    "  set -g status-right '#(statline tmux)'      (in ~/.tmux.conf)\n"
    "\n"
    "Exit status:\n"
    "  0   success\n"
    "  1   statlined answered with an error (printed on stderr)\n"
    "  64  usage error\n"
    "  69  statlined cannot be reached or did not reply in time\n"
    "      (never for `statline tmux`, which always exits 0)\n"
    "  70  internal error in statline\n"
    "  73  watch --output FILE cannot be created\n"
    "  74  writing watch --output FILE failed\n"
    "  76  statlined's reply does not follow the protocol\n"
    "\n"
    "Environment:\n"
    "  STATLINE_SOCKET, XDG_RUNTIME_DIR   where the socket is (see above)\n"
    "  TZ                                 time zone of the times history and watch print\n";

inline constexpr const char* socket_option =
    "Unix socket of statlined (default: $STATLINE_SOCKET,\n"
    "$XDG_RUNTIME_DIR/statline.sock, /tmp/statline-<uid>.sock,\n"
    "then /run/statline/statline.sock)";

inline constexpr const char* timeout_option =
    "Give up after MS milliseconds: connecting plus the whole reply\n"
    "(watch: connecting only). Default 2000; 100 for tmux";

inline constexpr const char* get =
    "Print the current snapshot: a summary, chosen values, or JSON\n"
    "\n"
    "Without PATH, prints one aligned line per source with sizes in KiB/MiB/GiB; a source\n"
    "with no sample yet (collector starting or down) prints \"(no data yet)\". With PATHs,\n"
    "asks only for those subtrees and prints every value below them as `path = value`\n"
    "lines, unconverted (bytes, bytes per second, percent).";

inline constexpr const char* get_footer =
    "Paths name snapshot fields: cpu, cpu.total.usage, mem.available, net.total.rx_bytes,\n"
    "net.interfaces, load.avg1, ...\n"
    "\n"
    "Examples:\n"
    "  statline get\n"
    "    cpu    12.3% used   (usr 8.1  sys 3.2  wai 0.4  stl 0.0)   2 cores\n"
    "    mem    3.1 GiB used of 7.8 GiB (39.7%)   avail 4.7 GiB   swap 0 B of 2.0 GiB\n"
    "    net    ↓ 1.2 KiB/s  ↑ 300 B/s   (eth0 ↓1.2 KiB/s ↑300 B/s)\n"
    "    load   0.52 0.58 0.59   2 running / 1234 tasks\n"
    "  statline get mem.used_percent\n"
    "    mem.used_percent = 39.7\n"
    "  statline get --json cpu.total | jq .usage\n";

inline constexpr const char* status =
    "Show the daemon's uptime, config and child processes\n"
    "\n"
    "One row per child (collectors and aggregator): pid, state, restarts, samples\n"
    "published, samples lost because the aggregator fell behind, age of the last sample\n"
    "and the last error. \"-\" marks a value the daemon did not report.";

inline constexpr const char* status_footer =
    "Examples:\n"
    "  statline status\n"
    "  statline status --json | jq '.children[] | select(.state != \"running\")'\n";

inline constexpr const char* tmux =
    "Print one status-line segment for tmux\n"
    "\n"
    "Meant for tmux's #(...) in status-left/status-right, which runs it every\n"
    "status-interval. It is built to be fast and never to hang: the whole exchange has a\n"
    "100 ms budget (--timeout); if statlined is not running or does not answer in time it\n"
    "prints \"statline: down\", if it rejects the request \"statline: error\", and it always\n"
    "exits 0 with nothing on stderr.\n"
    "\n"
    "With --follow it stays running and prints a new line per sample: tmux keeps a #(...)\n"
    "job that is still running and shows its latest line, so one process serves the bar\n"
    "instead of a fork per redraw. It reconnects when the daemon restarts and exits when\n"
    "tmux stops reading.";

inline constexpr const char* tmux_footer =
    "FORMAT is a built-in format (default, cpu, cores, mem, net, load) or one from the\n"
    "tmux.formats section of statlined's config; without it the config's tmux.format is\n"
    "used (built-in: default).\n"
    "\n"
    "Examples (in ~/.tmux.conf):\n"
    "  set -g status-interval 2\n"
    "  set -g status-right '#(statline tmux) %H:%M'\n"
    "  set -g status-right '#(statline tmux --follow) %H:%M'\n"
    "  set -g status-left '#(statline tmux --follow --ascii cpu)'\n";

inline constexpr const char* history =
    "Chart the recorded values of one metric\n"
    "\n"
    "Draws the values statlined kept for METRIC (any number in the snapshot, e.g.\n"
    "cpu.total.usage, mem.used, net.total.rx_bytes, load.avg1) as a block chart as wide as\n"
    "the terminal (80 columns in a pipe), with the latest, smallest, mean and largest value\n"
    "above it, the y axis in the metric's unit and the time axis in local time. The y axis\n"
    "starts at 0; a column shows the mean of the samples it covers, and an interval\n"
    "without data stays empty. --since (or SECONDS) limits the chart to the most recent\n"
    "period; by default it covers everything statlined keeps (config key `history`).\n"
    "\n"
    "--lines prints the values as `HH:MM:SS value` lines instead, oldest first (\"-\" for\n"
    "an interval without data): what `statline history` printed before it drew charts.\n"
    "--json prints statlined's reply unchanged.";

inline constexpr const char* history_footer =
    "Examples:\n"
    "  statline history cpu.total.usage --since 10m\n"
    "  statline history mem.used --since 1h --height 6\n"
    "  statline history load.avg1 300 --lines\n"
    "  statline history net.total.rx_bytes --json | jq '.points[-1]'\n";

inline constexpr const char* metrics =
    "Print the daemon's Prometheus metrics\n"
    "\n"
    "The text exposition format (0.0.4), with node_exporter's names, types and labels\n"
    "for everything its cpu, stat, meminfo, netdev and loadavg collectors expose\n"
    "(node_cpu_seconds_total, node_memory_MemAvailable_bytes,\n"
    "node_network_receive_bytes_total, node_load1, ...), and statline_* families for the\n"
    "daemon's own health (statline_collector_up, _restarts_total, _lost_samples_total,\n"
    "_last_sample_age_seconds). Prints the reply up to and including the closing\n"
    "`# EOF` line (a comment to Prometheus). For a Prometheus server, set metrics.listen\n"
    "in statlined's config to serve the same text over HTTP at /metrics.";

inline constexpr const char* metrics_footer =
    "Examples:\n"
    "  statline metrics | grep '^node_load'\n"
    "  statline metrics | promtool check metrics\n"
    "  statline metrics > /var/lib/prometheus/node-exporter/statline.prom\n";

inline constexpr const char* watch =
    "Show a live dstat-style table, one row per sample, until Ctrl-C\n"
    "\n"
    "The columns are dstat's, with dstat's widths, units and colours: cpu usr sys idl wai\n"
    "stl (percent; usr includes nice and interrupt time, as in dstat), memory used free\n"
    "buff cach, network recv send (bytes per second, every interface counted in\n"
    "net.total), load averages, and optionally time, system (interrupts and context\n"
    "switches per second) and procs (running, blocked, new per second). Numbers are scaled\n"
    "to fit: bytes by 1024 with B k M G, counts by 1000 with k M G; colour grows with the\n"
    "magnitude. \"-\" marks a value statlined does not have (a collector starting or down).\n"
    "\n"
    "On a terminal the header repeats each screenful, groups that do not fit the width are\n"
    "left out (the lines then end in \">\"), and colours are on unless --no-color or\n"
    "$NO_COLOR. In a pipe or file the header is printed once and there is no colour. Rows\n"
    "are flushed as they arrive.\n"
    "\n"
    "--csv prints raw values (percent, bytes, per second): a header line, then one row per\n"
    "sample, the first column being the sample's Unix time. --output FILE writes the same\n"
    "CSV to FILE while the table is shown. --json prints each snapshot as statlined sends\n"
    "it (the format of `statline get --json`), one per line.";

inline constexpr const char* watch_interval =
    "Time between rows: seconds or 500ms, 2s, 5m (default: every sample)";

inline constexpr const char* watch_columns =
    "Groups to show, in order, from time, cpu, mem, net, load, sys, procs\n"
    "(default: cpu,mem,net,load)";

inline constexpr const char* watch_footer =
    "Examples:\n"
    "  statline watch\n"
    "    --total-cpu-usage-- ------memory-usage----- -net/total- ---load-avg---\n"
    "    usr sys idl wai stl| used  free  buff  cach| recv  send| 1m   5m  15m \n"
    "     30  10  50   5   5|8000M 4000M  200M 2100M|1073k  276k|1.25 0.75 0.50\n"
    "  statline watch 5 10                  every 5 s, 10 rows (dstat's DELAY COUNT)\n"
    "  statline watch --columns time,cpu,sys,procs -C 0,1,total\n"
    "  statline watch -N eth0,wlan0,total --no-color\n"
    "  statline watch --csv --count 60 > load.csv\n"
    "  statline watch --json | jq --unbuffered .cpu.total.usage\n";

inline constexpr const char* ping =
    "Check that statlined answers (prints \"ok\"; exit status 0, else 69)";

inline constexpr const char* version =
    "Print the versions of statline and of the running statlined";

inline constexpr const char* reload =
    "Make statlined re-read its config, like SIGHUP\n"
    "\n"
    "A config with errors is refused and the running config stays; the errors are printed\n"
    "on stderr and the exit status is 1.";

}  // namespace statline::client::help
