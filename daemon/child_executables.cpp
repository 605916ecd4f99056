#include "daemon/child_executables.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <utility>
#include <vector>

namespace statline {
namespace {

int open_executable(const std::string& path) {
  // O_PATH: enough for fexecve, and needs no read permission on the file.
  const int fd = ::open(path.c_str(), O_PATH | O_CLOEXEC);
  if (fd < 0) return -1;
  if (::faccessat(fd, "", X_OK, AT_EMPTY_PATH) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

ChildExecutables ChildExecutables::open() {
  const int self = open_executable("/proc/self/exe");
  if (self < 0) {
    throw std::system_error(errno, std::generic_category(), "open /proc/self/exe");
  }
  std::error_code error;
  const auto self_dir = std::filesystem::read_symlink("/proc/self/exe", error).parent_path();
  const std::vector<std::filesystem::path> candidates{
      self_dir / "statline-collector",
      (self_dir / STATLINE_COLLECTOR_FROM_BINDIR).lexically_normal()};
  std::string tried;
  for (const auto& candidate : candidates) {
    const int fd = open_executable(candidate.string());
    if (fd >= 0) return ChildExecutables(self, fd, candidate.string());
    tried += (tried.empty() ? "" : ", ") + candidate.string() + " (" + std::strerror(errno) + ")";
  }
  ::close(self);
  throw std::runtime_error("cannot find statline-collector: tried " + tried);
}

ChildExecutables::ChildExecutables(int aggregator_fd, int collector_fd, std::string collector_path)
    : aggregator_fd_(aggregator_fd),
      collector_fd_(collector_fd),
      collector_path_(std::move(collector_path)) {}

ChildExecutables::ChildExecutables(ChildExecutables&& other) noexcept
    : aggregator_fd_(std::exchange(other.aggregator_fd_, -1)),
      collector_fd_(std::exchange(other.collector_fd_, -1)),
      collector_path_(std::move(other.collector_path_)) {}

ChildExecutables::~ChildExecutables() {
  if (aggregator_fd_ >= 0) ::close(aggregator_fd_);
  if (collector_fd_ >= 0) ::close(collector_fd_);
}

}  // namespace statline
