/**
 * @file socialcart/common.h
 * The export macro and the version numbers every other header uses.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>.
 */
#ifndef SOCIALCART_COMMON_H
#define SOCIALCART_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * Marks the functions the library exports (the same names as the linker's
 * export list, src/capi/socialcart.map).
 */
#if defined(_WIN32)
#  if defined(SOCIALCART_BUILDING)
#    define SC_API __declspec(dllexport)
#  else
#    define SC_API __declspec(dllimport)
#  endif
#else
#  define SC_API __attribute__((visibility("default")))
#endif

/** The version of this header (SemVer); sc_version() gives the library's. */
#define SOCIALCART_VERSION_MAJOR 0
/** Minor version of this header. */
#define SOCIALCART_VERSION_MINOR 3
/** Patch version of this header. */
#define SOCIALCART_VERSION_PATCH 0
/** "MAJOR.MINOR.PATCH" of this header. */
#define SOCIALCART_VERSION_STRING "0.3.0"

/**
 * The ABI generation of this header. Bindings compare it with sc_abi_version()
 * when they load; a mismatch means the header and the library disagree.
 */
#define SOCIALCART_ABI_VERSION 2

#endif /* SOCIALCART_COMMON_H */
