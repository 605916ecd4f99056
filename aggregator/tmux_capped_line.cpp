#include "aggregator/tmux_capped_line.hpp"

namespace statline {
namespace {

// A coloured line is enclosed in these, so #[default] returns to the colours of the
// status line around it (see tmux_render.hpp).
constexpr std::string_view kPushDefault = "#[push-default]";
constexpr std::string_view kPopDefault = "#[pop-default]";

}  // namespace

std::size_t CappedLine::size_with(std::size_t body_bytes, bool coloured) const {
  return body_bytes + (coloured ? kPushDefault.size() + kPopDefault.size() : 0);
}

void CappedLine::append(std::string_view piece, bool coloured) {
  if (full_) return;
  const bool now_coloured = coloured_ || coloured;
  if (size_with(body_.size() + piece.size(), now_coloured) > kMaxLineBytes) {
    full_ = true;
    body_.resize(cut_bytes_);
    coloured_ = cut_coloured_;
    body_ += marker_;
    return;
  }
  body_ += piece;
  coloured_ = now_coloured;
  if (size_with(body_.size() + marker_.size(), coloured_) <= kMaxLineBytes) {
    cut_bytes_ = body_.size();
    cut_coloured_ = coloured_;
  }
}

std::string CappedLine::finish() && {
  if (!coloured_) return std::move(body_);
  std::string line;
  line.reserve(size_with(body_.size(), true));
  line += kPushDefault;
  line += body_;
  line += kPopDefault;
  return line;
}

}  // namespace statline
