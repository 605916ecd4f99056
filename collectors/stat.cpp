#include "collectors/stat.hpp"

#include <array>

#include "collectors/text_scan.hpp"

namespace statline {
namespace {

using text_scan::FieldCursor;
using text_scan::KeyedLine;
using text_scan::Location;

constexpr std::string_view kSource = "stat";

// CPU columns in the order the kernel prints them. Linux 2.4 printed only the first 4;
// iowait, irq and softirq came with 2.6, steal with 2.6.11, guest with 2.6.24 and
// guest_nice with 2.6.33. Columns a kernel does not print stay 0.
struct CpuColumn {
  std::string_view name;
  std::uint64_t CpuTimes::*field;
};
constexpr std::array<CpuColumn, 10> kCpuColumns = {{
    {"user", &CpuTimes::user},
    {"nice", &CpuTimes::nice},
    {"system", &CpuTimes::system},
    {"idle", &CpuTimes::idle},
    {"iowait", &CpuTimes::iowait},
    {"irq", &CpuTimes::irq},
    {"softirq", &CpuTimes::softirq},
    {"steal", &CpuTimes::steal},
    {"guest", &CpuTimes::guest},
    {"guest_nice", &CpuTimes::guest_nice},
}};
constexpr std::size_t kMinCpuColumns = 4;

// Single-number lines: key and where the number goes. For `intr` only the first number
// (the total) is read; the per-IRQ counts after it are never tokenized.
struct CounterKey {
  std::string_view key;
  std::optional<std::uint64_t> StatSample::*field;
};
constexpr std::array<CounterKey, 6> kCounterKeys = {{
    {"ctxt", &StatSample::context_switches},
    {"intr", &StatSample::interrupts},
    {"processes", &StatSample::forks},
    {"btime", &StatSample::boot_time},
    {"procs_running", &StatSample::procs_running},
    {"procs_blocked", &StatSample::procs_blocked},
}};

const CounterKey* find_counter_key(std::string_view key) {
  for (const CounterKey& counter : kCounterKeys) {
    if (counter.key == key) return &counter;
  }
  return nullptr;
}

// The N of a `cpuN` key; nullopt when the key is not `cpu` followed by digits only
// (then it is an unknown key and ignored). A number too large for uint32 is an error.
// A `cpuN` key: `is_core` with the number, or with no number when N does not fit 32 bits.
// (A plain struct rather than optional<Result<>>: simpler to read, and GCC 12's
// -Wmaybe-uninitialized misfires on the nested variant under ASan.)
struct CoreKey {
  bool is_core = false;
  std::optional<std::uint32_t> number;
};

CoreKey core_key(std::string_view key) {
  constexpr std::string_view kPrefix = "cpu";
  if (!key.starts_with(kPrefix) || key.size() == kPrefix.size()) return {};
  const std::string_view digits = key.substr(kPrefix.size());
  if (!text_scan::is_digits(digits)) return {};
  return CoreKey{true, text_scan::parse_integer<std::uint32_t>(digits)};
}

Result<CpuTimes> parse_cpu_times(FieldCursor& fields, std::string_view key, Location where) {
  std::array<std::uint64_t, kCpuColumns.size()> columns{};
  const text_scan::IntegerRun run = text_scan::scan_integers(fields, columns);
  if (!run.bad_token.empty()) return text_scan::token_error(where, key, "integer", run.bad_token);
  if (run.count < kMinCpuColumns) {
    return text_scan::count_error(where, key, "at least 4 integers", run.count);
  }
  CpuTimes times;
  for (std::size_t i = 0; i < run.count; ++i) times.*(kCpuColumns[i].field) = columns[i];
  return times;
}

void print_optional(std::ostream& os, const std::optional<std::uint64_t>& value) {
  if (value) {
    os << *value;
  } else {
    os << "nullopt";
  }
}

}  // namespace

Result<StatSample> parse_stat(std::string_view text) {
  return parse_once<StatSample>(text, parse_stat_into);
}

std::optional<ParseError> parse_stat_into(std::string_view text, StatSample& sample,
                                          ParseScratch& scratch) {
  auto cores = std::move(sample.cores);
  cores.clear();
  sample = StatSample{};
  sample.cores = std::move(cores);
  bool have_total = false;
  // Every known key with its line, to reject a file that repeats one (two reads glued
  // together would otherwise yield doubled cores or the wrong counter).
  std::vector<KeyedLine>& known_keys = scratch.keys;
  known_keys.clear();

  text_scan::LineCursor lines(text);
  std::string_view line;
  while (lines.next(line)) {
    const Location where{kSource, lines.line_number()};
    FieldCursor fields(line);
    const std::string_view key = fields.next();

    if (key == "cpu") {
      auto times = parse_cpu_times(fields, key, where);
      if (!times) return ParseError{times.error()};
      sample.total = *times;
      have_total = true;
    } else if (const CoreKey core = core_key(key); core.is_core) {
      if (!core.number) {
        return text_scan::token_error(where, key, "CPU number", key.substr(3));
      }
      auto times = parse_cpu_times(fields, key, where);
      if (!times) return ParseError{times.error()};
      sample.cores.push_back(CoreTimes{*core.number, *times});
    } else if (const CounterKey* counter = find_counter_key(key)) {
      const std::string_view token = fields.next();
      const auto value = text_scan::parse_integer<std::uint64_t>(token);
      if (!value) return text_scan::token_error(where, key, "integer", token);
      sample.*(counter->field) = *value;
    } else {
      continue;  // unknown key (page, swap, softirq, a newer kernel's line): ignored
    }
    known_keys.push_back(KeyedLine{key, where.line});
  }

  if (!have_total) return ParseError{"stat: no cpu line"};
  return text_scan::find_duplicate(kSource, scratch);
}

void PrintTo(const CpuTimes& times, std::ostream* os) {
  *os << "{";
  for (std::size_t i = 0; i < kCpuColumns.size(); ++i) {
    *os << (i == 0 ? "" : ", ") << kCpuColumns[i].name << "=" << times.*(kCpuColumns[i].field);
  }
  *os << "}";
}

void PrintTo(const StatSample& sample, std::ostream* os) {
  *os << "{total=";
  PrintTo(sample.total, os);
  *os << ", cores=[";
  for (std::size_t i = 0; i < sample.cores.size(); ++i) {
    *os << (i == 0 ? "" : ", ") << "cpu" << sample.cores[i].cpu << "=";
    PrintTo(sample.cores[i].times, os);
  }
  *os << "]";
  for (const CounterKey& counter : kCounterKeys) {
    *os << ", " << counter.key << "=";
    print_optional(*os, sample.*(counter.field));
  }
  *os << "}";
}

}  // namespace statline
