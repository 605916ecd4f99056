// The one table that registers the kernel sources statline reads.
//
// Paths go through source_file_path(), which takes the proc root as an argument, so
// `--proc-root` (tests, fixtures) and the real /proc share one code path.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace statline {

enum class Source : std::uint8_t { stat, meminfo, netdev, loadavg };

struct SourceInfo {
  Source source;
  std::string_view name;           // as in config keys, process titles and `status`
  std::string_view relative_path;  // below the proc root
  bool enabled_by_default;
};

inline constexpr std::array<SourceInfo, 4> kSources{{
    {Source::stat, "stat", "stat", true},
    {Source::meminfo, "meminfo", "meminfo", true},
    {Source::netdev, "netdev", "net/dev", true},
    {Source::loadavg, "loadavg", "loadavg", true},
}};

inline const SourceInfo& source_info(Source source) {
  return kSources[static_cast<std::size_t>(source)];
}

inline std::optional<Source> source_by_name(std::string_view name) {
  for (const auto& info : kSources) {
    if (info.name == name) return info.source;
  }
  return std::nullopt;
}

inline std::string source_file_path(std::string_view proc_root, Source source) {
  std::string path(proc_root);
  if (path.empty() || path.back() != '/') path += '/';
  path += source_info(source).relative_path;
  return path;
}

}  // namespace statline
