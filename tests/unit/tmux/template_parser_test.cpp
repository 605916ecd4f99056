#include <gtest/gtest.h>

#include "tests/unit/golden_file.hpp"
#include "tmux/builtin_formats.hpp"
#include "tmux/template.hpp"

namespace statline::tmux {
namespace {

Template parsed(std::string_view text) {
  auto result = parse_template(text);
  if (auto* error = std::get_if<TemplateError>(&result)) {
    ADD_FAILURE() << "parse_template(" << text << "): " << error->message << " at "
                  << error->offset;
    return {};
  }
  return std::get<Template>(std::move(result));
}

Placeholder placeholder(const Template& t, std::size_t index) {
  return std::get<Placeholder>(t.pieces.at(index));
}

TEST(TemplateParser, LiteralsStylesAndPlaceholders) {
  const Template t = parsed("#[fg=cyan]CPU {cpu:pct}!");
  ASSERT_EQ(t.pieces.size(), 4u);
  EXPECT_EQ(std::get<Style>(t.pieces[0]).directive, "#[fg=cyan]");
  EXPECT_EQ(std::get<Literal>(t.pieces[1]).text, "CPU ");
  EXPECT_EQ(placeholder(t, 2).metric.path, "cpu.total.usage");
  EXPECT_EQ(placeholder(t, 2).spec.kind, SpecKind::pct);
  EXPECT_EQ(std::get<Literal>(t.pieces[3]).text, "!");
}

TEST(TemplateParser, BracesAndTmuxSequencesAreLiteral) {
  const Template t = parsed("{{x}} ## #H #{?client_prefix,#{host},-} #(date)");
  ASSERT_EQ(t.pieces.size(), 1u);
  EXPECT_EQ(std::get<Literal>(t.pieces[0]).text, "{x} ## #H #{?client_prefix,#{host},-} #(date)");
}

// tmux shows a lone # at the end as itself; kept doubled, it stays one character whatever
// the renderer appends (#[pop-default], a cut line's marker).
TEST(TemplateParser, LoneHashAtTheEndIsDoubled) {
  EXPECT_EQ(std::get<Literal>(parsed("100#").pieces[0]).text, "100##");
  EXPECT_EQ(std::get<Literal>(parsed("#").pieces[0]).text, "##");
  EXPECT_EQ(std::get<Literal>(parsed("a ## b").pieces[0]).text, "a ## b");
}

TEST(TemplateParser, AliasesAndPaths) {
  EXPECT_EQ(placeholder(parsed("{mem}"), 0).metric.path, "mem.used_percent");
  EXPECT_EQ(placeholder(parsed("{rx}"), 0).metric.kind, MetricKind::byte_rate);
  EXPECT_EQ(placeholder(parsed("{load}"), 0).metric.path, "load.avg1");
  const Metric cores = placeholder(parsed("{cores:spark:1}"), 0).metric;
  EXPECT_TRUE(cores.each);
  EXPECT_EQ(cores.collection, "cpu.cores");
  EXPECT_EQ(cores.threshold_path, "cpu.cores.*.usage");
  const Metric dotted = placeholder(parsed("{net.interfaces.veth1.100.tx_bytes}"), 0).metric;
  EXPECT_EQ(dotted.path, "net.interfaces.veth1.100.tx_bytes");
  EXPECT_EQ(dotted.threshold_path, dotted.path);
  EXPECT_EQ(placeholder(parsed("{cpu.cores.3.iowait}"), 0).metric.threshold_path,
            "cpu.cores.3.usage");
  EXPECT_EQ(placeholder(parsed("{net.total.rx_packets}"), 0).metric.threshold_path, "");
}

TEST(TemplateParser, Specs) {
  const Spec number = placeholder(parsed("{load:>6.2f}"), 0).spec;
  EXPECT_EQ(number.kind, SpecKind::number);
  EXPECT_EQ(number.number_format, ">6.2f");
  EXPECT_EQ(placeholder(parsed("{load:d}"), 0).spec.number_format, ".0f");
  const Spec spark = placeholder(parsed("{rx:spark:10:100M}"), 0).spec;
  EXPECT_EQ(spark.cells, 10u);
  EXPECT_EQ(spark.max, 100.0 * 1024 * 1024);
  EXPECT_EQ(placeholder(parsed("{cpu:bar:5}"), 0).spec.max, 100.0);
  EXPECT_EQ(placeholder(parsed("{rx:spark:4}"), 0).spec.max, std::nullopt);  // auto-scaled
}

TEST(TemplateParser, BuiltinFormatsParse) {
  for (const auto& format : kBuiltinFormats) {
    SCOPED_TRACE(format.name);
    parsed(format.text);
    parsed(format.ascii_text);
  }
}

// Every error, with a caret under the column it names: tests/golden/tmux/errors.txt.
TEST(TemplateParser, ErrorsGolden) {
  const char* cases[] = {
      "{cpu.total.usge}",
      "CPU {cpu.totl.usage}",
      "{cpu.total}",
      "{cpu.cores.x.usage}",
      "{cpu.switches}",
      "{memory}",
      "{mem.used:pct}",
      "{load:bytes}",
      "{mem.used:rate}",
      "{cpu:spark}",
      "{cpu:spark:0}",
      "{cpu:spark:65}",
      "{cpu:bar:4:lots}",
      "{load:bar:8}",
      "{cpu:.1x}",
      "{cpu:.f}",
      "{cpu:123f}",
      "{cpu:.3d}",
      "{cpu:fancy}",
      "{cpu:}",
      "{}",
      "↓{rx:bytes} {tx:byts}",
      "{cpu",
      "cpu}",
      "{net.interfaces.eth0}",
      "{net.interfaces.eth0.rx}",
      "{net.bogus}",
      "#[fg=red CPU",
      "#{host",
      "line one\nline two",
      "#[fg=red\n]{cpu}",
  };
  std::string report;
  for (const char* text : cases) {
    const auto result = parse_template(text);
    const auto* error = std::get_if<TemplateError>(&result);
    std::string shown;  // a newline in the template is shown as \n (two columns, as text)
    for (const char c : std::string_view(text)) shown += c == '\n' ? std::string("\\n") : std::string(1, c);
    report += "template: " + shown + "\n";
    if (error == nullptr) {
      report += "(no error)\n\n";
      continue;
    }
    // The caret goes under the character at the offset (counting characters, not bytes).
    std::size_t column = 0;
    for (std::size_t i = 0; i < error->offset && i < std::string_view(text).size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    }
    report += "          " + std::string(column, ' ') + "^ " + error->message + "\n\n";
  }
  statline::testing::expect_golden("tmux/errors.txt", report);
}

TEST(TemplateParser, LongInputIsRefused) {
  const std::string text(kMaxTemplateBytes + 1, 'x');
  const auto result = parse_template(text);
  ASSERT_TRUE(std::holds_alternative<TemplateError>(result));
}

}  // namespace
}  // namespace statline::tmux
