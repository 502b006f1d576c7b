/**
 * @file socialcart/types.h
 * The opaque handles; each one's free function is named with it.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_TYPES_H
#define SOCIALCART_TYPES_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A failure: code, message, field at fault, retryability; free with sc_error_free(). */
typedef struct sc_error sc_error;
/** Settings for sc_engine_open(); free with sc_options_free(). */
typedef struct sc_options sc_options;
/** An open database and the engine over it; close with sc_engine_close(). */
typedef struct sc_engine sc_engine;
/** A SKU being filled in, or read from the engine; free with sc_sku_free(). */
typedef struct sc_sku sc_sku;
/** A page of SKUs; free with sc_catalog_free(). */
typedef struct sc_catalog sc_catalog;
/** A snapshot of a user's cart; free with sc_cart_free(). */
typedef struct sc_cart sc_cart;
/** An exact price for the selected cart lines; free with sc_quote_free(). */
typedef struct sc_quote sc_quote;
/** A snapshot of an order; free with sc_order_free(). */
typedef struct sc_order sc_order;
/** A page of the event log; free with sc_events_free(). */
typedef struct sc_events sc_events;
/** A page of a user's orders; free with sc_orders_free(). */
typedef struct sc_orders sc_orders;
/** An event callback registration; free with sc_subscription_free(). */
typedef struct sc_subscription sc_subscription;
/** What a quote or checkout is asked for (coupons, shipping); free with sc_checkout_request_free(). */
typedef struct sc_checkout_request sc_checkout_request;
/** A snapshot of one coupon; free with sc_coupon_free() (not those lent by sc_coupons_at()). */
typedef struct sc_coupon sc_coupon;
/** A shopper's coupons; free with sc_coupons_free(). */
typedef struct sc_coupons sc_coupons;
/** The figures per coupon template; free with sc_coupon_report_free(). */
typedef struct sc_coupon_report sc_coupon_report;
/** A member's points balance; free with sc_points_balance_free(). */
typedef struct sc_points_balance sc_points_balance;
/** A member's lots of points; free with sc_points_lots_free(). */
typedef struct sc_points_lots sc_points_lots;
/** One entry of a points ledger; free with sc_points_entry_free() (not those lent by sc_points_page_at()). */
typedef struct sc_points_entry sc_points_entry;
/** A page of a member's points history; free with sc_points_page_free(). */
typedef struct sc_points_page sc_points_page;
/** Points corrections to apply in one transaction; free with sc_points_batch_free(). */
typedef struct sc_points_batch sc_points_batch;
/** One day's sign-in; free with sc_sign_in_free(). */
typedef struct sc_sign_in sc_sign_in;
/** The points liability and the points moved in a period; free with sc_points_report_free(). */
typedef struct sc_points_report sc_points_report;
/** A member's tier and the figures of the member page; free with sc_tier_status_free(). */
typedef struct sc_tier_status sc_tier_status;
/** Members, upgrades and downgrades per tier; free with sc_tier_report_free(). */
typedef struct sc_tier_report sc_tier_report;
/** A share link key's public view (socialcart/referral.h). */
typedef struct sc_share_key sc_share_key;
/** A list of share link keys. */
typedef struct sc_share_keys sc_share_keys;
/** A share link: its token, short code, URL and claims. */
typedef struct sc_share_link sc_share_link;
/** One open of a share link and what it bound (socialcart/attribution.h). */
typedef struct sc_share_open sc_share_open;
/** A user's or device's live binding to a sharer. */
typedef struct sc_referral_binding sc_referral_binding;
/** A paid order credited to a sharer, with its rewards. */
typedef struct sc_order_attribution sc_order_attribution;
/** One reward of an attributed order (borrowed from a list or an attribution). */
typedef struct sc_referral_reward sc_referral_reward;
/** A list of rewards. */
typedef struct sc_referral_rewards sc_referral_rewards;
/** A list of refused opens and orders with their reasons. */
typedef struct sc_referral_refusals sc_referral_refusals;
/** The referral statistics of a scope. */
typedef struct sc_referral_stats sc_referral_stats;
/** A group-buy campaign's settings (socialcart/groupbuy.h). */
typedef struct sc_groupbuy_campaign sc_groupbuy_campaign;
/** A group-buy group with its seats. */
typedef struct sc_group sc_group;
/** A list of groups. */
typedef struct sc_groups sc_groups;
/** A group-buy campaign's figures. */
typedef struct sc_group_report sc_group_report;
/** A flash sale's settings (socialcart/flashsale.h). */
typedef struct sc_flash_sale sc_flash_sale;
/** A flash-sale slot with its stock. */
typedef struct sc_flash_slot sc_flash_slot;
/** A list of flash-sale slots. */
typedef struct sc_flash_slots sc_flash_slots;
/** A flash-sale slot's figures. */
typedef struct sc_flash_report sc_flash_report;
/** A bargain program's settings (socialcart/bargain.h). */
typedef struct sc_bargain_program sc_bargain_program;
/** A bargain with its helps. */
typedef struct sc_bargain sc_bargain;
/** A list of bargains. */
typedef struct sc_bargains sc_bargains;
/** A bargain program's figures. */
typedef struct sc_bargain_report sc_bargain_report;

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_TYPES_H */
