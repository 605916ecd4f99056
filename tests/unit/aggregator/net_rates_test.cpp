#include "aggregator/net_rates.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace statline {
namespace {

NetInterface iface(std::string name, std::uint64_t rx_bytes, std::uint64_t tx_bytes = 0,
                   std::uint64_t rx_packets = 0, std::uint64_t tx_packets = 0) {
  NetInterface interface {
    std::move(name), {}
  };
  interface.counters.rx_bytes = rx_bytes;
  interface.counters.tx_bytes = tx_bytes;
  interface.counters.rx_packets = rx_packets;
  interface.counters.tx_packets = tx_packets;
  return interface;
}

NetdevSample sample(std::initializer_list<NetInterface> interfaces) {
  return {interfaces};
}

const InterfaceRates* find(const NetRates& net, std::string_view name) {
  for (const auto& entry : net.interfaces) {
    if (entry.name == name) return &entry.rates;
  }
  return nullptr;
}

TEST(NetRates, EveryCounterPerSecond) {
  NetInterface before = iface("eth0", 1000, 2000, 10, 20);
  before.counters.rx_errors = 1;
  before.counters.tx_errors = 2;
  before.counters.rx_drops = 3;
  before.counters.tx_drops = 4;
  before.counters.rx_fifo = 100;  // not published
  NetInterface after = iface("eth0", 3000, 2100, 30, 24);
  after.counters.rx_errors = 3;
  after.counters.tx_errors = 6;
  after.counters.rx_drops = 9;
  after.counters.tx_drops = 12;

  const auto net = net_rates(sample({before}), sample({after}), 2.0, NetdevConfig{});
  ASSERT_TRUE(net);
  ASSERT_EQ(net->interfaces.size(), 1u);
  EXPECT_EQ(net->interfaces[0].name, "eth0");
  EXPECT_EQ(net->interfaces[0].rates, (InterfaceRates{1000, 50, 10, 2, 1, 2, 3, 4}));
  EXPECT_EQ(net->total, (NetTotals{1000, 50, 10, 2}));
}

TEST(NetRates, Wrap32AndResetAreNeverNegativeOrHuge) {
  const std::uint64_t k2to32 = std::uint64_t{1} << 32;
  const auto net = net_rates(sample({iface("eth0", k2to32 - 1000, 5'000'000'000)}),
                             sample({iface("eth0", 1000, 100)}), 1.0, NetdevConfig{});
  ASSERT_TRUE(net);
  const InterfaceRates& rates = net->interfaces.at(0).rates;
  EXPECT_EQ(rates.rx_bytes, 2000.0);  // 32-bit wrap
  EXPECT_EQ(rates.tx_bytes, 100.0);   // reset: the increase is the new value
}

TEST(NetRates, VanishedDroppedAndNewAppearOnceTheyHaveTwoSamples) {
  const NetdevSample t0 = sample({iface("eth0", 0), iface("eth1", 0)});
  const NetdevSample t1 = sample({iface("eth2", 10), iface("eth0", 100)});
  const NetdevSample t2 = sample({iface("eth2", 30), iface("eth0", 200)});

  const auto first = net_rates(t0, t1, 1.0, NetdevConfig{});
  ASSERT_TRUE(first);
  ASSERT_EQ(first->interfaces.size(), 1u);
  EXPECT_EQ(first->interfaces[0].name, "eth0");

  const auto second = net_rates(t1, t2, 1.0, NetdevConfig{});
  ASSERT_TRUE(second);
  ASSERT_EQ(second->interfaces.size(), 2u);  // in the newer sample's order
  EXPECT_EQ(second->interfaces[0].name, "eth2");
  EXPECT_EQ(second->interfaces[0].rates.rx_bytes, 20.0);
  EXPECT_EQ(second->interfaces[1].name, "eth0");
  EXPECT_EQ(second->total.rx_bytes, 120.0);
}

TEST(NetRates, TotalSkipsLoByDefaultButLoIsStillListed) {
  const auto net = net_rates(sample({iface("lo", 0), iface("eth0", 0)}),
                             sample({iface("lo", 500), iface("eth0", 100)}), 1.0, NetdevConfig{});
  ASSERT_TRUE(net);
  ASSERT_NE(find(*net, "lo"), nullptr);
  EXPECT_EQ(find(*net, "lo")->rx_bytes, 500.0);
  EXPECT_EQ(net->total.rx_bytes, 100.0);
}

TEST(NetRates, TotalFollowsIncludeAndExcludeGlobs) {
  NetdevConfig config;
  config.interfaces = {"eth*", "wl?0"};
  config.exclude = {"eth1"};
  const NetdevSample prev = sample({iface("eth0", 0), iface("eth1", 0), iface("wlp0", 0),
                                    iface("wlan0", 0), iface("docker0", 0)});
  const NetdevSample cur = sample({iface("eth0", 1), iface("eth1", 10), iface("wlp0", 100),
                                   iface("wlan0", 1000), iface("docker0", 10000)});
  const auto net = net_rates(prev, cur, 1.0, config);
  ASSERT_TRUE(net);
  EXPECT_EQ(net->interfaces.size(), 5u);
  EXPECT_EQ(net->total.rx_bytes, 101.0);  // eth0 + wlp0
}

TEST(NetRates, DottedInterfaceNames) {
  NetdevConfig config;
  config.exclude = {"lo", "veth*.200"};
  const auto net = net_rates(sample({iface("veth1.100", 0), iface("veth1.200", 0)}),
                             sample({iface("veth1.100", 8), iface("veth1.200", 16)}), 2.0, config);
  ASSERT_TRUE(net);
  ASSERT_NE(find(*net, "veth1.100"), nullptr);
  EXPECT_EQ(find(*net, "veth1.100")->rx_bytes, 4.0);
  EXPECT_EQ(net->total.rx_bytes, 4.0);
}

TEST(NetRates, InvalidIntervalIsNoData) {
  const NetdevSample s = sample({iface("eth0", 1)});
  EXPECT_FALSE(net_rates(s, s, 0.0, NetdevConfig{}));
  EXPECT_FALSE(net_rates(s, s, -1.0, NetdevConfig{}));
  EXPECT_FALSE(net_rates(s, s, std::nan(""), NetdevConfig{}));
}

TEST(CountsInTotal, Table) {
  NetdevConfig defaults;
  EXPECT_TRUE(counts_in_total("eth0", defaults));
  EXPECT_FALSE(counts_in_total("lo", defaults));
  EXPECT_TRUE(counts_in_total("lo0", defaults));  // a glob matches the whole name

  NetdevConfig everything;
  everything.exclude.clear();
  EXPECT_TRUE(counts_in_total("lo", everything));

  NetdevConfig only_en;
  only_en.interfaces = {"en*"};
  EXPECT_TRUE(counts_in_total("enp3s0", only_en));
  EXPECT_FALSE(counts_in_total("wlan0", only_en));

  NetdevConfig classes;
  classes.interfaces = {"[ew]*"};
  classes.exclude = {"*.*"};
  EXPECT_TRUE(counts_in_total("wlan0", classes));
  EXPECT_FALSE(counts_in_total("eth0.100", classes));
}

}  // namespace
}  // namespace statline
