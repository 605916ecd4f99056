#include "collectors/netdev.hpp"

#include <gtest/gtest.h>

#include <string>

#include "tests/unit/collectors/parser_test_support.hpp"

namespace statline {
namespace {

using test_support::CaseName;
using test_support::expect_parsed;
using test_support::read_proc_fixture;
using NetdevCase = test_support::ParserCase<NetdevSample>;

ParseError error(std::string message) {
  return ParseError{std::move(message)};
}

// Counters of an interface that only moved bytes and packets (every other column 0).
NetCounters traffic(std::uint64_t rx_bytes, std::uint64_t rx_packets, std::uint64_t tx_bytes,
                    std::uint64_t tx_packets) {
  NetCounters counters;
  counters.rx_bytes = rx_bytes;
  counters.rx_packets = rx_packets;
  counters.tx_bytes = tx_bytes;
  counters.tx_packets = tx_packets;
  return counters;
}

// Counters 1..16 in column order, to check that every column lands in its field.
const NetCounters kOneToSixteen{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

const std::string kHeader =
    "Inter-|   Receive                                                |  Transmit\n"
    " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs "
    "drop fifo colls carrier compressed\n";
const std::string kOneToSixteenText = " 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16";

const NetdevCase kCases[] = {
    {"empty", "", NetdevSample{}},
    {"header_only", kHeader, NetdevSample{}},
    {"every_column_in_its_field", kHeader + "  eth0:" + kOneToSixteenText + "\n",
     NetdevSample{{{"eth0", kOneToSixteen}}}},
    {"eth0_123_without_space", "eth0:123 0 0 0 0 0 0 0 456 0 0 0 0 0 0 0\n",
     NetdevSample{{{"eth0", traffic(123, 0, 456, 0)}}}},
    {"name_trimmed", "   lo  :" + kOneToSixteenText + "\n", NetdevSample{{{"lo", kOneToSixteen}}}},
    {"alias_name_contains_colon", "eth0:1:" + kOneToSixteenText + "\n",
     NetdevSample{{{"eth0:1", kOneToSixteen}}}},
    {"names_with_dots_dashes_at_pipe",
     "veth-a.100:" + kOneToSixteenText + "\nbr-abc:" + kOneToSixteenText +
         "\nwg@peer:" + kOneToSixteenText + "\na|b:" + kOneToSixteenText + "\n",
     NetdevSample{{{"veth-a.100", kOneToSixteen},
                   {"br-abc", kOneToSixteen},
                   {"wg@peer", kOneToSixteen},
                   {"a|b", kOneToSixteen}}}},
    {"extra_columns_ignored", "eth0:" + kOneToSixteenText + " 17 future\n",
     NetdevSample{{{"eth0", kOneToSixteen}}}},
    {"no_trailing_newline", "eth0:" + kOneToSixteenText, NetdevSample{{{"eth0", kOneToSixteen}}}},
    {"lines_without_colon_ignored",
     kHeader + "garbage without colon\n\neth0:" + kOneToSixteenText + "\n",
     NetdevSample{{{"eth0", kOneToSixteen}}}},
    {"not_enough_fields", kHeader + "  eth0: 1 2 3 4 5\n",
     error("netdev:3: eth0: expected 16 integers, got 5")},
    {"name_only", "eth0:\n", error("netdev:1: eth0: expected 16 integers, got 0")},
    {"bad_number", "eth0: 1 2 3 4 5 6 7 8 9 1O 11 12 13 14 15 16\n",
     error("netdev:1: eth0: expected integer, got \"1O\"")},
    {"negative_number", "eth0: -1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n",
     error("netdev:1: eth0: expected integer, got \"-1\"")},
    {"empty_name", "  :" + kOneToSixteenText + "\n",
     error("netdev:1: interface: empty name before ':'")},
    {"duplicate_interface",
     "lo:" + kOneToSixteenText + "\neth0:" + kOneToSixteenText + "\neth0:" + kOneToSixteenText,
     error("netdev:3: eth0: duplicate key (first on line 2)")},
};

class NetdevTableTest : public ::testing::TestWithParam<NetdevCase> {};

TEST_P(NetdevTableTest, Parses) {
  expect_parsed(parse_netdev(GetParam().text), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Netdev, NetdevTableTest, ::testing::ValuesIn(kCases), CaseName{});

// --- Fixtures: whole samples from tests/fixtures/proc/<case>/net/dev.

const NetInterface kLo{"lo", traffic(3267, 29, 3267, 29)};

TEST(NetdevFixture, Real) {
  const NetdevSample expected{{kLo,
                               {"ifb0", traffic(0, 0, 0, 0)},
                               {"ifb1", traffic(0, 0, 0, 0)},
                               {"eth0", traffic(19064368, 785, 50203, 676)}}};
  expect_parsed(parse_netdev(read_proc_fixture("real/net/dev")), Result<NetdevSample>(expected));
}

TEST(NetdevFixture, NoSpaceAndUnusualNames) {
  const NetdevSample expected{{
      kLo,
      {"eth0", traffic(123, 456, 789, 1011)},
      {"eth1", {4294967296, 2000, 1, 2, 3, 4, 5, 6, 98765432101, 3000, 7, 8, 9, 10, 11, 12}},
      {"veth-a.100", traffic(1000, 10, 2000, 20)},
      {"br-4f2a9c1d", traffic(5, 1, 6, 1)},
      {"eth0:1", traffic(7, 1, 8, 1)},
      {"wg@peer", traffic(9, 1, 10, 1)},
  }};
  expect_parsed(parse_netdev(read_proc_fixture("netdev_nospace/net/dev")),
                Result<NetdevSample>(expected));
}

TEST(NetdevFixture, GarbageLinesIgnored) {
  const NetdevSample expected{{kLo, {"eth0", traffic(19064368, 785, 50203, 676)}}};
  expect_parsed(parse_netdev(read_proc_fixture("garbage/net/dev")), Result<NetdevSample>(expected));
}

TEST(NetdevFixture, TruncatedInsideCounters) {
  expect_parsed(parse_netdev(read_proc_fixture("truncated/net/dev")),
                Result<NetdevSample>(error("netdev:4: eth0: expected 16 integers, got 9")));
}

TEST(NetdevFixture, EmptyHasNoInterfaces) {
  expect_parsed(parse_netdev(read_proc_fixture("empty/net/dev")),
                Result<NetdevSample>(NetdevSample{}));
}

// Rate pairs: the parser must read both sides exactly; wrap/reset handling is the rate
// engine's job.
void expect_pair(const std::string& rate_case, const NetdevSample& t0, const NetdevSample& t1) {
  expect_parsed(parse_netdev(read_proc_fixture(rate_case + "/t0/net/dev")),
                Result<NetdevSample>(t0));
  expect_parsed(parse_netdev(read_proc_fixture(rate_case + "/t1/net/dev")),
                Result<NetdevSample>(t1));
}

TEST(NetdevFixture, Wrap32Pair) {
  NetCounters eth0_t0 = traffic(4294967000, 3000000, 4294960000, 2500000);
  NetCounters eth0_t1 = traffic(1704, 3000010, 4294966000, 2500008);
  eth0_t0.rx_multicast = eth0_t1.rx_multicast = 12;
  expect_pair("net_wrap32", NetdevSample{{kLo, {"eth0", eth0_t0}}},
              NetdevSample{{{"lo", traffic(3367, 30, 3367, 30)}, {"eth0", eth0_t1}}});
}

TEST(NetdevFixture, ResetPair) {
  const NetCounters eth0_t0{9876543210, 7000000, 3, 1, 0, 0, 0, 40,
                            1234567890, 5000000, 0, 0, 0, 0, 0, 0};
  expect_pair("net_reset", NetdevSample{{kLo, {"eth0", eth0_t0}}},
              NetdevSample{{kLo, {"eth0", traffic(1234, 9, 567, 7)}}});
}

TEST(NetdevFixture, InterfaceVanishPair) {
  expect_pair("iface_vanish",
              NetdevSample{{kLo,
                            {"eth0", traffic(500000, 4000, 300000, 3500)},
                            {"wlan0", traffic(777777, 6000, 88888, 700)}}},
              NetdevSample{{kLo,
                            {"eth0", traffic(501000, 4010, 300500, 3505)},
                            {"usb0", traffic(1500, 12, 900, 9)}}});
}

}  // namespace
}  // namespace statline
