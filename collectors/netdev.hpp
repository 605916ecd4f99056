// Parser for /proc/net/dev: pure function from the file's text to a NetdevSample.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/parse_result.hpp"
#include "collectors/text_scan.hpp"

namespace statline {

// The 16 counters of a /proc/net/dev line, in the file's column order.
struct NetCounters {
  std::uint64_t rx_bytes = 0, rx_packets = 0, rx_errors = 0, rx_drops = 0, rx_fifo = 0,
                rx_frame = 0, rx_compressed = 0, rx_multicast = 0;
  std::uint64_t tx_bytes = 0, tx_packets = 0, tx_errors = 0, tx_drops = 0, tx_fifo = 0,
                tx_colls = 0, tx_carrier = 0, tx_compressed = 0;
  friend bool operator==(const NetCounters&, const NetCounters&) = default;
};

struct NetInterface {
  std::string name;  // everything left of the last ':' on the line, trimmed
  NetCounters counters;
  friend bool operator==(const NetInterface&, const NetInterface&) = default;
};

struct NetdevSample {
  std::vector<NetInterface> interfaces;  // in file order
  friend bool operator==(const NetdevSample&, const NetdevSample&) = default;
};

Result<NetdevSample> parse_netdev(std::string_view text);
// The same parse into `sample`, whose storage (interface names included) is reused;
// returns the error, after which `sample` holds nothing meaningful.
std::optional<ParseError> parse_netdev_into(std::string_view text, NetdevSample& sample,
                                            ParseScratch& scratch);

void PrintTo(const NetCounters& counters, std::ostream* os);
void PrintTo(const NetdevSample& sample, std::ostream* os);

}  // namespace statline
