// Fuzz target: a config file. Whatever the bytes, parse_config returns a config or an
// error naming the file, and an accepted config survives to_yaml and back unchanged
// (`statlined --check-config` prints to_yaml, and users paste that output back).
#include "config/config_loader.hpp"
#include "config/config_yaml.hpp"
#include "tests/fuzz/fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto config = statline::parse_config(text, "fuzz.yaml");
  if (!config) {
    STATLINE_FUZZ_CHECK(config.error().starts_with("fuzz.yaml"), "errors name the file");
    return 0;
  }
  const auto again = statline::parse_config(statline::to_yaml(*config), "again.yaml");
  STATLINE_FUZZ_CHECK(again.ok(), "to_yaml output parses");
  STATLINE_FUZZ_CHECK(*again == *config, "parse_config(to_yaml(config)) == config");
  return 0;
}
