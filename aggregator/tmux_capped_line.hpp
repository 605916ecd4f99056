// The longest status line statline renders, and how a longer one is cut.
//
// A template is at most 4 KiB, but what it renders depends on the machine and the
// numbers: `*` paths expand to every core or interface (hundreds on big or container
// hosts), a sparkline is up to 64 cells of 3 bytes, and every threshold-coloured value
// re-applies the template's own #[...] styles. The config loader cannot bound that
// (found by tests/fuzz/template_fuzz.cpp: 2 KiB of template rendered over 64 KiB), so the
// renderer does, here.
//
// The line is built from whole pieces (one #[...] style, one run of template text, one
// value with its separator, label and colours). A line that would exceed kMaxLineBytes
// is cut after the last whole piece that leaves room for the marker `…` (`...` in
// ASCII) and the closing #[pop-default]: never inside a UTF-8 character, a #[...] or
// #{...} sequence or a doubled `##`, and the colours stay balanced. A line that fits is
// never touched.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace statline {

// 16 KiB: over 5,000 glyph cells, or about 700 threshold-coloured ones (a bar per core of
// a 512-thread machine, all busy), more than any terminal shows; and far below the
// default bound on a client's buffered output (clients.max_output_bytes, 1 MiB).
inline constexpr std::size_t kMaxLineBytes = 16 * 1024;

class CappedLine {
 public:
  explicit CappedLine(bool ascii) : marker_(ascii ? "..." : "…") {}

  // Appends `piece` whole, or, when it would take the line over kMaxLineBytes, cuts the
  // line and appends nothing now or later. `coloured`: the piece has a threshold style,
  // so the line gets the #[push-default] … #[pop-default] wrap.
  void append(std::string_view piece, bool coloured = false);

  // True once the line has been cut: the rest of the template need not be rendered.
  bool full() const { return full_; }

  std::string finish() &&;

 private:
  std::size_t size_with(std::size_t body_bytes, bool coloured) const;

  std::string_view marker_;
  std::string body_;
  bool coloured_ = false;
  bool full_ = false;
  // Where the line would be cut: the end of the last piece after which the marker still fits.
  std::size_t cut_bytes_ = 0;
  bool cut_coloured_ = false;
};

}  // namespace statline
