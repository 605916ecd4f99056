#include "ipc/history_record.hpp"

#include <cstring>

namespace statline::history_record {
namespace {

// Differences of counters are small and may be negative (iowait goes backwards, a
// counter resets): zigzag maps -1, 1, -2 ... to 1, 2, 3 ... so both take one byte.
std::uint64_t zigzag(std::uint64_t difference) {
  const auto signed_difference = static_cast<std::int64_t>(difference);
  return (difference << 1) ^ static_cast<std::uint64_t>(signed_difference >> 63);
}

std::uint64_t unzigzag(std::uint64_t value) {
  return (value >> 1) ^ (~(value & 1) + 1);
}

void put_varint(std::uint64_t value, std::vector<unsigned char>& out) {
  while (value >= 0x80) {
    out.push_back(static_cast<unsigned char>(value | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<unsigned char>(value));
}

// Reads LEB128 varints from a record, refusing to run past its end or past 64 bits.
class VarintReader {
 public:
  explicit VarintReader(std::span<const unsigned char> bytes) : bytes_(bytes) {}

  bool next(std::uint64_t& value) {
    value = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
      if (position_ >= bytes_.size()) return false;
      const unsigned char byte = bytes_[position_++];
      value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return true;
    }
    return false;
  }
  std::size_t remaining() const { return bytes_.size() - position_; }

 private:
  std::span<const unsigned char> bytes_;
  std::size_t position_ = 0;
};

void put_first_word(std::uint32_t word, unsigned char* record) {
  std::memcpy(record, &word, sizeof word);
}

}  // namespace

void encode(const SlotStamp& stamp, std::span<const std::uint64_t> words, const Sample* previous,
            std::vector<unsigned char>& out) {
  const bool keyframe = previous == nullptr || previous->words.size() != words.size();
  out.assign(sizeof(std::uint32_t), 0);
  const auto mono = static_cast<std::uint64_t>(stamp.monotonic_ns);
  const auto real = static_cast<std::uint64_t>(stamp.realtime_ns);
  if (keyframe) {
    put_varint(stamp.seq, out);
    put_varint(zigzag(mono), out);
    put_varint(zigzag(real), out);
    put_varint(words.size(), out);
    for (const std::uint64_t word : words) put_varint(word, out);
  } else {
    // Unsigned subtraction wraps, and adding it back wraps the same way: exact for any
    // pair of words, bit-cast doubles included.
    put_varint(stamp.seq - previous->stamp.seq, out);
    put_varint(zigzag(mono - static_cast<std::uint64_t>(previous->stamp.monotonic_ns)), out);
    put_varint(zigzag(real - static_cast<std::uint64_t>(previous->stamp.realtime_ns)), out);
    for (std::size_t i = 0; i < words.size(); ++i) {
      put_varint(zigzag(words[i] - previous->words[i]), out);
    }
  }
  out.resize((out.size() + kAlignment - 1) / kAlignment * kAlignment, 0);
  put_first_word(static_cast<std::uint32_t>(out.size()) | (keyframe ? kKeyframeFlag : 0),
                 out.data());
}

std::uint32_t first_word(const unsigned char* record) {
  std::uint32_t word = 0;
  std::memcpy(&word, record, sizeof word);
  return word;
}

namespace {

// The checks of a record's first word: nullopt and `keyframe` set when it can be decoded.
std::optional<std::string> open_record(std::span<const unsigned char> bytes, bool has_previous,
                                       bool& keyframe) {
  if (bytes.size() < sizeof(std::uint32_t)) return "record shorter than its first word";
  const std::uint32_t first = first_word(bytes.data());
  if ((first & kPaddingFlag) != 0) return "padding where a record was expected";
  if ((first & kLengthMask) != bytes.size()) return "record length does not match";
  keyframe = (first & kKeyframeFlag) != 0;
  if (!keyframe && !has_previous) return "difference record without a keyframe before it";
  return std::nullopt;
}

// The stamp, absolute in a keyframe and added to `stamp` in a difference record.
std::optional<std::string> read_stamp(VarintReader& reader, bool keyframe, SlotStamp& stamp) {
  std::uint64_t seq = 0, mono = 0, real = 0;
  if (!reader.next(seq) || !reader.next(mono) || !reader.next(real)) return "truncated stamp";
  if (keyframe) stamp = SlotStamp{};
  stamp.seq += seq;
  stamp.monotonic_ns =
      static_cast<std::int64_t>(static_cast<std::uint64_t>(stamp.monotonic_ns) + unzigzag(mono));
  stamp.realtime_ns =
      static_cast<std::int64_t>(static_cast<std::uint64_t>(stamp.realtime_ns) + unzigzag(real));
  return std::nullopt;
}

}  // namespace

std::optional<std::string> decode(std::span<const unsigned char> bytes, Sample& sample,
                                  bool has_previous) {
  bool keyframe = false;
  if (auto error = open_record(bytes, has_previous, keyframe)) return error;
  VarintReader reader(bytes.subspan(sizeof(std::uint32_t)));
  if (auto error = read_stamp(reader, keyframe, sample.stamp)) return error;
  if (keyframe) {
    std::uint64_t count = 0;
    // Each word takes at least one byte: a count beyond the bytes left is corruption,
    // caught before it could size a vector.
    if (!reader.next(count) || count > reader.remaining()) return "bad word count";
    sample.words.resize(static_cast<std::size_t>(count));
    for (std::uint64_t& word : sample.words) {
      if (!reader.next(word)) return "truncated words";
    }
    return std::nullopt;
  }
  for (std::uint64_t& word : sample.words) {
    std::uint64_t difference = 0;
    if (!reader.next(difference)) return "truncated words";
    word += unzigzag(difference);
  }
  return std::nullopt;
}

std::optional<std::string> decode_stamp(std::span<const unsigned char> bytes, SlotStamp& stamp,
                                        bool has_previous) {
  bool keyframe = false;
  if (auto error = open_record(bytes, has_previous, keyframe)) return error;
  VarintReader reader(bytes.subspan(sizeof(std::uint32_t)));
  return read_stamp(reader, keyframe, stamp);
}

}  // namespace statline::history_record
