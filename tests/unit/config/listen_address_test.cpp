#include "config/listen_address.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string_view>

namespace statline {
namespace {

TEST(ConfigListenAddress, AcceptsHostAndPort) {
  EXPECT_EQ(parse_listen_address("127.0.0.1:9101"), (ListenAddress{"127.0.0.1", 9101}));
  EXPECT_EQ(parse_listen_address("0.0.0.0:1"), (ListenAddress{"0.0.0.0", 1}));
  EXPECT_EQ(parse_listen_address("[::1]:9101"), (ListenAddress{"::1", 9101}));
  EXPECT_EQ(parse_listen_address("[::]:65535"), (ListenAddress{"::", 65535}));
  EXPECT_EQ(parse_listen_address("localhost:9101"), (ListenAddress{"localhost", 9101}));
  EXPECT_EQ(parse_listen_address("metrics-1.example.org:80"),
            (ListenAddress{"metrics-1.example.org", 80}));
}

TEST(ConfigListenAddress, RejectsMalformedAddresses) {
  for (const std::string_view text : {
           "",                  // nothing
           "9101",              // no host
           ":9101",             // empty host: listening everywhere must be explicit
           "localhost",         // no port
           "localhost:",        // empty port
           "localhost:0",       // port 0 would pick a random port
           "localhost:65536",   // port out of range
           "localhost:91a",     // port not a number
           "localhost:-1",      // negative port
           "300.1.1.1:9101",    // not an IPv4 address
           "1.2.3:9101",        // not an IPv4 address either
           "::1:9101",          // IPv6 without brackets
           "[::1]9101",         // no colon before the port
           "[nonsense]:9101",   // not an IPv6 address
           "bad_host:9101",     // underscore is not allowed in host names
           "-host:9101",        // label starts with a hyphen
           "host..name:9101",   // empty label
           "http://host:9101",  // a URL, not an address
       }) {
    EXPECT_EQ(parse_listen_address(text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace statline
