#include "aggregator/request_parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <span>

namespace statline {
namespace {

using Args = std::span<const std::string_view>;

// Length of the valid UTF-8 sequence (2 to 4 bytes) starting at text[at], or 0. Overlong
// forms, surrogates and code points above U+10FFFF are invalid (RFC 3629), exactly what
// nlohmann::json's dump() would reject.
std::size_t utf8_sequence(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // UTF-16 surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (text.size() - at < length || byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  }
  return length;
}

bool printable_ascii(unsigned char c) {
  return c >= 0x20 && c < 0x7F;
}

// Valid UTF-8 without control characters: safe in JSON and in a terminal.
bool printable_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (printable_ascii(c)) {
      ++i;
    } else if (const std::size_t length = utf8_sequence(text, i)) {
      i += length;
    } else {
      return false;
    }
  }
  return true;
}

std::vector<std::string_view> split_words(std::string_view line) {
  std::vector<std::string_view> words;
  constexpr std::string_view kBlanks = " \t";
  for (std::size_t start = line.find_first_not_of(kBlanks); start != std::string_view::npos;) {
    const std::size_t end = line.find_first_of(kBlanks, start);
    words.push_back(line.substr(start, end == std::string_view::npos ? end : end - start));
    start = line.find_first_not_of(kBlanks, end);
  }
  return words;
}

// The optional SECONDS argument at args[at]: a plain decimal or exponent number, finite
// and above zero.
Result<std::optional<double>> optional_seconds(std::string_view command, Args args,
                                               std::size_t at) {
  if (args.size() <= at) return std::optional<double>();
  const std::string_view text = args[at];
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
      value <= 0) {
    return ParseError{fmt::format("{}: SECONDS must be a positive number, got {}", command,
                                  quote_untrusted(text))};
  }
  return std::optional<double>(value);
}

// tmux [--follow] [--ascii] [FORMAT]: options in any order, at most one format name.
Result<Request> tmux_request(Args args) {
  TmuxRequest request;
  for (const std::string_view arg : args) {
    if (arg == "--follow") {
      request.follow = true;
    } else if (arg == "--ascii") {
      request.ascii = true;
    } else if (arg.starts_with("--")) {
      return ParseError{fmt::format("tmux: unknown option {} (expected --follow or --ascii)",
                                    quote_untrusted(arg))};
    } else if (request.format) {
      return ParseError{"tmux: too many arguments (usage: tmux [--follow] [--ascii] [FORMAT])"};
    } else {
      request.format = std::string(arg);
    }
  }
  return Request{std::move(request)};
}

struct Command {
  std::string_view name;
  std::string_view usage;  // the arguments, for "too many arguments"
  std::size_t max_args;
  Result<Request> (*build)(Args args);
};

constexpr std::array<Command, 9> kCommands{{
    {"ping", "", 0, [](Args) -> Result<Request> { return Request{PingRequest{}}; }},
    {"version", "", 0, [](Args) -> Result<Request> { return Request{VersionRequest{}}; }},
    {"get", "[PATH...]", SIZE_MAX,
     [](Args args) -> Result<Request> {
       return Request{GetRequest{{args.begin(), args.end()}}};
     }},
    {"tmux", "[--follow] [--ascii] [FORMAT]", 3, tmux_request},
    {"history", "METRIC [SECONDS]", 2,
     [](Args args) -> Result<Request> {
       if (args.empty()) return ParseError{"history: missing METRIC"};
       auto seconds = optional_seconds("history", args, 1);
       if (!seconds) return ParseError{seconds.error()};
       return Request{HistoryRequest{std::string(args[0]), *seconds}};
     }},
    {"watch", "[SECONDS]", 1,
     [](Args args) -> Result<Request> {
       auto seconds = optional_seconds("watch", args, 0);
       if (!seconds) return ParseError{seconds.error()};
       return Request{WatchRequest{*seconds}};
     }},
    {"status", "", 0, [](Args) -> Result<Request> { return Request{StatusRequest{}}; }},
    {"metrics", "", 0, [](Args) -> Result<Request> { return Request{MetricsRequest{}}; }},
    {"reload", "", 0, [](Args) -> Result<Request> { return Request{ReloadRequest{}}; }},
}};

std::string command_list() {
  std::string list;
  for (const Command& command : kCommands) {
    if (!list.empty()) list += ", ";
    list += command.name;
  }
  return list;
}

}  // namespace

Result<Request> parse_request(std::string_view line) {
  if (line.ends_with('\n')) line.remove_suffix(1);
  if (line.ends_with('\r')) line.remove_suffix(1);
  const std::vector<std::string_view> words = split_words(line);
  if (words.empty()) return ParseError{"empty request"};

  const auto command = std::find_if(kCommands.begin(), kCommands.end(),
                                    [&](const Command& c) { return c.name == words[0]; });
  if (command == kCommands.end()) {
    return ParseError{
        fmt::format("unknown command {} (expected {})", quote_untrusted(words[0]), command_list())};
  }
  const Args args = Args(words).subspan(1);
  if (args.size() > command->max_args) {
    if (command->max_args == 0) {
      return ParseError{fmt::format("{}: takes no arguments", command->name)};
    }
    return ParseError{fmt::format("{}: too many arguments (usage: {} {})", command->name,
                                  command->name, command->usage)};
  }
  for (const std::string_view arg : args) {
    if (!printable_text(arg)) {
      return ParseError{fmt::format("{}: argument {} is not printable text", command->name,
                                    quote_untrusted(arg))};
    }
  }
  return command->build(args);
}

std::string quote_untrusted(std::string_view bytes) {
  constexpr std::size_t kMaxBytes = 64;
  std::string out = "\"";
  std::size_t i = 0;
  while (i < bytes.size() && i < kMaxBytes) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    const std::size_t sequence = c >= 0x80 ? utf8_sequence(bytes, i) : 0;
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t' || c == '\r' || c == '\n') {
      out += c == '\t' ? "\\t" : c == '\r' ? "\\r" : "\\n";
    } else if (printable_ascii(c)) {
      out += static_cast<char>(c);
    } else if (sequence > 0) {
      out += bytes.substr(i, sequence);
      i += sequence;
      continue;
    } else {
      out += fmt::format("\\x{:02x}", c);
    }
    ++i;
  }
  out += '"';
  if (i < bytes.size()) out += "...";
  return out;
}

}  // namespace statline
