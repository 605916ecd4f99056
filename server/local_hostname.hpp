// This machine's name as collectd names it by default (gethostname(2)), for the host part
// of collectd identifiers. collectdctl fills in the same name when an identifier leaves
// the host out. (collectd's FQDNLookup would resolve it further through DNS; a monitor
// must not block on DNS, and `hostname` is what users type after collectd-nagios -H.)
#pragma once

#include <string>

namespace statline {

// "localhost" if the name cannot be read.
std::string local_hostname();

}  // namespace statline
