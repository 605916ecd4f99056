#include "server/config_channel.hpp"

#include <time.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "config/config_loader.hpp"
#include "config/config_yaml.hpp"
#include "ipc/clock.hpp"
#include "ipc/text_payload.hpp"

namespace statline {

void publish_config(SampleRing& ring, const PublishedConfig& published) {
  const nlohmann::json document{{"path", published.path}, {"yaml", to_yaml(published.config)}};
  ring.publish(stamp_now(), text_to_words(document.dump()));
}

PublishedConfig read_config(const SampleRing& ring) {
  SlotStamp stamp;
  std::vector<std::uint64_t> words;
  for (int attempt = 0; attempt < 16; ++attempt) {
    const auto seq = ring.last_seq();
    if (seq == 0) break;
    if (ring.read(seq, stamp, words) != SampleRing::Read::ok) continue;
    const auto text = words_to_text(words);
    if (!text) break;
    const auto document = nlohmann::json::parse(*text, nullptr, false);
    if (document.is_discarded()) break;
    auto config = parse_config(document.value("yaml", ""), "<published config>");
    if (!config) throw std::runtime_error("published config does not parse: " + config.error());
    return PublishedConfig{std::move(config).value(), document.value("path", "")};
  }
  throw std::runtime_error("no config published by the supervisor");
}

}  // namespace statline
