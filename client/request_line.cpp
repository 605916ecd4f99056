#include "client/request_line.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "client/client_error.hpp"

namespace statline::client {
namespace {

bool is_separator_or_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte <= ' ' || byte == 0x7f;
}

}  // namespace

std::string build_request(std::string_view verb, const std::vector<std::string>& arguments) {
  std::string request(verb);
  for (const std::string& argument : arguments) {
    if (argument.empty() ||
        std::any_of(argument.begin(), argument.end(), is_separator_or_control)) {
      throw ClientError(exit_code::usage,
                        fmt::format("invalid argument \"{}\": it must be one word without spaces "
                                    "or control characters",
                                    argument));
    }
    request += ' ';
    request += argument;
  }
  if (request.size() + 1 > max_request_bytes) {
    throw ClientError(exit_code::usage,
                      fmt::format("the request is {} bytes; the protocol allows {}",
                                  request.size() + 1, max_request_bytes));
  }
  return request;
}

}  // namespace statline::client
