#include "aggregator/collectd_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace statline {
namespace {

// collectd splits with isspace() in the C locale.
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view first_word(std::string_view line) {
  std::size_t start = 0;
  while (start < line.size() && is_space(line[start])) ++start;
  std::size_t end = start;
  while (end < line.size() && !is_space(line[end])) ++end;
  return line.substr(start, end - start);
}

// collectd's cmd_split.
Result<std::vector<std::string>> split_fields(std::string_view line) {
  std::vector<std::string> fields;
  bool in_field = false, in_quotes = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (is_space(c) && !in_quotes) {
      in_field = false;
      continue;
    }
    if (c == '"') {
      if (in_quotes) {
        if (!in_field) fields.emplace_back();  // "" is an empty field
        in_field = false;
        in_quotes = false;
      } else {
        in_quotes = true;  // a quoted part continues an unquoted one: key="a b"
      }
      continue;
    }
    if (c == '\\' && in_quotes) {
      // Outside quotes a backslash is an ordinary character, as in collectd.
      if (i + 1 == line.size()) return ParseError{"Backslash at end of string."};
      c = line[++i];
    }
    if (!in_field) fields.emplace_back();
    fields.back() += c;
    in_field = true;
  }
  if (in_quotes) return ParseError{"Unterminated quoted string."};
  return fields;
}

// collectd's cmd_parse_option: KEY=VALUE with KEY made of letters, digits, '_' and ':'.
bool split_option(const std::string& field, std::string& key, std::string& value) {
  std::size_t end = 0;
  while (end < field.size() && (std::isalnum(static_cast<unsigned char>(field[end])) != 0 ||
                                field[end] == '_' || field[end] == ':')) {
    ++end;
  }
  if (end == 0 || end == field.size() || field[end] != '=') return false;
  key = field.substr(0, end);
  value = field.substr(end + 1);
  return true;
}

Result<CollectdCommand> parse_listval(const std::vector<std::string>& args) {
  if (!args.empty()) return ParseError{fmt::format("Garbage after end of command: `{}'.", args[0])};
  return CollectdCommand{CollectdListval{}};
}

Result<CollectdCommand> parse_getval(const std::vector<std::string>& args) {
  if (args.empty()) return ParseError{"Missing identifier."};
  if (args.size() > 1) return ParseError{fmt::format("Garbage after identifier: `{}'.", args[1])};
  auto type = collectd_identifier_type(args[0]);
  if (!type) return ParseError{fmt::format("Cannot parse identifier `{}'.", args[0])};
  return CollectdCommand{CollectdGetval{args[0], std::move(*type)}};
}

Result<CollectdCommand> parse_flush(const std::vector<std::string>& args) {
  std::size_t plugins = 0, identifiers = 0;
  for (const std::string& arg : args) {
    std::string key, value;
    if (!split_option(arg, key, value)) {
      return ParseError{fmt::format("Invalid option string `{}'.", arg)};
    }
    if (equals_ignoring_case(key, "plugin")) {
      ++plugins;
    } else if (equals_ignoring_case(key, "identifier")) {
      if (!collectd_identifier_type(value)) {
        return ParseError{fmt::format("Invalid identifier `{}'.", value)};
      }
      ++identifiers;
    } else if (equals_ignoring_case(key, "timeout")) {
      errno = 0;
      char* end = nullptr;
      const double timeout = std::strtod(value.c_str(), &end);
      if (end == value.c_str() || errno != 0 || !std::isfinite(timeout)) {
        return ParseError{fmt::format("Invalid value for option `timeout': {}", value)};
      }
    } else {
      return ParseError{fmt::format("Cannot parse option `{}'.", key)};
    }
  }
  // collectd flushes once per (plugin, identifier) pair, "all" standing in for none.
  return CollectdCommand{CollectdFlush{std::max<std::size_t>(plugins, 1) *
                                       std::max<std::size_t>(identifiers, 1)}};
}

struct Handler {
  std::string_view name;
  Result<CollectdCommand> (*parse)(const std::vector<std::string>& args);
};

constexpr std::array<Handler, 3> kServed{{
    {"LISTVAL", parse_listval},
    {"GETVAL", parse_getval},
    {"FLUSH", parse_flush},
}};

// collectd's other unixsock commands: recognised, so their users get a clear answer in
// the protocol they speak rather than a JSON error.
constexpr std::array<std::string_view, 3> kNotServed{"PUTVAL", "PUTNOTIF", "GETTHRESHOLD"};

}  // namespace

bool is_collectd_command(std::string_view line) {
  const std::string_view word = first_word(line);
  for (const auto& handler : kServed) {
    if (equals_ignoring_case(word, handler.name)) return true;
  }
  for (const auto name : kNotServed) {
    if (equals_ignoring_case(word, name)) return true;
  }
  return false;
}

Result<CollectdCommand> parse_collectd_command(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  auto fields = split_fields(line);
  if (!fields) return ParseError{fields.error()};
  if (fields->empty()) return ParseError{"Missing command."};
  const std::vector<std::string> args(fields->begin() + 1, fields->end());
  for (const auto& handler : kServed) {
    if (equals_ignoring_case(fields->front(), handler.name)) return handler.parse(args);
  }
  return ParseError{fmt::format(
      "Unknown command: {} (statline answers LISTVAL, GETVAL and FLUSH; it does not take "
      "values or notifications)",
      fields->front())};
}

std::optional<std::string> collectd_identifier_type(std::string_view identifier) {
  const std::size_t plugin = identifier.find('/');
  if (plugin == std::string_view::npos) return std::nullopt;
  const std::size_t type = identifier.find('/', plugin + 1);
  if (type == std::string_view::npos) return std::nullopt;
  const std::string_view type_part = identifier.substr(type + 1);
  return std::string(type_part.substr(0, type_part.find('-')));
}

}  // namespace statline
