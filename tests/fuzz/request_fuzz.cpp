// Fuzz target: a request line from an untrusted client. Whatever the bytes, the parser
// returns a request or an error whose text can go into the `{"error":…}` reply: valid
// UTF-8 (nlohmann-json refuses to serialise anything else and would throw mid-reply).
#include <nlohmann/json.hpp>

#include "aggregator/request_parser.hpp"
#include "tests/fuzz/fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  const auto request = statline::parse_request(line);
  if (!request) {
    bool serialisable = true;
    try {
      (void)nlohmann::json{{"error", request.error()}}.dump();
    } catch (const nlohmann::json::exception&) {
      serialisable = false;
    }
    STATLINE_FUZZ_CHECK(serialisable, "the error message is valid UTF-8");
  }
  const std::string quoted = statline::quote_untrusted(line);
  STATLINE_FUZZ_CHECK(quoted.size() <= 64 * 4 + 8, "quote_untrusted cuts long input");
  return 0;
}
