# The exported symbols come from one list, src/capi/socialcart.map (a GNU version script).
# This file turns it into what each linker understands:
#   - ELF linkers that take a version script (GNU ld, gold, lld): the map itself, plus
#     --no-undefined so that a missing dependency fails the link, not the host's load;
#   - Apple's ld64: an -exported_symbols_list generated from the map (untested here: no
#     macOS machine in CI);
#   - the static library: the same names, for objcopy to keep global (SocialcartStatic.cmake).

include(CheckLinkerFlag)

# SC_EXPORTED_SYMBOLS: the function names of the map's `global:` section.
file(READ "${SC_EXPORT_MAP}" _sc_map)
string(REGEX MATCH "global:[^}]*local:" _sc_global "${_sc_map}")
string(REGEX MATCHALL "sc_[a-z0-9_]+" SC_EXPORTED_SYMBOLS "${_sc_global}")
list(SORT SC_EXPORTED_SYMBOLS)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${SC_EXPORT_MAP}")

# One name per line, as objcopy --keep-global-symbols reads them.
list(JOIN SC_EXPORTED_SYMBOLS "\n" _sc_plain)
file(CONFIGURE OUTPUT "${PROJECT_BINARY_DIR}/socialcart.symbols" CONTENT "${_sc_plain}\n")
set(SC_SYMBOL_LIST "${PROJECT_BINARY_DIR}/socialcart.symbols")

check_linker_flag(CXX "LINKER:--version-script=${SC_EXPORT_MAP}" SC_LINKER_HAS_VERSION_SCRIPT)

# socialcart_limit_exports(TARGET): export exactly the map's functions from a shared library.
function(socialcart_limit_exports target)
  if(SC_LINKER_HAS_VERSION_SCRIPT)
    target_link_options(${target} PRIVATE "LINKER:--version-script=${SC_EXPORT_MAP}")
    # clang leaves the sanitizer runtimes out of shared libraries (each program brings its
    # own), so a sanitized library's link must leave their symbols undefined.
    if(NOT (SOCIALCART_SANITIZE AND CMAKE_CXX_COMPILER_ID MATCHES "Clang"))
      target_link_options(${target} PRIVATE "LINKER:--no-undefined")
    endif()
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${SC_EXPORT_MAP}")
  elseif(APPLE)
    # ld64 wants C names with their leading underscore.
    list(TRANSFORM SC_EXPORTED_SYMBOLS PREPEND "_" OUTPUT_VARIABLE _sc_apple)
    list(JOIN _sc_apple "\n" _sc_apple_text)
    file(CONFIGURE OUTPUT "${PROJECT_BINARY_DIR}/socialcart.exp" CONTENT "${_sc_apple_text}\n")
    target_link_options(${target} PRIVATE "LINKER:-exported_symbols_list,${PROJECT_BINARY_DIR}/socialcart.exp")
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${PROJECT_BINARY_DIR}/socialcart.exp")
  endif()
  # Elsewhere (Windows) SC_API's dllexport is the list, and -fvisibility=hidden does the rest.
endfunction()
