#include "aggregator/tmux_render.hpp"

#include <gtest/gtest.h>

#include <map>

#include "aggregator/snapshot.hpp"
#include "aggregator/snapshot_path.hpp"
#include "aggregator/tmux_glyphs.hpp"
#include "aggregator/tmux_snapshot_data.hpp"
#include "tests/unit/golden_file.hpp"
#include "tmux/builtin_formats.hpp"

namespace statline {
namespace {

// Numbers from a table, as the daemon's snapshot and history would give them.
class TableData final : public TmuxData {
 public:
  std::map<std::string, double> values;
  std::map<std::string, std::vector<std::string>> collections;
  std::map<std::string, std::vector<std::optional<double>>> history;

  std::optional<double> value(const std::string& path) const override {
    const auto it = values.find(path);
    return it == values.end() ? std::nullopt : std::optional(it->second);
  }
  std::vector<std::string> members(std::string_view collection) const override {
    const auto it = collections.find(std::string(collection));
    return it == collections.end() ? std::vector<std::string>{} : it->second;
  }
  std::vector<std::optional<double>> recent(const std::string& path,
                                            unsigned count) const override {
    const auto it = history.find(path);
    if (it == history.end()) return {};
    auto values = it->second;
    if (values.size() > count) values.erase(values.begin(), values.end() - count);
    return values;
  }
};

TableData busy_machine() {
  TableData data;
  data.values = {{"cpu.total.usage", 91.4},
                 {"cpu.total.user", 60.25},
                 {"cpu.cores.0.usage", 12},
                 {"cpu.cores.1.usage", 55},
                 {"cpu.cores.2.usage", 100},
                 {"cpu.cores.3.usage", 0},
                 {"cpu.context_switches", 15300},
                 {"mem.used_percent", 72.5},
                 {"mem.used", 6.2 * 1024 * 1024 * 1024},
                 {"mem.total", 16.0 * 1024 * 1024 * 1024},
                 {"net.total.rx_bytes", 1234567},
                 {"net.total.tx_bytes", 312},
                 {"net.total.rx_packets", 2100},
                 {"net.interfaces.eth0.rx_bytes", 1234000},
                 {"net.interfaces.we#rd.rx_bytes", 567},
                 {"load.avg1", 3.14159},
                 {"load.avg5", 2.5},
                 {"load.avg15", 1}};
  data.collections = {{"cpu.cores", {"0", "1", "2", "3"}},
                      {"net.interfaces", {"eth0", "we#rd"}}};
  data.history = {{"cpu.total.usage", {5, 10, 20, 40, 60, 80, 100, 91.4}},
                  {"net.total.rx_bytes", {0, std::nullopt, 500000, 1234567}},
                  {"cpu.cores.0.usage", {0, 50, 12}},
                  {"cpu.cores.1.usage", {100, 55}},
                  {"cpu.cores.2.usage", {100}},
                  {"cpu.cores.3.usage", {0}}};
  return data;
}

std::string render(std::string_view text, const TmuxData& data, const TmuxConfig& config,
                   bool ascii = false) {
  auto parsed = tmux::parse_template(text);
  if (auto* error = std::get_if<tmux::TemplateError>(&parsed)) return "error: " + error->message;
  return render_template(std::get<tmux::Template>(parsed), data, config, ascii);
}

TEST(TmuxRender, EscapesHashInData) {
  TableData data = busy_machine();
  EXPECT_EQ(render("{net.interfaces.*.rx_bytes:bytes}", data, TmuxConfig{}),
            "eth0:1.2M we##rd:567B");
  EXPECT_EQ(escape_tmux("a#(reboot)#"), "a##(reboot)##");
}

TEST(TmuxRender, MissingValuesKeepTheLineReadable) {
  const TableData nothing;
  EXPECT_EQ(render("CPU {cpu} {cpu:spark:4}|{mem:bar:3}|{cores:spark:1}", nothing, TmuxConfig{}),
            "CPU --     |---|--");
}

TEST(TmuxRender, ThresholdsRestoreTheTemplateStyle) {
  const TableData data = busy_machine();
  EXPECT_EQ(render("#[bg=blue]{cpu} {mem}#[default] {load}", data, TmuxConfig{}),
            "#[push-default]#[bg=blue]#[fg=red]91%#[default]#[bg=blue] "
            "#[fg=yellow]72%#[default]#[bg=blue]#[default] 3.14#[pop-default]");
  TmuxConfig styled;
  styled.styles.crit = "fg=white,bg=red,bold";
  styled.thresholds["load"] = {2, 4};
  EXPECT_EQ(render("{cpu} {load}", data, styled),
            "#[push-default]#[fg=white,bg=red,bold]91%#[default] "
            "#[fg=yellow]3.14#[default]#[pop-default]");
  TmuxConfig plain;
  plain.thresholds.clear();
  EXPECT_EQ(render("{cpu} {mem}", data, plain), "91% 72%");  // 72.5 rounds to even
}

// The whole language on one machine state: tests/golden/tmux/render.txt.
TEST(TmuxRender, Golden) {
  const TableData data = busy_machine();
  TmuxConfig config;
  config.thresholds["net"] = {1024, 1024 * 1024};
  const char* cases[] = {
      "{cpu} {mem} {rx} {tx} {load} {cores}",
      "{cpu:pct} {cpu:.1f} {cpu:>6.2f} {cpu:d} {load:.3f} {load.avg15:.0f}",
      "{mem.used:bytes}/{mem.total:bytes} {rx:rate} {tx:rate} {net.total.rx_packets:rate}",
      "{cpu.context_switches} {cpu.context_switches:rate} {cpu.total.user}",
      "{cpu:spark:8} [{cpu:spark:12}] {rx:spark:4} {rx:spark:4:2M}",
      "{cpu:bar:5} {mem:bar:8} {load:bar:4:4} {load:bar:2:2}",
      "{cores:spark:1} {cpu.cores.*.usage:spark:3} {cpu.cores.*.usage:bar:2} {cpu.cores.*.usage}",
      "{{literal}} ## #{host} #[fg=green]{load}#[default]",
  };
  std::string report;
  for (const bool ascii : {false, true}) {
    for (const char* text : cases) {
      report += std::string(ascii ? "ascii   : " : "template: ") + text + "\n";
      report += "output  : " + render(text, data, config, ascii) + "\n\n";
    }
  }
  for (const auto& format : tmux::kBuiltinFormats) {
    report += "builtin " + std::string(format.name) + ": " + render(format.text, data, config) +
              "\n";
    report += "builtin " + std::string(format.name) +
              " (ascii): " + render(format.ascii_text, data, config, true) + "\n";
  }
  statline::testing::expect_golden("tmux/render.txt", report);
}

TEST(TmuxRender, DefaultFitsInSixtyColumns) {
  // The widest numbers each field can show.
  TableData data;
  data.values = {{"cpu.total.usage", 100}, {"mem.used_percent", 100},
                 {"net.total.rx_bytes", 1023.0 * 1024}, {"net.total.tx_bytes", 1023.0 * 1024},
                 {"load.avg1", 99.99}};
  data.history = {{"cpu.total.usage", std::vector<std::optional<double>>(8, 100.0)}};
  TmuxConfig config;
  config.thresholds.clear();
  for (const bool ascii : {false, true}) {
    const auto* format = tmux::find_builtin_format("default");
    const std::string line = render(ascii ? format->ascii_text : format->text, data, config, ascii);
    std::size_t columns = 0;
    for (const char c : line) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    EXPECT_LE(columns, 60u) << line;
  }
}

TEST(TmuxRender, GlyphScales) {
  EXPECT_EQ(scaled_bytes(999), "999B");
  EXPECT_EQ(scaled_bytes(1000), "1.0K");
  EXPECT_EQ(scaled_bytes(15 * 1024 * 1024), "15M");
  EXPECT_EQ(scaled_bytes(3.5 * 1024 * 1024 * 1024 * 1024), "3.5T");
  EXPECT_EQ(scaled_count(2100), "2.1K");
  EXPECT_EQ(sparkline({0, 50, 100, std::nullopt}, 6, 100, false), "  ▁▅█ ");
  EXPECT_EQ(sparkline({0, 50, 100}, 3, 100, true), "_=@");
  EXPECT_EQ(meter(50, 3, 100, false), "█▌ ");
  EXPECT_EQ(meter(50, 4, 100, true), "||..");
  EXPECT_EQ(meter(250, 2, 100, false), "██");
}

// The template's metric table and the snapshot JSON name the same fields.
TEST(TmuxRender, MetricTableMatchesTheSnapshot) {
  Snapshot all;
  all.cpu = CpuRates{};
  all.cpu->total = CpuPercent{};
  all.cpu->cores.push_back(CoreRates{7, CpuPercent{}});
  all.cpu->context_switches = all.cpu->interrupts = all.cpu->forks = 1;
  all.cpu->procs_running = all.cpu->procs_blocked = 1;
  all.mem = MemValues{};
  all.net = NetRates{};
  all.net->interfaces.push_back({"eth0", {}});
  all.load = LoadValues{};
  const auto json = to_json(all);
  std::vector<std::string> leaves;
  const std::function<void(const nlohmann::ordered_json&, const std::string&)> walk =
      [&](const nlohmann::ordered_json& node, const std::string& path) {
        if (node.is_object()) {
          for (const auto& [key, child] : node.items()) {
            walk(child, path.empty() ? key : path + "." + key);
          }
        } else if (node.is_array()) {
          for (const auto& child : node) walk(child, path + ".7");
        } else if (path != "cpu.cores.7.cpu" && path != "time" && path != "interval") {
          leaves.push_back(path);
        }
      };
  walk(json, "");
  ASSERT_GT(leaves.size(), 40u);
  const SnapshotTmuxData data(json, nullptr);
  for (const std::string& leaf : leaves) {
    SCOPED_TRACE(leaf);
    const auto metric = tmux::resolve_metric(leaf);
    ASSERT_TRUE(std::holds_alternative<tmux::Metric>(metric))
        << std::get<tmux::MetricError>(metric).message;
    const auto& m = std::get<tmux::Metric>(metric);
    EXPECT_EQ(m.path, leaf);
    if (!m.threshold_path.empty()) {
      EXPECT_TRUE(lookup_number(json, m.threshold_path)) << m.threshold_path;
    }
  }
  EXPECT_EQ(data.members("cpu.cores"), std::vector<std::string>{"7"});
  EXPECT_EQ(data.members("net.interfaces"), std::vector<std::string>{"eth0"});
}

}  // namespace
}  // namespace statline
