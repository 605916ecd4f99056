// The effective config as the supervisor validated it (file + command-line overrides),
// published through a ring so every child applies exactly the same settings at start
// and on reload, without re-reading a file that may have changed in between.
#pragma once

#include <optional>
#include <string>

#include "config/config.hpp"
#include "ipc/sample_ring.hpp"

namespace statline {

struct PublishedConfig {
  Config config;
  std::string path;  // where it came from, or "built-in defaults"
};

inline constexpr std::size_t kConfigTextBytes = 64 * 1024;

void publish_config(SampleRing& ring, const PublishedConfig& published);
// Throws std::runtime_error when nothing usable was published (a supervisor bug).
PublishedConfig read_config(const SampleRing& ring);

}  // namespace statline
