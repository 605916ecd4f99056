#include "tests/integration/synthetic_model.hpp"

#include <fmt/format.h>

#include <cmath>
#include <ctime>

namespace statline::integration {
namespace {

using Json = nlohmann::ordered_json;

// Large bases so the daemon never sees small or fresh counters.
constexpr std::uint64_t kTickBase = 1'000'000;
constexpr std::uint64_t kNetBase = 5'000'000'000'000;

std::uint64_t counter(std::uint64_t base, std::uint64_t rate, std::int64_t tick, double interval) {
  return base + static_cast<std::uint64_t>(
                    std::llround(static_cast<double>(rate) * static_cast<double>(tick) * interval));
}

// The fields of a cpu line in /proc/stat order.
std::vector<std::uint64_t> fields(const CoreRate& c) {
  return {c.user, c.nice,    c.system, c.idle,  c.iowait,
          c.irq,  c.softirq, c.steal,  c.guest, c.guest_nice};
}

std::string cpu_line(const std::string& label, const std::vector<std::uint64_t>& rates,
                     std::uint64_t base, std::int64_t tick, double interval) {
  std::string line = label;
  for (const auto rate : rates) line += fmt::format(" {}", counter(base, rate, tick, interval));
  return line + "\n";
}

CoreRate sum(const std::vector<CoreRate>& cores) {
  CoreRate total;
  for (const auto& c : cores) {
    total.user += c.user, total.nice += c.nice, total.system += c.system, total.idle += c.idle;
    total.iowait += c.iowait, total.irq += c.irq, total.softirq += c.softirq;
    total.steal += c.steal, total.guest += c.guest, total.guest_nice += c.guest_nice;
  }
  return total;
}

// DESIGN §3: guest and guest_nice are not part of total.
Json cpu_percent(const CoreRate& c) {
  const double total = static_cast<double>(c.user + c.nice + c.system + c.idle + c.iowait + c.irq +
                                           c.softirq + c.steal);
  const auto pct = [total](std::uint64_t v) { return 100.0 * static_cast<double>(v) / total; };
  return {{"usage", 100.0 - pct(c.idle) - pct(c.iowait)},
          {"user", pct(c.user)},
          {"nice", pct(c.nice)},
          {"system", pct(c.system)},
          {"idle", pct(c.idle)},
          {"iowait", pct(c.iowait)},
          {"irq", pct(c.irq)},
          {"softirq", pct(c.softirq)},
          {"steal", pct(c.steal)}};
}

Json interface_json(const InterfaceRate& i) {
  return {{"rx_bytes", i.rx_bytes},     {"tx_bytes", i.tx_bytes},   {"rx_packets", i.rx_packets},
          {"tx_packets", i.tx_packets}, {"rx_errors", i.rx_errors}, {"tx_errors", i.tx_errors},
          {"rx_drops", i.rx_drops},     {"tx_drops", i.tx_drops}};
}

}  // namespace

std::string SyntheticModel::stat_text(std::int64_t tick) const {
  std::string text = cpu_line("cpu ", fields(sum(cores)), kTickBase * cores.size(), tick, interval);
  for (const auto& core : cores) {
    text += cpu_line(fmt::format("cpu{}", core.cpu), fields(core), kTickBase, tick, interval);
  }
  // intr: the total, then per-IRQ counts the daemon does not use.
  text += fmt::format("intr {} 0 12 0 7 0 0 0 0\n", counter(7'000'000, interrupts, tick, interval));
  text += fmt::format("ctxt {}\n", counter(9'000'000, context_switches, tick, interval));
  text += "btime 1795429661\n";
  text += fmt::format("processes {}\n", counter(40'000, forks, tick, interval));
  text += fmt::format("procs_running {}\nprocs_blocked {}\n", procs_running, procs_blocked);
  text += "softirq 268586 0 56133 3 1174 44655 0 4 120928 0 45689\n";
  return text;
}

std::string SyntheticModel::netdev_text(std::int64_t tick) const {
  std::string text =
      "Inter-|   Receive                                                |  Transmit\n"
      " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs "
      "drop fifo colls carrier compressed\n";
  for (const auto& i : interfaces) {
    const auto c = [&](std::uint64_t rate) { return counter(kNetBase, rate, tick, interval); };
    text += fmt::format("{:>6}: {} {} {} {} 0 0 0 0 {} {} {} {} 0 0 0 0\n", i.name, c(i.rx_bytes),
                        c(i.rx_packets), c(i.rx_errors), c(i.rx_drops), c(i.tx_bytes),
                        c(i.tx_packets), c(i.tx_errors), c(i.tx_drops));
  }
  return text;
}

std::string SyntheticModel::meminfo_text() const {
  const auto line = [](const char* key, std::uint64_t kb) {
    return fmt::format("{:<16}{:>8} kB\n", std::string(key) + ":", kb);
  };
  return line("MemTotal", mem.total) + line("MemFree", mem.free) +
         line("MemAvailable", mem.available) + line("Buffers", mem.buffers) +
         line("Cached", mem.cached) + line("SwapCached", 0) + line("Active", 1234) +
         line("SwapTotal", mem.swap_total) + line("SwapFree", mem.swap_free) +
         line("Slab", mem.sreclaimable + 4096) + line("SReclaimable", mem.sreclaimable) +
         line("SUnreclaim", 4096) + "HugePages_Total:       0\n" + line("Hugepagesize", 2048);
}

std::string SyntheticModel::loadavg_text() const {
  return fmt::format("{:.2f} {:.2f} {:.2f} {}/{} 12345\n", load.avg1, load.avg5, load.avg15,
                     load.running, load.total);
}

Json SyntheticModel::expected_snapshot() const {
  Json cores_json = Json::array();
  for (const auto& core : cores) {
    Json entry = {{"cpu", core.cpu}};
    entry.update(cpu_percent(core));
    cores_json.push_back(std::move(entry));
  }
  const Json cpu = {{"total", cpu_percent(sum(cores))},
                    {"cores", std::move(cores_json)},
                    {"context_switches", context_switches},
                    {"interrupts", interrupts},
                    {"forks", forks},
                    {"procs_running", procs_running},
                    {"procs_blocked", procs_blocked}};

  const std::uint64_t kb = 1024;
  const Json mem_json = {{"total", mem.total * kb},
                         {"free", mem.free * kb},
                         {"available", mem.available * kb},
                         {"used", (mem.total - mem.available) * kb},
                         {"used_percent", 100.0 * static_cast<double>(mem.total - mem.available) /
                                              static_cast<double>(mem.total)},
                         {"buffers", mem.buffers * kb},
                         {"cached", (mem.cached + mem.sreclaimable) * kb},
                         {"swap_total", mem.swap_total * kb},
                         {"swap_free", mem.swap_free * kb},
                         {"swap_used", (mem.swap_total - mem.swap_free) * kb}};

  InterfaceRate total;
  Json interfaces_json = Json::object();
  for (const auto& i : interfaces) {
    interfaces_json[i.name] = interface_json(i);
    if (i.name == "lo") continue;
    total.rx_bytes += i.rx_bytes, total.tx_bytes += i.tx_bytes;
    total.rx_packets += i.rx_packets, total.tx_packets += i.tx_packets;
  }
  const Json net = {{"total",
                     {{"rx_bytes", total.rx_bytes},
                      {"tx_bytes", total.tx_bytes},
                      {"rx_packets", total.rx_packets},
                      {"tx_packets", total.tx_packets}}},
                    {"interfaces", std::move(interfaces_json)}};

  const Json load_json = {{"avg1", load.avg1},
                          {"avg5", load.avg5},
                          {"avg15", load.avg15},
                          {"running", load.running},
                          {"total", load.total}};
  return {{"time", static_cast<double>(std::time(nullptr))},
          {"interval", interval},
          {"cpu", cpu},
          {"mem", mem_json},
          {"net", net},
          {"load", load_json}};
}

SyntheticModel default_model(double interval) {
  SyntheticModel m;
  m.interval = interval;
  // Rates are multiples of 10 so that every tick of 0.4 s or 0.5 s adds whole ticks.
  m.cores = {
      {.cpu = 0, .user = 30, .system = 10, .idle = 50, .iowait = 10, .guest = 10},
      {.cpu = 1, .user = 10, .nice = 10, .system = 10, .idle = 60, .softirq = 10, .guest_nice = 10},
      {.cpu = 2,
       .user = 40,
       .system = 20,
       .idle = 10,
       .iowait = 10,
       .irq = 10,
       .softirq = 10,
       .guest = 20},
      {.cpu = 3, .idle = 80, .steal = 20},
  };
  m.context_switches = 5000;
  m.interrupts = 2000;
  m.forks = 10;
  m.procs_running = 3;
  m.procs_blocked = 1;
  m.interfaces = {
      {.name = "lo", .rx_bytes = 20000, .rx_packets = 100, .tx_bytes = 20000, .tx_packets = 100},
      {.name = "eth0",
       .rx_bytes = 1048576,
       .rx_packets = 800,
       .rx_errors = 10,
       .rx_drops = 30,
       .tx_bytes = 262144,
       .tx_packets = 300,
       .tx_errors = 20,
       .tx_drops = 40},
      {.name = "wlan0", .rx_bytes = 50000, .rx_packets = 50, .tx_bytes = 20000, .tx_packets = 40},
  };
  m.mem = {.total = 16384000,
           .free = 4096000,
           .available = 8192000,
           .buffers = 204800,
           .cached = 2048000,
           .sreclaimable = 102400,
           .swap_total = 2097152,
           .swap_free = 1048576};
  m.load = {.avg1 = 1.25, .avg5 = 0.75, .avg15 = 0.5, .running = 3, .total = 412};
  return m;
}

}  // namespace statline::integration
