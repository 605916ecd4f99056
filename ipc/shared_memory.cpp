#include "ipc/shared_memory.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <limits>
#include <string>
#include <system_error>

namespace statline::shared_memory {
namespace {

[[noreturn]] void throw_errno(const std::string& what) {
  throw std::system_error(errno, std::system_category(), what);
}

void check_size(std::uint64_t size) {
  if (size > static_cast<std::uint64_t>(std::numeric_limits<off_t>::max())) {
    throw std::system_error(EFBIG, std::system_category(),
                            "shared memory of " + std::to_string(size) + " bytes");
  }
}

}  // namespace

int create(std::string_view name, std::uint64_t size, Growth growth) {
  check_size(size);
  const std::string label(name);
  // CLOEXEC: the supervisor decides, fd by fd, which children inherit what.
  const int fd = ::memfd_create(label.c_str(), MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (fd < 0) throw_errno("memfd_create " + label);
  if (::ftruncate(fd, static_cast<off_t>(size)) != 0) {
    const int saved = errno;
    ::close(fd);
    errno = saved;
    throw_errno("ftruncate " + label + " to " + std::to_string(size) + " bytes");
  }
  int seals = F_SEAL_SHRINK | F_SEAL_SEAL;
  if (growth == Growth::fixed) seals |= F_SEAL_GROW;
  if (::fcntl(fd, F_ADD_SEALS, seals) != 0) {
    const int saved = errno;
    ::close(fd);
    errno = saved;
    throw_errno("sealing " + label);
  }
  return fd;
}

std::uint64_t size_of(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw_errno("fstat fd " + std::to_string(fd));
  return static_cast<std::uint64_t>(st.st_size);
}

void grow(int fd, std::uint64_t size) {
  check_size(size);
  if (::ftruncate(fd, static_cast<off_t>(size)) != 0) {
    throw_errno("ftruncate fd " + std::to_string(fd) + " to " + std::to_string(size) + " bytes");
  }
}

void* map(int fd, std::uint64_t size) {
  check_size(size);
  void* base =
      ::mmap(nullptr, static_cast<std::size_t>(size), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (base == MAP_FAILED) {
    throw_errno("mmap fd " + std::to_string(fd) + " (" + std::to_string(size) + " bytes)");
  }
  return base;
}

void unmap(void* base, std::size_t size) noexcept {
  if (base != nullptr) ::munmap(base, size);
}

Region create_mapped(std::string_view name, std::uint64_t size, Growth growth) {
  const int fd = create(name, size, growth);
  try {
    return Region{fd, map(fd, size)};
  } catch (...) {
    ::close(fd);
    throw;
  }
}

}  // namespace statline::shared_memory
