#include "client/watch_csv.hpp"

#include "client/dstat_cell.hpp"

namespace statline::client {
namespace {

// A CSV field in double quotes; a quote inside (an odd interface name) is doubled.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string csv_header(const Layout& layout) {
  std::string line = quoted("time");
  for (const Section& section : layout) {
    if (section.kind == GroupKind::time) continue;
    for (const std::string& name : section.names) {
      for (const std::string& nick : section.nicks) {
        line += "," + quoted(section.names.size() > 1 ? name + ":" + nick : nick);
      }
    }
  }
  return line + "\n";
}

std::string csv_row(const Layout& layout, const Json& snapshot) {
  const auto time = time_of(snapshot);
  std::string line = time ? csv_number(*time) : "";
  for (const Section& section : layout) {
    if (section.kind == GroupKind::time) continue;
    for (std::size_t i = 0; i < section.instances.size(); ++i) {
      for (const auto& value : instance_values(section, i, snapshot)) {
        line += "," + (value ? csv_number(*value) : std::string());
      }
    }
  }
  return line + "\n";
}

}  // namespace statline::client
