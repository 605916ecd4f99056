// A collector child: reads one /proc source at absolute deadlines aligned to the
// interval, parses it and publishes the sample into its ring, then rings the doorbell.
#pragma once

#include "ipc/child_spec.hpp"

namespace statline {

// Runs until SIGTERM/SIGINT; SIGHUP re-reads the published config. Returns the exit code.
int run_collector(const ChildSpec& spec);

}  // namespace statline
