// The 16 KiB cap on a rendered tmux line (aggregator/tmux_capped_line.hpp): where a long
// line is cut, what it ends with, and that a line which fits is never touched.
#include "aggregator/tmux_capped_line.hpp"

#include <gtest/gtest.h>

#include "aggregator/tmux_render.hpp"

namespace statline {
namespace {

std::string repeat(std::string_view text, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

constexpr std::string_view kPush = "#[push-default]";  // 15 bytes
constexpr std::string_view kPop = "#[pop-default]";    // 14 bytes

// A machine with `cores` CPUs, every one at `usage` percent.
class ManyCores final : public TmuxData {
 public:
  ManyCores(std::size_t cores, double usage) : usage_(usage) {
    for (std::size_t i = 0; i < cores; ++i) members_.push_back(std::to_string(i));
  }
  std::optional<double> value(const std::string& path) const override {
    if (path.starts_with("cpu.")) return usage_;
    if (path == "mem.used_percent") return 95;
    return std::nullopt;
  }
  std::vector<std::string> members(std::string_view collection) const override {
    return collection == "cpu.cores" ? members_ : std::vector<std::string>{};
  }
  std::vector<std::optional<double>> recent(const std::string&, unsigned) const override {
    return {};
  }

 private:
  double usage_;
  std::vector<std::string> members_;
};

std::string render(std::string_view text, const TmuxData& data, const TmuxConfig& config,
                   bool ascii = false) {
  auto parsed = tmux::parse_template(text);
  if (auto* error = std::get_if<tmux::TemplateError>(&parsed)) return "error: " + error->message;
  return render_template(std::get<tmux::Template>(parsed), data, config, ascii);
}

TmuxConfig without_thresholds() {
  TmuxConfig config;
  config.thresholds.clear();
  return config;
}

TEST(TmuxCappedLine, ALineThatFitsIsUntouched) {
  CappedLine exact(false);
  exact.append(std::string(kMaxLineBytes - 1, 'x'));
  exact.append("y");
  EXPECT_FALSE(exact.full());
  EXPECT_EQ(std::move(exact).finish(), std::string(kMaxLineBytes - 1, 'x') + "y");

  // With the wrap a coloured line needs, counted in the cap.
  const std::string body(kMaxLineBytes - kPush.size() - kPop.size(), 'x');
  CappedLine coloured(false);
  coloured.append(body, true);
  EXPECT_EQ(std::move(coloured).finish(), std::string(kPush) + body + std::string(kPop));
}

TEST(TmuxCappedLine, CutBetweenPiecesWithAMarker) {
  CappedLine line(false);
  line.append(std::string(16380, 'x'));
  line.append("#[bold]");  // 16387 bytes: over, and never split
  EXPECT_TRUE(line.full());
  line.append("z");  // nothing after a cut, even what would fit
  EXPECT_EQ(std::move(line).finish(), std::string(16380, 'x') + "…");

  // The last piece that fitted leaves no room for the marker: the cut goes before it.
  CappedLine tight(true);
  tight.append(std::string(16000, 'x'));
  tight.append(std::string(383, 'y'));  // 16383 bytes: fits, but not with "..."
  tight.append("zz");
  EXPECT_EQ(std::move(tight).finish(), std::string(16000, 'x') + "...");
}

TEST(TmuxCappedLine, ColoursStayBalancedAtTheCut) {
  // A coloured piece that does not fit is dropped with its colours, so the cut line needs
  // no #[push-default] wrap.
  CappedLine line(false);
  line.append(std::string(16350, 'x'));
  line.append("#[fg=red]91%#[default]", true);
  EXPECT_EQ(std::move(line).finish(), std::string(16350, 'x') + "…");
}

TEST(TmuxCappedLine, PerCoreBarsOnAHugeMachine) {
  const TmuxConfig plain = without_thresholds();
  // Three bytes a cell: 5461 cells are 16383 bytes and fit; with one more, the line is cut
  // at the last cell that leaves room for the three bytes of "…".
  EXPECT_EQ(render("{cores:bar:1}", ManyCores(5461, 100), plain), repeat("█", 5461));
  EXPECT_EQ(render("{cores:bar:1}", ManyCores(5462, 100), plain), repeat("█", 5460) + "…");
  EXPECT_EQ(render("{cores:bar:1}", ManyCores(100000, 100), plain, true),
            std::string(16381, '|') + "...");

  // Coloured by the cpu threshold (crit at 80): each core is "#[fg=red]█#[default]" and
  // the template's #[bold] again, 29 bytes; #[bold] (7) + 563 cores + "…" + the wrap is
  // 16366 bytes, one core more would be 16392.
  const std::string core = "#[fg=red]█#[default]#[bold]";
  EXPECT_EQ(render("#[bold]{cores:bar:1}", ManyCores(563, 100), TmuxConfig{}),
            std::string(kPush) + "#[bold]" + repeat(core, 563) + std::string(kPop));
  EXPECT_EQ(render("#[bold]{cores:bar:1}", ManyCores(1024, 100), TmuxConfig{}),
            std::string(kPush) + "#[bold]" + repeat(core, 563) + "…" + std::string(kPop));
}

// What the fuzzer found: a long #[...] style, applied again after every coloured value,
// took 2 KiB of template past 64 KiB.
TEST(TmuxCappedLine, TemplateStyleAfterEveryColouredValue) {
  const std::string style = "#[fg=blue" + repeat(",bold", 198) + "]";  // 1000 bytes
  ASSERT_EQ(style.size(), 1000u);
  const std::string value = "#[fg=red]95%#[default]" + style;  // mem at 95%: crit, 1022 bytes
  // 1000 + 15 values + "…" + the wrap = 16362 bytes; with a 16th value the line would be
  // 17381 bytes.
  EXPECT_EQ(render(style + repeat("{mem}", 120), ManyCores(1, 0), TmuxConfig{}),
            std::string(kPush) + style + repeat(value, 15) + "…" + std::string(kPop));
}

}  // namespace
}  // namespace statline
