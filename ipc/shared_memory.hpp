// memfd-backed shared memory, the one way SampleRing and HistoryLog get theirs.
//
// A memfd has no name in any file system, so a kill -9 leaves nothing behind in /dev/shm;
// it lives as long as some process holds its fd (the supervisor does, for the daemon's
// lifetime). Seals stop a buggy child from shrinking a region under another process's
// mapping, which would turn that process's next access into SIGBUS.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace statline::shared_memory {

enum class Growth { fixed, may_grow };

// memfd_create(MFD_CLOEXEC | MFD_ALLOW_SEALING) + ftruncate(size) + seals: never shrink,
// and never grow either when `growth` is fixed. Throws std::system_error.
int create(std::string_view name, std::uint64_t size, Growth growth);

// The current size of the file behind `fd` (fstat). Throws std::system_error.
std::uint64_t size_of(int fd);

// Grows the file to `size` bytes (ftruncate). Throws std::system_error.
void grow(int fd, std::uint64_t size);

// mmap(PROT_READ | PROT_WRITE, MAP_SHARED) of the first `size` bytes. Throws
// std::system_error.
void* map(int fd, std::uint64_t size);

struct Region {
  int fd = -1;
  void* base = nullptr;
};

// create() then map(); the fd is closed again if mapping fails. Throws std::system_error.
Region create_mapped(std::string_view name, std::uint64_t size, Growth growth);

// munmap; a null base is ignored.
void unmap(void* base, std::size_t size) noexcept;

}  // namespace statline::shared_memory
