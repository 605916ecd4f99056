// The formats statline ships: `default` (what `statline tmux` prints unless told
// otherwise) and one per segment for the TPM plugin's #{statline_cpu} and friends. Each
// has an ASCII twin for `--ascii` / `tmux.ascii`. A config format of the same name
// replaces one.
#pragma once

#include <array>
#include <string_view>

namespace statline::tmux {

struct BuiltinFormat {
  std::string_view name;
  std::string_view text;
  std::string_view ascii_text;
};

// `default` fits in 48 columns at its widest (CPU 100%, ↓1023K).
inline constexpr std::array<BuiltinFormat, 6> kBuiltinFormats{{
    {"default", "CPU {cpu:pct} {cpu:spark:8} MEM {mem:pct} ↓{rx:bytes} ↑{tx:bytes} L {load:.2f}",
     "CPU {cpu:pct} {cpu:spark:8} MEM {mem:pct} rx {rx:bytes} tx {tx:bytes} L {load:.2f}"},
    {"cpu", "CPU {cpu:pct} {cpu:spark:8}", "CPU {cpu:pct} {cpu:spark:8}"},
    {"cores", "{cores:spark:1}", "{cores:spark:1}"},
    {"mem", "MEM {mem:pct} {mem.used:bytes}", "MEM {mem:pct} {mem.used:bytes}"},
    {"net", "↓{rx:rate} ↑{tx:rate}", "rx {rx:rate} tx {tx:rate}"},
    {"load", "L {load.avg1:.2f} {load.avg5:.2f} {load.avg15:.2f}",
     "L {load.avg1:.2f} {load.avg5:.2f} {load.avg15:.2f}"},
}};

// The built-in format called `name`, or nullptr.
inline const BuiltinFormat* find_builtin_format(std::string_view name) {
  for (const BuiltinFormat& format : kBuiltinFormats) {
    if (format.name == name) return &format;
  }
  return nullptr;
}

}  // namespace statline::tmux
