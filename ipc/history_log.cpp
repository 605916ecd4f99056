#include "ipc/history_log.hpp"

#include <unistd.h>

#include <atomic>
#include <cstring>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "ipc/history_layout.hpp"
#include "ipc/shared_memory.hpp"

namespace statline {
namespace {

using history_layout::LogHeader;
using history_layout::LogState;
using history_layout::RecordHeader;

constexpr std::uint64_t kRecordHeaderWords = sizeof(RecordHeader) / 8;

LogHeader& header_at(void* base) {
  return *static_cast<LogHeader*>(base);
}

unsigned char* area_at(void* base) {
  return static_cast<unsigned char*>(base) + sizeof(LogHeader);
}

std::uint64_t active_index(const LogHeader& header) {
  return std::atomic_ref<std::uint64_t>(const_cast<std::uint64_t&>(header.active))
      .load(std::memory_order_acquire);
}

LogState committed(void* base) {
  const LogHeader& header = header_at(base);
  return header.states[active_index(header) & 1];
}

// Fills the inactive copy, then flips `active` in one store: the release keeps every
// earlier write (records, the new copy) before the flip, so a writer killed anywhere
// leaves a committed state that describes only complete records.
void commit(void* base, const LogState& next) {
  LogHeader& header = header_at(base);
  const std::uint64_t inactive = (active_index(header) & 1) ^ 1;
  header.states[inactive] = next;
  std::atomic_ref<std::uint64_t>(header.active).store(inactive, std::memory_order_release);
}

std::uint64_t word_at(void* base, std::uint64_t offset) {
  std::uint64_t word = 0;
  std::memcpy(&word, area_at(base) + offset, sizeof word);
  return word;
}

// Skips padding at the head so that head always names a real record when count > 0.
void normalize_head(void* base, LogState& state) {
  if (state.head == state.area_size) state.head = 0;
  if (state.count == 0) {
    state.head = state.tail = state.used = 0;  // restart at offset 0: most room in one piece
    return;
  }
  const std::uint64_t word = word_at(base, state.head);
  if ((word & history_layout::kPaddingBit) != 0) {
    const std::uint64_t bytes = (word & ~history_layout::kPaddingBit) * 8;
    state.head = (state.head + bytes) % state.area_size;
    state.used -= bytes;
  }
}

// Drops records read before `keep_since`; true when anything was dropped.
bool evict(void* base, LogState& state, std::int64_t keep_since) {
  bool evicted = false;
  while (state.count > 0) {
    RecordHeader record;
    std::memcpy(&record, area_at(base) + state.head, sizeof record);
    if (static_cast<std::int64_t>(record.monotonic_ns) >= keep_since) break;
    state.head += record.words * 8;
    state.used -= record.words * 8;
    --state.count;
    normalize_head(base, state);
    evicted = true;
  }
  return evicted;
}

struct Placement {
  std::uint64_t offset;   // where the record goes
  std::uint64_t padding;  // bytes of padding written at tail first (the record goes to 0)
};

// Where a record of `bytes` fits contiguously in free space, if anywhere.
std::optional<Placement> place(const LogState& state, std::uint64_t bytes) {
  if (state.count == 0) {
    if (bytes <= state.area_size) return Placement{0, 0};
    return std::nullopt;
  }
  if (state.tail > state.head) {  // records in [head, tail): free at the end and the start
    if (bytes <= state.area_size - state.tail) return Placement{state.tail, 0};
    if (bytes <= state.head) return Placement{0, state.area_size - state.tail};
    return std::nullopt;
  }
  // Wrapped: records in [head, end) and [0, tail); free in [tail, head). tail == head
  // with records present means full.
  if (bytes <= state.head - state.tail) return Placement{state.tail, 0};
  return std::nullopt;
}

[[noreturn]] void reject(int fd, void* base, std::size_t size, const std::string& why) {
  shared_memory::unmap(base, size);
  throw std::runtime_error("history fd " + std::to_string(fd) + ": " + why);
}

std::optional<std::string> check_state(const LogState& s, std::uint64_t file_size) {
  if (s.area_size < 8 || s.area_size % 8 != 0)
    return "bad area size " + std::to_string(s.area_size);
  if (s.area_size > file_size - sizeof(LogHeader)) {
    return "area of " + std::to_string(s.area_size) + " bytes does not fit a file of " +
           std::to_string(file_size);
  }
  const bool offsets_ok = s.head < s.area_size && s.tail < s.area_size && s.head % 8 == 0 &&
                          s.tail % 8 == 0 && s.used <= s.area_size;
  if (!offsets_ok || (s.count == 0) != (s.used == 0)) return std::string("inconsistent offsets");
  return std::nullopt;
}

}  // namespace

HistoryLog HistoryLog::create(std::string_view name, RingKind kind) {
  const std::uint64_t bytes = sizeof(LogHeader) + history_layout::kInitialAreaBytes;
  const auto [fd, base] = shared_memory::create_mapped(name, bytes, shared_memory::Growth::may_grow);
  auto* header = new (base) LogHeader{};
  header->magic = history_layout::kLogMagic;
  header->version = history_layout::kLogVersion;
  header->kind = static_cast<std::uint32_t>(kind);
  header->active = 0;
  header->states[0] = LogState{history_layout::kInitialAreaBytes, 0, 0, 0, 0, 0};
  return HistoryLog(fd, base, static_cast<std::size_t>(bytes));
}

HistoryLog HistoryLog::attach(int fd, RingKind expected_kind) {
  // The current size: the log may have grown since the supervisor created it.
  const std::uint64_t size = shared_memory::size_of(fd);
  if (size < sizeof(LogHeader)) {
    throw std::runtime_error("history fd " + std::to_string(fd) + ": file is " +
                             std::to_string(size) + " bytes, smaller than a log header");
  }
  void* base = shared_memory::map(fd, size);
  const std::size_t mapped = static_cast<std::size_t>(size);
  const LogHeader& header = header_at(base);
  if (header.magic != history_layout::kLogMagic) {
    reject(fd, base, mapped, "bad magic, not a statline history log");
  }
  if (header.version != history_layout::kLogVersion) {
    reject(fd, base, mapped,
           "layout version " + std::to_string(header.version) + ", expected " +
               std::to_string(history_layout::kLogVersion));
  }
  if (header.kind != static_cast<std::uint32_t>(expected_kind)) {
    reject(fd, base, mapped,
           "kind " + std::to_string(header.kind) + ", expected " +
               std::to_string(static_cast<std::uint32_t>(expected_kind)));
  }
  if (header.active > 1) reject(fd, base, mapped, "bad active state index");
  if (auto why = check_state(header.states[header.active], size)) reject(fd, base, mapped, *why);
  return HistoryLog(fd, base, mapped);
}

HistoryLog::HistoryLog(int fd, void* base, std::size_t size) : fd_(fd), base_(base), size_(size) {}

HistoryLog::HistoryLog(HistoryLog&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      base_(std::exchange(other.base_, nullptr)),
      size_(std::exchange(other.size_, 0)) {}

HistoryLog& HistoryLog::operator=(HistoryLog&& other) noexcept {
  if (this != &other) {
    HistoryLog old(std::move(*this));  // releases our mapping and fd at the end of scope
    fd_ = std::exchange(other.fd_, -1);
    base_ = std::exchange(other.base_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

HistoryLog::~HistoryLog() {
  shared_memory::unmap(base_, size_);
  if (fd_ >= 0) ::close(fd_);
}

void HistoryLog::remap(std::size_t new_size) {
  // Map the new size before dropping the old mapping: on failure the log stays usable.
  void* base = shared_memory::map(fd_, new_size);
  shared_memory::unmap(base_, size_);
  base_ = base;
  size_ = new_size;
}

void HistoryLog::grow() {
  const LogState state = committed(base_);
  const std::uint64_t new_area = state.area_size * 2;
  const std::uint64_t new_size = sizeof(LogHeader) + new_area;
  // A grow interrupted by kill -9 may have enlarged the file already; never shrink it.
  if (shared_memory::size_of(fd_) < new_size) shared_memory::grow(fd_, new_size);
  if (size_ < new_size) remap(static_cast<std::size_t>(new_size));
  LogState next = state;
  next.area_size = new_area;
  if (state.count > 0 && state.tail <= state.head) {
    // Wrapped: the records at [0, tail) move to just past the old end, where no committed
    // state has anything, so the order head..old end..moved part is preserved. A padding
    // record before the old end still skips exactly to it.
    unsigned char* area = area_at(base_);
    std::memcpy(area + state.area_size, area, state.tail);
    next.tail = state.area_size + state.tail;
  }
  commit(base_, next);
}

void HistoryLog::append(const SlotStamp& stamp, std::span<const std::uint64_t> payload,
                        std::int64_t keep_since_monotonic_ns) {
  LogState state = committed(base_);
  if (stamp.seq <= state.last_seq) {
    throw std::invalid_argument("history: appending seq " + std::to_string(stamp.seq) + " after " +
                                std::to_string(state.last_seq));
  }
  // Eviction is committed on its own before the new record may overwrite the freed
  // bytes: otherwise a kill mid-write would leave a committed state pointing at them.
  if (evict(base_, state, keep_since_monotonic_ns)) commit(base_, state);

  const std::uint64_t words = kRecordHeaderWords + payload.size();
  const std::uint64_t bytes = words * 8;
  std::optional<Placement> placement = place(state, bytes);
  while (!placement) {  // every record is still inside the window: keep them all
    grow();
    state = committed(base_);
    placement = place(state, bytes);
  }

  unsigned char* area = area_at(base_);
  if (placement->padding > 0) {
    const std::uint64_t padding_word = (placement->padding / 8) | history_layout::kPaddingBit;
    std::memcpy(area + state.tail, &padding_word, sizeof padding_word);
  }
  const RecordHeader record{words, stamp.seq, static_cast<std::uint64_t>(stamp.monotonic_ns),
                            static_cast<std::uint64_t>(stamp.realtime_ns), payload.size()};
  std::memcpy(area + placement->offset, &record, sizeof record);
  if (!payload.empty()) {
    std::memcpy(area + placement->offset + sizeof record, payload.data(), payload.size_bytes());
  }

  if (state.count == 0) state.head = placement->offset;
  state.tail = (placement->offset + bytes) % state.area_size;
  state.used += placement->padding + bytes;
  ++state.count;
  state.last_seq = stamp.seq;
  commit(base_, state);
}

std::uint64_t HistoryLog::last_seq() const {
  return committed(base_).last_seq;
}

std::size_t HistoryLog::size() const {
  return static_cast<std::size_t>(committed(base_).count);
}

void HistoryLog::for_each(std::int64_t since_monotonic_ns, const Visitor& visit) const {
  const LogState state = committed(base_);
  if (sizeof(LogHeader) + state.area_size > size_) {
    // Only another mapping of the same log can have grown it (the aggregator has one).
    throw std::runtime_error("history: the log grew beyond this mapping; attach it again");
  }
  const unsigned char* area = area_at(base_);
  auto corrupt = [](std::uint64_t offset) {
    return std::runtime_error("history: corrupt record at offset " + std::to_string(offset));
  };
  std::uint64_t offset = state.head;
  std::uint64_t walked = 0;  // bytes; bounds the walk even if the area were corrupt
  for (std::uint64_t visited = 0; visited < state.count;) {
    if (offset == state.area_size) offset = 0;
    const std::uint64_t first = word_at(base_, offset);
    const std::uint64_t words = first & ~history_layout::kPaddingBit;
    const std::uint64_t bytes = words * 8;
    if (words == 0 || bytes > state.area_size - offset || walked + bytes > state.used) {
      throw corrupt(offset);
    }
    walked += bytes;
    if ((first & history_layout::kPaddingBit) == 0) {
      RecordHeader record;
      std::memcpy(&record, area + offset, sizeof record);
      if (words < kRecordHeaderWords || record.payload_words != words - kRecordHeaderWords) {
        throw corrupt(offset);
      }
      if (static_cast<std::int64_t>(record.monotonic_ns) >= since_monotonic_ns) {
        const SlotStamp stamp{record.seq, static_cast<std::int64_t>(record.monotonic_ns),
                              static_cast<std::int64_t>(record.realtime_ns)};
        const auto* payload = reinterpret_cast<const std::uint64_t*>(area + offset + sizeof record);
        visit(stamp, std::span<const std::uint64_t>(payload, record.payload_words));
      }
      ++visited;
    }
    offset += bytes;
  }
}

}  // namespace statline
