// The aggregator's health, as the supervisor needs it to talk to systemd: one small
// memfd the supervisor creates before forking and keeps for the daemon's lifetime, plus a
// doorbell pipe (ipc/doorbell.hpp) the aggregator rings when something the supervisor
// waits for happened. The supervisor reads the board when it wakes (doorbell, watchdog
// tick, child event) and never polls it.
//
// Every field is a lock-free atomic of its own: each has exactly one writer and carries
// one fact, so no field needs to be read together with another.
//
//   supervisor -> aggregator: beat_period_ns, events_wanted
//   aggregator -> supervisor: beats, serving, config_seq, clients
#pragma once

#include <cstdint>

namespace statline {

class HealthBoard {
 public:
  // Supervisor, before fork. Throws std::system_error.
  static HealthBoard create();
  // Aggregator: maps an inherited fd, checking magic and layout version; throws
  // std::runtime_error naming the fd and what is wrong.
  static HealthBoard attach(int fd);

  HealthBoard(HealthBoard&& other) noexcept;
  HealthBoard& operator=(HealthBoard&& other) noexcept;
  HealthBoard(const HealthBoard&) = delete;
  HealthBoard& operator=(const HealthBoard&) = delete;
  ~HealthBoard();

  int fd() const { return fd_; }

  // Supervisor: how often the aggregator must show it is alive even without samples
  // (a quarter of systemd's watchdog timeout); 0 when no watchdog runs.
  void set_beat_period_ns(std::int64_t period);
  std::int64_t beat_period_ns() const;
  // Supervisor: whether anyone listens to the doorbell (only under systemd).
  void set_events_wanted(bool wanted);
  bool events_wanted() const;

  // Aggregator: its event loop turned (a sample flushed, a beat timer fired).
  void beat();
  std::uint64_t beats() const;
  // Aggregator: the socket is served and every enabled source has settled (a value or
  // a read error) in the snapshot. Reset by each new aggregator at start.
  void set_serving(bool serving);
  bool serving() const;
  // Aggregator: sequence number, in the config ring, of the config it runs with.
  void set_config_seq(std::uint64_t seq);
  std::uint64_t config_seq() const;
  // Aggregator: connected clients, refreshed with every sample.
  void set_clients(std::uint32_t clients);
  std::uint32_t clients() const;

 private:
  HealthBoard(int fd, void* base) : fd_(fd), base_(base) {}
  int fd_ = -1;
  void* base_ = nullptr;
};

}  // namespace statline
