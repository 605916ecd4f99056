#include "server/local_hostname.hpp"

#include <limits.h>
#include <unistd.h>

namespace statline {

std::string local_hostname() {
  char name[HOST_NAME_MAX + 1] = {};
  if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "localhost";
  return name;
}

}  // namespace statline
