#include "sampler/proc_file_reader.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace statline {
namespace {

// Enough for every source on a small machine in one read; grows for big ones.
constexpr std::size_t kInitialBuffer = 16 * 1024;
// A /proc file bigger than this is not one we understand; refuse rather than eat memory.
constexpr std::size_t kMaxBuffer = 64 * 1024 * 1024;

}  // namespace

ProcFileReader::ProcFileReader(std::string path)
    : path_(std::move(path)), buffer_(kInitialBuffer) {}

ProcFileReader::~ProcFileReader() {
  close_file();
}

void ProcFileReader::set_path(std::string path) {
  close_file();
  path_ = std::move(path);
}

void ProcFileReader::close_file() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

Result<std::string_view> ProcFileReader::read() {
  if (fd_ < 0) {
    fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) return ParseError{fmt::format("{}: open: {}", path_, std::strerror(errno))};
  }
  for (;;) {
    const ssize_t n = ::pread(fd_, buffer_.data(), buffer_.size(), 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      close_file();
      return ParseError{fmt::format("{}: read: {}", path_, std::strerror(error))};
    }
    if (static_cast<std::size_t>(n) < buffer_.size()) {
      return std::string_view(buffer_.data(), static_cast<std::size_t>(n));
    }
    if (buffer_.size() >= kMaxBuffer) {
      return ParseError{fmt::format("{}: larger than {} bytes", path_, kMaxBuffer)};
    }
    buffer_.resize(buffer_.size() * 2);
  }
}

}  // namespace statline
