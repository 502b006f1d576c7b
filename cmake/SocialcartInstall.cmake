# Install rules: the header, libsocialcart.so (and libsocialcart.a with SOCIALCART_STATIC),
# a CMake package (find_package(socialcart)) and a pkg-config file. Both are relocatable:
# they find the prefix from where they were installed, so `cmake --install --prefix` works.

include(CMakePackageConfigHelpers)

install(DIRECTORY include/socialcart DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")
# The binaries carry third-party code (NOTICE), so the notices travel with them.
install(FILES LICENSE NOTICE DESTINATION ${CMAKE_INSTALL_DOCDIR})

install(TARGETS socialcart EXPORT socialcartTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(EXPORT socialcartTargets NAMESPACE socialcart::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/socialcart)

if(SOCIALCART_STATIC)
  # A target set of its own: only hosts that ask for the `static` component need SQLite,
  # OpenSSL and threads to be findable.
  install(TARGETS socialcart_static EXPORT socialcartStaticTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
  install(EXPORT socialcartStaticTargets NAMESPACE socialcart::
    DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/socialcart)
endif()

configure_package_config_file(cmake/socialcartConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/socialcartConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/socialcart)
# Before 1.0 a minor release may break callers (docs/versioning.md), so 0.1 accepts only
# 0.1.x; from 1.0 on, any 1.x satisfies a request for 1.y with y <= x.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(_sc_compat SameMinorVersion)
else()
  set(_sc_compat SameMajorVersion)
endif()
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/socialcartConfigVersion.cmake
  COMPATIBILITY ${_sc_compat})
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/socialcartConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/socialcartConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/socialcart)

# pkg-config: ${pcfiledir} makes the prefix follow the file. A static library needs its
# dependencies on the host's link line (pkg-config --static); a shared-only install
# lists none, so hosts need no SQLite or OpenSSL development files.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(SC_PC_TO_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(SC_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  file(RELATIVE_PATH SC_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
  set(SC_PC_TO_PREFIX "\${pcfiledir}/${SC_PC_TO_PREFIX}")
  set(SC_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(SC_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(SC_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
if(SOCIALCART_STATIC)
  set(SC_PC_PRIVATE "Requires.private: sqlite3 libcrypto\nLibs.private: -lstdc++ -lm -pthread")
  if(CMAKE_DL_LIBS)
    set(SC_PC_PRIVATE "${SC_PC_PRIVATE} -l${CMAKE_DL_LIBS}")
  endif()
else()
  set(SC_PC_PRIVATE "")
endif()
configure_file(cmake/socialcart.pc.in ${CMAKE_CURRENT_BINARY_DIR}/socialcart.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/socialcart.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
