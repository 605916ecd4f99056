# Where `cmake --install` puts the systemd files, and the unit files themselves.
#
# Unit directories come from pkg-config's systemd module (systemdsystemunitdir,
# systemduserunitdir, sysusersdir) evaluated for this install prefix, so a /usr/local
# install lands in /usr/local/lib/systemd/..., which systemd searches too. Without the
# module (systemd not installed on the build machine) the same paths below the prefix
# are used. Paths inside the prefix are kept relative, so `cmake --install build
# --prefix DIR` moves them along. Packagers override them:
#   -DSTATLINE_SYSTEMD_SYSTEM_UNIT_DIR=/lib/systemd/system

function(statline_systemd_dir out variable fallback)
  set(value "")
  if(PKG_CONFIG_EXECUTABLE)
    execute_process(
      COMMAND ${PKG_CONFIG_EXECUTABLE} --define-variable=prefix=${CMAKE_INSTALL_PREFIX}
              --define-variable=root_prefix=${CMAKE_INSTALL_PREFIX}
              --define-variable=rootprefix=${CMAKE_INSTALL_PREFIX} --variable=${variable} systemd
      OUTPUT_VARIABLE value
      OUTPUT_STRIP_TRAILING_WHITESPACE
      RESULT_VARIABLE result
      ERROR_QUIET)
    if(NOT result EQUAL 0)
      set(value "")
    endif()
  endif()
  if(value STREQUAL "")
    set(value ${fallback})
  else()
    cmake_path(IS_PREFIX CMAKE_INSTALL_PREFIX "${value}" NORMALIZE inside)
    if(inside)
      cmake_path(RELATIVE_PATH value BASE_DIRECTORY ${CMAKE_INSTALL_PREFIX})
    endif()
  endif()
  set(${out} ${value} PARENT_SCOPE)
endfunction()

statline_systemd_dir(system_units systemdsystemunitdir lib/systemd/system)
statline_systemd_dir(user_units systemduserunitdir lib/systemd/user)
statline_systemd_dir(sysusers sysusersdir lib/sysusers.d)
set(STATLINE_SYSTEMD_SYSTEM_UNIT_DIR ${system_units} CACHE STRING
    "Where the system statline.service/.socket go (relative: below the install prefix)")
set(STATLINE_SYSTEMD_USER_UNIT_DIR ${user_units} CACHE STRING
    "Where the per-user statline.service/.socket go (relative: below the install prefix)")
set(STATLINE_SYSUSERS_DIR ${sysusers} CACHE STRING
    "Where sysusers.d/statline.conf (the statline user and group) goes")

# ExecStart= must name the installed binary, and the prefix is only final at install
# time (`--prefix`), so the .service files are generated then, in a build-tree folder
# of their own per binary path (two installs to different prefixes cannot mix them up),
# and installed with file(INSTALL), which honours DESTDIR and the install manifest.
function(statline_unit_destination out dir)
  if(IS_ABSOLUTE "${dir}")
    set(${out} "${dir}" PARENT_SCOPE)
  else()
    set(${out} "\${CMAKE_INSTALL_PREFIX}/${dir}" PARENT_SCOPE)
  endif()
endfunction()
statline_unit_destination(system_destination ${STATLINE_SYSTEMD_SYSTEM_UNIT_DIR})
statline_unit_destination(user_destination ${STATLINE_SYSTEMD_USER_UNIT_DIR})
install(CODE "
  set(STATLINE_BINDIR \"${CMAKE_INSTALL_BINDIR}\")
  if(NOT IS_ABSOLUTE \"\${STATLINE_BINDIR}\")
    set(STATLINE_BINDIR \"\${CMAKE_INSTALL_PREFIX}/\${STATLINE_BINDIR}\")
  endif()
  string(MD5 statline_units_tag \"\${STATLINE_BINDIR}\")
  set(statline_units \"${CMAKE_BINARY_DIR}/systemd-units/\${statline_units_tag}\")
  foreach(scope user system)
    configure_file(\"${CMAKE_SOURCE_DIR}/systemd/\${scope}/statline.service.in\"
                   \"\${statline_units}/\${scope}/statline.service\" @ONLY)
  endforeach()
  file(INSTALL DESTINATION \"${system_destination}\" TYPE FILE
       FILES \"\${statline_units}/system/statline.service\")
  file(INSTALL DESTINATION \"${user_destination}\" TYPE FILE
       FILES \"\${statline_units}/user/statline.service\")
  file(REMOVE_RECURSE \"\${statline_units}\")
" COMPONENT systemd)
install(FILES systemd/system/statline.socket DESTINATION ${STATLINE_SYSTEMD_SYSTEM_UNIT_DIR}
        COMPONENT systemd)
install(FILES systemd/user/statline.socket DESTINATION ${STATLINE_SYSTEMD_USER_UNIT_DIR}
        COMPONENT systemd)
install(FILES systemd/statline.sysusers DESTINATION ${STATLINE_SYSUSERS_DIR}
        RENAME statline.conf COMPONENT systemd)
