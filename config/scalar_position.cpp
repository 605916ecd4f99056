#include "config/scalar_position.hpp"

namespace statline {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// Bytes of the UTF-8 character a \x, \u or \U escape stands for.
std::size_t utf8_length(unsigned long code_point) {
  if (code_point < 0x80) return 1;
  if (code_point < 0x800) return 2;
  if (code_point < 0x10000) return 3;
  return 4;
}

// Walks a scalar's source text, counting the bytes of value it produces, until `offset`
// bytes were produced: the source index of the byte at `offset`.
class ScalarWalk {
 public:
  ScalarWalk(std::string_view source, std::size_t at) : s_(source), i_(at) {}

  std::optional<std::size_t> quoted(char quote, std::size_t offset) {
    ++i_;  // the opening quote
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == quote && quote == '\'' && peek(1) == '\'') {
        if (produced_ == offset) return i_;
        produced_ += 1;
        i_ += 2;
        continue;
      }
      if (c == quote) return produced_ == offset ? std::optional(i_) : std::nullopt;
      if (produced_ >= offset && c != '\n') return i_;
      if (c == '\\' && quote == '"') {
        if (!escape()) return std::nullopt;
      } else if (c == '\n') {
        fold();
      } else {
        ++produced_;
        ++i_;
      }
    }
    return std::nullopt;
  }

  std::optional<std::size_t> plain(std::size_t offset) {
    while (i_ < s_.size()) {
      if (s_[i_] == '\n') {
        fold();
        continue;
      }
      if (produced_ == offset) return i_;
      ++produced_;
      ++i_;
    }
    return produced_ == offset ? std::optional(i_) : std::nullopt;
  }

  // | and >: the lines after the header, less the block's indentation; each line break
  // is one byte of value (a newline for |, a space for > between text lines).
  std::optional<std::size_t> block(std::size_t offset) {
    while (i_ < s_.size() && s_[i_] != '\n') ++i_;  // header (indicator, comment)
    std::size_t indent = std::string_view::npos;
    while (i_ < s_.size()) {
      ++i_;  // the line break
      std::size_t column = 0;
      while (i_ + column < s_.size() && s_[i_ + column] == ' ') ++column;
      if (i_ + column < s_.size() && s_[i_ + column] == '\n') {
        i_ += column;  // a blank line inside the block
        produced_ += 1;
        continue;
      }
      if (indent == std::string_view::npos) indent = column;
      if (column < indent || column == 0) return std::nullopt;  // the block ended
      i_ += indent;
      while (i_ < s_.size() && s_[i_] != '\n') {
        if (produced_ == offset) return i_;
        ++produced_;
        ++i_;
      }
      if (produced_ == offset) return i_;
      ++produced_;
    }
    return std::nullopt;
  }

 private:
  char peek(std::size_t ahead) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }

  // A line break inside a flow scalar and the indentation after it are one space.
  void fold() {
    ++i_;
    while (i_ < s_.size() && is_blank(s_[i_])) ++i_;
    ++produced_;
  }

  bool escape() {
    const char kind = peek(1);
    std::size_t digits = 0;
    if (kind == 'x') digits = 2;
    if (kind == 'u') digits = 4;
    if (kind == 'U') digits = 8;
    if (digits == 0) {
      if (kind == '\n') {  // an escaped line break joins the lines
        i_ += 2;
        while (i_ < s_.size() && is_blank(s_[i_])) ++i_;
        return true;
      }
      i_ += 2;
      produced_ += 1;
      return true;
    }
    if (i_ + 2 + digits > s_.size()) return false;
    const std::string hex(s_.substr(i_ + 2, digits));
    produced_ += utf8_length(std::stoul(hex, nullptr, 16));
    i_ += 2 + digits;
    return true;
  }

  std::string_view s_;
  std::size_t i_;
  std::size_t produced_ = 0;
};

YAML::Mark mark_at(std::string_view source, std::size_t index) {
  YAML::Mark mark;
  mark.pos = static_cast<int>(index);
  mark.line = 0;
  mark.column = 0;
  for (std::size_t i = 0; i < index && i < source.size(); ++i) {
    if (source[i] == '\n') {
      ++mark.line;
      mark.column = 0;
    } else if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80) {
      ++mark.column;  // count characters: UTF-8 continuation bytes add nothing
    }
  }
  return mark;
}

}  // namespace

std::optional<YAML::Mark> position_in_scalar(std::string_view source, const YAML::Mark& start,
                                             std::size_t offset) {
  if (start.is_null() || start.pos < 0 || static_cast<std::size_t>(start.pos) >= source.size()) {
    return std::nullopt;
  }
  const auto at = static_cast<std::size_t>(start.pos);
  ScalarWalk walk(source, at);
  std::optional<std::size_t> index;
  try {
    switch (source[at]) {
      case '"':
      case '\'':
        index = walk.quoted(source[at], offset);
        break;
      case '|':
      case '>':
        index = walk.block(offset);
        break;
      default:
        index = walk.plain(offset);
    }
  } catch (const std::exception&) {
    return std::nullopt;  // a malformed escape yaml-cpp accepted differently
  }
  if (!index) return std::nullopt;
  return mark_at(source, *index);
}

}  // namespace statline
