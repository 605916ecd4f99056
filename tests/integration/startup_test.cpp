// Rates need two samples: cpu and net stay null until the second sample of their source;
// mem and load appear with the first (DESIGN §4: never a made-up value).
//
// The four collectors start a few milliseconds apart, so a tick boundary can fall between
// them and one source can be a sample ahead of another: each source is judged by its own
// sample count from `status`, asked right after `get` on the same connection (so the
// count is never lower than what that `get` saw).
#include <gtest/gtest.h>

#include <thread>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/socket_client.hpp"

namespace statline::integration {
namespace {

// Long enough to look between the first and the second sample without racing it.
constexpr double kInterval = 2.0;

std::int64_t samples(const Json& status, const std::string& role) {
  if (!status.is_object() || !status["children"].is_array()) return -1;
  for (const auto& child : status["children"]) {
    if (child["role"] == role && child["samples"].is_number_integer()) {
      return child["samples"].get<std::int64_t>();
    }
  }
  return -1;
}

TEST(Startup, RatesAreNullUntilTheSecondSample) {
  SyntheticDaemon d(kInterval);
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
  auto client = SocketClient::connect(d.socket());
  ASSERT_TRUE(client);

  struct Seen {
    bool rate_null_after_one = false;  // cpu/net: null while their collector had 1 sample
    bool gauge_after_one = false;      // mem/load: present while their collector had 1
  } cpu, net, mem, load;
  Json snapshot;
  const auto deadline = std::chrono::steady_clock::now() + 6000ms;
  while (std::chrono::steady_clock::now() < deadline) {
    snapshot = parse(client->request("get").value_or(""));
    const Json status = parse(client->request("status").value_or(""));
    ASSERT_TRUE(snapshot.is_object() && status.is_object());
    const auto check_rate = [&](const char* key, const char* role, Seen& seen) {
      const auto n = samples(status, role);
      if (n <= 1) {
        EXPECT_TRUE(snapshot[key].is_null())
            << role << " has " << n << " sample(s): " << snapshot.dump();
      }
      if (n == 1 && snapshot[key].is_null()) seen.rate_null_after_one = true;
    };
    const auto check_gauge = [&](const char* key, const char* role, Seen& seen) {
      if (samples(status, role) == 1 && has(snapshot, key)) seen.gauge_after_one = true;
    };
    check_rate("cpu", "collector stat", cpu);
    check_rate("net", "collector netdev", net);
    check_gauge("mem", "collector meminfo", mem);
    check_gauge("load", "collector loadavg", load);
    if (has(snapshot, "cpu") && has(snapshot, "net") && has(snapshot, "mem") &&
        has(snapshot, "load")) {
      break;
    }
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_TRUE(has(snapshot, "cpu") && has(snapshot, "net") && has(snapshot, "mem") &&
              has(snapshot, "load"))
      << "not every source after 6 s: " << snapshot.dump() << "\n"
      << d.daemon.log();
  EXPECT_TRUE(cpu.rate_null_after_one) << "never saw stat with exactly one sample";
  EXPECT_TRUE(net.rate_null_after_one) << "never saw netdev with exactly one sample";
  EXPECT_TRUE(mem.gauge_after_one) << "mem did not appear with the first meminfo sample";
  EXPECT_TRUE(load.gauge_after_one) << "load did not appear with the first loadavg sample";
}

}  // namespace
}  // namespace statline::integration
