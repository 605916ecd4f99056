// Fuzz target: parse_loadavg on arbitrary bytes, then the codec round trip.
#include "collectors/loadavg.hpp"
#include "ipc/sample_codec.hpp"
#include "tests/fuzz/proc_parser_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  statline::fuzz::check_proc_parser(data, size, statline::parse_loadavg, statline::encode_loadavg,
                                    statline::decode_loadavg);
  return 0;
}
