// The human forms of status and history replies, and how replies are interpreted.
#include <gtest/gtest.h>
#include <stdlib.h>

#include "client/client_error.hpp"
#include "client/daemon_reply.hpp"
#include "client/history_lines.hpp"
#include "client/request_line.hpp"
#include "client/status_table.hpp"
#include "tests/unit/client/canned_replies.hpp"

namespace statline::client {
namespace {

TEST(StatusTable, CannedStatusWithExtraAndMissingFields) {
  EXPECT_EQ(format_status(Json::parse(testing::status_json)), testing::status_text);
}

TEST(StatusTable, EmptyStatus) {
  EXPECT_EQ(format_status(Json::object()),
            "uptime    -\nconfig    -\nsocket    -\ninterval  -\nclients   -\n\n"
            "(no children reported)\n");
}

TEST(StatusTable, ConfigMayBeTheBuiltInDefaults) {
  const std::string text = format_status(Json::parse(R"({"config":"built-in defaults"})"));
  EXPECT_NE(text.find("config    built-in defaults\n"), std::string::npos);
}

TEST(HistoryLines, TimeValueInLocalTime) {
  ::setenv("TZ", "UTC", 1);
  ::tzset();
  EXPECT_EQ(format_history(Json::parse(testing::history_json)), testing::history_text);
}

TEST(HistoryLines, MalformedPointsAreSkipped) {
  ::setenv("TZ", "UTC", 1);
  ::tzset();
  EXPECT_EQ(format_history(Json::parse(R"({"points":[[1700000000],"x",[null,1],[1700000000,2]]})")),
            "22:13:20 2\n");
  EXPECT_EQ(format_history(Json::parse(R"({"points":null})")), "");
}

int exit_status_of(std::string_view line) {
  try {
    parse_reply(line);
  } catch (const ClientError& error) {
    return error.exit_status();
  }
  return exit_code::ok;
}

TEST(DaemonReply, ErrorObjectsBecomeExitOne) {
  EXPECT_EQ(exit_status_of(R"({"error":"unknown path: foo"})"), exit_code::daemon_error);
  try {
    parse_reply(R"({"error":"unknown path: foo"})");
  } catch (const ClientError& error) {
    EXPECT_STREQ(error.what(), "unknown path: foo");
  }
  EXPECT_EQ(reply_error(Json::parse(R"({"error":{"code":3}})")), R"({"code":3})");
}

TEST(DaemonReply, NotJsonIsAProtocolError) {
  EXPECT_EQ(exit_status_of("hello"), exit_code::protocol);
  EXPECT_EQ(exit_status_of(""), exit_code::protocol);
  EXPECT_EQ(exit_status_of(R"({"ok":true})"), exit_code::ok);
}

TEST(DaemonReply, TextRepliesOnlyFailOnAnErrorObject) {
  EXPECT_EQ(text_reply_error(R"({"error":"no such format: x"})"), "no such format: x");
  EXPECT_EQ(text_reply_error("#[fg=green]cpu 12%#[default]"), std::nullopt);
  EXPECT_EQ(text_reply_error("{not json"), std::nullopt);
  EXPECT_EQ(text_reply_error("# EOF"), std::nullopt);
}

TEST(RequestLine, JoinsWords) {
  EXPECT_EQ(build_request("get", {}), "get");
  EXPECT_EQ(build_request("get", {"cpu.total", "mem"}), "get cpu.total mem");
}

TEST(RequestLine, RejectsWhatWouldSplitOrInjectRequests) {
  for (const char* bad : {"a b", "a\nping", "", "tab\there", "cr\r"}) {
    try {
      build_request("get", {bad});
      ADD_FAILURE() << "accepted " << bad;
    } catch (const ClientError& error) {
      EXPECT_EQ(error.exit_status(), exit_code::usage);
    }
  }
}

TEST(RequestLine, RespectsTheProtocolLimit) {
  EXPECT_NO_THROW(build_request("get", {std::string(4096 - 5, 'x')}));  // "get " + x + '\n'
  EXPECT_THROW(build_request("get", {std::string(4096 - 4, 'x')}), ClientError);
}

}  // namespace
}  // namespace statline::client
