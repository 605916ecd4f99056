#include "ipc/history_log.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "ipc/history_layout.hpp"

namespace statline {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::int64_t kKeepAll = 0;
constexpr std::int64_t kSecond = 1'000'000'000;

// Record `seq` was read at seq seconds and has `words` words equal to seq.
SlotStamp stamp_of(std::uint64_t seq) {
  return SlotStamp{seq, static_cast<std::int64_t>(seq) * kSecond,
                   1'700'000'000 * kSecond + static_cast<std::int64_t>(seq)};
}

void append(HistoryLog& log, std::uint64_t seq, std::size_t words,
            std::int64_t keep_since = kKeepAll) {
  log.append(stamp_of(seq), std::vector<std::uint64_t>(words, seq), keep_since);
}

struct Seen {
  std::vector<std::uint64_t> seqs;
  std::string failure;  // empty when every record matched stamp_of(seq) and its payload
};

Seen visit_all(const HistoryLog& log, std::int64_t since = kKeepAll) {
  Seen seen;
  log.for_each(since, [&](const SlotStamp& stamp, std::span<const std::uint64_t> payload) {
    seen.seqs.push_back(stamp.seq);
    const SlotStamp expected = stamp_of(stamp.seq);
    if (stamp.monotonic_ns != expected.monotonic_ns || stamp.realtime_ns != expected.realtime_ns) {
      seen.failure = "bad stamp at seq " + std::to_string(stamp.seq);
    }
    for (std::uint64_t word : payload) {
      if (word != stamp.seq) seen.failure = "bad payload at seq " + std::to_string(stamp.seq);
    }
  });
  return seen;
}

std::vector<std::uint64_t> range(std::uint64_t first, std::uint64_t last) {
  std::vector<std::uint64_t> seqs;
  for (std::uint64_t seq = first; seq <= last; ++seq) seqs.push_back(seq);
  return seqs;
}

off_t file_size(int fd) {
  struct stat st {};
  ::fstat(fd, &st);
  return st.st_size;
}

TEST(HistoryLog, StartsEmpty) {
  auto log = HistoryLog::create("test-history", RingKind::stat);
  EXPECT_EQ(log.size(), 0u);
  EXPECT_EQ(log.last_seq(), 0u);
  EXPECT_TRUE(visit_all(log).seqs.empty());
}

TEST(HistoryLog, VisitsOldestFirstWithPayloads) {
  auto log = HistoryLog::create("test-history", RingKind::stat);
  append(log, 1, 3);
  append(log, 2, 0);
  append(log, 5, 10);  // gaps in seq are lost samples, not errors
  EXPECT_EQ(log.size(), 3u);
  EXPECT_EQ(log.last_seq(), 5u);
  std::vector<std::size_t> lengths;
  log.for_each(kKeepAll, [&](const SlotStamp&, std::span<const std::uint64_t> payload) {
    lengths.push_back(payload.size());
  });
  EXPECT_THAT(lengths, ElementsAre(3, 0, 10));
  const Seen seen = visit_all(log);
  EXPECT_THAT(seen.seqs, ElementsAre(1, 2, 5));
  EXPECT_EQ(seen.failure, "");
  EXPECT_THAT(visit_all(log, 2 * kSecond).seqs, ElementsAre(2, 5));
}

TEST(HistoryLog, RejectsASeqThatDoesNotIncrease) {
  auto log = HistoryLog::create("test-history", RingKind::stat);
  append(log, 4, 1);
  EXPECT_THROW(append(log, 4, 1), std::invalid_argument);
  EXPECT_THROW(append(log, 3, 1), std::invalid_argument);
  EXPECT_EQ(log.size(), 1u);
}

TEST(HistoryLog, EvictsRecordsOlderThanTheWindow) {
  auto log = HistoryLog::create("test-history", RingKind::stat);
  for (std::uint64_t seq = 1; seq <= 10; ++seq) append(log, seq, 2);
  append(log, 11, 2, 8 * kSecond);  // keeps what was read at 8 s or later
  EXPECT_THAT(visit_all(log).seqs, ElementsAre(8, 9, 10, 11));
  append(log, 12, 2, 100 * kSecond);  // everything older goes, the new record stays shown
  EXPECT_THAT(visit_all(log).seqs, ElementsAre(12));
  EXPECT_EQ(log.last_seq(), 12u);
}

TEST(HistoryLog, WrapsAroundWithoutGrowing) {
  auto log = HistoryLog::create("test-history", RingKind::netdev);
  const off_t initial = file_size(log.fd());
  // ~800-byte records, 20 kept: about 16 KiB live in a 64 KiB area, so the area wraps
  // many times with padding before its end, and never needs to grow.
  for (std::uint64_t seq = 1; seq <= 2000; ++seq) {
    append(log, seq, 95 + seq % 11, static_cast<std::int64_t>(seq - 19) * kSecond);
    const Seen seen = visit_all(log);
    ASSERT_EQ(seen.failure, "");
    ASSERT_EQ(seen.seqs, range(seq > 19 ? seq - 19 : 1, seq)) << "after seq " << seq;
  }
  EXPECT_EQ(file_size(log.fd()), initial);
}

// First lap the area (evicting) until the oldest record is in [head_from, head_to), then
// keep everything: the area fills up to that record and grows while wrapped, and its two
// parts must come out in order. A short start (records before head) moves past the old
// end; else the records from head to the old end move to the new end.
void grows_a_wrapped_area(std::uint64_t head_from, std::uint64_t head_to, bool head_moves) {
  constexpr std::uint64_t window = 40;
  auto log = HistoryLog::create("test-history", RingKind::stat);
  const off_t initial = file_size(log.fd());
  void* raw =
      ::mmap(nullptr, sizeof(history_layout::LogHeader), PROT_READ, MAP_SHARED, log.fd(), 0);
  ASSERT_NE(raw, MAP_FAILED);
  const auto* header = static_cast<const history_layout::LogHeader*>(raw);
  auto state = [&] { return header->states[header->active]; };
  // ~110-byte difference records (one byte a word) and a keyframe every 64: about 590 a
  // lap of 64 KiB. Go on past the first lap until the live records straddle the end.
  std::uint64_t seq = 1;
  for (; seq <= 700 || state().head < head_from || state().head >= head_to; ++seq) {
    ASSERT_LT(seq, 20'000u) << "the area never wrapped that way";
    append(log, seq, 100, static_cast<std::int64_t>(seq - window) * kSecond);
  }
  const std::uint64_t first_kept = seq - 1 - window;
  // The window stops moving: nothing may be evicted any more, so the area must grow.
  const std::uint64_t area_before = state().area_size;
  std::uint64_t head_before = 0;
  for (; state().area_size == area_before; ++seq) {
    head_before = state().head;  // as the append that grows finds it
    append(log, seq, 100, static_cast<std::int64_t>(first_kept) * kSecond);
  }
  EXPECT_EQ(state().head != head_before, head_moves);
  ::munmap(raw, sizeof(history_layout::LogHeader));
  const std::uint64_t last = seq + 1500;
  for (; seq <= last; ++seq) append(log, seq, 100, static_cast<std::int64_t>(first_kept) * kSecond);
  EXPECT_GT(file_size(log.fd()), initial);
  const Seen seen = visit_all(log);
  EXPECT_EQ(seen.failure, "");
  EXPECT_EQ(seen.seqs, range(first_kept, last));
}

// The area is 64 KiB and grows by 16 KiB.
TEST(HistoryLog, GrowsAWrappedAreaMovingItsShortStart) {
  grows_a_wrapped_area(1, 12 * 1024, false);
}

TEST(HistoryLog, GrowsAWrappedAreaMovingItsShortEnd) {
  grows_a_wrapped_area(40 * 1024, 64 * 1024, true);
}

TEST(HistoryLog, DropsWholeRunsAndShowsExactlyTheWindow) {
  auto log = HistoryLog::create("test-history", RingKind::stat);
  std::uint64_t most_bytes = 0;
  for (std::uint64_t seq = 1; seq <= 1000; ++seq) {
    append(log, seq, 40, static_cast<std::int64_t>(seq - 10) * kSecond);
    ASSERT_EQ(visit_all(log).seqs, range(seq > 10 ? seq - 10 : 1, seq)) << "after seq " << seq;
    most_bytes = std::max(most_bytes, log.bytes_used());
  }
  // The window's 11 records plus at most two runs of 64 kept as their base, ~50 bytes each.
  EXPECT_LT(most_bytes, 2 * 64 * 64u);
  EXPECT_EQ(log.size(), 11u);
}

TEST(HistoryLog, KeepsAnHourOfSlowCountersInAFractionOfTheirRawSize) {
  auto log = HistoryLog::create("test-history", RingKind::stat);
  // A 2-CPU stat sample (39 words) every second for an hour, counters growing slowly.
  std::vector<std::uint64_t> words(39);
  for (std::size_t i = 0; i < words.size(); ++i) words[i] = 50'000'000 + i * 1'234'567;
  for (std::uint64_t seq = 1; seq <= 3600; ++seq) {
    for (std::size_t i = 0; i < words.size(); ++i) words[i] += (seq * 7 + i) % 101;
    log.append(stamp_of(seq), words, kKeepAll);
  }
  const std::uint64_t raw = 3600 * (39 * 8 + 40);  // the version-1 record format
  EXPECT_LT(log.bytes_used() * 4, raw) << "used " << log.bytes_used() << " of raw " << raw;
  EXPECT_LE(log.area_bytes(), 256u * 1024);
  std::uint64_t seen = 0;
  std::vector<std::uint64_t> last;
  log.for_each(kKeepAll, [&](const SlotStamp&, std::span<const std::uint64_t> payload) {
    ++seen;
    last.assign(payload.begin(), payload.end());
  });
  EXPECT_EQ(seen, 3600u);
  EXPECT_EQ(last, words);
}

TEST(HistoryLog, RecordLargerThanTheInitialArea) {
  auto log = HistoryLog::create("test-history", RingKind::meminfo);
  append(log, 1, 4);
  append(log, 2, 100'000);  // a keyframe of 100 KB (one byte a word) against a 64 KiB area
  append(log, 3, 4);
  const Seen seen = visit_all(log);
  EXPECT_EQ(seen.failure, "");
  EXPECT_THAT(seen.seqs, ElementsAre(1, 2, 3));
  std::size_t largest = 0;
  log.for_each(kKeepAll, [&](const SlotStamp&, std::span<const std::uint64_t> payload) {
    largest = std::max(largest, payload.size());
  });
  EXPECT_EQ(largest, 100'000u);
}

TEST(HistoryLog, AnotherMappingSeesTheSameRecordsAtTheCurrentSize) {
  auto created = HistoryLog::create("test-history", RingKind::stat);
  for (std::uint64_t seq = 1; seq <= 5; ++seq) append(created, seq, 8);
  {
    // The aggregator: maps the supervisor's fd, appends until the log grows.
    auto aggregator = HistoryLog::attach(::dup(created.fd()), RingKind::stat);
    EXPECT_EQ(aggregator.size(), 5u);
    EXPECT_EQ(visit_all(aggregator).seqs, range(1, 5));
    for (std::uint64_t seq = 6; seq <= 3000; ++seq) append(aggregator, seq, 50);
  }
  // A restarted aggregator: a fresh mapping at the grown size loses nothing.
  auto restarted = HistoryLog::attach(::dup(created.fd()), RingKind::stat);
  EXPECT_EQ(restarted.last_seq(), 3000u);
  const Seen seen = visit_all(restarted);
  EXPECT_EQ(seen.failure, "");
  EXPECT_EQ(seen.seqs, range(1, 3000));
  // It goes on from where the other mapping stopped: differences from what the log holds.
  append(restarted, 3001, 50);
  EXPECT_EQ(visit_all(restarted).seqs, range(1, 3001));
  // The supervisor's stale small mapping refuses to read rather than read past its end.
  EXPECT_THROW(visit_all(created), std::runtime_error);
}

TEST(HistoryLog, AttachRejectsAnotherKindAndForeignFiles) {
  auto log = HistoryLog::create("test-history", RingKind::stat);
  const int fd = ::dup(log.fd());
  try {
    HistoryLog::attach(fd, RingKind::netdev);
    FAIL();
  } catch (const std::runtime_error& error) {
    EXPECT_THAT(error.what(), HasSubstr("kind 1, expected 3"));
  }
  ::close(fd);
  const int foreign = ::memfd_create("foreign", MFD_CLOEXEC);
  ASSERT_EQ(::ftruncate(foreign, 4096), 0);
  try {
    HistoryLog::attach(foreign, RingKind::stat);
    FAIL();
  } catch (const std::runtime_error& error) {
    EXPECT_THAT(error.what(), HasSubstr("bad magic"));
  }
  ::close(foreign);
}

// An aggregator killed at random points of append (including mid-grow) must leave a log
// that attaches and holds a contiguous run of complete records. Run once with word counts
// that change every record (all keyframes) and once with a steady count (runs of
// difference records).
void survives_a_writer_killed_mid_append(std::size_t (*words_for)(std::uint64_t seq)) {
  auto log = HistoryLog::create("test-history", RingKind::stat);
  std::mt19937 random(7);
  for (int round = 0; round < 12; ++round) {
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      auto writer = HistoryLog::attach(::dup(log.fd()), RingKind::stat);
      for (std::uint64_t seq = writer.last_seq() + 1;; ++seq) {
        // Keep ~3000 records: the log both evicts and grows.
        writer.append(stamp_of(seq), std::vector<std::uint64_t>(words_for(seq), seq),
                      (static_cast<std::int64_t>(seq) - 3000) * kSecond);
      }
    }
    ::usleep(1000 + random() % 20'000);
    ::kill(child, SIGKILL);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);

    auto reader = HistoryLog::attach(::dup(log.fd()), RingKind::stat);
    const Seen seen = visit_all(reader);
    ASSERT_EQ(seen.failure, "") << "round " << round;
    ASSERT_EQ(seen.seqs.size(), reader.size());
    if (!seen.seqs.empty()) {
      EXPECT_EQ(seen.seqs, range(seen.seqs.front(), reader.last_seq())) << "round " << round;
    }
  }
}

TEST(HistoryLog, SurvivesAWriterKilledMidAppendOfKeyframes) {
  survives_a_writer_killed_mid_append([](std::uint64_t seq) -> std::size_t { return seq % 201; });
}

TEST(HistoryLog, SurvivesAWriterKilledMidAppendOfDifferences) {
  survives_a_writer_killed_mid_append([](std::uint64_t) -> std::size_t { return 120; });
}

}  // namespace
}  // namespace statline
