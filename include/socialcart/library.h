/**
 * @file socialcart/library.h
 * Library-wide calls: versions, the live-object count, strings, money formatting.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_LIBRARY_H
#define SOCIALCART_LIBRARY_H

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The library's version, "MAJOR.MINOR.PATCH".
 * @return a static string; do not free. Thread-safe.
 */
SC_API const char* sc_version(void);

/**
 * The ABI generation the library was built with (SOCIALCART_ABI_VERSION).
 * Thread-safe.
 */
SC_API int32_t sc_abi_version(void);

/**
 * How many objects the library has handed out and not yet seen freed (engines,
 * snapshots, errors, options, subscriptions and returned strings). Tests use
 * it to catch leaks. Thread-safe.
 */
SC_API int64_t sc_live_object_count(void);

/**
 * The stable name of a status code, e.g. "SC_ERR_NOT_FOUND";
 * "SC_UNKNOWN_STATUS" for a value outside the list.
 * @return a static string; do not free. Thread-safe.
 */
SC_API const char* sc_status_name(sc_status_t status);

/**
 * Frees a string that the library returned through a `char**` out-parameter.
 * Accepts NULL. Thread-safe.
 */
SC_API void sc_string_free(char* s);

/**
 * Formats an amount for people: the currency code, a space, and the amount with
 * the currency's minor-unit digits, e.g. "CNY 68.00", "JPY 1200", "USD -0.05",
 * "CLF 1.2345".
 * @param currency an ISO 4217 code that sc_currency_minor_units() accepts.
 * @param out receives a new string; free with sc_string_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "currency" or "out") when currency or
 *         out is NULL or currency is not an accepted ISO 4217 code,
 *         SC_ERR_INVALID_UTF8 (field "currency") for bytes that are not UTF-8.
 *         Thread-safe.
 */
SC_API sc_status_t sc_money_format(int64_t amount_minor, const char* currency, char** out,
                                 sc_error** err);

/**
 * The number of minor-unit digits of a currency: how many decimal places one
 * unit of an amount stands for (CNY 2, USD 2, JPY 0, KRW 0, BHD 3, KWD 3,
 * CLF 4). Accepted are the active codes of ISO 4217 List One that have a minor
 * unit, fund codes included; codes whose minor unit ISO gives as "N.A." (XAU
 * and the other metals, XDR, XBA-XBD, XSU, XUA, XTS, XXX) and withdrawn codes
 * are refused, because an amount here is a count of minor units.
 * @param currency the code, three upper-case letters, e.g. "CNY".
 * @param digits_out receives the digits (0 to 4); untouched on failure.
 * @return SC_ERR_INVALID_ARGUMENT (field "currency") when currency is NULL or
 *         not an accepted code, SC_ERR_INVALID_UTF8 (field "currency") for bytes
 *         that are not UTF-8, SC_ERR_INVALID_ARGUMENT (field "digits_out") when
 *         digits_out is NULL. Thread-safe.
 */
SC_API sc_status_t sc_currency_minor_units(const char* currency, int32_t* digits_out, sc_error** err);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_LIBRARY_H */
