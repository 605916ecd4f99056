// Which sources the config turns on: the supervisor starts collectors for these, and the
// aggregator waits for these before it reports a first full snapshot.
#pragma once

#include "collectors/source_table.hpp"
#include "config/config.hpp"

namespace statline {

inline bool source_enabled(const Config& config, Source source) {
  switch (source) {
    case Source::stat:
      return config.collectors.stat.enabled;
    case Source::meminfo:
      return config.collectors.meminfo.enabled;
    case Source::netdev:
      return config.collectors.netdev.enabled;
    case Source::loadavg:
      return config.collectors.loadavg.enabled;
  }
  return true;
}

}  // namespace statline
