#include "aggregator/net_rates.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <array>

#include "aggregator/counter_delta.hpp"

namespace statline {
namespace {

struct RateField {
  std::uint64_t NetCounters::*counter;
  double InterfaceRates::*rate;
};
constexpr std::array<RateField, 8> kRateFields{{
    {&NetCounters::rx_bytes, &InterfaceRates::rx_bytes},
    {&NetCounters::tx_bytes, &InterfaceRates::tx_bytes},
    {&NetCounters::rx_packets, &InterfaceRates::rx_packets},
    {&NetCounters::tx_packets, &InterfaceRates::tx_packets},
    {&NetCounters::rx_errors, &InterfaceRates::rx_errors},
    {&NetCounters::tx_errors, &InterfaceRates::tx_errors},
    {&NetCounters::rx_drops, &InterfaceRates::rx_drops},
    {&NetCounters::tx_drops, &InterfaceRates::tx_drops},
}};

bool matches_any(const std::string& name, const std::vector<std::string>& globs) {
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& glob) {
    return fnmatch(glob.c_str(), name.c_str(), 0) == 0;
  });
}

InterfaceRates interface_rates(const NetCounters& prev, const NetCounters& cur, double seconds) {
  InterfaceRates rates;
  for (const RateField& field : kRateFields) {
    rates.*field.rate = counter_rate(prev.*field.counter, cur.*field.counter, seconds);
  }
  return rates;
}

void add_to_total(NetTotals& total, const InterfaceRates& rates) {
  total.rx_bytes += rates.rx_bytes;
  total.tx_bytes += rates.tx_bytes;
  total.rx_packets += rates.rx_packets;
  total.tx_packets += rates.tx_packets;
}

}  // namespace

bool counts_in_total(std::string_view name, const NetdevConfig& config) {
  const std::string text(name);  // fnmatch needs a NUL-terminated string
  const bool included = config.interfaces.empty() || matches_any(text, config.interfaces);
  return included && !matches_any(text, config.exclude);
}

std::optional<NetRates> net_rates(const NetdevSample& prev, const NetdevSample& cur, double seconds,
                                  const NetdevConfig& config) {
  if (!valid_interval(seconds)) return std::nullopt;

  // Older interfaces sorted by name for lookup: /proc/net/dev order is not sorted and
  // changes as interfaces come and go.
  std::vector<const NetInterface*> older;
  older.reserve(prev.interfaces.size());
  for (const NetInterface& interface : prev.interfaces) older.push_back(&interface);
  std::stable_sort(older.begin(), older.end(),
                   [](const NetInterface* a, const NetInterface* b) { return a->name < b->name; });

  NetRates net;
  net.interfaces.reserve(cur.interfaces.size());
  for (const NetInterface& interface : cur.interfaces) {
    const auto it = std::lower_bound(older.begin(), older.end(), interface.name,
                                     [](const NetInterface* candidate, const std::string& name) {
                                       return candidate->name < name;
                                     });
    if (it == older.end() || (*it)->name != interface.name) continue;  // new: no rate yet

    InterfaceRates rates = interface_rates((*it)->counters, interface.counters, seconds);
    if (counts_in_total(interface.name, config)) add_to_total(net.total, rates);
    net.interfaces.push_back({interface.name, rates});
  }
  return net;
}

}  // namespace statline
