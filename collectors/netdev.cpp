#include "collectors/netdev.hpp"

#include <array>

#include "collectors/text_scan.hpp"

namespace statline {
namespace {

using text_scan::Location;

constexpr std::string_view kSource = "netdev";

// The 16 columns in /proc/net/dev order: 8 receive counters, then 8 transmit counters.
struct Column {
  std::string_view name;
  std::uint64_t NetCounters::*field;
};
constexpr std::array<Column, 16> kColumns = {{
    {"rx_bytes", &NetCounters::rx_bytes},
    {"rx_packets", &NetCounters::rx_packets},
    {"rx_errors", &NetCounters::rx_errors},
    {"rx_drops", &NetCounters::rx_drops},
    {"rx_fifo", &NetCounters::rx_fifo},
    {"rx_frame", &NetCounters::rx_frame},
    {"rx_compressed", &NetCounters::rx_compressed},
    {"rx_multicast", &NetCounters::rx_multicast},
    {"tx_bytes", &NetCounters::tx_bytes},
    {"tx_packets", &NetCounters::tx_packets},
    {"tx_errors", &NetCounters::tx_errors},
    {"tx_drops", &NetCounters::tx_drops},
    {"tx_fifo", &NetCounters::tx_fifo},
    {"tx_colls", &NetCounters::tx_colls},
    {"tx_carrier", &NetCounters::tx_carrier},
    {"tx_compressed", &NetCounters::tx_compressed},
}};

Result<NetCounters> parse_counters(std::string_view text, std::string_view name, Location where) {
  std::array<std::uint64_t, kColumns.size()> columns{};
  text_scan::FieldCursor fields(text);
  const text_scan::IntegerRun run = text_scan::scan_integers(fields, columns);
  if (!run.bad_token.empty()) return text_scan::token_error(where, name, "integer", run.bad_token);
  if (run.count < kColumns.size()) {
    return text_scan::count_error(where, name, "16 integers", run.count);
  }
  NetCounters counters;
  for (std::size_t i = 0; i < kColumns.size(); ++i) counters.*(kColumns[i].field) = columns[i];
  return counters;
}

}  // namespace

Result<NetdevSample> parse_netdev(std::string_view text) {
  return parse_once<NetdevSample>(text, parse_netdev_into);
}

std::optional<ParseError> parse_netdev_into(std::string_view text, NetdevSample& sample,
                                            ParseScratch& scratch) {
  std::vector<text_scan::KeyedLine>& names = scratch.keys;
  names.clear();
  std::size_t count = 0;

  text_scan::LineCursor lines(text);
  std::string_view line;
  while (lines.next(line)) {
    // The name is everything left of the LAST ':': counters never contain one, so a
    // ':' inside a name (an `eth0:1` alias label) survives and a counter may touch the
    // colon (`eth0:123`). A line without any ':' cannot be an interface: that is the
    // two headers, or garbage. Headers are not recognised by their '|' because the
    // kernel accepts '|' in interface names.
    const std::size_t colon = line.rfind(':');
    if (colon == std::string_view::npos) continue;
    const Location where{kSource, lines.line_number()};
    const std::string_view name = text_scan::trim(line.substr(0, colon));
    if (name.empty()) {
      return text_scan::key_error(where, "interface", "empty name before ':'");
    }
    auto counters = parse_counters(line.substr(colon + 1), name, where);
    if (!counters) return ParseError{counters.error()};
    NetInterface& interface = reuse_next(sample.interfaces, count);
    interface.name.assign(name);
    interface.counters = *counters;
    names.push_back(text_scan::KeyedLine{name, where.line});
  }
  sample.interfaces.resize(count);

  // Rates are keyed by name: two lines for one interface would mix two counters.
  return text_scan::find_duplicate(kSource, scratch);
}

void PrintTo(const NetCounters& counters, std::ostream* os) {
  *os << "{";
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    *os << (i == 0 ? "" : ", ") << kColumns[i].name << "=" << counters.*(kColumns[i].field);
  }
  *os << "}";
}

void PrintTo(const NetdevSample& sample, std::ostream* os) {
  *os << "[";
  for (std::size_t i = 0; i < sample.interfaces.size(); ++i) {
    *os << (i == 0 ? "" : ", ") << '"' << sample.interfaces[i].name << "\"=";
    PrintTo(sample.interfaces[i].counters, os);
  }
  *os << "]";
}

}  // namespace statline
