// A fresh directory under /tmp for one test: the daemon's socket, config, synthetic /proc
// and captured output live here. Short paths on purpose: a Unix socket path must fit in
// sun_path (108 bytes).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace statline::integration {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

  // Writes `text` to `name` (creating parent directories) and returns its path.
  std::filesystem::path write(std::string_view name, std::string_view text) const;

 private:
  std::filesystem::path path_;
};

// The whole content of a file, or an empty string if it cannot be read.
std::string read_file(const std::filesystem::path& path);

}  // namespace statline::integration
