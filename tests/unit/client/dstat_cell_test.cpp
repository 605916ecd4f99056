// dstat's unit scaling and colouring (dstat_cell.hpp). The expected strings and colours
// are dstat 0.8's own: its cprint, dchg and fchg, run under Python 3 on the same inputs
// (colour names mapped to levels: red 0, yellow 1, green 2, blue 3, cyan 4, white 5,
// darkred 6, darkgreen 7). Columns: cpu (percent, 3, 34), net (bytes, 5, 1024), sys
// (integer, 5, 1000), mem (number, 5, 1024), load (number, 4, 0.5), procs (number, 3, 10).
#include "client/dstat_cell.hpp"

#include <gtest/gtest.h>

#include "client/ansi_theme.hpp"

namespace statline::client {
namespace {

struct DstatCase {
  double value;
  ColumnFormat format;
  const char* printed;  // text and unit, as dstat prints them without colour
  Tone tone;
  int level;
};

void PrintTo(const DstatCase& c, std::ostream* os) {
  *os << c.value << " in (" << static_cast<int>(c.format.kind) << ", " << c.format.width << ", "
      << c.format.scale << ")";
}

class DstatCells : public ::testing::TestWithParam<DstatCase> {};

TEST_P(DstatCells, MatchDstat) {
  const DstatCase& c = GetParam();
  const Cell cell = format_cell(c.value, c.format);
  EXPECT_EQ(render_cell(cell, false), c.printed);
  EXPECT_EQ(cell.tone, c.tone);
  if (c.tone == Tone::level) {
    EXPECT_EQ(cell.level, c.level);
  }
}

INSTANTIATE_TEST_SUITE_P(Dstat08, DstatCells, ::testing::ValuesIn(std::vector<DstatCase>{
    {0, {CellKind::percent, 3, 34}, "  0", Tone::zero, 0},
    {0.4, {CellKind::percent, 3, 34}, "  0", Tone::zero, 0},
    {0.5, {CellKind::percent, 3, 34}, "  0", Tone::zero, 0},
    {1.5, {CellKind::percent, 3, 34}, "  2", Tone::level, 0},
    {2.5, {CellKind::percent, 3, 34}, "  2", Tone::level, 0},
    {33.9, {CellKind::percent, 3, 34}, " 34", Tone::level, 0},
    {34, {CellKind::percent, 3, 34}, " 34", Tone::level, 1},
    {67.9, {CellKind::percent, 3, 34}, " 68", Tone::level, 1},
    {68, {CellKind::percent, 3, 34}, " 68", Tone::level, 2},
    {99.5, {CellKind::percent, 3, 34}, "100", Tone::done, 0},
    {100, {CellKind::percent, 3, 34}, "100", Tone::done, 0},
    {-1, {CellKind::percent, 3, 34}, "  -", Tone::error, 0},
    {0, {CellKind::bytes, 5, 1024}, "   0 ", Tone::zero, 0},
    {0.4, {CellKind::bytes, 5, 1024}, "   0 ", Tone::zero, 0},
    {300, {CellKind::bytes, 5, 1024}, " 300B", Tone::level, 0},
    {1228.8, {CellKind::bytes, 5, 1024}, "1229B", Tone::level, 0},
    {9999, {CellKind::bytes, 5, 1024}, "9999B", Tone::level, 0},
    {10000, {CellKind::bytes, 5, 1024}, "  10k", Tone::level, 1},
    {1048576, {CellKind::bytes, 5, 1024}, "1024k", Tone::level, 1},
    {1098576, {CellKind::bytes, 5, 1024}, "1073k", Tone::level, 1},
    {1073741824, {CellKind::bytes, 5, 1024}, "1024M", Tone::level, 2},
    {5000000000000, {CellKind::bytes, 5, 1024}, "4657G", Tone::level, 3},
    {0, {CellKind::integer, 5, 1000}, "   0 ", Tone::zero, 0},
    {900, {CellKind::integer, 5, 1000}, " 900 ", Tone::level, 0},
    {1500.5, {CellKind::integer, 5, 1000}, "1500 ", Tone::level, 0},
    {9999, {CellKind::integer, 5, 1000}, "9999 ", Tone::level, 0},
    {12345, {CellKind::integer, 5, 1000}, "  12k", Tone::level, 1},
    {123456789, {CellKind::integer, 5, 1000}, " 123M", Tone::level, 2},
    {0, {CellKind::number, 5, 1024}, "   0 ", Tone::zero, 0},
    {104857600, {CellKind::number, 5, 1024}, " 100M", Tone::level, 2},
    {3328599654, {CellKind::number, 5, 1024}, "3174M", Tone::level, 2},
    {8388608000, {CellKind::number, 5, 1024}, "8000M", Tone::level, 2},
    {12884901888, {CellKind::number, 5, 1024}, "12.0G", Tone::level, 3},
    {1023, {CellKind::number, 5, 1024}, "1023B", Tone::level, 0},
    {1.5, {CellKind::number, 5, 1024}, "1.50B", Tone::level, 0},
    {0, {CellKind::number, 4, 0.5}, "   0", Tone::zero, 0},
    {0.52, {CellKind::number, 4, 0.5}, "0.52", Tone::level, 1},
    {1, {CellKind::number, 4, 0.5}, "1.00", Tone::level, 2},
    {1.25, {CellKind::number, 4, 0.5}, "1.25", Tone::level, 2},
    {9.999, {CellKind::number, 4, 0.5}, "10.0", Tone::level, 3},
    {12.5, {CellKind::number, 4, 0.5}, "12.5", Tone::level, 1},
    {123.4, {CellKind::number, 4, 0.5}, " 123", Tone::level, 6},
    {1234.5, {CellKind::number, 4, 0.5}, "1234", Tone::level, 5},
    {12345, {CellKind::number, 4, 0.5}, "12.3", Tone::level, 2},
    {0, {CellKind::number, 3, 10}, "  0", Tone::zero, 0},
    {2, {CellKind::number, 3, 10}, "2.0", Tone::level, 0},
    {10, {CellKind::number, 3, 10}, " 10", Tone::level, 1},
    {12.5, {CellKind::number, 3, 10}, " 12", Tone::level, 1},
    {99.96, {CellKind::number, 3, 10}, "100", Tone::level, 1},
    {150, {CellKind::number, 3, 10}, "150", Tone::level, 7},
    {1500, {CellKind::number, 3, 10}, "1.5", Tone::level, 6},
}));

TEST(DstatCell, NoValueIsADashInTheZeroColour) {
  EXPECT_EQ(render_cell(format_cell(std::nullopt, {CellKind::bytes, 5, 1024}), false), "   - ");
  EXPECT_EQ(render_cell(format_cell(std::nullopt, {CellKind::percent, 3, 34}), false), "  -");
  EXPECT_EQ(format_cell(std::nullopt, {CellKind::percent, 3, 34}).tone, Tone::missing);
}

TEST(DstatCell, ColourPrefixesTheValueAndTheUnit) {
  EXPECT_EQ(render_cell(format_cell(1048576, {CellKind::bytes, 5, 1024}), true),
            "\033[1;33m1024\033[1;30mk");
  EXPECT_EQ(render_cell(format_cell(0, {CellKind::bytes, 5, 1024}), true), "\033[1;30m   0 ");
  EXPECT_EQ(render_cell(format_cell(100, {CellKind::percent, 3, 34}), true), "\033[1;37m100");
  EXPECT_EQ(render_cell(format_cell(-5, {CellKind::bytes, 5, 1024}), true),
            "\033[1;37m\033[41m   - \033[0;0m");
}

TEST(DstatCell, CenterLikePython) {
  // str.center: an odd margin goes left only when the width is odd.
  EXPECT_EQ(center("used", 5), " used");
  EXPECT_EQ(center("1m", 4), " 1m ");
  EXPECT_EQ(center("15m", 4), "15m ");
  EXPECT_EQ(center("memory usage", 23), "      memory usage     ");
  EXPECT_EQ(center("system", 11), "   system  ");
  EXPECT_EQ(center("too long", 3), "too long");
}

TEST(DstatCell, CsvNumbersLikeDstat) {
  EXPECT_EQ(csv_number(30), "30");
  EXPECT_EQ(csv_number(8.9), "8.900");
  EXPECT_EQ(csv_number(1228.8), "1228.800");
  EXPECT_EQ(csv_number(1700000000.25), "1700000000.250");
  EXPECT_EQ(csv_number(8388608000), "8388608000");
}

}  // namespace
}  // namespace statline::client
