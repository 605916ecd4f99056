#include "ipc/history_log.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <limits>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "ipc/history_area.hpp"
#include "ipc/history_layout.hpp"
#include "ipc/shared_memory.hpp"

namespace statline {
namespace {

using history_area::corrupt;
using history_area::is_keyframe;
using history_area::walk;
using history_layout::LogHeader;
using history_layout::LogState;

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
  const bool offsets_ok = s.head < s.area_size && s.tail < s.area_size &&
                          s.head % history_record::kAlignment == 0 &&
                          s.tail % history_record::kAlignment == 0 && s.used <= s.area_size;
  if (!offsets_ok || (s.count == 0) != (s.used == 0)) return std::string("inconsistent offsets");
  return std::nullopt;
}

}  // namespace

HistoryLog HistoryLog::create(std::string_view name, RingKind kind) {
  const std::uint64_t bytes = sizeof(LogHeader) + history_layout::kInitialAreaBytes;
  const auto [fd, base] =
      shared_memory::create_mapped(name, bytes, shared_memory::Growth::may_grow);
  auto* header = new (base) LogHeader{};
  header->magic = history_layout::kLogMagic;
  header->version = history_layout::kLogVersion;
  header->kind = static_cast<std::uint32_t>(kind);
  header->active = 0;
  header->states[0] = LogState{history_layout::kInitialAreaBytes,        0, 0, 0, 0, 0,
                               std::numeric_limits<std::int64_t>::min(), 0};
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
  HistoryLog log(fd, base, mapped);
  log.reload_newest();  // also proves every record decodes
  return log;
}

HistoryLog::HistoryLog(int fd, void* base, std::size_t size) : fd_(fd), base_(base), size_(size) {}

HistoryLog::HistoryLog(HistoryLog&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      base_(std::exchange(other.base_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      newest_(std::move(other.newest_)),
      has_newest_(std::exchange(other.has_newest_, false)),
      since_keyframe_(other.since_keyframe_) {}

HistoryLog& HistoryLog::operator=(HistoryLog&& other) noexcept {
  if (this != &other) {
    HistoryLog old(std::move(*this));  // releases our mapping and fd at the end of scope
    fd_ = std::exchange(other.fd_, -1);
    base_ = std::exchange(other.base_, nullptr);
    size_ = std::exchange(other.size_, 0);
    newest_ = std::move(other.newest_);
    has_newest_ = std::exchange(other.has_newest_, false);
    since_keyframe_ = other.since_keyframe_;
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
  // By a quarter, in whole pages: once the window is full the records cycle through the
  // whole area, so every byte of slack is memory held for good (doubling held up to 2x).
  // A wrapped area grows by at least one of its two parts, which then moves into the new
  // space (below).
  const bool wrapped = state.count > 0 && state.tail <= state.head;
  std::uint64_t extra = state.area_size / 4;
  if (wrapped) extra = std::max(extra, std::min(state.tail, state.area_size - state.head));
  const std::uint64_t new_area = (state.area_size + extra + 4095) / 4096 * 4096;
  // Record and padding lengths are 30-bit (history_record.hpp).
  if (new_area > history_record::kLengthMask) {
    throw std::runtime_error("history: the window needs more than 1 GiB; shorten `history`");
  }
  const std::uint64_t new_size = sizeof(LogHeader) + new_area;
  // A grow interrupted by kill -9 may have enlarged the file already; never shrink it.
  if (shared_memory::size_of(fd_) < new_size) shared_memory::grow(fd_, new_size);
  if (size_ < new_size) remap(static_cast<std::size_t>(new_size));
  LogState next = state;
  next.area_size = new_area;
  if (wrapped) {
    // One part moves into the new space, where no committed state has anything, keeping
    // the order head..end..start..tail: either the records at [0, tail) go to just past
    // the old end, or those at [head, old end) go to the new end, padding included, which
    // then still skips exactly to the end.
    unsigned char* area = area_at(base_);
    const std::uint64_t added = new_area - state.area_size;
    const std::uint64_t head_part = state.area_size - state.head;
    if (state.tail <= added) {
      std::memcpy(area + state.area_size, area, state.tail);
      next.tail = (state.area_size + state.tail) % new_area;
    } else {
      std::memcpy(area + new_area - head_part, area + state.head, head_part);
      next.head = new_area - head_part;
    }
  }
  commit(base_, next);
}

void HistoryLog::reload_newest() {
  const LogState state = committed(base_);
  has_newest_ = false;
  since_keyframe_ = 0;
  walk(area_at(base_), state,
       [&](std::uint64_t offset, std::span<const unsigned char> record, std::uint64_t) {
         if (auto why = history_record::decode(record, newest_, has_newest_))
           throw corrupt(offset, *why);
         since_keyframe_ = is_keyframe(record) ? 0 : since_keyframe_ + 1;
         has_newest_ = true;
         return true;
       });
}

void HistoryLog::append(const SlotStamp& stamp, std::span<const std::uint64_t> payload,
                        std::int64_t keep_since_monotonic_ns) {
  LogState state = committed(base_);
  if (stamp.seq <= state.last_seq) {
    throw std::invalid_argument("history: appending seq " + std::to_string(stamp.seq) + " after " +
                                std::to_string(state.last_seq));
  }
  // Another mapping appended since this one last did: differences must be taken from
  // what the log holds, not from what this process remembers.
  if (state.count > 0 && (!has_newest_ || newest_.stamp.seq != state.last_seq)) reload_newest();
  // The record being appended is always shown, whatever the window says.
  state.keep_since_ns = std::min(keep_since_monotonic_ns, stamp.monotonic_ns);
  if (state.count > 0 && newest_.stamp.monotonic_ns < keep_since_monotonic_ns) {
    // Every record is outside the window (a long stall, a shorter `history`): start over.
    state.head = state.tail = state.used = state.count = 0;
  } else {
    history_area::evict(area_at(base_), state, keep_since_monotonic_ns);
  }
  // Eviction is committed on its own before the new record may overwrite the freed
  // bytes: otherwise a kill mid-write would leave a committed state pointing at them.
  commit(base_, state);

  const bool keyframe = state.count == 0 || since_keyframe_ + 1 >= history_record::kKeyframeEvery;
  history_record::encode(stamp, payload, keyframe ? nullptr : &newest_, scratch_);
  const std::uint64_t bytes = scratch_.size();
  std::optional<history_area::Placement> placement = history_area::place(state, bytes);
  while (!placement) {  // every record is still inside the window: keep them all
    grow();
    state = committed(base_);
    placement = history_area::place(state, bytes);
  }

  unsigned char* area = area_at(base_);
  if (placement->padding > 0) {
    const auto padding_word =
        static_cast<std::uint32_t>(placement->padding) | history_record::kPaddingFlag;
    std::memcpy(area + state.tail, &padding_word, sizeof padding_word);
  }
  std::memcpy(area + placement->offset, scratch_.data(), bytes);

  if (state.count == 0) state.head = placement->offset;
  state.tail = (placement->offset + bytes) % state.area_size;
  state.used += placement->padding + bytes;
  ++state.count;
  state.last_seq = stamp.seq;
  commit(base_, state);

  since_keyframe_ = is_keyframe(scratch_) ? 0 : since_keyframe_ + 1;
  newest_.stamp = stamp;
  newest_.words.assign(payload.begin(), payload.end());
  has_newest_ = true;
}

std::uint64_t HistoryLog::last_seq() const {
  return committed(base_).last_seq;
}

std::size_t HistoryLog::size() const {
  // Stamps only: `status` asks for this, and decoding an hour of words to count it would
  // cost ~1 ms a source.
  const LogState state = committed(base_);
  std::size_t count = 0;
  SlotStamp stamp;
  bool decoded = false;
  walk(area_at(base_), state,
       [&](std::uint64_t offset, std::span<const unsigned char> record, std::uint64_t) {
         if (auto why = history_record::decode_stamp(record, stamp, decoded)) {
           throw corrupt(offset, *why);
         }
         decoded = true;
         if (stamp.monotonic_ns >= state.keep_since_ns) ++count;
         return true;
       });
  return count;
}

std::uint64_t HistoryLog::bytes_used() const {
  return committed(base_).used;
}

std::uint64_t HistoryLog::area_bytes() const {
  return committed(base_).area_size;
}

void HistoryLog::for_each(std::int64_t since_monotonic_ns, const Visitor& visit) const {
  const LogState state = committed(base_);
  if (sizeof(LogHeader) + state.area_size > size_) {
    // Only another mapping of the same log can have grown it (the aggregator has one).
    throw std::runtime_error("history: the log grew beyond this mapping; attach it again");
  }
  const std::int64_t shown_since = std::max(since_monotonic_ns, state.keep_since_ns);
  const unsigned char* area = area_at(base_);
  // Decoding starts at the last keyframe read at or before `shown_since`: the runs
  // before it are skipped by their lengths alone.
  std::uint64_t index = 0, start = 0;
  walk(area, state,
       [&](std::uint64_t offset, std::span<const unsigned char> record, std::uint64_t) {
         if (is_keyframe(record)) {
           if (history_area::keyframe_time(offset, record) > shown_since) return false;
           start = index;
         }
         ++index;
         return true;
       });
  history_record::Sample sample;
  bool decoded = false;
  index = 0;
  walk(area, state,
       [&](std::uint64_t offset, std::span<const unsigned char> record, std::uint64_t) {
         if (index++ < start) return true;
         if (auto why = history_record::decode(record, sample, decoded))
           throw corrupt(offset, *why);
         decoded = true;
         if (sample.stamp.monotonic_ns >= shown_since) visit(sample.stamp, sample.words);
         return true;
       });
}

}  // namespace statline
