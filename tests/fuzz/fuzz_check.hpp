// What a fuzz target does when a property fails: print why and abort, so that libFuzzer
// saves the input as a crash and the corpus replay in ctest fails with the reason.
#pragma once

#include <cstdio>
#include <cstdlib>

#define STATLINE_FUZZ_CHECK(condition, why)                                                \
  do {                                                                                     \
    if (!(condition)) {                                                                    \
      std::fprintf(stderr, "fuzz property failed: %s (%s:%d)\n", why, __FILE__, __LINE__); \
      std::abort();                                                                        \
    }                                                                                      \
  } while (false)
