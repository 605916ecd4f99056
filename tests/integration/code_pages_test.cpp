// Once started, each statlined process keeps little of its program's code mapped: it
// releases its start-up pages (process/program_pages.hpp), and the link gathers what it
// runs from then on into a few 64 KiB fault-around windows (sampler/sampling_loop.ld,
// daemon/steady_state.ld). Without the gathering a collector maps ~500 KiB of code and
// the aggregator ~900 KiB; this is what keeps the daemon's PSS under 2 MiB. The code a
// request brings back is released again once clients have stopped coming.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/process_table.hpp"

namespace statline::integration {
namespace {

// KiB of the process's own program file mapped executable (smaps Rss of its r-xp
// mappings); -1 when /proc cannot tell.
long mapped_code_kib(pid_t pid) {
  const std::string proc = "/proc/" + std::to_string(pid);
  char exe[4096];
  const ssize_t length = ::readlink((proc + "/exe").c_str(), exe, sizeof exe - 1);
  if (length <= 0) return -1;
  const std::string program(exe, static_cast<std::size_t>(length));
  std::ifstream smaps(proc + "/smaps");
  long total = 0;
  bool in_code = false;
  for (std::string line; std::getline(smaps, line);) {
    std::istringstream fields(line);
    std::string first, second;
    fields >> first >> second;
    if (first.find('-') != std::string::npos && first.back() != ':') {
      in_code = second == "r-xp" && line.ends_with(" " + program);
    } else if (in_code && first == "Rss:") {
      total += std::stol(second);
    }
  }
  return total;
}

TEST(CodePages, StartedProcessesKeepFewCodePagesMapped) {
#if defined(STATLINE_SANITIZED)
  GTEST_SKIP() << "sanitizer builds link without the steady-state code order";
#endif
  SyntheticDaemon d(0.1);
  DaemonProcess& daemon = d.daemon;
  ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
  // A client's request; then nobody asks for a few catch-up periods (0.8 s at 0.1 s),
  // after which the aggregator releases the code that answered it.
  ASSERT_TRUE(query(daemon.socket(), "get").is_object());
  std::this_thread::sleep_for(std::chrono::seconds(3));

  // Measured: 64 KiB for the supervisor and the aggregator, 124 for each collector.
  const long supervisor = mapped_code_kib(daemon.pid());
  EXPECT_GE(supervisor, 0);
  EXPECT_LE(supervisor, 192) << "supervisor";
  for (const pid_t child : daemon.children()) {
    const std::string title = process_args(child);
    const long code = mapped_code_kib(child);
    EXPECT_GE(code, 0) << title;
    EXPECT_LE(code, 192) << title;
  }
}

}  // namespace
}  // namespace statline::integration
