#include "client/json_lookup.hpp"

namespace statline::client {

const Json* find_path(const Json& root, std::initializer_list<std::string_view> path) {
  const Json* node = &root;
  for (std::string_view key : path) {
    if (!node->is_object()) return nullptr;
    const auto child = node->find(key);
    if (child == node->end()) return nullptr;
    node = &*child;
  }
  return node;
}

bool has_object(const Json& root, std::initializer_list<std::string_view> path) {
  const Json* node = find_path(root, path);
  return node != nullptr && node->is_object();
}

std::optional<double> number_at(const Json& root, std::initializer_list<std::string_view> path) {
  const Json* node = find_path(root, path);
  if (node == nullptr || !node->is_number()) return std::nullopt;
  return node->get<double>();
}

std::optional<std::string> string_at(const Json& root,
                                     std::initializer_list<std::string_view> path) {
  const Json* node = find_path(root, path);
  if (node == nullptr || !node->is_string()) return std::nullopt;
  return node->get<std::string>();
}

}  // namespace statline::client
