// Loading the config file: YAML text in, a validated Config or a user-facing error out.
//
// Errors read `FILE:LINE:COLUMN: KEY.PATH: expected WHAT, found WHAT` (the key path is
// left out at the top level); every error in the file is reported, one per line, in
// file order. Lines and columns are 1-based.
#pragma once

#include <string>
#include <string_view>

#include "collectors/parse_result.hpp"
#include "config/config.hpp"

namespace statline {

// Pure: no I/O. `file_name` only prefixes the messages. Empty text, or only comments,
// gives the defaults. Keys not in the text keep their default; lists replace the
// default list; tmux.thresholds entries replace the built-in entry of the same name.
Result<Config> parse_config(std::string_view yaml_text, std::string_view file_name);

// Reads `path` and parses it; an unreadable file is "<path>: cannot read: <reason>".
Result<Config> load_config_file(const std::string& path);

}  // namespace statline
