# statline_library(NAME <target> DIR <folder> [DEPS <targets...>])
#
# One static library per top-level folder, made of every .cpp in it except the
# binaries' main files (*_main.cpp). Globbing keeps "add a file" a one-step change;
# CONFIGURE_DEPENDS re-globs on every build.
function(statline_library)
  cmake_parse_arguments(ARG "" "NAME;DIR" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${ARG_DIR}/*.cpp)
  list(FILTER sources EXCLUDE REGEX "_main\\.cpp$")
  if(sources)
    add_library(${ARG_NAME} STATIC ${sources})
    target_link_libraries(${ARG_NAME} PUBLIC ${ARG_DEPS})
  else()
    add_library(${ARG_NAME} INTERFACE)
    target_link_libraries(${ARG_NAME} INTERFACE ${ARG_DEPS})
  endif()
endfunction()
