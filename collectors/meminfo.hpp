// Parser for /proc/meminfo: pure function from the file's text to a MeminfoSample.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/parse_result.hpp"
#include "collectors/text_scan.hpp"

namespace statline {

struct MeminfoEntry {
  std::string key;          // e.g. "MemTotal", "HugePages_Total", "Active(anon)"
  std::uint64_t value = 0;  // the number as written in the file
  bool in_kb = false;       // true when the line ends with the `kB` unit
  friend bool operator==(const MeminfoEntry&, const MeminfoEntry&) = default;
};

struct MeminfoSample {
  std::vector<MeminfoEntry> entries;  // in file order; every key is kept (Prometheus needs all)

  // The value of `key` in bytes (kB values times 1024, unit-less values as written);
  // nullopt when the key is absent: a missing key is absent, never 0.
  std::optional<std::uint64_t> bytes(std::string_view key) const;
  friend bool operator==(const MeminfoSample&, const MeminfoSample&) = default;
};

Result<MeminfoSample> parse_meminfo(std::string_view text);
// The same parse into `sample`, whose storage (keys included) is reused; returns the
// error, after which `sample` holds nothing meaningful.
std::optional<ParseError> parse_meminfo_into(std::string_view text, MeminfoSample& sample,
                                             ParseScratch& scratch);

void PrintTo(const MeminfoSample& sample, std::ostream* os);

}  // namespace statline
