// tmux formats are checked when the config loads; an error points at the character
// inside the template, however the YAML string was written.
#include <gtest/gtest.h>

#include "config/config_loader.hpp"
#include "config/scalar_position.hpp"

namespace statline {
namespace {

std::string error_of(const std::string& yaml) {
  const auto result = parse_config(yaml, "c.yaml");
  if (result) return "(no error)";
  return result.error();
}

TEST(TmuxFormats, ValidFormatsLoad) {
  const auto result = parse_config(
      "tmux:\n"
      "  format: mine\n"
      "  formats:\n"
      "    mine: \"#[fg=cyan]CPU#[default] {cpu:pct} {cpu:spark:8} {{x}}\"\n"
      "    cores: '{cores:bar:1}'\n"
      "  styles: {warn: \"fg=colour214\", crit: \"fg=white,bg=red\"}\n",
      "c.yaml");
  ASSERT_TRUE(result) << result.error();
  EXPECT_EQ(result->tmux.format, "mine");
  EXPECT_EQ(result->tmux.formats.at("cores"), "{cores:bar:1}");
  EXPECT_EQ(result->tmux.styles.crit, "fg=white,bg=red");
}

TEST(TmuxFormats, PlainScalarErrorPointsInside) {
  EXPECT_EQ(error_of("tmux:\n  formats:\n    a: CPU {cpu.totl}\n"),
            "c.yaml:3:17: tmux.formats.a: unknown field \"totl\" in cpu (expected total, cores, "
            "context_switches, interrupts, forks, procs_running, procs_blocked)");
}

TEST(TmuxFormats, DoubleQuotedEscapesAreCounted) {
  // \u2193 is one character in the file's column count but three bytes of value.
  EXPECT_EQ(error_of("tmux:\n  formats:\n    a: \"\\u2193{rx:bites} \\\"x\\\"\"\n"),
            "c.yaml:3:19: tmux.formats.a: unknown format \"bites\" (expected a number format "
            "such as .1f, pct, bytes, rate, spark:N or bar:N)");
  EXPECT_EQ(error_of("tmux:\n  formats:\n    a: \"\\\"q\\\" {mem:bar:0}\"\n"),
            "c.yaml:3:24: tmux.formats.a: bar width must be a number from 1 to 64, found \"0\"");
}

TEST(TmuxFormats, SingleQuotedAndUnicode) {
  EXPECT_EQ(error_of("tmux:\n  formats:\n    a: '↓''{rx}'' {tx:pct}'\n"),
            "c.yaml:3:23: tmux.formats.a: pct needs a percentage, and net.total.tx_bytes is "
            "bytes per second");
}

TEST(TmuxFormats, BlockScalarOnItsOwnLine) {
  EXPECT_EQ(error_of("tmux:\n  formats:\n    a: >-\n      L {load:bar:4}\n"),
            "c.yaml:4:20: tmux.formats.a: a bar of load.avg1 (a load average) needs a maximum: "
            "bar:4:MAX, e.g. bar:4:4");
}

TEST(TmuxFormats, MultiLineTemplateIsAnError) {
  EXPECT_EQ(error_of("tmux:\n  formats:\n    a: |\n      one\n      two\n"),
            "c.yaml:4:10: tmux.formats.a: a template is one line: tmux shows only the first");
}

TEST(TmuxFormats, UnknownFormatNameSuggests) {
  EXPECT_EQ(error_of("tmux:\n  format: defualt\n"),
            "c.yaml:2:11: tmux.format: unknown format \"defualt\" (known: default, cpu, cores, "
            "mem, net, load) (did you mean \"default\"?)");
  EXPECT_EQ(error_of("tmux:\n  format: mine\n  formats: {mine: '{cpu}'}\n"), "(no error)");
  // A broken format is reported once, not again where `format` names it.
  EXPECT_EQ(error_of("tmux:\n  format: mine\n  formats: {mine: '{cpux}'}\n"),
            "c.yaml:3:21: tmux.formats.mine: unknown metric \"cpux\" (expected cpu, mem, rx, tx, "
            "load, cores or a path under cpu, mem, net, load)");
}

TEST(TmuxFormats, StylesAreTmuxStyleText) {
  EXPECT_EQ(error_of("tmux:\n  styles: {warn: \"#[fg=red]\"}\n"),
            "c.yaml:2:18: tmux.styles.warn: expected a tmux style such as \"fg=red,bold\" "
            "(without #[ ]), found \"#[fg=red]\"");
  EXPECT_EQ(error_of("tmux:\n  styles: {crit: \"\"}\n"), "(no error)");
}

TEST(ScalarPosition, MapsOffsetsOfEachStyle) {
  const std::string source = "a: 'x''yz'\nb: \"\\tq\"\nc: |\n  hello\n  world\n";
  YAML::Mark quoted;
  quoted.pos = 3;
  quoted.line = 0;
  quoted.column = 3;
  EXPECT_EQ(position_in_scalar(source, quoted, 2)->column, 7);  // the 'y' after ''
  YAML::Mark escaped;
  escaped.pos = 14;
  EXPECT_EQ(position_in_scalar(source, escaped, 1)->column, 6);  // q after \t
  YAML::Mark block;
  block.pos = 23;
  const auto in_block = position_in_scalar(source, block, 8);  // 'r' of world
  ASSERT_TRUE(in_block);
  EXPECT_EQ(in_block->line, 4);
  EXPECT_EQ(in_block->column, 4);
  EXPECT_FALSE(position_in_scalar(source, block, 100));
}

}  // namespace
}  // namespace statline
