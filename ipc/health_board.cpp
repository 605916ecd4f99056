#include "ipc/health_board.hpp"

#include <unistd.h>

#include <atomic>
#include <cstddef>
#include <new>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include "ipc/shared_memory.hpp"

namespace statline {
namespace {

// The board's layout, byte for byte. Changing a field, size or offset requires bumping
// kBoardVersion so that a mismatched aggregator fails attach() instead of misreading.
inline constexpr std::uint64_t kBoardMagic = 0x48544C4845544C53;  // "STLEHLTH" in memory
inline constexpr std::uint32_t kBoardVersion = 1;

struct BoardLayout {
  std::uint64_t magic;  // written once by create(), read-only afterwards
  std::uint32_t version;
  std::uint32_t reserved;
  std::atomic<std::int64_t> beat_period_ns;
  std::atomic<std::uint32_t> events_wanted;
  std::atomic<std::uint32_t> serving;
  std::atomic<std::uint64_t> beats;
  std::atomic<std::uint64_t> config_seq;
  std::atomic<std::uint32_t> clients;
  std::uint32_t tail_reserved;
};

static_assert(std::atomic<std::uint64_t>::is_always_lock_free &&
              std::atomic<std::int64_t>::is_always_lock_free &&
              std::atomic<std::uint32_t>::is_always_lock_free);
static_assert(std::is_standard_layout_v<BoardLayout>);
static_assert(offsetof(BoardLayout, magic) == 0);
static_assert(offsetof(BoardLayout, version) == 8);
static_assert(offsetof(BoardLayout, beat_period_ns) == 16);
static_assert(offsetof(BoardLayout, events_wanted) == 24);
static_assert(offsetof(BoardLayout, serving) == 28);
static_assert(offsetof(BoardLayout, beats) == 32);
static_assert(offsetof(BoardLayout, config_seq) == 40);
static_assert(offsetof(BoardLayout, clients) == 48);
static_assert(sizeof(BoardLayout) == 56);

BoardLayout& board(void* base) {
  return *static_cast<BoardLayout*>(base);
}
const BoardLayout& board(const void* base) {
  return *static_cast<const BoardLayout*>(base);
}

}  // namespace

HealthBoard HealthBoard::create() {
  const auto [fd, base] = shared_memory::create_mapped("statline-health", sizeof(BoardLayout),
                                                       shared_memory::Growth::fixed);
  // ftruncate zero-filled the page; constructing in place starts the atomics' lifetime.
  auto* layout = new (base) BoardLayout{};
  layout->magic = kBoardMagic;
  layout->version = kBoardVersion;
  return HealthBoard(fd, base);
}

HealthBoard HealthBoard::attach(int fd) {
  const std::string label = "health board fd " + std::to_string(fd) + ": ";
  const std::uint64_t size = shared_memory::size_of(fd);
  if (size != sizeof(BoardLayout)) {
    throw std::runtime_error(label + "file is " + std::to_string(size) + " bytes, expected " +
                             std::to_string(sizeof(BoardLayout)));
  }
  void* base = shared_memory::map(fd, size);
  const auto& layout = board(static_cast<const void*>(base));
  if (layout.magic != kBoardMagic || layout.version != kBoardVersion) {
    const std::string why = layout.magic != kBoardMagic
                                ? "bad magic, not a statline health board"
                                : "layout version " + std::to_string(layout.version) +
                                      ", expected " + std::to_string(kBoardVersion);
    shared_memory::unmap(base, sizeof(BoardLayout));
    throw std::runtime_error(label + why);
  }
  return HealthBoard(fd, base);
}

HealthBoard::HealthBoard(HealthBoard&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), base_(std::exchange(other.base_, nullptr)) {}

HealthBoard& HealthBoard::operator=(HealthBoard&& other) noexcept {
  if (this != &other) {
    HealthBoard old(std::move(*this));
    fd_ = std::exchange(other.fd_, -1);
    base_ = std::exchange(other.base_, nullptr);
  }
  return *this;
}

HealthBoard::~HealthBoard() {
  shared_memory::unmap(base_, sizeof(BoardLayout));
  if (fd_ >= 0) ::close(fd_);
}

void HealthBoard::set_beat_period_ns(std::int64_t period) {
  board(base_).beat_period_ns.store(period, std::memory_order_relaxed);
}
std::int64_t HealthBoard::beat_period_ns() const {
  return board(static_cast<const void*>(base_)).beat_period_ns.load(std::memory_order_relaxed);
}

void HealthBoard::set_events_wanted(bool wanted) {
  board(base_).events_wanted.store(wanted ? 1 : 0, std::memory_order_relaxed);
}
bool HealthBoard::events_wanted() const {
  return board(static_cast<const void*>(base_)).events_wanted.load(std::memory_order_relaxed) != 0;
}

void HealthBoard::beat() {
  board(base_).beats.fetch_add(1, std::memory_order_relaxed);
}
std::uint64_t HealthBoard::beats() const {
  return board(static_cast<const void*>(base_)).beats.load(std::memory_order_relaxed);
}

// Release/acquire: a supervisor that sees `serving` or a config sequence number also
// sees every earlier write the aggregator made (clients, beats).
void HealthBoard::set_serving(bool serving) {
  board(base_).serving.store(serving ? 1 : 0, std::memory_order_release);
}
bool HealthBoard::serving() const {
  return board(static_cast<const void*>(base_)).serving.load(std::memory_order_acquire) != 0;
}

void HealthBoard::set_config_seq(std::uint64_t seq) {
  board(base_).config_seq.store(seq, std::memory_order_release);
}
std::uint64_t HealthBoard::config_seq() const {
  return board(static_cast<const void*>(base_)).config_seq.load(std::memory_order_acquire);
}

void HealthBoard::set_clients(std::uint32_t clients) {
  board(base_).clients.store(clients, std::memory_order_relaxed);
}
std::uint32_t HealthBoard::clients() const {
  return board(static_cast<const void*>(base_)).clients.load(std::memory_order_relaxed);
}

}  // namespace statline
