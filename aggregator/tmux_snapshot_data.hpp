// TmuxData over a snapshot in its JSON form (DESIGN §4), so a template reaches every
// field by the same paths as `get` and `history`; history comes from a callback.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>

#include "aggregator/tmux_render.hpp"

namespace statline {

class SnapshotTmuxData final : public TmuxData {
 public:
  using History =
      std::function<std::vector<std::optional<double>>(const std::string& path, unsigned count)>;

  SnapshotTmuxData(const nlohmann::ordered_json& snapshot, History history)
      : snapshot_(snapshot), history_(std::move(history)) {}

  std::optional<double> value(const std::string& path) const override;
  std::vector<std::string> members(std::string_view collection) const override;
  std::vector<std::optional<double>> recent(const std::string& path,
                                            unsigned count) const override;

 private:
  const nlohmann::ordered_json& snapshot_;
  History history_;
};

}  // namespace statline
