#include "aggregator/request_parser.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>

namespace statline {

// Readable failures: which request, with its fields.
void PrintTo(const Request& request, std::ostream* os) {
  std::visit(
      [&](const auto& r) {
        using T = std::decay_t<decltype(r)>;
        *os << "request #" << Request(r).index();
        if constexpr (std::is_same_v<T, GetRequest>) {
          for (const auto& path : r.paths) *os << " [" << path << "]";
        } else if constexpr (std::is_same_v<T, TmuxRequest>) {
          *os << " format=" << r.format.value_or("(none)");
        } else if constexpr (std::is_same_v<T, HistoryRequest>) {
          *os << " metric=" << r.metric << " seconds=" << r.seconds.value_or(-1);
        } else if constexpr (std::is_same_v<T, WatchRequest>) {
          *os << " seconds=" << r.seconds.value_or(-1);
        }
      },
      request);
}

namespace {

const std::string kExpected =
    "(expected ping, version, get, tmux, history, watch, status, metrics, reload)";

struct OkCase {
  std::string name;
  std::string line;
  Request expected;
};
void PrintTo(const OkCase& c, std::ostream* os) {
  *os << c.name;
}

class ParseRequestOk : public testing::TestWithParam<OkCase> {};

TEST_P(ParseRequestOk, Parses) {
  const Result<Request> result = parse_request(GetParam().line);
  ASSERT_TRUE(result) << result.error();
  EXPECT_EQ(*result, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ParseRequestOk,
    testing::Values(
        OkCase{"ping", "ping", PingRequest{}}, OkCase{"crlf", "ping\r\n", PingRequest{}},
        OkCase{"cr", "ping\r", PingRequest{}}, OkCase{"lf", "ping\n", PingRequest{}},
        OkCase{"blanks_around", " \t ping \t", PingRequest{}},
        OkCase{"version", "version", VersionRequest{}}, OkCase{"get_all", "get", GetRequest{}},
        OkCase{"get_paths", "get cpu.total mem", GetRequest{{"cpu.total", "mem"}}},
        OkCase{"get_tabs_and_runs", "get\tcpu  \t mem\r\n", GetRequest{{"cpu", "mem"}}},
        OkCase{"get_utf8_name", "get net.interfaces.caf\xc3\xa9",
               GetRequest{{"net.interfaces.caf\xc3\xa9"}}},
        OkCase{"tmux_default", "tmux", TmuxRequest{}},
        OkCase{"tmux_named", "tmux compact", TmuxRequest{"compact"}},
        OkCase{"tmux_follow", "tmux --follow", TmuxRequest{std::nullopt, true, false}},
        OkCase{"tmux_all", "tmux --ascii cpu --follow", TmuxRequest{"cpu", true, true}},
        OkCase{"history_all", "history cpu.total.usage",
               HistoryRequest{"cpu.total.usage", std::nullopt}},
        OkCase{"history_seconds", "history cpu.total.usage 60",
               HistoryRequest{"cpu.total.usage", 60}},
        OkCase{"history_fraction", "history mem.used 0.5", HistoryRequest{"mem.used", 0.5}},
        OkCase{"history_exponent", "history mem.used 1e3", HistoryRequest{"mem.used", 1000}},
        OkCase{"watch", "watch", WatchRequest{}},
        OkCase{"watch_seconds", "watch 2.5", WatchRequest{2.5}},
        OkCase{"status", "status", StatusRequest{}}, OkCase{"metrics", "metrics", MetricsRequest{}},
        OkCase{"reload", "reload\r\n", ReloadRequest{}}),
    [](const testing::TestParamInfo<OkCase>& info) { return info.param.name; });

struct ErrorCase {
  std::string name;
  std::string line;
  std::string error;
};
void PrintTo(const ErrorCase& c, std::ostream* os) {
  *os << c.name;
}

class ParseRequestError : public testing::TestWithParam<ErrorCase> {};

TEST_P(ParseRequestError, ExactMessage) {
  const Result<Request> result = parse_request(GetParam().line);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error(), GetParam().error);
  // Every error goes into {"error":…}; a strict dump must not throw.
  EXPECT_NO_THROW((void)nlohmann::json({{"error", result.error()}}).dump());
}

using namespace std::string_literals;

INSTANTIATE_TEST_SUITE_P(
    Table, ParseRequestError,
    testing::Values(
        ErrorCase{"empty", "", "empty request"}, ErrorCase{"blanks", " \t ", "empty request"},
        ErrorCase{"crlf_only", "\r\n", "empty request"},
        ErrorCase{"unknown", "foo", "unknown command \"foo\" " + kExpected},
        ErrorCase{"uppercase", "PING", "unknown command \"PING\" " + kExpected},
        ErrorCase{"unknown_with_args", "frobnicate a b",
                  "unknown command \"frobnicate\" " + kExpected},
        ErrorCase{"ping_args", "ping x", "ping: takes no arguments"},
        ErrorCase{"version_args", "version 1", "version: takes no arguments"},
        ErrorCase{"status_args", "status --json", "status: takes no arguments"},
        ErrorCase{"metrics_args", "metrics x", "metrics: takes no arguments"},
        ErrorCase{"reload_args", "reload now", "reload: takes no arguments"},
        ErrorCase{"tmux_two", "tmux a b",
                  "tmux: too many arguments (usage: tmux [--follow] [--ascii] [FORMAT])"},
        ErrorCase{"tmux_four", "tmux --follow --ascii a b",
                  "tmux: too many arguments (usage: tmux [--follow] [--ascii] [FORMAT])"},
        ErrorCase{"tmux_option", "tmux --fast",
                  "tmux: unknown option \"--fast\" (expected --follow or --ascii)"},
        ErrorCase{"history_missing", "history", "history: missing METRIC"},
        ErrorCase{"history_three", "history m 1 2",
                  "history: too many arguments (usage: history METRIC [SECONDS])"},
        ErrorCase{"history_word", "history m x",
                  "history: SECONDS must be a positive number, got \"x\""},
        ErrorCase{"history_zero", "history m 0",
                  "history: SECONDS must be a positive number, got \"0\""},
        ErrorCase{"history_negative", "history m -5",
                  "history: SECONDS must be a positive number, got \"-5\""},
        ErrorCase{"history_unit", "history m 10s",
                  "history: SECONDS must be a positive number, got \"10s\""},
        ErrorCase{"history_nan", "history m nan",
                  "history: SECONDS must be a positive number, got \"nan\""},
        ErrorCase{"history_inf", "history m inf",
                  "history: SECONDS must be a positive number, got \"inf\""},
        ErrorCase{"history_overflow", "history m 1e999",
                  "history: SECONDS must be a positive number, got \"1e999\""},
        ErrorCase{"history_hex", "history m 0x10",
                  "history: SECONDS must be a positive number, got \"0x10\""},
        ErrorCase{"watch_zero", "watch 0", "watch: SECONDS must be a positive number, got \"0\""},
        ErrorCase{"watch_two", "watch 1 2", "watch: too many arguments (usage: watch [SECONDS])"},
        ErrorCase{"tls_hello", "\x16\x03\x01\x02\x00\x01"s,
                  "unknown command \"\\x16\\x03\\x01\\x02\\x00\\x01\" " + kExpected},
        ErrorCase{"http", "GET / HTTP/1.1\r\n", "unknown command \"GET\" " + kExpected},
        ErrorCase{"invalid_utf8_arg", "get \xff\xfe",
                  "get: argument \"\\xff\\xfe\" is not printable text"},
        ErrorCase{"overlong_utf8", "get \xc0\xaf",
                  "get: argument \"\\xc0\\xaf\" is not printable text"},
        ErrorCase{"surrogate", "get \xed\xa0\x80",
                  "get: argument \"\\xed\\xa0\\x80\" is not printable text"},
        ErrorCase{"truncated_utf8", "get caf\xc3",
                  "get: argument \"caf\\xc3\" is not printable text"},
        ErrorCase{"control_char", "tmux a\x1b[31m",
                  "tmux: argument \"a\\x1b[31m\" is not printable text"},
        ErrorCase{"bad_seconds_bytes", "history m \xff",
                  "history: argument \"\\xff\" is not printable text"},
        ErrorCase{"double_cr", "ping\r\r", "unknown command \"ping\\r\" " + kExpected},
        ErrorCase{"nul_in_command", "pi\0ng"s, "unknown command \"pi\\x00ng\" " + kExpected},
        ErrorCase{"quote_in_command", "a\"b\\c", "unknown command \"a\\\"b\\\\c\" " + kExpected}),
    [](const testing::TestParamInfo<ErrorCase>& info) { return info.param.name; });

TEST(ParseRequest, LongGarbageGivesAShortSafeError) {
  const std::string line(4096, '\xff');
  const Result<Request> result = parse_request(line);
  ASSERT_FALSE(result);
  EXPECT_LT(result.error().size(), 400u);
  EXPECT_NO_THROW((void)nlohmann::json({{"error", result.error()}}).dump());
}

TEST(ParseRequest, RandomBytesNeverCrashAndErrorsAreJsonSafe) {
  std::mt19937 random(12345);
  std::uniform_int_distribution<int> byte(0, 255), length(0, 64), pick(0, 3);
  const std::string prefixes[] = {"", "get ", "history ", "tmux "};
  for (int i = 0; i < 20000; ++i) {
    std::string line = prefixes[pick(random)];
    for (int n = length(random); n > 0; --n) line += static_cast<char>(byte(random));
    const Result<Request> result = parse_request(line);
    if (!result) {
      ASSERT_NO_THROW((void)nlohmann::json({{"error", result.error()}}).dump()) << i;
    } else if (const auto* get = std::get_if<GetRequest>(&*result)) {
      ASSERT_NO_THROW((void)nlohmann::json(get->paths).dump()) << i;
    }
  }
}

TEST(QuoteUntrusted, Escapes) {
  EXPECT_EQ(quote_untrusted("plain"), "\"plain\"");
  EXPECT_EQ(quote_untrusted(""), "\"\"");
  EXPECT_EQ(quote_untrusted("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(quote_untrusted("\t\r\n\x7f"), R"("\t\r\n\x7f")");
  EXPECT_EQ(quote_untrusted("caf\xc3\xa9 \xf0\x9f\x98\x80"), "\"caf\xc3\xa9 \xf0\x9f\x98\x80\"");
  EXPECT_EQ(quote_untrusted("\xf4\x90\x80\x80"), R"("\xf4\x90\x80\x80")");  // > U+10FFFF
  EXPECT_EQ(quote_untrusted(std::string(100, 'a')), "\"" + std::string(64, 'a') + "\"...");
}

}  // namespace
}  // namespace statline
