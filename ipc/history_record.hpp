// The byte format of one HistoryLog record: a sample stored as the difference from the
// sample before it.
//
// Consecutive samples of one source differ little: CPU ticks grow by at most 100 per
// second and CPU, meminfo keys and interface names repeat word for word. So a record holds
// each payload word as a LEB128 varint of the zigzagged difference from the same word of
// the previous record, and its stamp the same way; a slowly changing 40-word stat sample
// takes ~50 bytes instead of 360. A keyframe holds plain varints and needs no
// predecessor: the log writes one first, whenever the word count changes (an interface or
// CPU appeared), and every kKeyframeEvery records so that old records can be dropped a
// run at a time.
//
//   u32 (little-endian in memory, native like every statline shared layout)
//       bit 31   padding: not a record; the rest of the area up to its end is skipped
//       bit 30   keyframe
//       bits 0-29 length in bytes, this word included, a multiple of 4
//   keyframe: varint seq, varint zigzag(monotonic_ns), varint zigzag(realtime_ns),
//             varint word count, varint word...
//   delta:    varint (seq - previous seq), varint zigzag(monotonic_ns - previous),
//             varint zigzag(realtime_ns - previous), varint zigzag(word - previous word)...
//   then zero bytes up to the length.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ipc/sample_ring.hpp"

namespace statline::history_record {

inline constexpr std::uint32_t kPaddingFlag = 1u << 31;
inline constexpr std::uint32_t kKeyframeFlag = 1u << 30;
inline constexpr std::uint32_t kLengthMask = kKeyframeFlag - 1;
inline constexpr std::uint32_t kAlignment = 4;
inline constexpr std::uint32_t kKeyframeEvery = 64;

// A decoded record, and the predecessor the next one is encoded against.
struct Sample {
  SlotStamp stamp;
  std::vector<std::uint64_t> words;
};

// The record for `stamp` and `words` into `out` (replaced; its storage is reused):
// a keyframe when `previous` is null or has another word count, else a delta.
void encode(const SlotStamp& stamp, std::span<const std::uint64_t> words, const Sample* previous,
            std::vector<unsigned char>& out);

// The record's first word, read without alignment.
std::uint32_t first_word(const unsigned char* record);

// Decodes the record at `bytes` (its whole length) onto `sample`, which holds the previous
// record for a delta and is overwritten. nullopt on success, else what was wrong.
std::optional<std::string> decode(std::span<const unsigned char> bytes, Sample& sample,
                                  bool has_previous);

// decode() of the stamp alone, onto `stamp` (the previous record's for a difference):
// counting or seeking records needs no words.
std::optional<std::string> decode_stamp(std::span<const unsigned char> bytes, SlotStamp& stamp,
                                        bool has_previous);

}  // namespace statline::history_record
