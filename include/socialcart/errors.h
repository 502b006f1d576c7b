/**
 * @file socialcart/errors.h
 * Status codes (the one list of error codes) and the error object.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_ERRORS_H
#define SOCIALCART_ERRORS_H

#include "types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Status codes: the one list of error codes.                               */
/* ------------------------------------------------------------------------ */

/** Result of every fallible call. Values are stable; new codes are appended. */
typedef enum sc_status_t {
    SC_OK = 0,
    /** An argument is NULL where not allowed, empty, or out of range. */
    SC_ERR_INVALID_ARGUMENT = 1,
    /** A string argument is not valid UTF-8. */
    SC_ERR_INVALID_UTF8 = 2,
    /** The id names nothing the engine knows. */
    SC_ERR_NOT_FOUND = 3,
    /** The object is in a state where this call is not allowed. */
    SC_ERR_INVALID_STATE = 4,
    /** An amount or quantity would overflow 64 bits. */
    SC_ERR_OVERFLOW = 5,
    /** Amounts in different currencies were combined. */
    SC_ERR_CURRENCY_MISMATCH = 6,
    /** Not enough tracked stock is available. */
    SC_ERR_OUT_OF_STOCK = 7,
    /** A per-order or per-user limit would be exceeded. */
    SC_ERR_LIMIT_EXCEEDED = 8,
    /** The SKU is inactive and cannot be bought. */
    SC_ERR_SKU_INACTIVE = 9,
    /** Checkout found no selected cart line. */
    SC_ERR_CART_EMPTY = 10,
    /** The payment amount differs from the order total. */
    SC_ERR_AMOUNT_MISMATCH = 11,
    /** The refund asks for more than is left to refund. */
    SC_ERR_REFUND_EXCEEDS_PAID = 12,
    /** A deadline has passed (for example the order's payment window). */
    SC_ERR_EXPIRED = 13,
    /** An idempotency key was reused with different arguments. */
    SC_ERR_IDEMPOTENCY_CONFLICT = 14,
    /** A program document is invalid; the error's field names the place. */
    SC_ERR_VALIDATION = 15,
    /** The database stayed locked by another process; retry later. */
    SC_ERR_BUSY = 16,
    /**
     * The database could not be read or written (I/O, corruption, disk full), or
     * the file is not a socialcart database (field "path"). When the failure hit
     * the commit, the outcome is unknown (the message says so): the change may be
     * in the file. Retry with the same idempotency key (for a cart add, use
     * sc_engine_cart_add_once) to complete the call or get its first result.
     * sc_error_retryable() is true for I/O errors and a full disk. After any
     * storage error the engine reopens its connections, so it never goes on
     * showing a state the file does not have.
     */
    SC_ERR_STORAGE = 17,
    /** The database was written by a newer library; upgrade the library. */
    SC_ERR_SCHEMA_TOO_NEW = 18,
    /** Memory could not be allocated. */
    SC_ERR_OUT_OF_MEMORY = 19,
    /** A bug in socialcart: please report it with the message. */
    SC_ERR_INTERNAL = 20,
    /**
     * The text is not a share link token or short code this library makes: not
     * base64url, an unknown format version, a field too long or cut short, or
     * bytes left over (field "token" or "code").
     */
    SC_ERR_LINK_MALFORMED = 21,
    /**
     * The share link is signed under a key id the engine does not hold for
     * verification: never installed or trusted, or retired (field "token").
     */
    SC_ERR_LINK_UNKNOWN_KEY = 22,
    /**
     * The share link's signature does not match its contents: it was altered
     * after signing, or signed with another key under the same key id (field
     * "token").
     */
    SC_ERR_LINK_TAMPERED = 23,
    /**
     * Every seat of the group-buy group is taken (reserved by an unpaid order
     * or paid), or the group has filled (field "group_id"). The group's
     * campaign may have other open groups to join.
     */
    SC_ERR_GROUP_FULL = 24
} sc_status_t;

/** The last status code this library defines (codes are appended). */
#define SC_STATUS_LAST SC_ERR_GROUP_FULL


/* ------------------------------------------------------------------------ */
/* Errors                                                                   */
/* ------------------------------------------------------------------------ */

/** The error's status code; SC_OK for NULL. Thread-safe. */
SC_API sc_status_t sc_error_code(const sc_error* error);

/**
 * A message for developers (English, no personal data).
 * @return borrowed from the error; "" for NULL. Thread-safe.
 */
SC_API const char* sc_error_message(const sc_error* error);

/**
 * The argument or document field at fault, e.g. "quantity" or
 * "skus[2].list_price"; NULL when the error is not about one field.
 * @return borrowed from the error. Thread-safe.
 */
SC_API const char* sc_error_field(const sc_error* error);

/**
 * Whether the same call may succeed if retried unchanged (true for SC_ERR_BUSY).
 * false for NULL. Thread-safe.
 */
SC_API bool sc_error_retryable(const sc_error* error);

/** Frees an error. Accepts NULL. */
SC_API void sc_error_free(sc_error* error);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_ERRORS_H */
