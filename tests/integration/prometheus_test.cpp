// Prometheus interop end to end: the `metrics` request on the socket, the HTTP listener
// (metrics.listen) and its bounds, promtool's verdict, the families of a real
// node_exporter on the same machine, and a real Prometheus server scraping statlined.
// Prometheus and node_exporter are Debian's (scripts/lib/deps.sh installs them).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "tests/integration/daemon_fixture.hpp"
#include "tests/integration/http_client.hpp"
#include "tests/integration/process_table.hpp"
#include "tests/integration/socket_client.hpp"
#include "tests/integration/spawn_process.hpp"

namespace statline::integration {
namespace {

constexpr double kInterval = 0.5;

std::string metrics_config(std::uint16_t port) {
  return "metrics:\n  listen: \"127.0.0.1:" + std::to_string(port) + "\"\n";
}

// Families of an exposition: name -> "type label,label" (label names of its series,
// sorted), so two exporters can be compared by shape whatever their values.
std::map<std::string, std::string> family_shapes(const std::string& text) {
  std::map<std::string, std::string> types;
  std::map<std::string, std::set<std::string>> labels;
  std::istringstream in(text);
  static const std::regex kType(R"(^# TYPE (\S+) (\S+)$)");
  static const std::regex kLabel(R"(([a-zA-Z_][a-zA-Z0-9_]*)=")");
  for (std::string line; std::getline(in, line);) {
    std::smatch match;
    if (std::regex_match(line, match, kType)) {
      types[match[1]] = match[2];
    } else if (!line.empty() && line[0] != '#') {
      const auto name_end = line.find_first_of("{ ");
      const std::string name = line.substr(0, name_end);
      auto& names = labels[name];
      if (line[name_end] == '{') {
        const std::string body = line.substr(name_end, line.find('}') - name_end);
        for (std::sregex_iterator it(body.begin(), body.end(), kLabel), end; it != end; ++it) {
          names.insert((*it)[1]);
        }
      }
    }
  }
  std::map<std::string, std::string> shapes;
  for (const auto& [name, type] : types) {
    std::string shape = type;
    for (const auto& label : labels[name]) shape += " " + label;
    shapes[name] = shape;
  }
  return shapes;
}

std::string socket_metrics(const std::filesystem::path& socket) {
  auto client = SocketClient::connect(socket);
  if (!client || !client->send_line("metrics")) return {};
  std::string text;
  while (auto line = client->read_line()) {
    text += *line + "\n";
    if (*line == "# EOF") break;
  }
  return text;
}

// The value of the one series `series` (name with labels, as printed), or nullopt.
std::optional<std::string> value_of(const std::string& text, const std::string& series) {
  const auto at = text.find("\n" + series + " ");
  if (at == std::string::npos) return std::nullopt;
  const auto start = at + series.size() + 2;
  return text.substr(start, text.find('\n', start) - start);
}

class Metrics : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
    ASSERT_TRUE(all_sources(wait_for_snapshot(d.socket(), all_sources, 5000ms))) << d.daemon.log();
  }
  const std::uint16_t port = free_loopback_port();
  SyntheticDaemon d{kInterval, metrics_config(port)};
};

TEST_F(Metrics, SocketRequestEndsWithEofAndKeepsTheConnection) {
  auto client = SocketClient::connect(d.socket());
  ASSERT_TRUE(client);
  ASSERT_TRUE(client->send_line("metrics"));
  std::string text;
  while (auto line = client->read_line()) {
    text += *line + "\n";
    if (*line == "# EOF") break;
  }
  ASSERT_TRUE(text.ends_with("\n# EOF\n")) << text;
  // The synthetic machine's values, formatted as node_exporter formats them.
  EXPECT_EQ(value_of(text, "node_load1"), "1.25");
  EXPECT_EQ(value_of(text, "node_load15"), "0.5");
  EXPECT_EQ(value_of(text, "node_memory_MemTotal_bytes"), "1.6777216e+10");
  EXPECT_EQ(value_of(text, "node_procs_running"), "3");
  EXPECT_TRUE(value_of(text, "node_cpu_seconds_total{cpu=\"3\",mode=\"steal\"}"));
  EXPECT_TRUE(value_of(text, "node_network_receive_bytes_total{device=\"eth0\"}"));
  EXPECT_FALSE(value_of(text, "node_network_receive_bytes_total{device=\"lo\"}"));
  for (const char* source : {"stat", "meminfo", "netdev", "loadavg"}) {
    EXPECT_EQ(value_of(text, std::string("statline_collector_up{source=\"") + source + "\"}"), "1");
  }
  EXPECT_EQ(value_of(text, "node_scrape_collector_success{collector=\"netdev\"}"), "1");
  EXPECT_EQ(client->request("ping"), R"({"ok":true})");
}

TEST_F(Metrics, HttpServesGetAndHeadOfMetricsOnly) {
  const auto reply = http_get(port, "/metrics");
  ASSERT_TRUE(reply) << d.daemon.log();
  EXPECT_EQ(reply->status, 200);
  EXPECT_NE(reply->headers.find("Content-Type: text/plain; version=0.0.4; charset=utf-8"),
            std::string::npos)
      << reply->headers;
  EXPECT_EQ(value_of(reply->body, "node_load1"), "1.25");
  EXPECT_EQ(reply->body.find("# EOF"), std::string::npos);  // a socket delimiter only
  EXPECT_EQ(family_shapes(reply->body), family_shapes(socket_metrics(d.socket())));

  const auto head = http_exchange(port,
                                  "HEAD /metrics HTTP/1.1\r\nHost: x\r\nConnection: "
                                  "close\r\n\r\n");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->body, "");
  EXPECT_EQ(http_get(port, "/")->status, 404);
  EXPECT_EQ(http_get(port, "/metrics/../etc")->status, 404);
  const auto post = http_exchange(port,
                                  "POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: "
                                  "0\r\nConnection: close\r\n\r\n");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_NE(post->headers.find("Allow: GET, HEAD"), std::string::npos);
}

TEST_F(Metrics, HttpKeepsAliveBetweenScrapes) {
  const std::string one = "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::string last = "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  // Both requests pipelined on one connection; the reader stops after the first reply,
  // so count the replies in what came back before the close instead.
  const int fd = idle_connection(port);
  ASSERT_GE(fd, 0);
  const std::string both = one + last;
  ASSERT_EQ(::send(fd, both.data(), both.size(), MSG_NOSIGNAL), static_cast<ssize_t>(both.size()));
  std::string data;
  char buffer[65536];
  for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) {
    data.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  std::size_t replies = 0;
  for (auto at = data.find("HTTP/1.1 200 OK"); at != std::string::npos;
       at = data.find("HTTP/1.1 200 OK", at + 1)) {
    ++replies;
  }
  EXPECT_EQ(replies, 2u);
}

TEST_F(Metrics, HostileHttpClientsCostNothing) {
  // A header past the 8 KiB limit, garbage, and a request with a body: each gets a 400 or
  // a close, and the next scrape is served.
  const auto huge = http_exchange(
      port, "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(16384, 'a') + "\r\n\r\n");
  if (huge) {
    EXPECT_EQ(huge->status, 400);
  }
  const auto garbage = http_exchange(port, std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc", 9));
  if (garbage) {
    EXPECT_EQ(garbage->status, 400);
  }
  const auto body = http_exchange(port,
                                  "GET /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: "
                                  "5\r\n\r\nhello");
  if (body) {
    EXPECT_EQ(body->status, 400);
  }
  // More idle connections than the cap: the oldest make room, the new scrape is served.
  std::vector<int> idle;
  for (int i = 0; i < 80; ++i) idle.push_back(idle_connection(port));
  const auto reply = http_get(port, "/metrics");
  for (const int fd : idle) {
    if (fd >= 0) ::close(fd);
  }
  ASSERT_TRUE(reply) << d.daemon.log();
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(query(d.socket(), "ping"), Json::parse(R"({"ok":true})"));
}

// promtool's lint has one complaint, and node_exporter gets it too: the camelCase of
// /proc/meminfo's keys in node_memory_* names, which dashboards depend on.
TEST_F(Metrics, PromtoolFindsNothingButNodeExportersOwnMeminfoNames) {
  const auto reply = http_get(port, "/metrics");
  ASSERT_TRUE(reply);
  const auto file = d.dir / "scrape.prom";
  std::ofstream(file) << reply->body;
  const auto result =
      run_process("/bin/sh", {"-c", "exec promtool check metrics < " + file.string()});
  std::istringstream lines(result.out + result.err);
  int complaints = 0;
  for (std::string line; std::getline(lines, line);) {
    ++complaints;
    EXPECT_TRUE(line.starts_with("node_memory_") && line.ends_with("not 'camelCase'")) << line;
  }
  EXPECT_GT(complaints, 0) << "promtool printed nothing: is it installed?";
  // Exit 3 is "lint problems"; a parse error would be 1.
  EXPECT_EQ(result.status, 3) << result.err;
}

TEST(MetricsListen, APortInUseStopsTheStartWithANamedErrorAndNoSocket) {
  TempDir dir;
  const int taken = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(taken, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(taken, 1), 0);
  socklen_t length = sizeof address;
  ::getsockname(taken, reinterpret_cast<sockaddr*>(&address), &length);
  const std::uint16_t port = ntohs(address.sin_port);
  DaemonSetup setup(std::filesystem::path(STATLINE_FIXTURES) / "proc/real", kInterval);
  setup.config_text = metrics_config(port);
  DaemonProcess daemon(dir, setup);
  EXPECT_EQ(daemon.wait_exit(10000ms), 71);
  EXPECT_NE(daemon.log().find("metrics.listen 127.0.0.1:" + std::to_string(port) +
                              ": Address already in use"),
            std::string::npos)
      << daemon.log();
  EXPECT_FALSE(std::filesystem::exists(daemon.socket()));
  ::close(taken);
}

// A real node_exporter and statlined on this machine's /proc: every node_* family
// node_exporter's cpu, stat, meminfo, netdev and loadavg collectors expose is served by
// statline under the same name and type with the same label names.
TEST(MetricsVsNodeExporter, NoFamilyMissing) {
  TempDir dir;
  const std::uint16_t exporter_port = free_loopback_port();
  const std::filesystem::path exporter = "/usr/bin/prometheus-node-exporter";
  ASSERT_TRUE(std::filesystem::exists(exporter)) << "install prometheus-node-exporter";
  std::filesystem::create_directories(dir / "sys");
  // /proc/net/dev as statline reads it: node_exporter's netlink default would add
  // node_network_receive_nohandler_total, a counter /proc/net/dev does not have.
  const pid_t pid = spawn_process(
      SpawnRequest{exporter,
                   {"--collector.disable-defaults", "--collector.cpu", "--collector.stat",
                    "--collector.meminfo", "--collector.netdev", "--collector.loadavg",
                    "--no-collector.netdev.netlink", "--path.sysfs=" + (dir / "sys").string(),
                    "--web.listen-address=127.0.0.1:" + std::to_string(exporter_port)},
                   {},
                   dir / "node_exporter.log",
                   {}});
  const std::uint16_t port = free_loopback_port();
  DaemonSetup setup("/proc", 0.5);
  setup.config_text = metrics_config(port);
  DaemonProcess daemon(dir, setup);
  ASSERT_TRUE(daemon.wait_ready()) << daemon.log();

  std::optional<HttpReply> theirs, ours;
  ASSERT_TRUE(eventually(
      [&] { return (theirs = http_get(exporter_port, "/metrics")) && theirs->status == 200; },
      5000ms, 100ms));
  ASSERT_TRUE(eventually(
      [&] {
        ours = http_get(port, "/metrics");
        return ours && ours->body.find("node_load1 ") != std::string::npos &&
               ours->body.find("node_cpu_seconds_total{") != std::string::npos;
      },
      5000ms, 100ms));
  ::kill(pid, SIGTERM);
  wait_exit(pid, 5000ms);

  const auto expected = family_shapes(theirs->body);
  const auto actual = family_shapes(ours->body);
  int compared = 0;
  for (const auto& [name, shape] : expected) {
    // The exporter's own process and build facts are not the machine's.
    if (!name.starts_with("node_") || name == "node_exporter_build_info") continue;
    ++compared;
    const auto found = actual.find(name);
    if (found == actual.end()) {
      ADD_FAILURE() << "missing family " << name << " (" << shape << ")";
    } else {
      EXPECT_EQ(found->second, shape) << name;
    }
  }
  EXPECT_GT(compared, 40);  // cpu, stat, loadavg, ~50 meminfo fields, 16 netdev counters
  for (const auto& [name, shape] : actual) {
    if (name.starts_with("node_")) {
      EXPECT_TRUE(expected.contains(name)) << "extra " << name;
    }
  }
}

// A real Prometheus server on loopback scrapes the HTTP listener every second: the target
// is up and the synthetic machine's load average comes back from its query API.
TEST_F(Metrics, RealPrometheusScrapesIt) {
  const std::filesystem::path prometheus = "/usr/bin/prometheus";
  ASSERT_TRUE(std::filesystem::exists(prometheus)) << "install prometheus";
  const std::uint16_t web = free_loopback_port();
  std::ofstream(d.dir / "prometheus.yml")
      << "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
      << "scrape_configs:\n  - job_name: statline\n    static_configs:\n"
      << "      - targets: ['127.0.0.1:" << port << "']\n";
  const pid_t pid =
      spawn_process(SpawnRequest{prometheus,
                                 {"--config.file=" + (d.dir / "prometheus.yml").string(),
                                  "--storage.tsdb.path=" + (d.dir / "tsdb").string(),
                                  "--web.listen-address=127.0.0.1:" + std::to_string(web)},
                                 {},
                                 d.dir / "prometheus.log",
                                 {}});
  const auto instant = [&](const std::string& query) -> Json {
    const auto reply = http_get(web, "/api/v1/query?query=" + query);
    if (!reply || reply->status != 200) return Json();
    const Json parsed = parse(reply->body);
    if (!parsed.is_object() || parsed["data"]["result"].empty()) return Json();
    return parsed["data"]["result"][0]["value"][1];
  };
  Json up, load;
  // Prometheus takes a few seconds to start and to scrape twice.
  const bool scraped = eventually(
      [&] {
        up = instant("up");
        load = instant("node_load1");
        return up.is_string() && load.is_string();
      },
      30000ms, 250ms);
  ::kill(pid, SIGTERM);
  wait_exit(pid, 10000ms);
  std::ifstream log(d.dir / "prometheus.log");
  std::stringstream log_text;
  log_text << log.rdbuf();
  ASSERT_TRUE(scraped) << log_text.str();
  EXPECT_EQ(up, "1");
  EXPECT_EQ(load, "1.25");
}

}  // namespace
}  // namespace statline::integration

namespace statline::integration {
namespace {

// The history keeps of meminfo only the keys snapshots read (server/history_payload.hpp):
// a restarted aggregator must take the newest full sample from the ring, so that every
// node_memory_* family is there at once, before the collector publishes again.
TEST(MetricsAfterRestart, MeminfoFamiliesAreCompleteBeforeTheNextSample) {
  SyntheticDaemon d(1.0);
  ASSERT_TRUE(d.daemon.wait_ready()) << d.daemon.log();
  ASSERT_TRUE(eventually(
      [&] {
        return value_of(socket_metrics(d.socket()), "node_memory_SUnreclaim_bytes").has_value();
      },
      5000ms))
      << d.daemon.log();
  const pid_t meminfo = child_with_title(d.daemon.pid(), "statlined: collector meminfo");
  const pid_t aggregator = child_with_title(d.daemon.pid(), "statlined: aggregator");
  ASSERT_GT(meminfo, 0);
  ASSERT_GT(aggregator, 0);
  // No meminfo sample from here on: the full one is only in the ring.
  ASSERT_EQ(::kill(meminfo, SIGSTOP), 0);
  struct ResumeOnExit {
    pid_t pid;
    ~ResumeOnExit() { ::kill(pid, SIGCONT); }
  } resume{meminfo};
  ASSERT_EQ(::kill(aggregator, SIGKILL), 0);
  ASSERT_TRUE(eventually(
      [&] {
        const pid_t now = child_with_title(d.daemon.pid(), "statlined: aggregator");
        return now > 0 && now != aggregator &&
               request_once(d.socket(), "ping", 500ms) ==
                   std::optional<std::string>(R"({"ok":true})");
      },
      3000ms))
      << d.daemon.log();
  const std::string text = socket_metrics(d.socket());
  EXPECT_EQ(value_of(text, "node_memory_SUnreclaim_bytes"), "4.194304e+06") << text;
  EXPECT_EQ(value_of(text, "node_memory_MemTotal_bytes"), "1.6777216e+10");
}

}  // namespace
}  // namespace statline::integration
