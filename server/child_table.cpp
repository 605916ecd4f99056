#include "server/child_table.hpp"

#include <time.h>

#include <nlohmann/json.hpp>

#include "ipc/clock.hpp"
#include "ipc/text_document.hpp"
#include "ipc/text_payload.hpp"

namespace statline {
void publish_child_table(SampleRing& ring, const ChildTable& table) {
  nlohmann::json children = nlohmann::json::array();
  for (const auto& child : table.children) {
    children.push_back({{"role", child.role},
                        {"pid", child.pid},
                        {"state", child.state},
                        {"restarts", child.restarts},
                        {"last_exit", child.last_exit},
                        {"last_exit_time", child.last_exit_time},
                        {"started_time", child.started_time}});
  }
  const nlohmann::json document{{"daemon_started", table.daemon_started},
                                {"config_path", table.config_path},
                                {"socket_path", table.socket_path},
                                {"children", children}};
  const auto words = text_to_words(document.dump());
  ring.publish(stamp_now(), words);
}

std::optional<ChildTable> read_child_table(const SampleRing& ring) {
  const auto document = read_latest_document(ring);
  if (!document) return std::nullopt;
  ChildTable table;
  table.daemon_started = document->value("daemon_started", 0.0);
  table.config_path = document->value("config_path", "");
  table.socket_path = document->value("socket_path", "");
  for (const auto& child : document->value("children", nlohmann::json::array())) {
    table.children.push_back(
        ChildStatus{child.value("role", ""), child.value("pid", 0), child.value("state", ""),
                    child.value("restarts", 0), child.value("last_exit", ""),
                    child.value("last_exit_time", 0.0), child.value("started_time", 0.0)});
  }
  return table;
}

}  // namespace statline
