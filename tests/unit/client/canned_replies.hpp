// Daemon replies shared by the client tests, shaped as DESIGN §4 says statlined sends
// them, with values chosen so the human forms are exactly the examples in the brief.
#pragma once

namespace statline::testing {

// 2 cores; mem 3.1 GiB used of 7.8 GiB; eth0 1.2 KiB/s in, 300 B/s out.
inline constexpr const char* snapshot_json =
    R"({"time":1700000000.25,"interval":1,)"
    R"("cpu":{"total":{"usage":12.3,"user":8.1,"nice":0.2,"system":3.2,"idle":87.3,"iowait":0.4,)"
    R"("irq":0.3,"softirq":0.3,"steal":0.0},)"
    R"("cores":[{"cpu":0,"usage":10.0,"user":7,"nice":0,"system":3,"idle":90,"iowait":0,"irq":0,)"
    R"("softirq":0,"steal":0},{"cpu":1,"usage":null,"user":null,"nice":null,"system":null,)"
    R"("idle":null,"iowait":null,"irq":null,"softirq":null,"steal":null}],)"
    R"("context_switches":1500.5,"interrupts":900,"forks":2,"procs_running":2,"procs_blocked":0},)"
    R"("mem":{"total":8375186227,"free":1073741824,"available":5046586573,"used":3328599654,)"
    R"("used_percent":39.7,"buffers":104857600,"cached":2147483648,"swap_total":2147483648,)"
    R"("swap_free":2147483648,"swap_used":0},)"
    R"("net":{"total":{"rx_bytes":1228.8,"tx_bytes":300,"rx_packets":10,"tx_packets":4},)"
    R"("interfaces":{"eth0":{"rx_bytes":1228.8,"tx_bytes":300,"rx_packets":10,"tx_packets":4,)"
    R"("rx_errors":0,"tx_errors":0,"rx_drops":0,"tx_drops":0}}},)"
    R"("load":{"avg1":0.52,"avg5":0.58,"avg15":0.59,"running":2,"total":1234}})";

inline constexpr const char* snapshot_summary =
    "cpu    12.3% used   (usr 8.1  sys 3.2  wai 0.4  stl 0.0)   2 cores\n"
    "mem    3.1 GiB used of 7.8 GiB (39.7%)   avail 4.7 GiB   swap 0 B of 2.0 GiB\n"
    "net    ↓ 1.2 KiB/s  ↑ 300 B/s   (eth0 ↓1.2 KiB/s ↑300 B/s)\n"
    "load   0.52 0.58 0.59   2 running / 1234 tasks\n";

// Right after start: no source has a sample yet.
inline constexpr const char* empty_snapshot_json =
    R"({"time":1700000000,"interval":1,"cpu":null,"mem":null,"net":null,"load":null})";

inline constexpr const char* status_json =
    R"({"uptime":3723,"config":"/etc/statline/config.yaml","socket":"/run/statline.sock",)"
    R"("interval":0.5,"clients":3,"future_field":{"x":1},"children":[)"
    R"({"role":"collector stat","pid":123,"state":"running","restarts":0,"samples":42,)"
    R"("lost":0,"history_samples":42,"history_bytes":2210,"last_sample_age":0.4,)"
    R"("last_error":null},)"
    R"({"role":"collector netdev","pid":4567,"state":"backoff","restarts":12,"samples":7,)"
    R"("lost":3,"last_sample_age":75,"last_error":"exited with status 1"},)"
    R"({"role":"aggregator"}]})";

inline constexpr const char* status_text =
    "uptime    1h 02m\n"
    "config    /etc/statline/config.yaml\n"
    "socket    /run/statline.sock\n"
    "interval  0.5s\n"
    "clients   3\n"
    "\n"
    "ROLE               PID  STATE    RESTARTS  SAMPLES  LOST  HISTORY     AGE  LAST ERROR\n"
    "collector stat     123  running         0       42     0  2.2 KiB    0.4s  -\n"
    "collector netdev  4567  backoff        12        7     3        -  1m 15s  exited with status "
    "1\n"
    "aggregator           -  -               -        -     -        -       -  -\n";

inline constexpr const char* history_json =
    R"({"metric":"cpu.total.usage","interval":1,"points":[[1700000000,12.5],[1700000001,null],)"
    R"([1700000002,7]]})";

// In UTC.
inline constexpr const char* history_text =
    "22:13:20 12.5\n"
    "22:13:21 -\n"
    "22:13:22 7\n";

inline constexpr const char* metrics_text =
    "# HELP statline_cpu_usage_percent CPU busy time.\n"
    "# TYPE statline_cpu_usage_percent gauge\n"
    "statline_cpu_usage_percent 12.3\n"
    "# EOF\n";

}  // namespace statline::testing
