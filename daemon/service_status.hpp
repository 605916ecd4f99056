// The one-line STATUS= summary systemd shows in `systemctl status statline`: what is up,
// who is connected, how much was sampled, and what is wrong if anything is. A pure
// function of the facts, so every wording is tested.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace statline {

enum class ServicePhase { starting, running, reloading, stopping };

struct StatusFacts {
  ServicePhase phase = ServicePhase::starting;
  int collectors_wanted = 0;
  std::vector<std::string> collectors_down;  // sources ("netdev") wanted but not running
  bool aggregator_up = false;
  std::uint32_t clients = 0;
  std::uint64_t samples = 0;         // published by every collector since the start
  std::vector<std::string> stalled;  // running children that stopped making progress
  std::string note;                  // e.g. why the last reload was refused
};

// "4/4 collectors up, 2 clients, 1234 samples"
// "3/4 collectors up (netdev restarting), aggregator restarting, 1234 samples"
// "starting: 4/4 collectors up, waiting for the first full snapshot"
std::string status_line(const StatusFacts& facts);

}  // namespace statline
