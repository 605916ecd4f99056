#include "ipc/sample_codec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

// Word formats (covered by ring_layout::kRingVersion: change one, bump it).
//
// Every payload starts with a header word: bits 0-7 the tag (the RingKind number, so a
// payload decoded with the wrong decoder is rejected), bits 8-15 flags, bits 16-31 zero,
// bits 32-63 a count. Only the words a sample needs are written, so a slot sized for the
// machine's maximum is mostly unused on a typical read.
//
//   stat     header(tag 1, flags = presence of the optionals below, count = cores)
//            total: 10 CpuTimes words in /proc/stat column order
//            one word per present optional, in StatSample order (ctxt ... procs_blocked)
//            per core: cpu number, 10 CpuTimes words
//   meminfo  header(tag 2, count = entries)
//            per entry: word (bits 0-7 key length, bit 8 in_kb), key bytes NUL-padded to
//            whole words, value
//   netdev   header(tag 3, count = interfaces)
//            per interface: name length word, name bytes NUL-padded to whole words,
//            16 NetCounters words in /proc/net/dev column order
//   loadavg  header(tag 4), avg1, avg5, avg15 (bit-cast doubles), running, total, last_pid

namespace statline {
namespace {

enum class Tag : std::uint64_t { stat = 1, meminfo = 2, netdev = 3, loadavg = 4 };

constexpr std::uint64_t kTagMask = 0xFF;
constexpr std::uint64_t kReservedMask = 0xFFFF'0000;
constexpr std::uint64_t kMeminfoInKb = 1u << 8;

constexpr std::array<std::uint64_t CpuTimes::*, 10> kCpuFields = {
    &CpuTimes::user,   &CpuTimes::nice,      &CpuTimes::system,  &CpuTimes::idle,
    &CpuTimes::iowait, &CpuTimes::irq,       &CpuTimes::softirq, &CpuTimes::steal,
    &CpuTimes::guest,  &CpuTimes::guest_nice};

constexpr std::array<std::optional<std::uint64_t> StatSample::*, 6> kStatOptionals = {
    &StatSample::context_switches, &StatSample::interrupts,    &StatSample::forks,
    &StatSample::boot_time,        &StatSample::procs_running, &StatSample::procs_blocked};

constexpr std::array<std::uint64_t NetCounters::*, 16> kNetFields = {
    &NetCounters::rx_bytes,      &NetCounters::rx_packets,   &NetCounters::rx_errors,
    &NetCounters::rx_drops,      &NetCounters::rx_fifo,      &NetCounters::rx_frame,
    &NetCounters::rx_compressed, &NetCounters::rx_multicast, &NetCounters::tx_bytes,
    &NetCounters::tx_packets,    &NetCounters::tx_errors,    &NetCounters::tx_drops,
    &NetCounters::tx_fifo,       &NetCounters::tx_colls,     &NetCounters::tx_carrier,
    &NetCounters::tx_compressed};

constexpr std::uint64_t kStatCoreWords = 1 + kCpuFields.size();
constexpr std::uint64_t kMaxNameWords = (kMaxNameBytes + 7) / 8;
constexpr std::uint64_t kMaxMeminfoEntryWords = 1 + kMaxNameWords + 1;
constexpr std::uint64_t kMaxNetdevEntryWords = 1 + kMaxNameWords + kNetFields.size();

std::uint32_t saturate(std::uint64_t words) {
  return static_cast<std::uint32_t>(
      std::min<std::uint64_t>(words, std::numeric_limits<std::uint32_t>::max()));
}

std::uint64_t name_words(std::size_t bytes) {
  return (bytes + 7) / 8;
}

std::uint64_t header_word(Tag tag, std::uint64_t flags, std::uint64_t count) {
  return static_cast<std::uint64_t>(tag) | flags << 8 | count << 32;
}

// Names in error messages are cut at 64 bytes: the message is for a human, and an
// over-long name is exactly the case being reported.
std::string quoted(std::string_view name) {
  return fmt::format("\"{}{}\"", name.substr(0, 64), name.size() > 64 ? "..." : "");
}

ParseError too_long_name(const char* what, std::string_view name) {
  return ParseError{fmt::format("{} {} is {} bytes, the limit is {}", what, quoted(name),
                                name.size(), kMaxNameBytes)};
}

ParseError too_large(const char* source, std::uint64_t count, const char* unit,
                     std::uint64_t needed, std::uint32_t max_words) {
  return ParseError{fmt::format("{} sample: {} {} need {} words, the ring slot holds {}", source,
                                count, unit, needed, max_words)};
}

void put_name(std::vector<std::uint64_t>& out, std::string_view name) {
  for (std::size_t offset = 0; offset < name.size(); offset += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, name.data() + offset, std::min<std::size_t>(8, name.size() - offset));
    out.push_back(word);
  }
}

// Bounds-checked sequential access to a payload; every decoder reads through it.
class WordReader {
 public:
  explicit WordReader(std::span<const std::uint64_t> words) : words_(words) {}
  std::size_t remaining() const { return words_.size() - pos_; }
  bool take(std::uint64_t& out) {
    if (pos_ == words_.size()) return false;
    out = words_[pos_++];
    return true;
  }
  // `length` bytes NUL-padded to whole words; non-zero padding means corruption.
  bool take_name(std::size_t length, std::string& out) {
    const std::size_t count = static_cast<std::size_t>(name_words(length));
    if (count > remaining()) return false;
    char bytes[kMaxNameWords * 8] = {};
    std::memcpy(bytes, words_.data() + pos_, count * 8);
    pos_ += count;
    if (std::any_of(bytes + length, bytes + count * 8, [](char c) { return c != 0; })) return false;
    out.assign(bytes, length);
    return true;
  }

 private:
  std::span<const std::uint64_t> words_;
  std::size_t pos_ = 0;
};

ParseError bad(const char* source, const std::string& what) {
  return ParseError{std::string(source) + " payload: " + what};
}

// Checks the header word; on success `flags` and `count` hold its fields.
std::optional<ParseError> read_header(const char* source, Tag tag, WordReader& reader,
                                      std::uint64_t& flags, std::uint64_t& count) {
  std::uint64_t word = 0;
  if (!reader.take(word)) return bad(source, "empty");
  if ((word & kTagMask) != static_cast<std::uint64_t>(tag)) {
    return bad(source, "tag " + std::to_string(word & kTagMask) + ", expected " +
                           std::to_string(static_cast<std::uint64_t>(tag)));
  }
  if ((word & kReservedMask) != 0) return bad(source, "reserved header bits set");
  flags = (word >> 8) & 0xFF;
  count = word >> 32;
  return std::nullopt;
}

std::optional<ParseError> expect_end(const char* source, const WordReader& reader) {
  if (reader.remaining() == 0) return std::nullopt;
  return bad(source, std::to_string(reader.remaining()) + " unexpected trailing words");
}

void put_cpu(std::vector<std::uint64_t>& out, const CpuTimes& times) {
  for (auto field : kCpuFields) out.push_back(times.*field);
}

void take_cpu(WordReader& reader, CpuTimes& times) {
  for (auto field : kCpuFields) reader.take(times.*field);  // length checked by the caller
}

}  // namespace

std::uint32_t stat_payload_words(std::uint32_t max_cpus) {
  return saturate(1 + kCpuFields.size() + kStatOptionals.size() + kStatCoreWords * max_cpus);
}

std::uint32_t meminfo_payload_words(std::uint32_t max_entries) {
  return saturate(1 + kMaxMeminfoEntryWords * max_entries);
}

std::uint32_t netdev_payload_words(std::uint32_t max_interfaces) {
  return saturate(1 + kMaxNetdevEntryWords * max_interfaces);
}

std::uint32_t loadavg_payload_words() {
  return 7;
}

std::optional<ParseError> encode_stat_into(const StatSample& sample, std::uint32_t max_words,
                                           std::vector<std::uint64_t>& out) {
  std::uint64_t presence = 0;
  for (std::size_t i = 0; i < kStatOptionals.size(); ++i) {
    if ((sample.*kStatOptionals[i]).has_value()) presence |= 1u << i;
  }
  const std::uint64_t needed = 1 + kCpuFields.size() +
                               static_cast<unsigned>(std::popcount(presence)) +
                               kStatCoreWords * sample.cores.size();
  if (needed > max_words) {
    return too_large("stat", sample.cores.size(), "cores", needed, max_words);
  }
  out.clear();
  out.reserve(needed);
  out.push_back(header_word(Tag::stat, presence, sample.cores.size()));
  put_cpu(out, sample.total);
  for (auto field : kStatOptionals) {
    if ((sample.*field).has_value()) out.push_back(*(sample.*field));
  }
  for (const CoreTimes& core : sample.cores) {
    out.push_back(core.cpu);
    put_cpu(out, core.times);
  }
  return std::nullopt;
}

Result<StatSample> decode_stat(std::span<const std::uint64_t> words) {
  WordReader reader(words);
  std::uint64_t presence = 0, cores = 0;
  if (auto error = read_header("stat", Tag::stat, reader, presence, cores)) return *error;
  if (presence >> kStatOptionals.size() != 0) return bad("stat", "unknown optional fields");
  // The whole length is known from the header: check it before allocating anything.
  const std::uint64_t expected =
      kCpuFields.size() + static_cast<unsigned>(std::popcount(presence)) + kStatCoreWords * cores;
  if (reader.remaining() != expected) {
    return bad("stat", std::to_string(words.size()) + " words, expected " +
                           std::to_string(expected + 1) + " for " + std::to_string(cores) +
                           " cores");
  }
  StatSample sample;
  take_cpu(reader, sample.total);
  for (std::size_t i = 0; i < kStatOptionals.size(); ++i) {
    std::uint64_t value = 0;
    if ((presence >> i & 1) != 0 && reader.take(value)) sample.*kStatOptionals[i] = value;
  }
  sample.cores.resize(static_cast<std::size_t>(cores));
  for (CoreTimes& core : sample.cores) {
    std::uint64_t cpu = 0;
    reader.take(cpu);
    if (cpu > std::numeric_limits<std::uint32_t>::max()) {
      return bad("stat", "cpu number " + std::to_string(cpu) + " out of range");
    }
    core.cpu = static_cast<std::uint32_t>(cpu);
    take_cpu(reader, core.times);
  }
  return sample;
}

std::optional<ParseError> encode_meminfo_into(const MeminfoSample& sample, std::uint32_t max_words,
                                              std::vector<std::uint64_t>& out) {
  std::uint64_t needed = 1;
  for (const MeminfoEntry& entry : sample.entries) {
    if (entry.key.size() > kMaxNameBytes) return too_long_name("meminfo key", entry.key);
    needed += 2 + name_words(entry.key.size());
  }
  if (needed > max_words) {
    return too_large("meminfo", sample.entries.size(), "entries", needed, max_words);
  }
  out.clear();
  out.reserve(needed);
  out.push_back(header_word(Tag::meminfo, 0, sample.entries.size()));
  for (const MeminfoEntry& entry : sample.entries) {
    out.push_back(entry.key.size() | (entry.in_kb ? kMeminfoInKb : 0));
    put_name(out, entry.key);
    out.push_back(entry.value);
  }
  return std::nullopt;
}

Result<MeminfoSample> decode_meminfo(std::span<const std::uint64_t> words) {
  WordReader reader(words);
  std::uint64_t flags = 0, count = 0;
  if (auto error = read_header("meminfo", Tag::meminfo, reader, flags, count)) return *error;
  if (flags != 0) return bad("meminfo", "unknown header flags");
  // Each entry takes at least 2 words: reject an impossible count before reserving.
  if (count > reader.remaining() / 2) {
    return bad("meminfo", std::to_string(count) + " entries cannot fit " +
                              std::to_string(reader.remaining()) + " words");
  }
  MeminfoSample sample;
  sample.entries.reserve(static_cast<std::size_t>(count));
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::string where = "entry " + std::to_string(i);
    std::uint64_t descriptor = 0;
    MeminfoEntry entry;
    if (!reader.take(descriptor)) return bad("meminfo", where + ": truncated");
    const std::uint64_t length = descriptor & 0xFF;
    if ((descriptor & ~(0xFF | kMeminfoInKb)) != 0 || length > kMaxNameBytes) {
      return bad("meminfo", where + ": bad key descriptor");
    }
    entry.in_kb = (descriptor & kMeminfoInKb) != 0;
    if (!reader.take_name(static_cast<std::size_t>(length), entry.key) ||
        !reader.take(entry.value)) {
      return bad("meminfo", where + ": truncated or bad key padding");
    }
    sample.entries.push_back(std::move(entry));
  }
  if (auto error = expect_end("meminfo", reader)) return *error;
  return sample;
}

std::optional<ParseError> encode_netdev_into(const NetdevSample& sample, std::uint32_t max_words,
                                             std::vector<std::uint64_t>& out) {
  std::uint64_t needed = 1;
  for (const NetInterface& interface : sample.interfaces) {
    if (interface.name.size() > kMaxNameBytes) {
      return too_long_name("interface name", interface.name);
    }
    needed += 1 + name_words(interface.name.size()) + kNetFields.size();
  }
  if (needed > max_words) {
    return too_large("netdev", sample.interfaces.size(), "interfaces", needed, max_words);
  }
  out.clear();
  out.reserve(needed);
  out.push_back(header_word(Tag::netdev, 0, sample.interfaces.size()));
  for (const NetInterface& interface : sample.interfaces) {
    out.push_back(interface.name.size());
    put_name(out, interface.name);
    for (auto field : kNetFields) out.push_back(interface.counters.*field);
  }
  return std::nullopt;
}

Result<NetdevSample> decode_netdev(std::span<const std::uint64_t> words) {
  WordReader reader(words);
  std::uint64_t flags = 0, count = 0;
  if (auto error = read_header("netdev", Tag::netdev, reader, flags, count)) return *error;
  if (flags != 0) return bad("netdev", "unknown header flags");
  if (count > reader.remaining() / (1 + kNetFields.size())) {
    return bad("netdev", std::to_string(count) + " interfaces cannot fit " +
                             std::to_string(reader.remaining()) + " words");
  }
  NetdevSample sample;
  sample.interfaces.reserve(static_cast<std::size_t>(count));
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::string where = "interface " + std::to_string(i);
    std::uint64_t length = 0;
    NetInterface interface;
    if (!reader.take(length)) return bad("netdev", where + ": truncated");
    if (length > kMaxNameBytes)
      return bad("netdev", where + ": name length " + std::to_string(length));
    if (!reader.take_name(static_cast<std::size_t>(length), interface.name) ||
        reader.remaining() < kNetFields.size()) {
      return bad("netdev", where + ": truncated or bad name padding");
    }
    for (auto field : kNetFields) reader.take(interface.counters.*field);
    sample.interfaces.push_back(std::move(interface));
  }
  if (auto error = expect_end("netdev", reader)) return *error;
  return sample;
}

std::optional<ParseError> encode_loadavg_into(const LoadavgSample& sample, std::uint32_t max_words,
                                              std::vector<std::uint64_t>& out) {
  if (loadavg_payload_words() > max_words) {
    return too_large("loadavg", 1, "sample", loadavg_payload_words(), max_words);
  }
  out.assign({header_word(Tag::loadavg, 0, 0), std::bit_cast<std::uint64_t>(sample.avg1),
              std::bit_cast<std::uint64_t>(sample.avg5), std::bit_cast<std::uint64_t>(sample.avg15),
              sample.running, sample.total, sample.last_pid});
  return std::nullopt;
}

Result<LoadavgSample> decode_loadavg(std::span<const std::uint64_t> words) {
  WordReader reader(words);
  std::uint64_t flags = 0, count = 0;
  if (auto error = read_header("loadavg", Tag::loadavg, reader, flags, count)) return *error;
  if (flags != 0 || count != 0) return bad("loadavg", "unknown header fields");
  if (reader.remaining() != loadavg_payload_words() - 1) {
    return bad("loadavg", std::to_string(words.size()) + " words, expected " +
                              std::to_string(loadavg_payload_words()));
  }
  std::uint64_t avg[3] = {};
  LoadavgSample sample;
  for (std::uint64_t& word : avg) reader.take(word);
  sample.avg1 = std::bit_cast<double>(avg[0]);
  sample.avg5 = std::bit_cast<double>(avg[1]);
  sample.avg15 = std::bit_cast<double>(avg[2]);
  reader.take(sample.running);
  reader.take(sample.total);
  reader.take(sample.last_pid);
  return sample;
}

}  // namespace statline
