#include "aggregator/collectd_reply.hpp"

#include <fmt/format.h>

#include <cmath>

namespace statline {
namespace {

template <class... Visitors>
struct Overloaded : Visitors... {
  using Visitors::operator()...;
};
template <class... Visitors>
Overloaded(Visitors...) -> Overloaded<Visitors...>;

std::string found(std::size_t count) {
  return fmt::format("{} Value{} found\n", count, count == 1 ? "" : "s");
}

}  // namespace

std::string collectd_error(std::string_view message) {
  return fmt::format("-1 {}\n", message);
}

std::string collectd_reply(const CollectdCommand& command,
                           const std::vector<CollectdValue>& values, double time) {
  return std::visit(
      Overloaded{
          [&](const CollectdListval&) {
            std::string reply = found(values.size());
            for (const auto& value : values) {
              reply += fmt::format("{:.3f} {}\n", time, value.identifier);
            }
            return reply;
          },
          [&](const CollectdGetval& getval) {
            // collectd looks the type up in types.db before it looks for the value.
            if (!collectd_type_known(getval.type)) {
              return collectd_error(fmt::format("Type `{}' is unknown.", getval.type));
            }
            for (const auto& value : values) {
              if (value.identifier != getval.identifier) continue;
              std::string reply = found(value.values.size());
              for (const auto& [name, number] : value.values) {
                reply += std::isnan(number) ? fmt::format("{}=NaN\n", name)
                                            : fmt::format("{}={:12.6e}\n", name, number);
              }
              return reply;
            }
            return collectd_error("No such value.");
          },
          [](const CollectdFlush& flush) {
            return fmt::format("0 Done: {} successful, 0 errors\n", flush.flushes);
          },
      },
      command);
}

}  // namespace statline
