#include "process/program_pages.hpp"

#include <fcntl.h>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <string>

#include "collectors/text_scan.hpp"
#include "logging/log.hpp"

namespace statline {
namespace {

// A process maps a few dozen files' segments; any beyond this stay mapped.
constexpr std::size_t kMaxReleasedMappings = 128;

// A whole token in hexadecimal, as /proc/PID/maps writes addresses and devices
// (text_scan::parse_integer is decimal).
template <class Number>
bool parse_hex(std::string_view text, Number& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
  return !text.empty() && error == std::errc{} && end == text.data() + text.size();
}

// One mapping's header line: "start-end perms offset major:minor inode [path]".
struct Header {
  MappingRange range;
  bool candidate = false;  // read-only, private, of a file
};

bool parse_header(std::string_view line, Header& header) {
  text_scan::FieldCursor fields(line);
  const std::string_view addresses = fields.next();
  const std::string_view perms = fields.next();
  fields.next();  // offset
  const std::string_view device = fields.next();
  const auto inode = text_scan::parse_integer<unsigned long>(fields.next());
  const auto dash = addresses.find('-');
  const auto colon = device.find(':');
  unsigned major = 0, minor = 0;
  if (dash == std::string_view::npos || colon == std::string_view::npos || perms.size() != 4 ||
      !inode || !parse_hex(addresses.substr(0, dash), header.range.start) ||
      !parse_hex(addresses.substr(dash + 1), header.range.end) ||
      !parse_hex(device.substr(0, colon), major) || !parse_hex(device.substr(colon + 1), minor)) {
    return false;
  }
  header.range.rss_bytes = 0;
  // Inode 0 is no file: [vdso], [vvar], the heap and the stacks.
  header.candidate = perms[1] == '-' && perms[3] == 'p' && *inode != 0;
  return true;
}

// "Key:   123 kB" -> 123 * 1024 when `line` starts with `key`.
bool field_bytes(std::string_view line, std::string_view key, std::size_t& bytes) {
  if (!line.starts_with(key)) return false;
  const auto kib =
      text_scan::parse_integer<std::size_t>(text_scan::FieldCursor(line.substr(key.size())).next());
  if (!kib) return false;
  bytes = *kib * 1024;
  return true;
}

// The whole of a /proc file: its size is unknown until read.
bool read_file(const char* path, std::string& text) {
  const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buffer[16384];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return n == 0;
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
}

}  // namespace

std::vector<MappingRange> releasable_mappings(std::string_view smaps) {
  std::vector<MappingRange> ranges;
  Header current;
  bool anonymous_seen = false;
  auto finish = [&] {
    if (current.candidate && !anonymous_seen && current.range.end > current.range.start) {
      ranges.push_back(current.range);
    }
    current = Header{};
  };
  text_scan::LineCursor lines(smaps);
  std::string_view line;
  while (lines.next(line)) {
    const auto first_space = line.find(' ');
    // Field lines start with "Key:"; every other non-empty line opens a mapping.
    if (first_space != std::string_view::npos && first_space > 0 && line[first_space - 1] == ':') {
      std::size_t bytes = 0;
      if (field_bytes(line, "Rss:", bytes)) current.range.rss_bytes = bytes;
      // Any copied-on-write page (a relocation, a debugger's breakpoint) is the only copy
      // of its contents: such a mapping is never released.
      if (field_bytes(line, "Anonymous:", bytes) && bytes > 0) anonymous_seen = true;
      continue;
    }
    if (line.empty()) continue;
    finish();
    anonymous_seen = false;
    if (!parse_header(line, current)) current = Header{};
  }
  finish();
  return ranges;
}

ReleasedPages release_program_pages() {
  // Everything that needs the heap or stdio is done before the first page is released:
  // after it, only the madvise() calls and the return run, so the allocator and the file
  // reading do not fault their pages straight back in.
  std::array<MappingRange, kMaxReleasedMappings> ranges;
  std::size_t count = 0;
  {
    std::string smaps;
    if (read_file("/proc/self/smaps", smaps)) {
      for (const MappingRange& range : releasable_mappings(smaps)) {
        if (count == ranges.size()) break;
        ranges[count++] = range;
      }
    }
  }
  ReleasedPages released;
  // Memory that start-up freed goes back to the kernel: the heap's free pages, not only
  // its top (glibc madvises whole free pages inside the heap too).
  released.heap_trimmed = ::malloc_trim(0) == 1;
  for (std::size_t i = 0; i < count; ++i) {
    void* start = reinterpret_cast<void*>(ranges[i].start);
    const std::size_t length = ranges[i].end - ranges[i].start;
    // Code is not read in sequence: without this hint a fault maps a whole window of
    // neighbours (fault-around) back in at once; with it ~10% fewer pages come back.
    ::madvise(start, length, MADV_RANDOM);
    if (::madvise(start, length, MADV_DONTNEED) == 0) {
      ++released.mappings;
      released.bytes += ranges[i].rss_bytes;
    }
  }
  return released;
}

void release_program_pages_after(const char* phase) {
  const ReleasedPages released = release_program_pages();
  log(LogPriority::debug, "{}: released {} KiB of program pages in {} mappings{}", phase,
      released.bytes / 1024, released.mappings,
      released.heap_trimmed ? ", and free heap pages" : "");
}

}  // namespace statline
