// Keeps one /proc file open and re-reads it whole with pread(fd, buf, n, 0).
//
// /proc files are generated on each read, so one pread from offset 0 gives a consistent
// snapshot as long as the buffer is large enough; if the read filled the buffer it may
// have been truncated, so the buffer doubles and the read is repeated. Never truncates
// silently. A failed read closes the file so the next read reopens it (the file may have
// vanished and come back, e.g. a remounted proc root).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "collectors/parse_result.hpp"

namespace statline {

class ProcFileReader {
 public:
  explicit ProcFileReader(std::string path);
  ~ProcFileReader();
  ProcFileReader(const ProcFileReader&) = delete;
  ProcFileReader& operator=(const ProcFileReader&) = delete;

  // The whole file; the view is valid until the next call. Errors read like
  // "/proc/stat: open: No such file or directory".
  Result<std::string_view> read();
  const std::string& path() const { return path_; }
  void set_path(std::string path);

 private:
  void close_file();
  std::string path_;
  int fd_ = -1;
  std::vector<char> buffer_;
};

}  // namespace statline
