#include "tests/integration/snapshot_compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace statline::integration {
namespace {

using Json = nlohmann::ordered_json;

struct Tolerance {
  double absolute = 0;
  double relative = 0;
};

bool starts_with(const std::string& text, const char* prefix) {
  return text.rfind(prefix, 0) == 0;
}

Tolerance tolerance_for(const std::string& path) {
  if (path == "time") return {5.0, 0};  // wall clock of the sample vs the test's now
  if (starts_with(path, "cpu.total.") || starts_with(path, "cpu.cores[")) return {0.3, 0};
  if (path == "cpu.context_switches" || path == "cpu.interrupts" || path == "cpu.forks" ||
      starts_with(path, "net.")) {
    return {0, 0.03};
  }
  return {};
}

std::vector<std::string> keys(const Json& object) {
  std::vector<std::string> names;
  for (auto it = object.begin(); it != object.end(); ++it) names.push_back(it.key());
  return names;
}

std::string joined(const std::vector<std::string>& names) {
  return fmt::format("{}", fmt::join(names, ","));
}

void compare(const Json& actual, const Json& expected, const std::string& path,
             std::vector<std::string>& out);

void compare_number(const Json& actual, const Json& expected, const std::string& path,
                    std::vector<std::string>& out) {
  if (!actual.is_number()) {
    out.push_back(fmt::format("{}: expected {}, got {}", path, expected.dump(), actual.dump()));
    return;
  }
  const double want = expected.get<double>();
  const double got = actual.get<double>();
  const auto tol = tolerance_for(path);
  const double allowed = std::max(tol.absolute, tol.relative * std::fabs(want));
  if (!(std::fabs(got - want) <= allowed)) {
    out.push_back(fmt::format("{}: expected {} (±{}), got {}", path, want, allowed, got));
  }
}

void compare_object(const Json& actual, const Json& expected, const std::string& path,
                    std::vector<std::string>& out) {
  const auto prefix = path.empty() ? path : path + ".";
  auto want = keys(expected);
  auto got = keys(actual);
  if (path == "net.interfaces") {
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
  }
  if (want != got) {
    out.push_back(fmt::format("{}: keys [{}], expected [{}]", path.empty() ? "(top)" : path,
                              joined(got), joined(want)));
  }
  for (auto it = expected.begin(); it != expected.end(); ++it) {
    if (actual.contains(it.key())) compare(actual[it.key()], it.value(), prefix + it.key(), out);
  }
}

// Cores are matched by their "cpu" number, not by position.
void compare_cores(const Json& actual, const Json& expected, const std::string& path,
                   std::vector<std::string>& out) {
  std::set<int> seen;
  for (const auto& core : actual) {
    if (!core.is_object() || !core.contains("cpu") || !core["cpu"].is_number_integer()) {
      out.push_back(fmt::format("{}: entry without an integer \"cpu\": {}", path, core.dump()));
      continue;
    }
    seen.insert(core["cpu"].get<int>());
  }
  for (const auto& want : expected) {
    const int n = want["cpu"].get<int>();
    const auto found = std::find_if(actual.begin(), actual.end(), [n](const Json& core) {
      return core.is_object() && core.contains("cpu") && core["cpu"] == n;
    });
    const auto core_path = fmt::format("{}[cpu={}]", path, n);
    if (found == actual.end()) {
      out.push_back(core_path + ": missing");
    } else {
      compare(*found, want, core_path, out);
    }
  }
  if (seen.size() != expected.size() || actual.size() != expected.size()) {
    out.push_back(fmt::format("{}: {} entries, expected {}", path, actual.size(), expected.size()));
  }
}

void compare(const Json& actual, const Json& expected, const std::string& path,
             std::vector<std::string>& out) {
  if (expected.is_object()) {
    if (!actual.is_object()) {
      out.push_back(fmt::format("{}: expected an object, got {}", path, actual.dump()));
    } else {
      compare_object(actual, expected, path, out);
    }
  } else if (expected.is_array()) {
    if (!actual.is_array()) {
      out.push_back(fmt::format("{}: expected an array, got {}", path, actual.dump()));
    } else {
      compare_cores(actual, expected, path, out);
    }
  } else if (expected.is_number()) {
    compare_number(actual, expected, path, out);
  } else if (actual != expected) {
    out.push_back(fmt::format("{}: expected {}, got {}", path, expected.dump(), actual.dump()));
  }
}

}  // namespace

std::vector<std::string> snapshot_differences(const Json& actual, const Json& expected) {
  std::vector<std::string> out;
  compare(actual, expected, "", out);
  return out;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += "  " + line + "\n";
  return text;
}

}  // namespace statline::integration
