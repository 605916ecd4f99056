// The latest JSON document of a ring that carries documents (text_payload.hpp): the
// effective config, the supervisor's child table. Shared by every reader, so that each
// retries a slot overwritten mid-read the same way.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "ipc/sample_ring.hpp"

namespace statline {

// nullopt when nothing is published yet or the last slot holds no JSON document.
std::optional<nlohmann::json> read_latest_document(const SampleRing& ring);

}  // namespace statline
