// Fuzz target: a tmux format from the config. Whatever the bytes, the parser returns a
// template or an error pointing inside the text, and a parsed template renders (Unicode
// and ASCII) against data with every kind of value, without crashing or blowing up.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "aggregator/tmux_capped_line.hpp"
#include "aggregator/tmux_render.hpp"
#include "tests/fuzz/fuzz_check.hpp"
#include "tmux/template.hpp"

namespace {

// Values that stress formatting: huge, tiny, negative, NaN-free but extreme.
class EveryKindOfValue final : public statline::TmuxData {
 public:
  std::optional<double> value(const std::string& path) const override {
    static constexpr double kValues[] = {0, 42.5, 100, -1, 1e300, 1e-300, 123456789012.0};
    const std::size_t hash = std::hash<std::string>{}(path);
    if (hash % 8 == 7) return std::nullopt;
    return kValues[hash % std::size(kValues)];
  }
  std::vector<std::string> members(std::string_view collection) const override {
    if (collection == "cpu.cores") return {"0", "1", "63"};
    return {"eth0", "a#(reboot)", "wl-0.x"};
  }
  std::vector<std::optional<double>> recent(const std::string& path,
                                            unsigned count) const override {
    std::vector<std::optional<double>> values;
    for (unsigned i = 0; i < std::min(count, 256u); ++i) {
      values.push_back(i % 5 == 4 ? std::nullopt : value(path + std::to_string(i)));
    }
    return values;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = statline::tmux::parse_template(text);
  if (const auto* error = std::get_if<statline::tmux::TemplateError>(&parsed)) {
    STATLINE_FUZZ_CHECK(error->offset <= text.size(), "the error points inside the template");
    STATLINE_FUZZ_CHECK(!error->message.empty(), "the error says what is wrong");
    return 0;
  }
  const auto& format = std::get<statline::tmux::Template>(parsed);
  const statline::TmuxConfig config;
  const EveryKindOfValue values;
  for (const bool ascii : {false, true}) {
    const std::string line = statline::render_template(format, values, config, ascii);
    STATLINE_FUZZ_CHECK(line.find('\n') == std::string::npos, "one line, no newline inside");
    STATLINE_FUZZ_CHECK(line.size() <= statline::kMaxLineBytes,
                        "a status line stays a status line (cut at 16 KiB)");
  }
  return 0;
}
