#include "server/session_registry.hpp"

#include <algorithm>
#include <vector>

#include "server/session.hpp"

namespace statline {

void SessionRegistry::add(const std::shared_ptr<Session>& session) {
  while (!sessions_.empty() && sessions_.size() >= max_sessions_) {
    const auto idlest = std::min_element(
        sessions_.begin(), sessions_.end(),
        [](const auto& a, const auto& b) { return a->last_activity() < b->last_activity(); });
    auto victim = *idlest;
    sessions_.erase(idlest);
    victim->close(true);
  }
  sessions_.insert(session);
  ++added_;
}

void SessionRegistry::remove(const std::shared_ptr<Session>& session) {
  sessions_.erase(session);
}

void SessionRegistry::stop_all() {
  // Copy first: closing a session removes it from the set.
  const std::vector<std::shared_ptr<Session>> all(sessions_.begin(), sessions_.end());
  sessions_.clear();
  for (const auto& session : all) session->close(true);
}

void SessionRegistry::for_each_watcher(const std::function<void(Session&)>& visit) {
  const std::vector<std::shared_ptr<Session>> all(sessions_.begin(), sessions_.end());
  for (const auto& session : all) {
    if (session->watching()) visit(*session);
  }
}

}  // namespace statline
