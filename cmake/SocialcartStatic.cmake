# libsocialcart.a (target socialcart_static, exported as socialcart::socialcart_static).
#
# An archive of the engine's objects would hand the host's linker every C++ symbol of
# socialcart and of SQLiteCpp: clashes with a host's own SQLiteCpp, and internals to link
# against. So the archive holds one object, pre-linked from the C ABI, the engine and
# SQLiteCpp (`ld -r`), in which objcopy leaves only the sc_ functions of the export map
# global: the same surface as the shared library. The host links SQLite, OpenSSL's
# libcrypto and threads itself (socialcartConfig.cmake and socialcart.pc say so).

if(NOT CMAKE_OBJCOPY OR APPLE OR WIN32)
  # ld64 and link.exe have other ways to do this (ld -r -exported_symbols_list; a .lib of
  # one object); none is tested here, so the option says so instead of guessing.
  message(FATAL_ERROR "SOCIALCART_STATIC needs an ELF toolchain with objcopy (Linux, Android, BSD)")
endif()

set(_sc_prelinked "${CMAKE_CURRENT_BINARY_DIR}/socialcart_prelinked.o")
add_custom_command(OUTPUT "${_sc_prelinked}"
  COMMAND "${CMAKE_LINKER}" -r -o "${_sc_prelinked}.all"
          $<TARGET_OBJECTS:socialcart_capi>
          --whole-archive $<TARGET_FILE:socialcart_engine> $<TARGET_FILE:SQLiteCpp> --no-whole-archive
  COMMAND "${CMAKE_OBJCOPY}" "--keep-global-symbols=${SC_SYMBOL_LIST}" "${_sc_prelinked}.all" "${_sc_prelinked}"
  DEPENDS socialcart_capi socialcart_engine "${SC_SYMBOL_LIST}" $<TARGET_OBJECTS:socialcart_capi>
  COMMAND_EXPAND_LISTS
  COMMENT "Pre-linking libsocialcart.a with only the sc_ functions global")

# CMake learns which runtime a library needs from its sources' languages; the pre-linked
# object has none, so an empty C++ unit tells it that hosts must link the C++ runtime
# (exported as IMPORTED_LINK_INTERFACE_LANGUAGES CXX).
file(CONFIGURE OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/socialcart_static_language.cpp"
  CONTENT "// Marks libsocialcart.a as C++ for CMake (cmake/SocialcartStatic.cmake).\n")

add_library(socialcart_static STATIC "${_sc_prelinked}" "${CMAKE_CURRENT_BINARY_DIR}/socialcart_static_language.cpp")
add_library(socialcart::socialcart_static ALIAS socialcart_static)
set_source_files_properties("${_sc_prelinked}" PROPERTIES EXTERNAL_OBJECT TRUE GENERATED TRUE)
set_target_properties(socialcart_static PROPERTIES OUTPUT_NAME socialcart
  ARCHIVE_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR})
target_include_directories(socialcart_static INTERFACE
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_link_libraries(socialcart_static INTERFACE SQLite::SQLite3 OpenSSL::Crypto Threads::Threads ${CMAKE_DL_LIBS})
