#include "client/json_flatten.hpp"

namespace statline::client {
namespace {

std::string join(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

std::string element_name(const Json& element, std::size_t position) {
  const Json* cpu = find_path(element, {"cpu"});
  if (cpu != nullptr && cpu->is_number_integer()) return cpu->dump();
  return std::to_string(position);
}

void flatten_into(const Json& value, const std::string& path, std::string& out) {
  if (value.is_object() && !value.empty()) {
    for (const auto& [key, child] : value.items()) flatten_into(child, join(path, key), out);
    return;
  }
  if (value.is_array() && !value.empty()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      flatten_into(value[i], join(path, element_name(value[i], i)), out);
    }
    return;
  }
  // A leaf: strings unquoted (they are names, for people and cut(1)); the rest as JSON.
  const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  out += (path.empty() ? std::string("value") : path) + " = " + text + "\n";
}

}  // namespace

std::string flatten_json(const Json& value) {
  if (value.is_object() && value.empty()) return "";
  std::string out;
  flatten_into(value, "", out);
  return out;
}

}  // namespace statline::client
