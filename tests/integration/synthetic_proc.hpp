// Writes a SyntheticModel into DIR/{stat,meminfo,net/dev,loadavg} on a schedule the
// daemon's reads can be exact against. The collectors keep each file open and pread it
// at monotonic multiples of the interval, so files are rewritten in place (O_TRUNC, never
// a rename: the daemon would keep reading the old inode), half-way between two reads:
// at (k + 0.5)·interval we write the values of tick k + 1.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "tests/integration/synthetic_model.hpp"

namespace statline::integration {

class SyntheticProc {
 public:
  // Writes the files for the next tick at once, then keeps them current from a thread.
  SyntheticProc(std::filesystem::path root, SyntheticModel model);
  ~SyntheticProc();
  SyntheticProc(const SyntheticProc&) = delete;
  SyntheticProc& operator=(const SyntheticProc&) = delete;

  void stop();

  const std::filesystem::path& root() const { return root_; }
  const SyntheticModel& model() const { return model_; }

  // Fault injection, by path below the root ("meminfo", "net/dev"), applied at once and
  // kept on every later write: `text` instead of the model's, or no file at all, until
  // restore_file() brings back the model's text.
  void override_file(const std::string& name, std::string text);
  void remove_file(const std::string& name);
  void restore_file(const std::string& name);

  // Writes that happened after the read they were meant for (the thread was starved):
  // a test that sees wrong numbers can tell its own writer from the daemon.
  int late_writes() const { return late_writes_.load(); }

 private:
  void run();
  void write_tick(std::int64_t tick);
  // The model's text, an override, or nullopt for a removed file; mutex_ held.
  std::optional<std::string> text_of(const std::string& name, std::int64_t tick) const;
  void write_file(const std::string& name, std::int64_t tick);

  std::filesystem::path root_;
  SyntheticModel model_;
  std::int64_t interval_ns_;
  std::int64_t first_tick_ = 0;  // ticks are counted from here, on CLOCK_MONOTONIC
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::map<std::string, std::optional<std::string>> overrides_;  // nullopt: removed
  std::int64_t last_tick_ = 0;
  std::atomic<int> late_writes_{0};
  std::thread thread_;
};

}  // namespace statline::integration
