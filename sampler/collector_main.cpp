// statline-collector: one collector process (DESIGN §1), started by statlined's
// supervisor with its channels in STATLINE_CHILD. A binary of its own rather than a
// re-executed statlined: linked statically against only the parsers, the ring and the
// logger, four of them cost a fraction of the memory and of the wake-up time of four
// copies of the daemon with its libraries (see bench/daemon_cpu).
#include <sysexits.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "ipc/child_spec.hpp"
#include "sampler/collector_process.hpp"

int main(int argc, char** argv) {
  const char* spec_text = std::getenv(statline::kChildSpecEnv);
  if (spec_text == nullptr || argc > 1) {
    std::fprintf(stderr,
                 "statline-collector reads one /proc file for statlined, which starts it with\n"
                 "its channels in $%s; it is not run by hand. See statlined(8).\n",
                 statline::kChildSpecEnv);
    return (argc > 1 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0))
               ? 0
               : EX_USAGE;
  }
  const auto spec = statline::decode_child_spec(spec_text);
  if (!spec || !spec->collector) {
    std::fprintf(stderr, "statline-collector: %s\n",
                 spec ? "STATLINE_CHILD is not a collector" : spec.error().c_str());
    return EX_SOFTWARE;
  }
  return statline::run_collector(spec.value());
}
