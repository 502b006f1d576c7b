/**
 * @file socialcart/attribution.h
 * Share-to-earn past the link (FEATURES §9): opening a link binds the opener
 * to the sharer, a paid order is credited to the sharer its buyer is bound to,
 * and the credit rewards the sharer (and the sharer's own referrer, at level
 * 2) with points, a commission or a coupon that vests after a cooling-off
 * period. Refunds claw points and commission back in proportion, vested or
 * not; a coupon goes back (revoked unless already used) when the whole order
 * is refunded. docs/referral.md
 * describes every rule; the settings are the "referral" object of the program
 * document (sc_engine_referral_program_put()).
 *
 * Fraud controls are the engine's, not the host's: an open or an order that
 * one refuses is recorded with its reason ("self_referral",
 * "self_referral_device", "already_bound", "cycle", "not_first_order",
 * "daily_cap", "monthly_cap"), readable with sc_engine_referral_refusals(),
 * and appended as a referral.refused event. A refusal is not an error: the
 * call succeeds and says what happened.
 *
 * Attribution needs no call of its own: sc_engine_order_pay() makes it in the
 * payment's transaction, and the refund calls claw rewards back in theirs.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_ATTRIBUTION_H
#define SOCIALCART_ATTRIBUTION_H

#include "errors.h"
#include "referral.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a reward pays in. */
typedef enum sc_reward_kind_t {
    SC_REWARD_POINTS = 1,     /**< points in the sharer's points ledger */
    SC_REWARD_COMMISSION = 2, /**< money, in the order's currency's minor units */
    SC_REWARD_COUPON = 3      /**< one copy of a grant-mode coupon template */
} sc_reward_kind_t;

/** Where a reward is in its life, as of the read that returned it. */
typedef enum sc_reward_state_t {
    SC_REWARD_PENDING = 1,     /**< inside the cooling-off period */
    SC_REWARD_VESTED = 2,      /**< the sharer's; refunds may still claw part back */
    SC_REWARD_CLAWED_BACK = 3  /**< refunds took all of it */
} sc_reward_state_t;

/* ------------------------------------------------------------------------ */
/* Opens and bindings                                                       */
/* ------------------------------------------------------------------------ */

/**
 * Opens a share link: verifies the token or short code as
 * sc_engine_share_link_resolve() does, records the open, and binds the opener
 * (the user when given, else the device) to the sharer for the program's
 * attribution window, unless a fraud control refuses it. Under last touch a
 * new open rebinds; under first touch a live binding to another sharer
 * refuses it ("already_bound"). A new user's first binding receives the
 * program's invitee coupon. Events share_link.opened and referral.bound or
 * referral.refused.
 * @param user_id the signed-in opener, or NULL.
 * @param device_id the opener's device, or NULL; at least one of the two.
 *        Given with user_id, the device is remembered as the user's.
 * @param idempotency_key a retry returns the first open; the key with another
 *        link, user or device is SC_ERR_IDEMPOTENCY_CONFLICT.
 * @param out receives the open; free with sc_share_open_free().
 * @return the link refusals of sc_engine_share_link_resolve();
 *         SC_ERR_INVALID_STATE (field "referral": no program is set);
 *         SC_ERR_INVALID_ARGUMENT (field "token", "user_id", "device_id",
 *         "idempotency_key" or "out"), SC_ERR_INVALID_UTF8,
 *         SC_ERR_IDEMPOTENCY_CONFLICT. Thread-safe.
 */
SC_API sc_status_t sc_engine_share_link_open(sc_engine* engine, const char* token_or_code, const char* user_id,
                                           const char* device_id, const char* idempotency_key, sc_share_open** out,
                                           sc_error** err);

/*
 * Reading an open. Accessors never fail: NULL reads as 0, false or NULL.
 * Strings are borrowed from the open.
 */

/** The open's id ("opn_..."). */
SC_API const char* sc_share_open_id(const sc_share_open* open);
/** The link's short code; "" when the link was opened by a token. */
SC_API const char* sc_share_open_code(const sc_share_open* open);
/** Who shared the link. */
SC_API const char* sc_share_open_sharer_id(const sc_share_open* open);
/** What the link points at; 0 for NULL. */
SC_API sc_share_target_t sc_share_open_target(const sc_share_open* open);
/** The target's id. */
SC_API const char* sc_share_open_target_id(const sc_share_open* open);
/** The channel the link was shared through. */
SC_API const char* sc_share_open_channel(const sc_share_open* open);
/** The opener's user id; "" when opened by device only. */
SC_API const char* sc_share_open_user_id(const sc_share_open* open);
/** The opener's device id; "" when not given. */
SC_API const char* sc_share_open_device_id(const sc_share_open* open);
/** When it was opened (UTC ms). */
SC_API int64_t sc_share_open_opened_at_ms(const sc_share_open* open);
/**
 * "bound" (bound, or rebound with a fresh window), "kept" (first touch:
 * already bound to this sharer) or the reason it was refused.
 */
SC_API const char* sc_share_open_outcome(const sc_share_open* open);
/** The opener is bound to the sharer ("bound" or "kept"). */
SC_API bool sc_share_open_is_bound(const sc_share_open* open);
/** When the binding ends (UTC ms); 0 when not bound. */
SC_API int64_t sc_share_open_bound_until_ms(const sc_share_open* open);
/** Frees an open. Accepts NULL. */
SC_API void sc_share_open_free(sc_share_open* open);

/**
 * The user signed in on the device: the device is remembered as the user's,
 * and the device's live binding carries over to the user (its window still
 * runs from the open), unless a fraud control refuses it or, under last
 * touch, the user's own binding is from a later open. Repeating the call
 * changes nothing more. Events referral.device_signed_in, referral.bound or
 * referral.refused, each only when something changed.
 * @param out when not NULL, receives the user's binding after the sign-in,
 *        or NULL when the user is not bound; free with
 *        sc_referral_binding_free().
 * @return SC_ERR_INVALID_STATE (field "referral"), SC_ERR_INVALID_ARGUMENT
 *         (field "user_id" or "device_id"), SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_referral_sign_in(sc_engine* engine, const char* user_id, const char* device_id,
                                            sc_referral_binding** out, sc_error** err);

/**
 * Reads the live binding of a user or of a device (exactly one not NULL).
 * @param out receives the binding, or NULL when there is none live; free
 *        with sc_referral_binding_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "user_id", "device_id" or "out"),
 *         SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_referral_binding(sc_engine* engine, const char* user_id, const char* device_id,
                                            sc_referral_binding** out, sc_error** err);

/** The bound user; "" for a device's binding. */
SC_API const char* sc_referral_binding_user_id(const sc_referral_binding* binding);
/** The bound device; "" for a user's binding. */
SC_API const char* sc_referral_binding_device_id(const sc_referral_binding* binding);
/** The sharer the subject is credited to. */
SC_API const char* sc_referral_binding_sharer_id(const sc_referral_binding* binding);
/** The open that made the binding. */
SC_API const char* sc_referral_binding_open_id(const sc_referral_binding* binding);
/** When it was made (UTC ms). */
SC_API int64_t sc_referral_binding_bound_at_ms(const sc_referral_binding* binding);
/** When it ends (UTC ms, exclusive). */
SC_API int64_t sc_referral_binding_expires_at_ms(const sc_referral_binding* binding);
/** Frees a binding. Accepts NULL. */
SC_API void sc_referral_binding_free(sc_referral_binding* binding);

/* ------------------------------------------------------------------------ */
/* Attributions and rewards                                                 */
/* ------------------------------------------------------------------------ */

/**
 * Reads the attribution of a paid order: the sharer it was credited to, the
 * open that bound its buyer, and its rewards.
 * @param out receives the attribution, or NULL when the order was not
 *        credited to anyone; free with sc_order_attribution_free().
 * @return SC_ERR_NOT_FOUND (field "order_id"), SC_ERR_INVALID_ARGUMENT
 *         (field "order_id" or "out"), SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_order_attribution(sc_engine* engine, const char* order_id, sc_order_attribution** out,
                                             sc_error** err);

/** The order. */
SC_API const char* sc_order_attribution_order_id(const sc_order_attribution* attribution);
/** Who paid for it. */
SC_API const char* sc_order_attribution_buyer_id(const sc_order_attribution* attribution);
/** The sharer it is credited to (level 1). */
SC_API const char* sc_order_attribution_sharer_id(const sc_order_attribution* attribution);
/** The currency of the paid amount and of commissions. */
SC_API const char* sc_order_attribution_currency(const sc_order_attribution* attribution);
/** What the goods paid (minor units): after discounts and points, no shipping. */
SC_API int64_t sc_order_attribution_paid(const sc_order_attribution* attribution);
/** When it was credited: the payment's time (UTC ms). */
SC_API int64_t sc_order_attribution_attributed_at_ms(const sc_order_attribution* attribution);
/** The open that bound the buyer, borrowed from the attribution. */
SC_API const sc_share_open* sc_order_attribution_open(const sc_order_attribution* attribution);
/** How many rewards it made (0 to 2: none, level 1, levels 1 and 2). */
SC_API size_t sc_order_attribution_reward_count(const sc_order_attribution* attribution);
/** A reward by level order, borrowed from the attribution; NULL past the end. */
SC_API const sc_referral_reward* sc_order_attribution_reward_at(const sc_order_attribution* attribution,
                                                               size_t index);
/** Frees an attribution and what is borrowed from it. Accepts NULL. */
SC_API void sc_order_attribution_free(sc_order_attribution* attribution);

/**
 * Lists the rewards a sharer earned at either level, oldest first.
 * @param out receives the list; free with sc_referral_rewards_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "sharer_id" or "out"),
 *         SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_referral_rewards(sc_engine* engine, const char* sharer_id, sc_referral_rewards** out,
                                            sc_error** err);
/** How many rewards the list holds. */
SC_API size_t sc_referral_rewards_count(const sc_referral_rewards* rewards);
/** A reward, borrowed from the list; NULL past the end. */
SC_API const sc_referral_reward* sc_referral_rewards_at(const sc_referral_rewards* rewards, size_t index);
/** Frees a list and every reward borrowed from it. Accepts NULL. */
SC_API void sc_referral_rewards_free(sc_referral_rewards* rewards);

/** The order that earned it. */
SC_API const char* sc_referral_reward_order_id(const sc_referral_reward* reward);
/** Who earns it. */
SC_API const char* sc_referral_reward_sharer_id(const sc_referral_reward* reward);
/** Who bought. */
SC_API const char* sc_referral_reward_buyer_id(const sc_referral_reward* reward);
/** 1 for the sharer, 2 for the sharer's own referrer; 0 for NULL. */
SC_API int sc_referral_reward_level(const sc_referral_reward* reward);
/** Points, commission or a coupon; 0 for NULL. */
SC_API sc_reward_kind_t sc_referral_reward_kind(const sc_referral_reward* reward);
/** What it was worth when made: points, minor units, or 1 (one coupon). */
SC_API int64_t sc_referral_reward_amount(const sc_referral_reward* reward);
/**
 * The coupon a coupon reward issued to the sharer (valid from its vesting
 * time); "" for points and commission.
 */
SC_API const char* sc_referral_reward_coupon_code(const sc_referral_reward* reward);
/** How much of it refunds have clawed back. */
SC_API int64_t sc_referral_reward_clawed_back(const sc_referral_reward* reward);
/** Its state as of the read; 0 for NULL. */
SC_API sc_reward_state_t sc_referral_reward_state(const sc_referral_reward* reward);
/** When it was made (UTC ms). */
SC_API int64_t sc_referral_reward_created_at_ms(const sc_referral_reward* reward);
/** When it vests (UTC ms): the payment plus the cooling-off period. */
SC_API int64_t sc_referral_reward_vests_at_ms(const sc_referral_reward* reward);

/* ------------------------------------------------------------------------ */
/* Refusals and statistics                                                  */
/* ------------------------------------------------------------------------ */

/**
 * Lists the opens and orders refused for a sharer, oldest first, with the
 * reason of each (the names above).
 * @param out receives the list; free with sc_referral_refusals_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "sharer_id" or "out"),
 *         SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_referral_refusals(sc_engine* engine, const char* sharer_id,
                                             sc_referral_refusals** out, sc_error** err);
/** How many refusals the list holds. */
SC_API size_t sc_referral_refusals_count(const sc_referral_refusals* refusals);
/** Why ("cycle"); NULL past the end. */
SC_API const char* sc_referral_refusals_reason(const sc_referral_refusals* refusals, size_t index);
/** The opener's or buyer's user id; "" for a device. */
SC_API const char* sc_referral_refusals_user_id(const sc_referral_refusals* refusals, size_t index);
/** The opener's device id; "" when not known. */
SC_API const char* sc_referral_refusals_device_id(const sc_referral_refusals* refusals, size_t index);
/** The open concerned (for an order: the open that bound its buyer). */
SC_API const char* sc_referral_refusals_open_id(const sc_referral_refusals* refusals, size_t index);
/** The order refused; "" for a refused open. */
SC_API const char* sc_referral_refusals_order_id(const sc_referral_refusals* refusals, size_t index);
/** When (UTC ms). */
SC_API int64_t sc_referral_refusals_at_ms(const sc_referral_refusals* refusals, size_t index);
/** Frees a list. Accepts NULL. */
SC_API void sc_referral_refusals_free(sc_referral_refusals* refusals);

/** A figure of sc_referral_stats_get(). Values are stable. */
typedef enum sc_referral_figure_t {
    SC_REFERRAL_SHARES = 1,              /**< links made */
    SC_REFERRAL_SHARERS = 2,             /**< distinct sharers who made them */
    SC_REFERRAL_OPENS = 3,               /**< opens recorded */
    SC_REFERRAL_BOUND_OPENS = 4,         /**< opens that bound their opener */
    SC_REFERRAL_ORDERS = 5,              /**< checkouts by shoppers bound then */
    SC_REFERRAL_PAID_ORDERS = 6,         /**< attributed paid orders */
    SC_REFERRAL_PAID_AMOUNT = 7,         /**< what their goods paid, minor units */
    SC_REFERRAL_CONVERTED_BUYERS = 8,    /**< distinct buyers among them */
    SC_REFERRAL_REFUSALS = 9,            /**< opens and orders refused */
    SC_REFERRAL_POINTS_PENDING = 10,     /**< points rewards not yet vested */
    SC_REFERRAL_POINTS_VESTED = 11,      /**< points rewards vested, less clawbacks */
    SC_REFERRAL_POINTS_CLAWED_BACK = 12, /**< points clawed back by refunds */
    SC_REFERRAL_COMMISSION_PENDING = 13, /**< commission not yet vested, minor units */
    SC_REFERRAL_COMMISSION_VESTED = 14,  /**< commission vested, less clawbacks */
    SC_REFERRAL_COMMISSION_CLAWED_BACK = 15, /**< commission clawed back by refunds */
    SC_REFERRAL_VIRAL_COEFFICIENT_BPS = 16,  /**< converted buyers per sharer, basis points */
    SC_REFERRAL_COUPONS_PENDING = 17,    /**< coupon rewards not yet vested, counted */
    SC_REFERRAL_COUPONS_VESTED = 18,     /**< coupon rewards vested and not clawed back */
    SC_REFERRAL_COUPONS_CLAWED_BACK = 19 /**< coupon rewards clawed back by full refunds */
} sc_referral_figure_t;

/**
 * Reads the statistics of a scope: one sharer's links and rewards (sharer_id
 * set), the links to one target (target and target_id set, e.g. a campaign),
 * or every link (sharer_id NULL, target 0, target_id NULL). The funnel is
 * shares → opens → orders → paid orders; rewards are as of now.
 * @param out receives the figures; free with sc_referral_stats_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "sharer_id", "target" (not a kind,
 *         or given with a sharer), "target_id" or "out"),
 *         SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_referral_stats(sc_engine* engine, const char* sharer_id, sc_share_target_t target,
                                          const char* target_id, sc_referral_stats** out, sc_error** err);
/** A figure; 0 for NULL or a figure that is not one. */
SC_API int64_t sc_referral_stats_get(const sc_referral_stats* stats, sc_referral_figure_t figure);
/** Frees statistics. Accepts NULL. */
SC_API void sc_referral_stats_free(sc_referral_stats* stats);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_ATTRIBUTION_H */
