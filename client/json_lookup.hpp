// Tolerant reads from daemon JSON: a missing key, a null or a value of the wrong type
// all read as "no value", so the human views print "-" instead of throwing. The daemon
// may add fields or leave them out (a key missing from /proc/meminfo is absent, DESIGN
// §3); the client must show what is there.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace statline::client {

// Ordered, so output follows the daemon's key order (cpu, mem, net, load; interfaces as
// the kernel lists them) instead of being re-sorted alphabetically.
using Json = nlohmann::ordered_json;

// The value at a path of object keys, or nullptr if a step is missing or not an object.
const Json* find_path(const Json& root, std::initializer_list<std::string_view> path);

// True if the path leads to an object (a source with data, e.g. {"cpu": {...}}).
bool has_object(const Json& root, std::initializer_list<std::string_view> path);

std::optional<double> number_at(const Json& root, std::initializer_list<std::string_view> path);
std::optional<std::string> string_at(const Json& root,
                                     std::initializer_list<std::string_view> path);

// "-" for no value, otherwise `format(*value)`.
template <typename Format>
std::string or_dash(const std::optional<double>& value, Format format) {
  return value ? format(*value) : std::string("-");
}

}  // namespace statline::client
