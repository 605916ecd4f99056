// collectd's unixsock request syntax (collectd_command.hpp): which lines belong to it,
// field splitting with quotes, and collectd's own error messages.
#include "aggregator/collectd_command.hpp"

#include <gtest/gtest.h>

namespace statline {
namespace {

CollectdCommand parsed(std::string_view line) {
  auto command = parse_collectd_command(line);
  EXPECT_TRUE(command) << line << ": " << (command ? "" : command.error());
  return command ? command.value() : CollectdCommand{};
}

CollectdCommand getval(std::string identifier, std::string type) {
  return CollectdGetval{std::move(identifier), std::move(type)};
}

std::string error_of(std::string_view line) {
  const auto command = parse_collectd_command(line);
  return command ? "(no error)" : command.error();
}

TEST(CollectdCommand, ItsCommandsWithoutCaseOthersNot) {
  for (const char* line : {"LISTVAL", "listval", "GetVal x", "  FLUSH", "PUTVAL a/b/c N:1",
                           "putnotif", "GETTHRESHOLD x"}) {
    EXPECT_TRUE(is_collectd_command(line)) << line;
  }
  // statline's own protocol, and near misses, stay there.
  for (const char* line : {"get", "ping", "history cpu.total.usage", "watch", "LIST", "GET",
                           "\"GETVAL\" x", "", "listvalx"}) {
    EXPECT_FALSE(is_collectd_command(line)) << line;
  }
}

TEST(CollectdCommand, ListvalAndFlushAsCollectdctlSendsThem) {
  EXPECT_EQ(parsed("LISTVAL\r\n"), CollectdCommand{CollectdListval{}});
  EXPECT_EQ(parsed("FLUSH"), CollectdCommand{CollectdFlush{1}});
  EXPECT_EQ(parsed("FLUSH timeout=10 plugin=\"rrdtool\""), CollectdCommand{CollectdFlush{1}});
  // One flush per plugin and identifier pair.
  EXPECT_EQ(parsed("FLUSH plugin=a plugin=b identifier=\"h/load/load\" identifier=h/x/y"),
            CollectdCommand{CollectdFlush{4}});
  EXPECT_EQ(parsed("flush Timeout=-1"), CollectdCommand{CollectdFlush{1}});
}

TEST(CollectdCommand, GetvalTakesOneQuotedOrPlainIdentifier) {
  EXPECT_EQ(parsed("GETVAL \"vm/cpu-0/percent-user\""),
            getval("vm/cpu-0/percent-user", "percent"));
  EXPECT_EQ(parsed("GETVAL vm/load/load"), getval("vm/load/load", "load"));
  // Quotes let an identifier hold blanks and quotes; a backslash escapes inside them only.
  EXPECT_EQ(parsed(R"(GETVAL "my host/interface-eth 0/if_octets")"),
            getval("my host/interface-eth 0/if_octets", "if_octets"));
  EXPECT_EQ(parsed(R"(GETVAL "a\"b/c/d-e\\f")"),
            getval(R"(a"b/c/d-e\f)", "d"));
  EXPECT_EQ(parsed(R"(GETVAL a\b/c/d)"), getval(R"(a\b/c/d)", "d"));
  // The type is cut at its first '-', the rest is the type instance.
  EXPECT_EQ(std::get<CollectdGetval>(parsed("GETVAL h/memory/memory-slab_recl")).type, "memory");
}

TEST(CollectdCommand, ErrorsAreCollectds) {
  EXPECT_EQ(error_of("GETVAL"), "Missing identifier.");
  EXPECT_EQ(error_of("GETVAL a/b/c d"), "Garbage after identifier: `d'.");
  EXPECT_EQ(error_of("GETVAL load/load"), "Cannot parse identifier `load/load'.");
  EXPECT_EQ(error_of("GETVAL nohost"), "Cannot parse identifier `nohost'.");
  EXPECT_EQ(error_of("GETVAL \"a/b/c"), "Unterminated quoted string.");
  EXPECT_EQ(error_of("GETVAL \"a/b/c\\"), "Backslash at end of string.");
  EXPECT_EQ(error_of("LISTVAL now"), "Garbage after end of command: `now'.");
  EXPECT_EQ(error_of("FLUSH plugin"), "Invalid option string `plugin'.");
  EXPECT_EQ(error_of("FLUSH =x"), "Invalid option string `=x'.");
  EXPECT_EQ(error_of("FLUSH colour=red"), "Cannot parse option `colour'.");
  EXPECT_EQ(error_of("FLUSH timeout=soon"), "Invalid value for option `timeout': soon");
  EXPECT_EQ(error_of("FLUSH timeout=inf"), "Invalid value for option `timeout': inf");
  EXPECT_EQ(error_of("FLUSH identifier=load/load"), "Invalid identifier `load/load'.");
  EXPECT_EQ(error_of("PUTVAL h/load/load N:1:2:3"),
            "Unknown command: PUTVAL (statline answers LISTVAL, GETVAL and FLUSH; it does not "
            "take values or notifications)");
}

}  // namespace
}  // namespace statline
