// statline: the command-line client of statlined (DESIGN §5).
#include <iostream>

#include "client/command_line.hpp"

int main(int argc, char** argv) {
  return statline::client::run_command_line(argc, argv, std::cout, std::cerr);
}
