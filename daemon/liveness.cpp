#include "daemon/liveness.hpp"

namespace statline {

std::vector<std::string> LivenessMonitor::stalled(const std::vector<ChildProgress>& children,
                                                  std::int64_t now_ns) {
  std::vector<std::string> stuck;
  for (const auto& child : children) {
    if (!child.running) {
      seen_.erase(child.role);  // its next start begins a fresh window
      continue;
    }
    auto [it, fresh] = seen_.try_emplace(child.role);
    Seen& seen = it->second;
    if (fresh || seen.started_ns != child.started_ns) {
      seen = Seen{child.started_ns, child.progress, child.started_ns};
    } else if (seen.progress != child.progress) {
      seen.progress = child.progress;
      seen.changed_ns = now_ns;
    }
    if (now_ns - seen.changed_ns > child.window_ns) stuck.push_back(child.role);
  }
  return stuck;
}

}  // namespace statline
