#include "config/yaml_stall_guard.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <string>

namespace statline {
namespace {

// Remembers where the latest document started; the content is not needed.
class DocumentStarts final : public YAML::EventHandler {
 public:
  YAML::Mark last_start;

  void OnDocumentStart(const YAML::Mark& mark) override { last_start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

}  // namespace

std::optional<YAML::Mark> find_stalled_document(std::string_view yaml_text) {
  std::istringstream stream{std::string(yaml_text)};
  YAML::Parser parser(stream);
  DocumentStarts starts;
  try {
    std::optional<int> previous_position;
    // Every real document consumes at least one byte, so a stream of N bytes has at
    // most N + 1 documents; the position check finds a stall long before that.
    for (std::size_t documents = 0; documents <= yaml_text.size() + 1; ++documents) {
      if (!parser.HandleNextDocument(starts)) return std::nullopt;
      if (previous_position && *previous_position == starts.last_start.pos) {
        return starts.last_start;
      }
      previous_position = starts.last_start.pos;
    }
    return starts.last_start;
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
}

}  // namespace statline
