#include "client/status_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <vector>

#include "client/human_format.hpp"

namespace statline::client {
namespace {

enum class Align { left, right };

struct Column {
  const char* header;
  Align align;
  std::function<std::string(const Json& child)> cell;
};

std::string text_cell(const Json& child, std::string_view key) {
  const Json* node = find_path(child, {key});
  if (node == nullptr || node->is_null()) return "-";
  if (node->is_string()) return node->get<std::string>().empty() ? "-" : node->get<std::string>();
  return node->dump();  // an unexpected type is still worth showing
}

std::string count_cell(const Json& child, std::string_view key) {
  return or_dash(number_at(child, {key}), [](double v) { return format_fixed(v, 0); });
}

// The columns of the children table, in order; the last one is not padded.
const std::array<Column, 9>& columns() {
  static const std::array<Column, 9> table{{
      {"ROLE", Align::left, [](const Json& c) { return text_cell(c, "role"); }},
      {"PID", Align::right, [](const Json& c) { return count_cell(c, "pid"); }},
      {"STATE", Align::left, [](const Json& c) { return text_cell(c, "state"); }},
      {"RESTARTS", Align::right, [](const Json& c) { return count_cell(c, "restarts"); }},
      {"SAMPLES", Align::right, [](const Json& c) { return count_cell(c, "samples"); }},
      {"LOST", Align::right, [](const Json& c) { return count_cell(c, "lost"); }},
      // Shared memory the source's history takes (the daemon's largest use of memory).
      {"HISTORY", Align::right,
       [](const Json& c) { return or_dash(number_at(c, {"history_bytes"}), format_bytes); }},
      {"AGE", Align::right,
       [](const Json& c) { return or_dash(number_at(c, {"last_sample_age"}), format_age); }},
      {"LAST ERROR", Align::left, [](const Json& c) { return text_cell(c, "last_error"); }},
  }};
  return table;
}

std::string children_table(const Json& children) {
  std::vector<std::vector<std::string>> rows;
  rows.emplace_back();
  for (const Column& column : columns()) rows.back().push_back(column.header);
  for (const Json& child : children) {
    rows.emplace_back();
    for (const Column& column : columns()) rows.back().push_back(column.cell(child));
  }
  std::vector<std::size_t> widths(columns().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) line += "  ";
      const bool last = i + 1 == row.size();
      if (columns()[i].align == Align::right) {
        line += fmt::format("{:>{}}", row[i], widths[i]);
      } else {
        line += last ? row[i] : fmt::format("{:<{}}", row[i], widths[i]);
      }
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace

std::string format_status(const Json& status) {
  const std::array<std::pair<const char*, std::string>, 5> summary{{
      {"uptime", or_dash(number_at(status, {"uptime"}), format_duration)},
      {"config", string_at(status, {"config"}).value_or("-")},
      {"socket", string_at(status, {"socket"}).value_or("-")},
      {"interval",
       or_dash(number_at(status, {"interval"}), [](double v) { return format_number(v) + "s"; })},
      {"clients",
       or_dash(number_at(status, {"clients"}), [](double v) { return format_fixed(v, 0); })},
  }};
  std::string out;
  for (const auto& [key, value] : summary) out += fmt::format("{:<10}{}\n", key, value);
  out += "\n";
  const Json* children = find_path(status, {"children"});
  if (children == nullptr || !children->is_array() || children->empty()) {
    return out + "(no children reported)\n";
  }
  return out + children_table(*children);
}

}  // namespace statline::client
