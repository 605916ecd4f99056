#include "ipc/sample_ring.hpp"

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <limits>
#include <new>
#include <stdexcept>
#include <utility>

#include "ipc/ring_layout.hpp"
#include "ipc/seqlock.hpp"
#include "ipc/shared_memory.hpp"

namespace statline {
namespace {

using ring_layout::ErrorArea;
using ring_layout::RingHeader;
using ring_layout::SlotHeader;

// A reader that finds a slot mid-write waits this many times for the writer before
// giving up. Only a crashed writer (or a reader preempted for a long time) exhausts it.
constexpr int kReadAttempts = 64;

RingHeader& header_at(void* base) {
  return *static_cast<RingHeader*>(base);
}

SlotHeader& slot_at(void* base, std::uint32_t slot_size, std::uint32_t capacity,
                    std::uint64_t seq) {
  auto* slots = static_cast<unsigned char*>(base) + sizeof(RingHeader);
  return *reinterpret_cast<SlotHeader*>(slots + (seq % capacity) * slot_size);
}

std::uint64_t* payload_of(SlotHeader& slot) {
  return reinterpret_cast<std::uint64_t*>(reinterpret_cast<unsigned char*>(&slot) +
                                          sizeof(SlotHeader));
}

void wait_for_writer(int attempt) {
  if (attempt < 8) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
  } else {
    ::sched_yield();  // the writer may be preempted on the same core: let it finish
  }
}

const char* kind_name(std::uint32_t kind) {
  switch (static_cast<RingKind>(kind)) {
    case RingKind::stat:
      return "stat";
    case RingKind::meminfo:
      return "meminfo";
    case RingKind::netdev:
      return "netdev";
    case RingKind::loadavg:
      return "loadavg";
    case RingKind::control:
      return "control";
  }
  return "unknown";
}

std::string kind_label(std::uint32_t kind) {
  return std::string(kind_name(kind)) + " (" + std::to_string(kind) + ")";
}

// Cuts `text` to at most `limit` bytes without splitting a UTF-8 sequence, so the
// stored message is always valid text for the JSON `status` output.
std::string_view truncate_utf8(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

// Throws the attach error for `fd` after unmapping what attach() mapped.
[[noreturn]] void reject(int fd, void* base, std::size_t size, const std::string& why) {
  shared_memory::unmap(base, size);
  throw std::runtime_error("ring fd " + std::to_string(fd) + ": " + why);
}

}  // namespace

SampleRing SampleRing::create(std::string_view name, RingKind kind, RingGeometry geometry) {
  if (geometry.capacity == 0) throw std::invalid_argument("sample ring needs at least one slot");
  const std::uint64_t slot_size = ring_layout::slot_size_for(geometry.payload_words);
  if (slot_size > std::numeric_limits<std::uint32_t>::max()) {
    throw std::invalid_argument("sample ring slot of " + std::to_string(geometry.payload_words) +
                                " words is too large");
  }
  const std::uint64_t bytes = ring_layout::ring_bytes(geometry.capacity, slot_size);
  const auto [fd, base] = shared_memory::create_mapped(name, bytes, shared_memory::Growth::fixed);
  // ftruncate zero-filled the memory; constructing the objects in place starts the
  // lifetime of the atomics (every lock 0, every slot empty).
  auto* header = new (base) RingHeader{};
  header->magic = ring_layout::kRingMagic;
  header->version = ring_layout::kRingVersion;
  header->kind = static_cast<std::uint32_t>(kind);
  header->slot_size = static_cast<std::uint32_t>(slot_size);
  header->capacity = geometry.capacity;
  header->payload_words = geometry.payload_words;
  auto* slots = static_cast<unsigned char*>(base) + sizeof(RingHeader);
  for (std::uint32_t i = 0; i < geometry.capacity; ++i) new (slots + i * slot_size) SlotHeader{};
  return SampleRing(fd, base, static_cast<std::size_t>(bytes));
}

SampleRing SampleRing::attach(int fd, RingKind expected_kind) {
  const std::uint64_t size = shared_memory::size_of(fd);
  if (size < sizeof(RingHeader)) {
    throw std::runtime_error("ring fd " + std::to_string(fd) + ": file is " + std::to_string(size) +
                             " bytes, smaller than a ring header (" +
                             std::to_string(sizeof(RingHeader)) + ")");
  }
  void* base = shared_memory::map(fd, size);
  const std::size_t mapped = static_cast<std::size_t>(size);
  const RingHeader& header = header_at(base);
  if (header.magic != ring_layout::kRingMagic) {
    char hex[32];
    std::snprintf(hex, sizeof hex, "0x%016llx", static_cast<unsigned long long>(header.magic));
    reject(fd, base, mapped, std::string("bad magic ") + hex + ", not a statline sample ring");
  }
  if (header.version != ring_layout::kRingVersion) {
    reject(fd, base, mapped,
           "layout version " + std::to_string(header.version) + ", expected " +
               std::to_string(ring_layout::kRingVersion));
  }
  if (header.kind != static_cast<std::uint32_t>(expected_kind)) {
    reject(fd, base, mapped,
           "kind " + kind_label(header.kind) + ", expected " +
               kind_label(static_cast<std::uint32_t>(expected_kind)));
  }
  if (header.capacity == 0 ||
      header.slot_size != ring_layout::slot_size_for(header.payload_words)) {
    reject(fd, base, mapped,
           "inconsistent geometry: " + std::to_string(header.capacity) + " slots of " +
               std::to_string(header.slot_size) + " bytes for " +
               std::to_string(header.payload_words) + " payload words");
  }
  const std::uint64_t expected = ring_layout::ring_bytes(header.capacity, header.slot_size);
  if (size != expected) {
    reject(fd, base, mapped,
           "file is " + std::to_string(size) + " bytes, expected " + std::to_string(expected) +
               " for " + std::to_string(header.capacity) + " slots of " +
               std::to_string(header.slot_size) + " bytes");
  }
  return SampleRing(fd, base, mapped);
}

SampleRing::SampleRing(int fd, void* base, std::size_t size) : fd_(fd), base_(base), size_(size) {
  const RingHeader& header = header_at(base);
  kind_ = static_cast<RingKind>(header.kind);
  capacity_ = header.capacity;
  payload_words_ = header.payload_words;
  slot_size_ = header.slot_size;
}

SampleRing::SampleRing(SampleRing&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      base_(std::exchange(other.base_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      kind_(other.kind_),
      capacity_(std::exchange(other.capacity_, 0)),
      payload_words_(std::exchange(other.payload_words_, 0)),
      slot_size_(std::exchange(other.slot_size_, 0)) {}

SampleRing& SampleRing::operator=(SampleRing&& other) noexcept {
  if (this != &other) {
    SampleRing old(std::move(*this));  // releases our mapping and fd at the end of scope
    fd_ = std::exchange(other.fd_, -1);
    base_ = std::exchange(other.base_, nullptr);
    size_ = std::exchange(other.size_, 0);
    kind_ = other.kind_;
    capacity_ = std::exchange(other.capacity_, 0);
    payload_words_ = std::exchange(other.payload_words_, 0);
    slot_size_ = std::exchange(other.slot_size_, 0);
  }
  return *this;
}

SampleRing::~SampleRing() {
  shared_memory::unmap(base_, size_);
  if (fd_ >= 0) ::close(fd_);
}

RingKind SampleRing::kind() const {
  return kind_;
}

RingGeometry SampleRing::geometry() const {
  return RingGeometry{payload_words_, capacity_};
}

std::uint64_t SampleRing::publish(const SlotStamp& stamp, std::span<const std::uint64_t> payload) {
  if (payload.size() > payload_words_) {
    throw std::length_error("sample of " + std::to_string(payload.size()) +
                            " words does not fit a ring slot of " + std::to_string(payload_words_) +
                            " words");
  }
  RingHeader& header = header_at(base_);
  // Relaxed: this process is the only writer, so it reads its own last store.
  const std::uint64_t seq = header.last_seq.load(std::memory_order_relaxed) + 1;
  SlotHeader& slot = slot_at(base_, slot_size_, capacity_, seq);
  const std::uint64_t odd = seqlock::write_begin(slot.lock);
  // The sequence number first: a reader that finds the lock odd uses it to tell "being
  // overwritten by a newer sample" from "its own sample, still being written".
  seqlock::store(slot.seq, seq);
  seqlock::store(slot.monotonic_ns, static_cast<std::uint64_t>(stamp.monotonic_ns));
  seqlock::store(slot.realtime_ns, static_cast<std::uint64_t>(stamp.realtime_ns));
  seqlock::store(slot.used_words, payload.size());
  std::uint64_t* words = payload_of(slot);
  for (std::size_t i = 0; i < payload.size(); ++i) seqlock::store(words[i], payload[i]);
  seqlock::write_end(slot.lock, odd);
  // Only a complete sample is ever named by last_seq: a collector killed mid-write leaves
  // last_seq at the previous sample and its successor rewrites this slot.
  header.last_seq.store(seq, std::memory_order_seq_cst);  // see doorbell_wanted()
  clear_error();
  return seq;
}

// The flag and last_seq form a Dekker pair: the collector stores last_seq then loads the
// flag, the aggregator stores the flag then loads last_seq. All four are seq_cst, so the
// two cannot both miss each other (a sample published while the flag was being set is
// either rung or found). Operations rather than standalone fences, which
// ThreadSanitizer does not model.
bool SampleRing::doorbell_wanted() const {
  return header_at(base_).doorbell_wanted.load(std::memory_order_seq_cst) != 0;
}

void SampleRing::want_doorbell(bool wanted) {
  header_at(base_).doorbell_wanted.store(wanted ? 1 : 0, std::memory_order_seq_cst);
}

void SampleRing::set_error(std::string_view message, std::int64_t realtime_ns) {
  ErrorArea& area = header_at(base_).error;
  const std::string_view text = truncate_utf8(message, ring_layout::kErrorTextBytes);
  const std::uint64_t odd = seqlock::write_begin(area.lock);
  seqlock::store(area.realtime_ns, static_cast<std::uint64_t>(realtime_ns));
  seqlock::store(area.count, seqlock::load(area.count) + 1);
  seqlock::store(area.length, text.size());
  for (std::size_t i = 0; i * 8 < text.size(); ++i) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i * 8, std::min<std::size_t>(8, text.size() - i * 8));
    seqlock::store(area.text[i], word);
  }
  seqlock::write_end(area.lock, odd);
}

void SampleRing::clear_error() {
  ErrorArea& area = header_at(base_).error;
  // The common case (no error pending) costs one load and no store to shared memory.
  if (seqlock::load(area.length) == 0 && (area.lock.load(std::memory_order_relaxed) & 1) == 0) {
    return;
  }
  const std::uint64_t odd = seqlock::write_begin(area.lock);
  seqlock::store(area.length, 0);  // count and time of the last error stay for `status`
  seqlock::write_end(area.lock, odd);
}

std::uint64_t SampleRing::last_seq() const {
  return header_at(base_).last_seq.load(std::memory_order_seq_cst);  // see doorbell_wanted()
}

std::uint64_t SampleRing::oldest_seq() const {
  const std::uint64_t last = last_seq();
  return last <= capacity_ ? 1 : last - capacity_ + 1;
}

SampleRing::Read SampleRing::read(std::uint64_t seq, SlotStamp& stamp,
                                  std::vector<std::uint64_t>& payload) const {
  // Acquire pairs with publish()'s release: every sample up to `last` is completely
  // written, and any later change to its slot is the writer reusing the slot.
  const std::uint64_t last = last_seq();
  if (seq == 0 || seq > last) return Read::not_published;
  if (last - seq >= capacity_) return Read::overwritten;  // slot already holds seq + capacity
  SlotHeader& slot = slot_at(base_, slot_size_, capacity_, seq);
  for (int attempt = 0; attempt < kReadAttempts; ++attempt) {
    const std::uint64_t begin = seqlock::read_begin(slot.lock);
    const std::uint64_t held = seqlock::load(slot.seq);
    if (held > seq) return Read::overwritten;
    if ((begin & 1) != 0) {
      // Mid-write, and the seq word does not yet name a newer sample: either the writer
      // has not stored it yet, or it is rewriting this very sample. Wait briefly; a
      // writer killed here is what exhausts the attempts.
      wait_for_writer(attempt);
      continue;
    }
    const std::uint64_t used = seqlock::load(slot.used_words);
    const std::int64_t monotonic = static_cast<std::int64_t>(seqlock::load(slot.monotonic_ns));
    const std::int64_t realtime = static_cast<std::int64_t>(seqlock::load(slot.realtime_ns));
    // A torn `used` may be garbage: bound it before copying, the lock check decides later.
    const std::size_t count =
        static_cast<std::size_t>(std::min<std::uint64_t>(used, payload_words_));
    payload.resize(count);
    const std::uint64_t* words = payload_of(slot);
    for (std::size_t i = 0; i < count; ++i) payload[i] = seqlock::load(words[i]);
    if (!seqlock::read_validate(slot.lock, begin)) {
      wait_for_writer(attempt);
      continue;
    }
    // Consistent copy. A slot holding an older sample than a published `seq`, or claiming
    // more words than it has, can only be corruption: report the sample as lost.
    if (held != seq || used > payload_words_) return Read::overwritten;
    stamp = SlotStamp{seq, monotonic, realtime};
    return Read::ok;
  }
  return Read::overwritten;
}

RingError SampleRing::error() const {
  const ErrorArea& area = header_at(base_).error;
  std::uint64_t count = 0;
  for (int attempt = 0; attempt < kReadAttempts; ++attempt) {
    const std::uint64_t begin = seqlock::read_begin(area.lock);
    count = seqlock::load(area.count);
    if ((begin & 1) != 0) {
      wait_for_writer(attempt);
      continue;
    }
    const std::uint64_t realtime = seqlock::load(area.realtime_ns);
    const std::size_t length = static_cast<std::size_t>(
        std::min<std::uint64_t>(seqlock::load(area.length), ring_layout::kErrorTextBytes));
    std::uint64_t words[ring_layout::kErrorTextBytes / 8];
    for (std::size_t i = 0; i * 8 < length; ++i) words[i] = seqlock::load(area.text[i]);
    if (!seqlock::read_validate(area.lock, begin)) {
      wait_for_writer(attempt);
      continue;
    }
    return RingError{std::string(reinterpret_cast<const char*>(words), length),
                     static_cast<std::int64_t>(realtime), count};
  }
  // Only a collector killed inside set_error() leaves the lock odd for this long.
  return RingError{"error text unavailable: the collector stopped while writing it", 0, count};
}

}  // namespace statline
