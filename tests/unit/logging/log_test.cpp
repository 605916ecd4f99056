#include "logging/log.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace statline {
namespace {

// Points stderr at a temp file for the test's duration and returns what was written.
class CapturedStderr {
 public:
  CapturedStderr() {
    char pattern[] = "/tmp/statline-log-XXXXXX";
    const int fd = mkstemp(pattern);
    path_ = pattern;
    saved_ = dup(STDERR_FILENO);
    dup2(fd, STDERR_FILENO);
    close(fd);
  }
  ~CapturedStderr() {
    dup2(saved_, STDERR_FILENO);
    close(saved_);
    unlink(path_.c_str());
  }
  std::string journal_stream_value() const {
    struct stat st {};
    fstat(STDERR_FILENO, &st);
    return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
  }
  std::string text() const {
    std::ifstream in(path_);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  }

 private:
  std::string path_;
  int saved_ = -1;
};

TEST(Log, PlainLinesOnATerminalOrFile) {
  CapturedStderr captured;
  unsetenv("JOURNAL_STREAM");
  init_logging("collector stat", LogPriority::info);
  log(LogPriority::warning, "{}: open: {}", "/proc/stat", "No such file or directory");
  log(LogPriority::debug, "not printed below the threshold");
  EXPECT_EQ(captured.text(),
            "statlined: collector stat: warning: /proc/stat: open: No such file or directory\n");
}

TEST(Log, PriorityPrefixesWhenStderrIsTheJournal) {
  CapturedStderr captured;
  setenv("JOURNAL_STREAM", captured.journal_stream_value().c_str(), 1);
  init_logging("aggregator", LogPriority::debug);
  log(LogPriority::error, "boom");
  log(LogPriority::debug, "detail");
  unsetenv("JOURNAL_STREAM");
  EXPECT_EQ(captured.text(), "<3>aggregator: boom\n<7>aggregator: detail\n");
}

TEST(Log, AJournalStreamForAnotherFileIsIgnored) {
  CapturedStderr captured;
  setenv("JOURNAL_STREAM", "1:1", 1);
  init_logging("supervisor", LogPriority::info);
  log(LogPriority::info, "started");
  unsetenv("JOURNAL_STREAM");
  EXPECT_EQ(captured.text(), "statlined: supervisor: info: started\n");
}

TEST(Log, ConfiguredLevelsMapToPriorities) {
  EXPECT_EQ(to_log_priority(LogLevel::debug), LogPriority::debug);
  EXPECT_EQ(to_log_priority(LogLevel::warning), LogPriority::warning);
  EXPECT_EQ(to_log_priority(LogLevel::error), LogPriority::error);
}

}  // namespace
}  // namespace statline
