#include "daemon/service_status.hpp"

#include <gtest/gtest.h>

namespace statline {
namespace {

StatusFacts running(int wanted = 4) {
  StatusFacts facts;
  facts.phase = ServicePhase::running;
  facts.collectors_wanted = wanted;
  facts.aggregator_up = true;
  facts.clients = 2;
  facts.samples = 1234;
  return facts;
}

TEST(ServiceStatus, RunningSaysCollectorsClientsAndSamples) {
  EXPECT_EQ(status_line(running()), "4/4 collectors up, 2 clients, 1234 samples");
  auto one = running(3);
  one.clients = 1;
  EXPECT_EQ(status_line(one), "3/3 collectors up, 1 client, 1234 samples");
}

TEST(ServiceStatus, NamesWhatIsDownOrStuck) {
  auto facts = running();
  facts.collectors_down = {"netdev", "stat"};
  facts.aggregator_up = false;
  EXPECT_EQ(status_line(facts),
            "2/4 collectors up (netdev, stat restarting), aggregator restarting, 1234 samples");
  facts = running();
  facts.stalled = {"aggregator", "collector meminfo"};
  EXPECT_EQ(status_line(facts),
            "4/4 collectors up, 2 clients, 1234 samples; no progress from aggregator, collector "
            "meminfo");
}

TEST(ServiceStatus, KeepsOnlyTheFirstLineOfANoteAndCutsItShort) {
  auto facts = running();
  facts.note = "reload refused: config.yaml:1:11: interval: expected seconds\nsecond error";
  EXPECT_EQ(status_line(facts),
            "4/4 collectors up, 2 clients, 1234 samples; reload refused: config.yaml:1:11: "
            "interval: expected seconds");
  facts.note = std::string(300, 'x');
  const auto line = status_line(facts);
  EXPECT_EQ(line.size(), std::string("4/4 collectors up, 2 clients, 1234 samples; ").size() + 160);
  EXPECT_TRUE(line.ends_with("xxx..."));
}

TEST(ServiceStatus, PhasesOtherThanRunning) {
  auto facts = running();
  facts.phase = ServicePhase::starting;
  facts.collectors_down = {"loadavg"};
  EXPECT_EQ(status_line(facts),
            "starting: 3/4 collectors up (loadavg restarting), waiting for the first full "
            "snapshot");
  facts.phase = ServicePhase::reloading;
  EXPECT_EQ(status_line(facts), "reloading the config");
  facts.phase = ServicePhase::stopping;
  EXPECT_EQ(status_line(facts), "stopping");
}

}  // namespace
}  // namespace statline
