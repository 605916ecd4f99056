#include "server/config_channel.hpp"

#include <time.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "config/config_loader.hpp"
#include "config/config_yaml.hpp"
#include "ipc/clock.hpp"
#include "ipc/collector_settings.hpp"
#include "ipc/text_document.hpp"
#include "ipc/text_payload.hpp"

namespace statline {

void publish_config(SampleRing& ring, const PublishedConfig& published) {
  const nlohmann::json document{
      {"path", published.path},
      {"yaml", to_yaml(published.config)},
      {"collector", collector_settings_to_json(collector_settings(published.config))}};
  ring.publish(stamp_now(), text_to_words(document.dump()));
}

PublishedConfig read_config(const SampleRing& ring) {
  const auto document = read_latest_document(ring);
  if (!document) throw std::runtime_error("no config published by the supervisor");
  auto config = parse_config(document->value("yaml", ""), "<published config>");
  if (!config) throw std::runtime_error("published config does not parse: " + config.error());
  return PublishedConfig{std::move(config).value(), document->value("path", "")};
}

}  // namespace statline
