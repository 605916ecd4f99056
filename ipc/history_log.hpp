// Per-source history of raw samples, kept in a memfd that the supervisor creates and
// owns, so a restarted (even kill -9'd) aggregator re-maps it and loses no history.
//
// The aggregator is the only writer and reader. Each record holds a sample as its
// difference from the one before (history_record.hpp), a few bytes a word, in a circular
// byte area; records older than the history window are evicted a keyframe-to-keyframe run
// at a time, and the area grows (ftruncate + remap) while every record is still inside
// the window. A record is complete before the header's head moves past it, so a writer
// killed mid-append leaves the log consistent.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>

#include "ipc/history_record.hpp"
#include "ipc/sample_ring.hpp"

namespace statline {

class HistoryLog {
 public:
  using Visitor = std::function<void(const SlotStamp&, std::span<const std::uint64_t> payload)>;

  // Supervisor: an empty log in a new memfd. Throws std::system_error.
  static HistoryLog create(std::string_view name, RingKind kind);
  // Aggregator: maps an inherited fd at its current size and validates the header;
  // throws std::runtime_error with a clear message on a bad magic, version or kind.
  static HistoryLog attach(int fd, RingKind expected_kind);

  HistoryLog(HistoryLog&& other) noexcept;
  HistoryLog& operator=(HistoryLog&& other) noexcept;
  HistoryLog(const HistoryLog&) = delete;
  HistoryLog& operator=(const HistoryLog&) = delete;
  ~HistoryLog();  // munmap and close

  int fd() const { return fd_; }

  // Appends a sample (its seq must be greater than last_seq()), first evicting records
  // whose monotonic_ns is older than `keep_since_monotonic_ns`.
  void append(const SlotStamp& stamp, std::span<const std::uint64_t> payload,
              std::int64_t keep_since_monotonic_ns);

  std::uint64_t last_seq() const;    // 0 when empty
  std::size_t size() const;          // number of records for_each(0) visits
  std::uint64_t bytes_used() const;  // bytes the kept records take, padding included
  std::uint64_t area_bytes() const;  // bytes of the circular area (the log's memory)
  // Visits records oldest first; only those with monotonic_ns >= since_monotonic_ns.
  void for_each(std::int64_t since_monotonic_ns, const Visitor& visit) const;

 private:
  HistoryLog(int fd, void* base, std::size_t size);
  void remap(std::size_t new_size);
  void grow();  // enlarges the record area by a quarter, keeping every record in order
  // The newest record, decoded, which the next one is encoded against; read back from the
  // log when another mapping appended since (or at attach).
  void reload_newest();
  int fd_ = -1;
  void* base_ = nullptr;
  std::size_t size_ = 0;
  history_record::Sample newest_;
  bool has_newest_ = false;
  std::uint32_t since_keyframe_ = 0;  // records appended after the newest keyframe
  std::vector<unsigned char> scratch_;
};

}  // namespace statline
