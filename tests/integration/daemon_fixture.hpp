// What most tests start from: a temp dir, a synthetic /proc kept current in it, and a
// statlined reading it; plus the polling helpers tests use to wait for samples without
// fixed sleeps.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "tests/integration/daemon_process.hpp"
#include "tests/integration/synthetic_proc.hpp"
#include "tests/integration/temp_dir.hpp"

namespace statline::integration {

using Json = nlohmann::ordered_json;
using namespace std::chrono_literals;

struct SyntheticDaemon {
  explicit SyntheticDaemon(double interval, std::string config_text = "");
  // A machine of the test's own making (many cores for big snapshots, say).
  explicit SyntheticDaemon(SyntheticModel model, std::string config_text = "");

  const std::filesystem::path& socket() const { return daemon.socket(); }

  TempDir dir;
  SyntheticProc proc;
  DaemonProcess daemon;
};

// The reply to `request` on a fresh connection, parsed; a JSON null if nothing came back,
// a discarded value if it was not JSON.
Json query(const std::filesystem::path& socket, std::string_view request,
           std::chrono::milliseconds timeout = 3000ms);

// Parses one reply line (discarded value if it is not JSON).
Json parse(const std::string& line);

// Waiting helpers return as soon as what they wait for happens; their timeouts only
// bound a failing test. Under a sanitizer at -O0 on a loaded 2-core CI machine, starting
// six processes and their first samples can take several times as long as on a quiet
// one, so every such timeout is stretched by this factor.
inline constexpr int kPatience = 4;

// Polls until `done()` or the timeout (times kPatience); true if `done()` became true.
bool eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout,
                std::chrono::milliseconds poll = 20ms);

// Polls `get` until `done(snapshot)` or the timeout (times kPatience); the last snapshot
// seen (JSON null if none).
Json wait_for_snapshot(const std::filesystem::path& socket,
                       const std::function<bool(const Json&)>& done,
                       std::chrono::milliseconds timeout);

// True if snapshot[a][b]... exists and is not null.
bool has(const Json& snapshot, std::string_view source);

// True if cpu, mem, net and load all have data.
bool all_sources(const Json& snapshot);

}  // namespace statline::integration
