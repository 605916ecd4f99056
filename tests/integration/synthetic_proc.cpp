#include "tests/integration/synthetic_proc.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <system_error>

namespace statline::integration {
namespace {

using Clock = std::chrono::steady_clock;  // CLOCK_MONOTONIC, the daemon's clock

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
      .count();
}

// In place: the daemon holds the file open and re-reads it from offset 0.
void rewrite(const std::filesystem::path& path, const std::string& text) {
  // In place, as the kernel's files change under a reader that keeps them open: no
  // rename (a collector's open fd would keep the old file). Not O_TRUNC either: a reader
  // between the truncate and the write would see an empty file (the supervisor sizing
  // its rings from /stat at start did, under ASan, and sized them for too few CPUs).
  // Overwrite, then cut to length: counters only grow, so the length rarely shrinks.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "open " + path.string());
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      throw std::system_error(errno, std::generic_category(), "write " + path.string());
    }
    done += static_cast<std::size_t>(n);
  }
  if (::ftruncate(fd, static_cast<off_t>(text.size())) != 0) {
    ::close(fd);
    throw std::system_error(errno, std::generic_category(), "ftruncate " + path.string());
  }
  ::close(fd);
}

}  // namespace

SyntheticProc::SyntheticProc(std::filesystem::path root, SyntheticModel model)
    : root_(std::move(root)),
      model_(std::move(model)),
      interval_ns_(std::llround(model_.interval * 1e9)) {
  std::filesystem::create_directories(root_ / "net");
  // The next read is at tick first_tick_ + 1; its values are written now.
  first_tick_ = now_ns() / interval_ns_;
  write_tick(first_tick_ + 1);
  thread_ = std::thread([this] { run(); });
}

SyntheticProc::~SyntheticProc() {
  stop();
}

void SyntheticProc::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SyntheticProc::override_file(const std::string& name, std::string text) {
  std::lock_guard lock(mutex_);
  overrides_[name] = std::move(text);
  write_file(name, last_tick_);
}

void SyntheticProc::remove_file(const std::string& name) {
  std::lock_guard lock(mutex_);
  overrides_[name] = std::nullopt;
  std::filesystem::remove(root_ / name);
}

void SyntheticProc::restore_file(const std::string& name) {
  std::lock_guard lock(mutex_);
  overrides_.erase(name);
  write_file(name, last_tick_);
}

std::optional<std::string> SyntheticProc::text_of(const std::string& name,
                                                  std::int64_t tick) const {
  if (const auto it = overrides_.find(name); it != overrides_.end()) return it->second;
  const std::int64_t k = tick - first_tick_;
  if (name == "stat") return model_.stat_text(k);
  if (name == "net/dev") return model_.netdev_text(k);
  if (name == "meminfo") return model_.meminfo_text();
  return model_.loadavg_text();
}

void SyntheticProc::write_file(const std::string& name, std::int64_t tick) {
  if (const auto text = text_of(name, tick)) rewrite(root_ / name, *text);
}

void SyntheticProc::write_tick(std::int64_t tick) {
  last_tick_ = tick;
  for (const char* name : {"stat", "net/dev", "meminfo", "loadavg"}) write_file(name, tick);
}

void SyntheticProc::run() {
  std::unique_lock lock(mutex_);
  std::int64_t tick = first_tick_;  // the last tick whose read has been prepared for, minus 1
  while (!stopping_) {
    // Half-way between the reads of tick and tick + 1: write the values of tick + 1.
    const auto at =
        Clock::time_point(std::chrono::nanoseconds(tick * interval_ns_ + interval_ns_ / 2));
    if (wake_.wait_until(lock, at, [this] { return stopping_; })) break;
    const std::int64_t now_tick = now_ns() / interval_ns_;
    if (now_tick > tick) {
      // Starved past the read of now_tick: catch up to the schedule.
      ++late_writes_;
      tick = now_tick;
    }
    write_tick(tick + 1);
    ++tick;
  }
}

}  // namespace statline::integration
