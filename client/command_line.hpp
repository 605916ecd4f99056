// The `statline` command line (CLI11): options, help, dispatch to the commands, and the
// one place where failures become a message on stderr and an exit status.
#pragma once

#include <ostream>

namespace statline::client {

// What main() does, with the streams as parameters so tests can run it in-process.
int run_command_line(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace statline::client
