/**
 * @file socialcart/rules.h
 * Pricing rules one at a time: promotions, coupon templates and shipping
 * rules, for an operator console that edits them without re-importing the
 * whole program document.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 *
 * Each call takes one JSON object of the matching program document section
 * (docs/program-document.md), read as strictly as the document; the rule is
 * created, or replaced when one with the same id (a shipping rule: the same
 * merchant_id) exists. A put that changes nothing appends no event. Rules are
 * read back with sc_engine_program_export(). A put is idempotent by nature, so
 * it takes no idempotency key.
 */
#ifndef SOCIALCART_RULES_H
#define SOCIALCART_RULES_H

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Creates or replaces an automatic promotion (an object of "promotions").
 * @param json NUL-terminated UTF-8.
 * @return SC_ERR_INVALID_ARGUMENT (field "engine" or "json"),
 *         SC_ERR_INVALID_UTF8 (field "json"), SC_ERR_VALIDATION with the field at
 *         fault (e.g. "tiers[1].min_spend"; no field when the text is not a JSON
 *         object). Thread-safe.
 */
SC_API sc_status_t sc_engine_promotion_put(sc_engine* engine, const char* json, sc_error** err);

/**
 * Creates or replaces a coupon template (an object of "coupon_templates").
 * Copies already issued keep the validity they were issued with.
 * @return as sc_engine_promotion_put(), and SC_ERR_VALIDATION when another
 *         template has the promo code (field "promo_code") or the new total
 *         quantity is below the copies already taken (field "total_quantity").
 *         Thread-safe.
 */
SC_API sc_status_t sc_engine_coupon_template_put(sc_engine* engine, const char* json,
                                               sc_error** err);

/**
 * Creates or replaces a merchant's shipping rule, or the default rule for
 * every merchant without one ("merchant_id": "") (an object of "shipping_rules").
 * @return as sc_engine_promotion_put(). Thread-safe.
 */
SC_API sc_status_t sc_engine_shipping_rule_put(sc_engine* engine, const char* json, sc_error** err);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_RULES_H */
