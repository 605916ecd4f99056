// Building a protocol request (DESIGN §4: one line, words separated by spaces, at most
// 4096 bytes with its '\n'). Checked before anything is sent: an argument with a space
// or newline would silently become two arguments or a second request.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace statline::client {

inline constexpr std::size_t max_request_bytes = 4096;  // including the '\n'

// "verb arg1 arg2". Throws ClientError(exit_code::usage) for an empty argument, one with
// whitespace or control characters, or a request over the limit.
std::string build_request(std::string_view verb, const std::vector<std::string>& arguments);

}  // namespace statline::client
