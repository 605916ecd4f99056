// Fuzz target: a collectd unixsock line from an untrusted client. Whatever the bytes, the
// reply must frame the way collectd clients read it (libcollectdclient's lcc_receive): a
// status line "N message", then exactly N more lines when N > 0, every line ending in
// '\n' and none in between; otherwise a client would hang or read the next reply's lines.
#include <cstdlib>
#include <string>

#include "aggregator/collectd_command.hpp"
#include "aggregator/collectd_reply.hpp"
#include "aggregator/collectd_values.hpp"
#include "tests/fuzz/fuzz_check.hpp"

namespace {

statline::Snapshot sample_snapshot() {
  statline::Snapshot snapshot;
  snapshot.time = 1700000000.25;
  snapshot.load = statline::LoadValues{1.25, 0.75, 0.5, 3, 412};
  statline::NetRates net;
  net.interfaces.push_back({"eth0", {1, 2, 3, 4, 5, 6, 7, 8}});
  snapshot.net = net;
  return snapshot;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string line(reinterpret_cast<const char*>(data), size);
  // The session hands over one line: nothing after its first '\n'.
  line = line.substr(0, line.find('\n'));
  if (!statline::is_collectd_command(line)) return 0;
  static const auto values = statline::collectd_values(sample_snapshot(), std::nullopt, "host");
  const auto command = statline::parse_collectd_command(line);
  const std::string reply = command ? statline::collectd_reply(command.value(), values, 1.5)
                                    : statline::collectd_error(command.error());

  STATLINE_FUZZ_CHECK(!reply.empty() && reply.back() == '\n', "the reply ends with a newline");
  const long status = std::strtol(reply.c_str(), nullptr, 10);
  std::size_t lines = 0;
  for (const char c : reply) lines += c == '\n' ? 1 : 0;
  const std::size_t expected = status > 0 ? static_cast<std::size_t>(status) + 1 : 1;
  STATLINE_FUZZ_CHECK(lines == expected, "a status line and exactly N value lines");
  return 0;
}
