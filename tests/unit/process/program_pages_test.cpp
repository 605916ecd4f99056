#include "process/program_pages.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstring>
#include <fstream>
#include <memory>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

namespace statline {
namespace {

using ::testing::IsEmpty;

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(STATLINE_FIXTURES) + "/smaps/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

MATCHER_P3(Range, start, end, rss_kib, "") {
  return arg.start == static_cast<std::uintptr_t>(start) &&
         arg.end == static_cast<std::uintptr_t>(end) && arg.rss_bytes == rss_kib * 1024u;
}

TEST(ProgramPages, ReadOnlyFileMappingsWithoutCopiedPages) {
  const auto ranges = releasable_mappings(fixture("supervisor.txt"));
  // Not the RELRO mappings (r--p with anonymous pages: relocated pointers), not the data
  // (rw-p), the heap, the stack or the memfd.
  EXPECT_THAT(ranges, ::testing::ElementsAre(Range(0x564fa5407000, 0x564fa5421000, 68),
                                             Range(0x564fa5421000, 0x564fa55e2000, 252),
                                             Range(0x564fa55e2000, 0x564fa566e000, 0),
                                             Range(0x7f214cfd9000, 0x7f214cfff000, 148),
                                             Range(0x7f214cfff000, 0x7f214d155000, 964),
                                             Range(0x7f214d155000, 0x7f214d1a8000, 172)));
}

TEST(ProgramPages, LibrariesButNeitherTheVdsoNorSharedMemory) {
  // aggregator.txt, recorded from a running aggregator: statlined, libc, libm and ld.so,
  // beside memfd rings (rw-s), anonymous mappings, [vvar], [vdso] and [vsyscall].
  const auto ranges = releasable_mappings(fixture("aggregator.txt"));
  EXPECT_THAT(
      ranges,
      ::testing::ElementsAre(
          Range(0x55b050294000, 0x55b0502ae000, 0), Range(0x55b0502ae000, 0x55b050471000, 576),
          Range(0x55b050471000, 0x55b0504fe000, 0), Range(0x7fd0e50da000, 0x7fd0e5100000, 152),
          Range(0x7fd0e5100000, 0x7fd0e5256000, 896), Range(0x7fd0e5256000, 0x7fd0e52a9000, 168),
          Range(0x7fd0e52bc000, 0x7fd0e52cc000, 60), Range(0x7fd0e52cc000, 0x7fd0e5340000, 256),
          Range(0x7fd0e5340000, 0x7fd0e539a000, 0), Range(0x7fd0e53b1000, 0x7fd0e53b2000, 4),
          Range(0x7fd0e53b2000, 0x7fd0e53d8000, 152), Range(0x7fd0e53d8000, 0x7fd0e53e2000, 40)));
}

TEST(ProgramPages, MalformedTextReleasesNothing) {
  EXPECT_THAT(releasable_mappings(""), IsEmpty());
  EXPECT_THAT(releasable_mappings("garbage\nRss: x kB\n\n"), IsEmpty());
  // A header cut short, and one whose addresses are not hex.
  EXPECT_THAT(releasable_mappings("00400000-00401000 r-xp 00000000 fe:00\n"), IsEmpty());
  EXPECT_THAT(releasable_mappings("0040000g-00401000 r-xp 00000000 fe:00 5309112 /x\nRss: 4 kB\n"),
              IsEmpty());
  // Writable or shared mappings never qualify, nor what is no file (inode 0).
  EXPECT_THAT(releasable_mappings("00400000-00401000 rw-p 00000000 fe:00 5309112 /x\n"
                                  "00401000-00402000 r--s 00000000 fe:00 5309112 /x\n"),
              IsEmpty());
}

// Read-only data that the test checks after its pages were released.
const std::array<unsigned, 4096> kSquares = [] {
  std::array<unsigned, 4096> squares{};
  for (unsigned i = 0; i < squares.size(); ++i) squares[i] = i * i;
  return squares;
}();

std::size_t mapped_program_bytes() {
  std::ifstream in("/proc/self/smaps");
  std::stringstream text;
  text << in.rdbuf();
  const auto ranges = releasable_mappings(text.str());
  return std::accumulate(ranges.begin(), ranges.end(), std::size_t{0},
                         [](std::size_t sum, const MappingRange& r) { return sum + r.rss_bytes; });
}

TEST(ProgramPages, ThisProcessReleasesItsProgramAndRunsOn) {
  ASSERT_GT(mapped_program_bytes(), 0u);
  const ReleasedPages released = release_program_pages();
  EXPECT_GE(released.mappings, 2u);  // at least the code and the read-only data
  EXPECT_GT(released.bytes, 0u);
  // Code and constants come back from the page cache as they are used, and only those.
  unsigned long sum = 0;
  for (unsigned i = 0; i < kSquares.size(); ++i) sum += kSquares[i] - i * i;
  EXPECT_EQ(sum, 0u);
  EXPECT_LT(mapped_program_bytes(), released.bytes);
}

// Rss of the [heap] mapping, in bytes, from /proc/self/smaps.
std::size_t heap_rss_bytes() {
  std::ifstream in("/proc/self/smaps");
  std::string line;
  bool in_heap = false;
  while (std::getline(in, line)) {
    if (line.find(':') == std::string::npos || line.find('-') < line.find(':')) {
      in_heap = line.ends_with("[heap]");
    } else if (in_heap && line.starts_with("Rss:")) {
      return std::stoul(line.substr(4)) * 1024;
    }
  }
  return 0;
}

TEST(ProgramPages, HeapThatStartUpFreedGoesBack) {
#if defined(STATLINE_SANITIZED)
  GTEST_SKIP() << "the sanitizers' allocator keeps its own heap";
#endif
  // 2 MiB of small blocks (below the mmap threshold, so in the heap) written and freed,
  // with one block allocated after them so that the heap's top cannot simply shrink.
  constexpr std::size_t kBlocks = 512, kBlockBytes = 4000;
  std::vector<std::unique_ptr<char[]>> blocks;
  for (std::size_t i = 0; i < kBlocks; ++i) {
    blocks.emplace_back(new char[kBlockBytes]);
    std::memset(blocks.back().get(), 1, kBlockBytes);
  }
  const auto pinned = std::make_unique<char[]>(64);
  blocks.clear();
  const std::size_t before = heap_rss_bytes();
  const ReleasedPages released = release_program_pages();
  EXPECT_TRUE(released.heap_trimmed);
  EXPECT_LE(heap_rss_bytes() + kBlocks * kBlockBytes / 2, before);
}

}  // namespace
}  // namespace statline
