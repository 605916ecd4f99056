// Per-interface network rates and the filtered total from two /proc/net/dev samples
// (DESIGN §3).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/netdev.hpp"
#include "config/config.hpp"

namespace statline {

// Per second.
struct InterfaceRates {
  double rx_bytes = 0, tx_bytes = 0, rx_packets = 0, tx_packets = 0, rx_errors = 0, tx_errors = 0,
         rx_drops = 0, tx_drops = 0;
  friend bool operator==(const InterfaceRates&, const InterfaceRates&) = default;
};

struct NamedInterfaceRates {
  std::string name;
  InterfaceRates rates;
  friend bool operator==(const NamedInterfaceRates&, const NamedInterfaceRates&) = default;
};

// Per second, summed over the interfaces that count_in_total() admits.
struct NetTotals {
  double rx_bytes = 0, tx_bytes = 0, rx_packets = 0, tx_packets = 0;
  friend bool operator==(const NetTotals&, const NetTotals&) = default;
};

struct NetRates {
  NetTotals total;
  // Interfaces present in both samples, in the newer sample's order: one that vanished
  // is dropped, a new one appears once it has two readings.
  std::vector<NamedInterfaceRates> interfaces;
  friend bool operator==(const NetRates&, const NetRates&) = default;
};

// Whether `name` counts in net.total: (no `interfaces` globs, or one matches) and no
// `exclude` glob matches. Globs are fnmatch(3) patterns.
bool counts_in_total(std::string_view name, const NetdevConfig& config);

// Rates over `seconds` of monotonic time between the readings; every counter goes through
// counter_delta(OnDecrease::reset_or_wrap). Empty unless valid_interval(seconds).
std::optional<NetRates> net_rates(const NetdevSample& prev, const NetdevSample& cur, double seconds,
                                  const NetdevConfig& config);

}  // namespace statline
