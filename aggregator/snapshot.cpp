#include "aggregator/snapshot.hpp"

#include <array>
#include <cmath>
#include <utility>

namespace statline {
namespace {

using Json = nlohmann::ordered_json;

// Every double goes through here: JSON has no NaN or infinity, and a value that is not a
// number must read as "no data", not as a number.
Json number(double value) {
  return std::isfinite(value) ? Json(value) : Json(nullptr);
}
Json number(const std::optional<double>& value) {
  return value ? number(*value) : Json(nullptr);
}
Json number(const std::optional<std::uint64_t>& value) {
  return value ? Json(*value) : Json(nullptr);
}

// Name and member of every field of a struct made only of doubles, in JSON key order.
template <class T>
using FieldTable = std::array<std::pair<const char*, double T::*>, sizeof(T) / sizeof(double)>;

constexpr FieldTable<CpuPercent> kCpuPercentFields{{
    {"usage", &CpuPercent::usage},
    {"user", &CpuPercent::user},
    {"nice", &CpuPercent::nice},
    {"system", &CpuPercent::system},
    {"idle", &CpuPercent::idle},
    {"iowait", &CpuPercent::iowait},
    {"irq", &CpuPercent::irq},
    {"softirq", &CpuPercent::softirq},
    {"steal", &CpuPercent::steal},
}};
constexpr FieldTable<InterfaceRates> kInterfaceFields{{
    {"rx_bytes", &InterfaceRates::rx_bytes},
    {"tx_bytes", &InterfaceRates::tx_bytes},
    {"rx_packets", &InterfaceRates::rx_packets},
    {"tx_packets", &InterfaceRates::tx_packets},
    {"rx_errors", &InterfaceRates::rx_errors},
    {"tx_errors", &InterfaceRates::tx_errors},
    {"rx_drops", &InterfaceRates::rx_drops},
    {"tx_drops", &InterfaceRates::tx_drops},
}};
constexpr FieldTable<NetTotals> kNetTotalFields{{
    {"rx_bytes", &NetTotals::rx_bytes},
    {"tx_bytes", &NetTotals::tx_bytes},
    {"rx_packets", &NetTotals::rx_packets},
    {"tx_packets", &NetTotals::tx_packets},
}};

// A table shorter than its struct would leave null member pointers at the end.
template <class T>
constexpr bool complete(const FieldTable<T>& fields) {
  for (const auto& [name, member] : fields) {
    if (name == nullptr || member == nullptr) return false;
  }
  return true;
}
static_assert(complete(kCpuPercentFields) && complete(kInterfaceFields) &&
              complete(kNetTotalFields));

// Adds the table's fields to `out`; all null when `value` is empty, so the shape stays.
template <class T>
void put_fields(Json& out, const FieldTable<T>& fields, const T* value) {
  for (const auto& [name, member] : fields) {
    out[name] = value ? number(value->*member) : Json(nullptr);
  }
}

Json cpu_json(const CpuRates& cpu) {
  Json out = Json::object();
  Json& total = out["total"] = Json::object();
  put_fields(total, kCpuPercentFields, cpu.total ? &*cpu.total : nullptr);
  Json& cores = out["cores"] = Json::array();
  for (const CoreRates& core : cpu.cores) {
    Json entry = {{"cpu", core.cpu}};
    put_fields(entry, kCpuPercentFields, core.percent ? &*core.percent : nullptr);
    cores.push_back(std::move(entry));
  }
  out["context_switches"] = number(cpu.context_switches);
  out["interrupts"] = number(cpu.interrupts);
  out["forks"] = number(cpu.forks);
  out["procs_running"] = number(cpu.procs_running);
  out["procs_blocked"] = number(cpu.procs_blocked);
  return out;
}

Json mem_json(const MemValues& mem) {
  return {
      {"total", number(mem.total)},
      {"free", number(mem.free)},
      {"available", number(mem.available)},
      {"used", number(mem.used)},
      {"used_percent", number(mem.used_percent)},
      {"buffers", number(mem.buffers)},
      {"cached", number(mem.cached)},
      {"swap_total", number(mem.swap_total)},
      {"swap_free", number(mem.swap_free)},
      {"swap_used", number(mem.swap_used)},
  };
}

Json net_json(const NetRates& net) {
  Json out = Json::object();
  Json& total = out["total"] = Json::object();
  put_fields(total, kNetTotalFields, &net.total);
  Json& interfaces = out["interfaces"] = Json::object();
  for (const NamedInterfaceRates& interface : net.interfaces) {
    Json entry = Json::object();
    put_fields(entry, kInterfaceFields, &interface.rates);
    interfaces[interface.name] = std::move(entry);
  }
  return out;
}

Json load_json(const LoadValues& load) {
  return {
      {"avg1", number(load.avg1)}, {"avg5", number(load.avg5)}, {"avg15", number(load.avg15)},
      {"running", load.running},   {"total", load.total},
  };
}

template <class T, class Render>
Json source(const std::optional<T>& value, Render render) {
  return value ? render(*value) : Json(nullptr);
}

}  // namespace

nlohmann::ordered_json to_json(const Snapshot& snapshot) {
  Json out = Json::object();
  out["time"] = number(snapshot.time);
  out["interval"] = number(snapshot.interval);
  out["cpu"] = source(snapshot.cpu, cpu_json);
  out["mem"] = source(snapshot.mem, mem_json);
  out["net"] = source(snapshot.net, net_json);
  out["load"] = source(snapshot.load, load_json);
  return out;
}

std::string dump_json(const nlohmann::ordered_json& json) {
  return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace statline
