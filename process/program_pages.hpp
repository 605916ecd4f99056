// Unmapping the program and library pages that only a process's start-up used, and
// handing start-up's freed heap back.
//
// Each statline process runs for weeks, but most of the code it maps was run once:
// command-line and config parsing, channel set-up, the JSON child spec, the dynamic
// linker's relocation of libc and libm. The kernel maps file pages around every fault
// (fault-around, 64 KiB) and never unmaps them while the file is cached, so after
// start-up a collector maps ~1 MiB of program of which its sampling loop touches
// ~100 KiB, and the supervisor and the aggregator ~1.7 and ~1.9 MiB of statlined plus
// ~1.7 MiB each of libc, libm and ld.so (smaps Rss). Releasing them after
// start-up leaves mapped what the process runs from then on: the pages stay in the page
// cache, so what is used again comes back with a minor fault, no disk read.
//
// Only read-only, private mappings of a file holding no anonymous (copied-on-write) page
// are released: for those MADV_DONTNEED can only drop clean copies of the file. Writable
// data, relocated RELRO pages, the heap, the stacks, shared memory and the vDSO are never
// unmapped; the heap's free pages go back through malloc_trim().
#pragma once

#include <boost/asio/post.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace statline {

struct ReleasedPages {
  std::size_t mappings = 0;   // mappings released
  std::size_t bytes = 0;      // bytes of them that were mapped (smaps Rss) before
  bool heap_trimmed = false;  // malloc_trim() gave free heap pages back
};

// Releases the program's start-up pages as described above, reading /proc/self/smaps;
// when that cannot be read it releases nothing (returns zeros). Call it from the main
// loop once start-up is over, never from a signal handler.
ReleasedPages release_program_pages();

// release_program_pages(), logged at debug level as "<phase>: released N KiB ...".
void release_program_pages_after(const char* phase);

// release_program_pages_after() as a handler of its own on `executor`'s event loop, for
// processes that have one. What runs right after the pages are gone is then this handler
// and the loop, both linked among the code that stays mapped (daemon/steady_state.ld),
// and not the rest of start-up, which would fault its pages straight back in.
template <class Executor>
void post_program_pages_release(const Executor& executor, const char* phase) {
  boost::asio::post(executor, [phase] { release_program_pages_after(phase); });
}

// The pure part, for tests: which mappings of `smaps` (the text of /proc/self/smaps)
// may be released.
struct MappingRange {
  std::uintptr_t start = 0;
  std::uintptr_t end = 0;
  std::size_t rss_bytes = 0;
};
std::vector<MappingRange> releasable_mappings(std::string_view smaps);

}  // namespace statline
