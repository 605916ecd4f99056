#include "config/config_loader.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <system_error>
#include <vector>

#include "config/config_schema.hpp"
#include "config/node_reader.hpp"
#include "config/yaml_stall_guard.hpp"

namespace statline {
namespace {

// A config file is a few kilobytes; this only stops `--config /dev/zero` from eating
// memory.
constexpr std::size_t kMaxFileBytes = 1 << 20;

std::string error_text(int error) {
  return std::error_code(error, std::generic_category()).message();
}

}  // namespace

Result<Config> parse_config(std::string_view yaml_text, std::string_view file_name) {
  NodeReader reader(file_name, yaml_text);
  std::vector<YAML::Node> documents;
  if (const auto stall = find_stalled_document(yaml_text)) {
    const auto at = static_cast<std::size_t>(stall->pos);
    const char found = at < yaml_text.size() ? yaml_text[at] : ' ';
    reader.error(
        {"", *stall},
        found > ' ' && found < 0x7f
            ? fmt::format("invalid YAML: unexpected '{}' where a document should start", found)
            : std::string("invalid YAML: unexpected character where a document should start"));
    return ParseError{reader.report()};
  }
  try {
    documents = YAML::LoadAll(std::string(yaml_text));
  } catch (const YAML::Exception& e) {
    reader.error({"", e.mark}, fmt::format("invalid YAML: {}", e.msg));
    return ParseError{reader.report()};
  }

  // A stray `---` leaves an empty document behind; a second real one is a mistake
  // (yaml-cpp would quietly use the first).
  const YAML::Node* root = nullptr;
  for (const YAML::Node& document : documents) {
    if (document.IsNull()) continue;
    if (root != nullptr) {
      reader.error({"", document.Mark()}, "expected one YAML document, found a second one");
      return ParseError{reader.report()};
    }
    root = &document;
  }

  Config config;
  if (root != nullptr) read_config(*root, reader, config);
  if (!reader.ok()) return ParseError{reader.report()};
  return config;
}

Result<Config> load_config_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ParseError{fmt::format("{}: cannot read: {}", path, error_text(errno))};

  std::string text;
  char buffer[16384];
  int read_error = 0;
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) read_error = errno;
    if (n <= 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.size() > kMaxFileBytes) break;
  }
  ::close(fd);

  if (read_error != 0) {
    return ParseError{fmt::format("{}: cannot read: {}", path, error_text(read_error))};
  }
  if (text.size() > kMaxFileBytes) {
    return ParseError{fmt::format("{}: cannot read: larger than {} bytes, not a config file", path,
                                  kMaxFileBytes)};
  }
  return parse_config(text, path);
}

}  // namespace statline
