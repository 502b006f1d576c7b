/**
 * @file socialcart/groupbuy.h
 * Group-buy (拼团, FEATURES §7): a campaign sells a SKU at a group price to
 * groups of N shoppers. A shopper opens a group with a checkout whose request
 * says so (sc_checkout_request_set_group()); the group opens when that order
 * is paid, and its deadline is the earlier of the payment + the campaign's
 * lifetime and the campaign's end. Friends join through the same checkout
 * with the group's id: joining reserves a seat at once, held for the payment
 * window, and a group never has more than N seats reserved or paid, however
 * many shoppers race for the last one (the losers get SC_ERR_GROUP_FULL). The
 * N-th payment fills the group and every member's order becomes
 * SC_ORDER_GROUP_CONFIRMED. At the deadline an unfilled group fails (or, when
 * the campaign allows it and enough members paid, is filled with virtual
 * members): each paid member's own order becomes SC_ORDER_GROUP_FAILED with a
 * group.refund_due event, and the host refunds it through its payment
 * provider and confirms with sc_engine_order_refund_amount() or _line().
 * Deadlines are settled by every write and by sc_engine_sweep(); reads see
 * them at once. docs/group-buy.md describes every rule.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_GROUPBUY_H
#define SOCIALCART_GROUPBUY_H

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a checkout request does with group-buy. */
typedef enum sc_group_mode_t {
    SC_GROUP_MODE_NONE = 0, /**< a cart checkout */
    SC_GROUP_MODE_OPEN = 1, /**< open a group of a campaign, led by the shopper */
    SC_GROUP_MODE_JOIN = 2  /**< take a seat in an open group */
} sc_group_mode_t;

/** Where a group is in its life. Values are stable. */
typedef enum sc_group_state_t {
    SC_GROUP_PENDING = 1,  /**< the leader's order is not paid yet; nobody can join */
    SC_GROUP_OPEN = 2,     /**< filling until its deadline */
    SC_GROUP_FILLED = 3,   /**< N members paid (or virtual members completed it) */
    SC_GROUP_FAILED = 4,   /**< the deadline passed unfilled: its paid orders are due refunds */
    SC_GROUP_CANCELLED = 5 /**< the leader never paid, or every paid member left */
} sc_group_state_t;

/** Where a seat is. */
typedef enum sc_seat_state_t {
    SC_SEAT_RESERVED = 1, /**< held by an unpaid order for its payment window */
    SC_SEAT_PAID = 2,
    SC_SEAT_RELEASED = 3, /**< the unpaid order was cancelled or lapsed */
    SC_SEAT_LEFT = 4      /**< the paid order was refunded while the group was open */
} sc_seat_state_t;

/** What the leader pays per unit. */
typedef enum sc_leader_pricing_t {
    SC_LEADER_GROUP_PRICE = 0,  /**< the group price, as every member */
    SC_LEADER_LEADER_PRICE = 1, /**< the campaign's leader price */
    SC_LEADER_FREE = 2          /**< nothing */
} sc_leader_pricing_t;

/** A figure of sc_group_report_get(). Values are stable. */
typedef enum sc_group_figure_t {
    SC_GROUP_REPORT_OPENED = 1,           /**< groups whose leader paid */
    SC_GROUP_REPORT_OPEN_NOW = 2,         /**< still filling */
    SC_GROUP_REPORT_FILLED = 3,           /**< virtually filled included */
    SC_GROUP_REPORT_VIRTUALLY_FILLED = 4,
    SC_GROUP_REPORT_FAILED = 5,
    SC_GROUP_REPORT_SUCCESS_RATE_BPS = 6, /**< filled × 10000 / (filled + failed); 0 before any ended */
    SC_GROUP_REPORT_AVERAGE_FILL_MS = 7,  /**< from the leader's payment to the fill, over filled groups */
    SC_GROUP_REPORT_UNITS_SOLD = 8        /**< units in the paid seats of filled groups */
} sc_group_figure_t;

/* ------------------------------------------------------------------------ */
/* The checkout request                                                     */
/* ------------------------------------------------------------------------ */

/**
 * Makes the request a group checkout: the order is `quantity` units of the
 * campaign's SKU at the group price (the leader's price when opening), not
 * the cart, which stays as it is. Coupons, points and shipping apply as to
 * any checkout. The rules (campaign window, per-order and per-shopper limits,
 * one live group per leader, new shoppers only, a seat left) are checked by
 * sc_engine_checkout(), which fails with SC_ERR_GROUP_FULL (field
 * "group_id") when no seat is left; sc_engine_quote() prices the same line.
 * @param mode SC_GROUP_MODE_NONE (id NULL, quantity ignored) back to the
 *        cart, SC_GROUP_MODE_OPEN with a campaign id, SC_GROUP_MODE_JOIN
 *        with a group id.
 * @param quantity units, ≥ 1.
 * @return SC_ERR_INVALID_ARGUMENT (field "request", "mode", "id" (NULL,
 *         empty or too long) or "quantity"), SC_ERR_INVALID_UTF8 (field "id");
 *         the request is unchanged on error. The checkout names the same id
 *         "campaign_id" or "group_id" in its errors. Not thread-safe on the
 *         same request.
 */
SC_API sc_status_t sc_checkout_request_set_group(sc_checkout_request* request, sc_group_mode_t mode, const char* id,
                                               int64_t quantity, sc_error** err);
/** The group mode; SC_GROUP_MODE_NONE for NULL. */
SC_API sc_group_mode_t sc_checkout_request_group_mode(const sc_checkout_request* request);
/** The campaign (open) or group (join) id; "" for none. Borrowed. */
SC_API const char* sc_checkout_request_group_target(const sc_checkout_request* request);
/** The units of a group checkout; 0 for none. */
SC_API int64_t sc_checkout_request_group_quantity(const sc_checkout_request* request);

/* ------------------------------------------------------------------------ */
/* Campaigns                                                                */
/* ------------------------------------------------------------------------ */

/**
 * Puts a campaign (one entry of the program document's
 * "group_buy.campaigns", docs/group-buy.md), replacing the campaign with its
 * id. Putting the stored campaign again changes nothing. Event
 * group_campaign.put.
 * @param json the campaign: {"id", "sku_id", "group_price", "group_size"
 *        (2-100), "lifetime_minutes", "starts_at", "ends_at", "leader",
 *        "limits", "stock", "virtual_fill"}.
 * @return SC_ERR_VALIDATION (the field at fault: a setting out of range, a
 *         SKU that does not exist, a stock below what the campaign sold and
 *         unpaid orders hold; no field for text that is not a JSON object),
 *         SC_ERR_INVALID_ARGUMENT (field "json": NULL), SC_ERR_INVALID_UTF8
 *         (field "json"). Thread-safe.
 */
SC_API sc_status_t sc_engine_groupbuy_campaign_put(sc_engine* engine, const char* json, sc_error** err);

/**
 * Reads a campaign.
 * @param out receives it; free with sc_groupbuy_campaign_free().
 * @return SC_ERR_NOT_FOUND (field "campaign_id"), SC_ERR_INVALID_ARGUMENT
 *         (field "campaign_id" or "out"), SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_groupbuy_campaign_get(sc_engine* engine, const char* campaign_id, sc_groupbuy_campaign** out,
                                              sc_error** err);

/* Accessors never fail: NULL reads as 0, false or NULL; strings are borrowed. */
/** The campaign's id. */
SC_API const char* sc_groupbuy_campaign_id(const sc_groupbuy_campaign* campaign);
/** The SKU it sells. */
SC_API const char* sc_groupbuy_campaign_sku_id(const sc_groupbuy_campaign* campaign);
/** The price per unit a member pays (minor units of the catalog's currency). */
SC_API int64_t sc_groupbuy_campaign_group_price(const sc_groupbuy_campaign* campaign);
/** N: the paid members that fill a group. */
SC_API int64_t sc_groupbuy_campaign_group_size(const sc_groupbuy_campaign* campaign);
/** A group's life from its leader's payment, in minutes. */
SC_API int64_t sc_groupbuy_campaign_lifetime_minutes(const sc_groupbuy_campaign* campaign);
/** When groups may start opening (UTC ms). */
SC_API int64_t sc_groupbuy_campaign_starts_at_ms(const sc_groupbuy_campaign* campaign);
/** When the campaign ends: no group outlives it (UTC ms). */
SC_API int64_t sc_groupbuy_campaign_ends_at_ms(const sc_groupbuy_campaign* campaign);
/** What the leader pays per unit. */
SC_API sc_leader_pricing_t sc_groupbuy_campaign_leader_pricing(const sc_groupbuy_campaign* campaign);
/** The leader's unit price with SC_LEADER_LEADER_PRICE; 0 otherwise. */
SC_API int64_t sc_groupbuy_campaign_leader_price(const sc_groupbuy_campaign* campaign);
/** The most units one group order may buy. */
SC_API int64_t sc_groupbuy_campaign_max_units_per_order(const sc_groupbuy_campaign* campaign);
/** The most units one shopper may hold in the campaign; 0 for no limit. */
SC_API int64_t sc_groupbuy_campaign_max_units_per_user(const sc_groupbuy_campaign* campaign);
/** The campaign's own stock of units; -1 when it has none (the SKU's stock only). */
SC_API int64_t sc_groupbuy_campaign_stock(const sc_groupbuy_campaign* campaign);
/** Only shoppers who have never paid an order may join. */
SC_API bool sc_groupbuy_campaign_new_users_only(const sc_groupbuy_campaign* campaign);
/** Virtual fill's minimum of paid members at the deadline; 0 when off. */
SC_API int64_t sc_groupbuy_campaign_virtual_fill_min_members(const sc_groupbuy_campaign* campaign);
/** Frees a campaign. Accepts NULL. */
SC_API void sc_groupbuy_campaign_free(sc_groupbuy_campaign* campaign);

/* ------------------------------------------------------------------------ */
/* Groups                                                                   */
/* ------------------------------------------------------------------------ */

/**
 * Reads a group as of now: past its deadline it reads failed or filled, and a
 * seat whose payment window passed reads released, before a write settles them.
 * @param out receives it; free with sc_group_free().
 * @return SC_ERR_NOT_FOUND (field "group_id"), SC_ERR_INVALID_ARGUMENT (field
 *         "group_id" or "out"), SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_group_get(sc_engine* engine, const char* group_id, sc_group** out, sc_error** err);

/**
 * Reads the group an order holds a seat in, as sc_engine_group_get() does (for
 * the invite link after a leader's checkout).
 * @param out receives the group, or NULL when the order is not a group
 *        order; free with sc_group_free().
 * @return SC_ERR_NOT_FOUND (field "order_id"), SC_ERR_INVALID_ARGUMENT (field
 *         "order_id" or "out"), SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_order_group(sc_engine* engine, const char* order_id, sc_group** out, sc_error** err);

/**
 * Lists the open groups of a campaign a shopper may join, fewest seats left
 * first ("1 more person needed"), then the earliest deadline.
 * @param limit from 1 to 100.
 * @param out receives the list; free with sc_groups_free().
 * @return SC_ERR_NOT_FOUND (field "campaign_id"), SC_ERR_INVALID_ARGUMENT
 *         (field "campaign_id", "limit" or "out"), SC_ERR_INVALID_UTF8.
 *         Thread-safe.
 */
SC_API sc_status_t sc_engine_groups_open(sc_engine* engine, const char* campaign_id, size_t limit, sc_groups** out,
                                       sc_error** err);

/**
 * Lists the groups a shopper has or had a seat in, newest first.
 * @param limit from 1 to 100.
 * @param out receives the list; free with sc_groups_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "user_id", "limit" or "out"),
 *         SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_groups_of_user(sc_engine* engine, const char* user_id, size_t limit, sc_groups** out,
                                          sc_error** err);

/** How many groups the list holds. */
SC_API size_t sc_groups_count(const sc_groups* groups);
/** A group, borrowed from the list; NULL past the end. */
SC_API const sc_group* sc_groups_at(const sc_groups* groups, size_t index);
/** Frees a list and every group borrowed from it. Accepts NULL. */
SC_API void sc_groups_free(sc_groups* groups);

/** The group's id ("grp_..."): the target of its invite link. */
SC_API const char* sc_group_id(const sc_group* group);
/** Its campaign. */
SC_API const char* sc_group_campaign_id(const sc_group* group);
/** The leader: the opener, or after they left, the earliest remaining paid member. */
SC_API const char* sc_group_leader_user_id(const sc_group* group);
/** Its state; 0 for NULL. */
SC_API sc_group_state_t sc_group_state(const sc_group* group);
/** N. */
SC_API int64_t sc_group_size(const sc_group* group);
/** Members who paid and are still in it. */
SC_API int64_t sc_group_paid_members(const sc_group* group);
/** Seats neither reserved nor paid: how many more people are needed; 0 once the group ended. */
SC_API int64_t sc_group_seats_left(const sc_group* group);
/** Members added by virtual fill. */
SC_API int64_t sc_group_virtual_members(const sc_group* group);
/** When the leader's checkout made it (UTC ms). */
SC_API int64_t sc_group_created_at_ms(const sc_group* group);
/** When the leader paid (UTC ms); 0 while pending. */
SC_API int64_t sc_group_opened_at_ms(const sc_group* group);
/** When it fails unless filled (UTC ms); 0 while pending. */
SC_API int64_t sc_group_deadline_ms(const sc_group* group);
/** When it filled, failed or was cancelled (UTC ms); 0 before. */
SC_API int64_t sc_group_ended_at_ms(const sc_group* group);
/** Seats ever taken, released and left ones included, by position. */
SC_API size_t sc_group_seat_count(const sc_group* group);
/** The order holding the index-th seat; NULL past the end. */
SC_API const char* sc_group_seat_order_id(const sc_group* group, size_t index);
/** Its shopper; NULL past the end. */
SC_API const char* sc_group_seat_user_id(const sc_group* group, size_t index);
/** Its position: 1 for the leader's checkout, then in joining order; 0 past the end. */
SC_API int64_t sc_group_seat_position(const sc_group* group, size_t index);
/** The units its order buys; 0 past the end. */
SC_API int64_t sc_group_seat_quantity(const sc_group* group, size_t index);
/** Its state; 0 past the end. */
SC_API sc_seat_state_t sc_group_seat_state(const sc_group* group, size_t index);
/** When its order was paid (UTC ms); 0 unpaid or past the end. */
SC_API int64_t sc_group_seat_paid_at_ms(const sc_group* group, size_t index);
/** Frees a group. Accepts NULL. */
SC_API void sc_group_free(sc_group* group);

/** Stable names ("open"); "unknown" outside the enum. Never NULL. Thread-safe. */
SC_API const char* sc_group_state_name(sc_group_state_t state);

/* ------------------------------------------------------------------------ */
/* The campaign report                                                      */
/* ------------------------------------------------------------------------ */

/**
 * Reads a campaign's figures as of now: what an operator judges it by.
 * @param out receives them; free with sc_group_report_free().
 * @return SC_ERR_NOT_FOUND (field "campaign_id"), SC_ERR_INVALID_ARGUMENT
 *         (field "campaign_id" or "out"), SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_groupbuy_report(sc_engine* engine, const char* campaign_id, sc_group_report** out,
                                                 sc_error** err);
/** A figure; 0 for NULL or a figure that is not one. */
SC_API int64_t sc_group_report_get(const sc_group_report* report, sc_group_figure_t figure);
/** Frees a report. Accepts NULL. */
SC_API void sc_group_report_free(sc_group_report* report);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_GROUPBUY_H */
