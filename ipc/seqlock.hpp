// Seqlock primitives for words shared between processes through a MAP_SHARED mapping.
//
// The pattern is the one from H.-J. Boehm, "Can Seqlocks Get Along with Programming
// Language Memory Models?" (MSPC 2012): the writer stores an odd lock value, issues a
// release fence, writes the data, then stores the next even value with release; a reader
// loads the lock with acquire, copies the data, issues an acquire fence and reloads the
// lock. Equal even values mean the copy is not torn.
//
// Every data word under a seqlock is read and written through std::atomic_ref with
// relaxed order instead of memcpy. A reader racing a writer then performs atomic
// accesses only: it may see a mix of old and new words, which the lock check discards,
// but it is never a data race (undefined behaviour, and a ThreadSanitizer report).
#pragma once

#include <atomic>
#include <cstdint>

namespace statline::seqlock {

static_assert(std::atomic<std::uint64_t>::is_always_lock_free,
              "shared-memory words must be lock-free: another process cannot share a mutex");

inline std::uint64_t load(const std::uint64_t& word) {
  // atomic_ref<const T> is not usable in C++20; the mapping is writable, so this is safe.
  return std::atomic_ref<std::uint64_t>(const_cast<std::uint64_t&>(word))
      .load(std::memory_order_relaxed);
}

inline void store(std::uint64_t& word, std::uint64_t value) {
  std::atomic_ref<std::uint64_t>(word).store(value, std::memory_order_relaxed);
}

// GCC warns that ThreadSanitizer does not model standalone fences (-Wtsan). Every access
// under the lock is atomic, so TSan has no data race to miss; the fences only provide the
// ordering that real hardware needs.
#if defined(__SANITIZE_THREAD__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wtsan"
#endif
inline void release_fence() {
  std::atomic_thread_fence(std::memory_order_release);
}
inline void acquire_fence() {
  std::atomic_thread_fence(std::memory_order_acquire);
}
#if defined(__SANITIZE_THREAD__)
#pragma GCC diagnostic pop
#endif

// Writer side (one writer at a time). Returns the odd value that write_end() needs.
inline std::uint64_t write_begin(std::atomic<std::uint64_t>& lock) {
  const std::uint64_t before = lock.load(std::memory_order_relaxed);
  // An odd value here means the previous writer was killed (kill -9) mid-write. Moving
  // to the next odd value, rather than reusing it, guarantees that a reader who saw the
  // stale odd value still sees the lock change.
  const std::uint64_t odd = before + ((before & 1) != 0 ? 2 : 1);
  lock.store(odd, std::memory_order_relaxed);
  release_fence();  // the odd value is visible before any data word changes
  return odd;
}

inline void write_end(std::atomic<std::uint64_t>& lock, std::uint64_t odd) {
  lock.store(odd + 1, std::memory_order_release);
}

// Reader side. A returned odd value means "a write is in progress".
inline std::uint64_t read_begin(const std::atomic<std::uint64_t>& lock) {
  return lock.load(std::memory_order_acquire);
}

// True when the data copied since read_begin() returned `begin` is consistent.
inline bool read_validate(const std::atomic<std::uint64_t>& lock, std::uint64_t begin) {
  acquire_fence();  // the data loads complete before the lock is re-read
  return (begin & 1) == 0 && lock.load(std::memory_order_relaxed) == begin;
}

}  // namespace statline::seqlock
