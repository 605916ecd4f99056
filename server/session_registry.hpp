// Every live session, so the server can bound their number, push snapshots to watchers
// and stop them all on shutdown.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_set>

namespace statline {

class Session;

class SessionRegistry {
 public:
  explicit SessionRegistry(std::size_t max_sessions) : max_sessions_(max_sessions) {}

  // Registers a new session; at the cap the longest-idle session is closed to make room,
  // so a new client is never refused because of idle ones.
  void add(const std::shared_ptr<Session>& session);
  void remove(const std::shared_ptr<Session>& session);
  void stop_all();
  void for_each_watcher(const std::function<void(Session&)>& visit);

  std::size_t size() const { return sessions_.size(); }
  // Sessions ever added: a change between two looks means a client came in between.
  std::uint64_t added() const { return added_; }
  void set_max_sessions(std::size_t max_sessions) { max_sessions_ = max_sessions; }

 private:
  std::size_t max_sessions_;
  std::unordered_set<std::shared_ptr<Session>> sessions_;
  std::uint64_t added_ = 0;
};

}  // namespace statline
