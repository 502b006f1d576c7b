/**
 * @file socialcart.h
 * socialcart: an embeddable social-commerce engine.
 *
 * This header is the library's only stable surface. It compiles as C99 and as
 * C++ with -Wall -Wextra -pedantic -Werror.
 *
 * Conventions (they hold for every function below; docs/c-api.md explains them
 * with examples):
 *
 * Status and errors
 *   Every fallible function returns an sc_status_t (SC_OK == 0) and takes an
 *   optional last parameter `sc_error** err`. On failure, when err is not NULL,
 *   *err receives a new error object (code, message, field at fault, whether a
 *   retry may succeed) that the caller frees with sc_error_free(). On success
 *   *err is left untouched. A failing call changes nothing: no partial write.
 *
 * Ownership
 *   `const char*` arguments are UTF-8, borrowed for the duration of the call.
 *   Objects and `char*` strings returned through out-parameters are owned by the
 *   caller and freed with the matching sc_*_free(); every free function accepts
 *   NULL. `const char*` returned by accessors is borrowed from the object it was
 *   read from and stays valid until that object is freed.
 *
 * Accessors
 *   Functions that read a field of a snapshot (sc_cart_*, sc_order_*, ...) never
 *   fail: given NULL or an index out of range they return 0, false or NULL.
 *
 * Threads
 *   An sc_engine may be used from many threads at once. Reads (lookups, carts,
 *   quotes, the event log) run on reader connections of their own and never wait
 *   for a write; writes take turns. Snapshots (sc_sku read
 *   from the engine, sc_catalog, sc_cart, sc_quote, sc_order, sc_orders,
 *   sc_events, sc_error) are immutable: any thread may read them, one thread frees them.
 *   Builders (sc_options, an sc_sku being filled in) are not thread-safe: use
 *   each from one thread at a time.
 *
 * Text and limits
 *   Bytes that are not UTF-8 give SC_ERR_INVALID_UTF8; NULL, "" and the rules
 *   below give SC_ERR_INVALID_ARGUMENT; the error's field names the argument,
 *   and the message names the rule without repeating the text.
 *   - Ids (SKU, merchant, category, user, order and guest ids, payment
 *     references, idempotency keys): at most 128 bytes; no control characters
 *     (U+0000-U+001F, U+007F, U+0080-U+009F), no bidi marks, embeddings,
 *     overrides or isolates (U+061C, U+200E, U+200F, U+202A-U+202E,
 *     U+2066-U+2069), no zero-width characters (U+200B-U+200D, U+2060,
 *     U+FEFF).
 *   - Text (titles, the database path): at most 4096 bytes; no control
 *     characters and no bidi embeddings, overrides or isolates; any other
 *     Unicode is fine.
 *   - Currencies: an active ISO 4217 code with a minor unit (see
 *     sc_currency_minor_units()); codes without one, such as XAU, are refused.
 *
 * Idempotency
 *   Calls that a retry could repeat take an idempotency key: a non-empty id
 *   (NULL or "" is SC_ERR_INVALID_ARGUMENT, field "idempotency_key"). The same
 *   key with the same arguments returns the first result and changes nothing;
 *   with other arguments it is SC_ERR_IDEMPOTENCY_CONFLICT.
 *
 * Money and time
 *   Amounts are int64 counts of minor units (fen, cents) of the ISO 4217
 *   currency that the snapshot reports. Times are UTC milliseconds since the
 *   Unix epoch, read from the engine's clock. Time never goes backwards inside
 *   the engine: if the clock steps back, the engine keeps using the latest time
 *   it has seen (and never stamps a change before the file's latest event)
 *   until the clock catches up.
 */
#ifndef SOCIALCART_H
#define SOCIALCART_H

#include "common.h"
#include "types.h"
#include "errors.h"
#include "library.h"
#include "options.h"
#include "engine.h"
#include "catalog.h"
#include "program.h"
#include "cart.h"
#include "rules.h"
#include "coupons.h"
#include "checkout.h"
#include "quote.h"
#include "orders.h"
#include "order_pricing.h"
#include "points.h"
#include "tiers.h"
#include "referral.h"
#include "attribution.h"
#include "groupbuy.h"
#include "flashsale.h"
#include "bargain.h"
#include "events.h"

#endif /* SOCIALCART_H */
