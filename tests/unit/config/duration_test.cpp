#include "config/duration.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string_view>

namespace statline {
namespace {

struct DurationCase {
  const char* name;
  std::string_view text;
  std::optional<double> seconds;
};

class ConfigDuration : public testing::TestWithParam<DurationCase> {};

TEST_P(ConfigDuration, Parses) {
  const DurationCase& c = GetParam();
  // Exact comparison on purpose: "50ms" must equal the bound 0.05 bit for bit.
  EXPECT_EQ(parse_seconds(c.text), c.seconds) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ConfigDuration,
    testing::Values(
        DurationCase{"integer", "2", 2.0}, DurationCase{"fraction", "0.5", 0.5},
        DurationCase{"leading_dot", ".25", 0.25}, DurationCase{"exponent", "1e-1", 0.1},
        DurationCase{"milliseconds", "500ms", 0.5},
        DurationCase{"milliseconds_exact_bound", "50ms", 0.05}, DurationCase{"seconds", "2s", 2.0},
        DurationCase{"minutes", "1m", 60.0}, DurationCase{"fractional_minutes", "1.5m", 90.0},
        DurationCase{"hours", "1h", 3600.0}, DurationCase{"days", "7d", 604800.0},
        DurationCase{"negative_is_a_number", "-1", -1.0}, DurationCase{"empty", "", std::nullopt},
        DurationCase{"word", "fast", std::nullopt}, DurationCase{"unit_only", "ms", std::nullopt},
        DurationCase{"unknown_unit", "5x", std::nullopt},
        DurationCase{"upper_case_unit", "5S", std::nullopt},
        DurationCase{"space_before_unit", "5 s", std::nullopt},
        DurationCase{"leading_space", " 5", std::nullopt},
        DurationCase{"plus_sign", "+5", std::nullopt},
        DurationCase{"compound", "1m30s", std::nullopt}, DurationCase{"nan", "nan", std::nullopt},
        DurationCase{"infinity", "inf", std::nullopt},
        DurationCase{"overflow", "1e400", std::nullopt},
        DurationCase{"overflow_after_unit", "1e305d", std::nullopt},
        DurationCase{"hex", "0x10", std::nullopt}),
    [](const testing::TestParamInfo<DurationCase>& info) { return info.param.name; });

}  // namespace
}  // namespace statline
