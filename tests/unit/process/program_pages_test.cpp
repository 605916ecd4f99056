#include "process/program_pages.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <array>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>

namespace statline {
namespace {

using ::testing::IsEmpty;

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(STATLINE_FIXTURES) + "/smaps/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// statlined in supervisor.txt: device fe:00, inode 5309112.
constexpr ProgramFile kStatlined{0xfe, 0x00, 5309112};

MATCHER_P3(Range, start, end, rss_kib, "") {
  return arg.start == static_cast<std::uintptr_t>(start) &&
         arg.end == static_cast<std::uintptr_t>(end) && arg.rss_bytes == rss_kib * 1024u;
}

TEST(ProgramPages, OnlyTheProgramsReadOnlyMappingsWithoutCopiedPages) {
  const auto ranges = releasable_mappings(fixture("supervisor.txt"), kStatlined);
  // Not the RELRO mapping (r--p with 40 kB anonymous: relocated pointers), not the data
  // (rw-p), not libc, the heap, the stack or the memfd.
  EXPECT_THAT(ranges, ::testing::ElementsAre(Range(0x564fa5407000, 0x564fa5421000, 68),
                                             Range(0x564fa5421000, 0x564fa55e2000, 252),
                                             Range(0x564fa55e2000, 0x564fa566e000, 0)));
}

TEST(ProgramPages, AnotherFileReleasesNothing) {
  EXPECT_THAT(releasable_mappings(fixture("supervisor.txt"), ProgramFile{0xfe, 0x00, 5309113}),
              IsEmpty());
  EXPECT_THAT(releasable_mappings(fixture("supervisor.txt"), ProgramFile{0xfe, 0x01, 5309112}),
              IsEmpty());
}

TEST(ProgramPages, MalformedTextReleasesNothing) {
  EXPECT_THAT(releasable_mappings("", kStatlined), IsEmpty());
  EXPECT_THAT(releasable_mappings("garbage\nRss: x kB\n\n", kStatlined), IsEmpty());
  // A header cut short, and one whose addresses are not hex.
  EXPECT_THAT(releasable_mappings("00400000-00401000 r-xp 00000000 fe:00\n", kStatlined),
              IsEmpty());
  EXPECT_THAT(releasable_mappings("0040000g-00401000 r-xp 00000000 fe:00 5309112 /x\nRss: 4 kB\n",
                                  kStatlined),
              IsEmpty());
  // Writable or shared mappings of the program never qualify.
  EXPECT_THAT(releasable_mappings("00400000-00401000 rw-p 00000000 fe:00 5309112 /x\n"
                                  "00401000-00402000 r--s 00000000 fe:00 5309112 /x\n",
                                  kStatlined),
              IsEmpty());
}

// Read-only data that the test checks after its pages were released.
const std::array<unsigned, 4096> kSquares = [] {
  std::array<unsigned, 4096> squares{};
  for (unsigned i = 0; i < squares.size(); ++i) squares[i] = i * i;
  return squares;
}();

std::size_t mapped_program_bytes() {
  struct stat program {};
  EXPECT_EQ(::stat("/proc/self/exe", &program), 0);
  std::ifstream in("/proc/self/smaps");
  std::stringstream text;
  text << in.rdbuf();
  const auto ranges = releasable_mappings(
      text.str(), ProgramFile{major(program.st_dev), minor(program.st_dev), program.st_ino});
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

}  // namespace
}  // namespace statline
