/*
 * Chapters 11-15 of the walkthrough: the Mid-Autumn sale. The operator loads promotions,
 * shipping and coupon templates; Lin claims coupons, sees what she is missing, lets the
 * engine choose the best coupons, pays, and returns the whole order: her coupons come
 * back. Wei, who never paid an order, redeems a new-user promo code that Lin cannot.
 */
#include "story.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a line adjustment is, for people: a promotion's id, or "coupon <template>". */
static const char* adjustment_label(const sc_quote* q, size_t line, size_t a) {
    static char label[160];
    const char* source = sc_quote_line_adjustment_source(q, line, a);
    if (strcmp(sc_quote_line_adjustment_kind(q, line, a), "coupon") != 0) return source;
    snprintf(label, sizeof label, "coupon %s", source);  /* a code not among the quote's coupons */
    for (size_t c = 0; c < sc_quote_coupon_count(q); ++c)
        if (strcmp(sc_quote_coupon_code(q, c), source) == 0)
            snprintf(label, sizeof label, "coupon %s", sc_quote_coupon_template_id(q, c));
    return label;
}

/* Every figure of a quote an app would show: lines with their adjustments, merchants,
 * totals, and each coupon that did not apply with its reason. */
static void print_quote(const sc_quote* q) {
    const char* cur = sc_quote_currency(q);
    for (size_t i = 0; i < sc_quote_line_count(q); ++i) {
        printf("      %lld x %-16s %12s", (long long)sc_quote_line_quantity(q, i), sc_quote_line_sku_id(q, i),
               money(sc_quote_line_base(q, i), cur));
        for (size_t a = 0; a < sc_quote_line_adjustment_count(q, i); ++a)
            printf("  -%s %s", money(sc_quote_line_adjustment_amount(q, i, a), cur), adjustment_label(q, i, a));
        printf("  = %s\n", money(sc_quote_line_net(q, i), cur));
    }
    for (size_t m = 0; m < sc_quote_merchant_count(q); ++m) {
        printf("      %-12s goods %s, shipping %s", sc_quote_merchant_id(q, m),
               money(sc_quote_merchant_subtotal(q, m) - sc_quote_merchant_discount(q, m), cur),
               money(sc_quote_merchant_shipping(q, m), cur));
        if (sc_quote_merchant_shipping_fee(q, m) == 0 && sc_quote_merchant_subtotal(q, m) > 0)
            printf(" (free)");
        printf("\n");
    }
    printf("      payable %s, saved %s\n", money(sc_quote_total(q), cur), money(sc_quote_saved(q), cur));
    for (size_t e = 0; e < sc_quote_explanation_count(q); ++e) {
        const char* reason = sc_quote_explanation_reason(q, e);
        printf("      not applied: %s: %s", sc_quote_explanation_template_id(q, e), reason);
        if (strcmp(reason, "below_min_spend") == 0)
            printf(" (spend %s more)", money(sc_quote_explanation_missing(q, e), cur));
        printf("\n");
    }
}

static char* claim(sc_engine* engine, const char* user, const char* template_id, const char* key) {
    sc_error* err = NULL;
    sc_coupon* coupon = NULL;
    must(sc_engine_coupon_claim(engine, user, template_id, key, &coupon, &err), &err, "coupon_claim");
    char* code = malloc(strlen(sc_coupon_code(coupon)) + 1);
    if (!code) exit(1);
    strcpy(code, sc_coupon_code(coupon));
    printf("    %s claims %s: coupon %s, valid for %lld days\n", user, template_id, code,
           (long long)((sc_coupon_valid_until_ms(coupon) - sc_coupon_valid_from_ms(coupon)) / 86400000));
    sc_coupon_free(coupon);
    return code;
}

static void print_coupons(sc_engine* engine, const char* user) {
    sc_error* err = NULL;
    sc_coupons* list = NULL;
    must(sc_engine_coupon_list_by_user(engine, user, SC_COUPON_STATE_ANY, &list, &err), &err, "coupon_list");
    for (size_t i = 0; i < sc_coupons_count(list); ++i) {
        const sc_coupon* c = sc_coupons_at(list, i);
        printf("      %-12s %s\n", sc_coupon_template_id(c), sc_coupon_state_name(sc_coupon_state(c)));
    }
    sc_coupons_free(list);
}

static void print_report(sc_engine* engine) {
    sc_error* err = NULL;
    sc_coupon_report* r = NULL;
    must(sc_engine_coupon_report(engine, &r, &err), &err, "coupon_report");
    printf("      %-12s %8s %7s %4s %8s %4s %14s\n", "template", "offered", "claimed", "used", "returned", "held",
           "discount given");
    for (size_t i = 0; i < sc_coupon_report_count(r); ++i) {
        char offered[32] = "unlimited";
        if (sc_coupon_report_total_quantity(r, i) >= 0)
            snprintf(offered, sizeof offered, "%lld", (long long)sc_coupon_report_total_quantity(r, i));
        printf("      %-12s %8s %7lld %4lld %8lld %4lld %14s\n", sc_coupon_report_template_id(r, i), offered,
               (long long)sc_coupon_report_claimed(r, i), (long long)sc_coupon_report_used(r, i),
               (long long)sc_coupon_report_returned(r, i), (long long)sc_coupon_report_held(r, i),
               money(sc_coupon_report_discount_given(r, i), sc_coupon_report_currency(r)));
    }
    sc_coupon_report_free(r);
}

void tell_pricing_chapter(sc_engine* engine, story_clock* clock, const char* promotions_path) {
    sc_error* err = NULL;
    printf("\n11. The Mid-Autumn sale. The operator loads %s:\n", promotions_path);
    printf("    20 off 200 (50 off 400) on everything, shipping 10 a shop (free from 199),\n"
           "    and three coupon templates.\n");
    char* document = read_file(promotions_path);
    must(sc_engine_program_import(engine, document, &err), &err, "program_import");
    free(document);

    printf("\n    Lin claims two coupons; her app retries one claim, which changes nothing.\n");
    char* teahouse = claim(engine, "lin", "teahouse-10", "lin-claim-teahouse");
    char* platform = claim(engine, "lin", "platform-50", "lin-claim-platform");
    free(claim(engine, "lin", "platform-50", "lin-claim-platform"));
    printf("    Wei, who has never paid an order, redeems the new-user code MOONFEST; Lin cannot:\n");
    sc_coupon* wei_coupon = NULL;
    must(sc_engine_coupon_redeem_code(engine, "wei", "MOONFEST", "wei-moonfest", &wei_coupon, &err), &err,
         "redeem_code");
    printf("    Wei has coupon %s (%s)\n", sc_coupon_code(wei_coupon), sc_coupon_template_id(wei_coupon));
    sc_coupon_free(wei_coupon);
    show_refusal(sc_engine_coupon_redeem_code(engine, "lin", "MOONFEST", "lin-moonfest", &wei_coupon, &err), &err,
                 SC_ERR_INVALID_STATE);

    printf("\n12. Lin ticks the mooncakes she kept and adds a pack of tea. The app asks for the\n"
           "    best coupons; the quote says what the platform coupon still needs:\n");
    sc_checkout_request* best = NULL;
    must(sc_checkout_request_new(&best, &err), &err, "checkout_request_new");
    must(sc_checkout_request_set_coupon_choice(best, SC_COUPONS_BEST, &err), &err, "set_coupon_choice");
    must(sc_engine_cart_select(engine, "lin", "mooncake-box", true, &err), &err, "cart_select");
    must(sc_engine_cart_add(engine, "lin", "tea-oolong-250g", 1, &err), &err, "cart_add");
    sc_quote* quote = NULL;
    must(sc_engine_quote(engine, "lin", best, &quote, &err), &err, "quote");
    print_quote(quote);
    sc_quote_free(quote);

    printf("\n13. She adds a second box: the sale applies and the bakery ships free. The engine\n"
           "    picks the platform coupon: 50 off beats 10 off, and after it the tea comes to\n"
           "    53.31, below the 60 the tea-house coupon needs, so the two do not combine.\n");
    must(sc_engine_cart_add(engine, "lin", "mooncake-box", 1, &err), &err, "cart_add");
    must(sc_engine_quote(engine, "lin", best, &quote, &err), &err, "quote");
    print_quote(quote);
    sc_checkout_request* pickup = NULL;
    must(sc_checkout_request_new(&pickup, &err), &err, "checkout_request_new");
    must(sc_checkout_request_set_coupon_choice(pickup, SC_COUPONS_BEST, &err), &err, "set_coupon_choice");
    must(sc_checkout_request_set_shipping(pickup, SC_SHIPPING_PICKUP, &err), &err, "set_shipping");
    sc_quote* collected = NULL;
    must(sc_engine_quote(engine, "lin", pickup, &collected, &err), &err, "quote");
    printf("    Collected from the shops instead: payable %s\n",
           money(sc_quote_total(collected), sc_quote_currency(collected)));
    sc_quote_free(collected);
    sc_checkout_request_free(pickup);

    printf("\n14. Checkout with the same request charges exactly the quote; the coupon is held.\n");
    sc_order* order = NULL;
    must(sc_engine_checkout(engine, "lin", best, "lin-checkout-2", &order, &err), &err, "checkout");
    print_order(order);
    printf("    same as the quote: %s\n", sc_order_total(order) == sc_quote_total(quote) ? "yes" : "NO");
    sc_quote_free(quote);
    for (size_t i = 0; i < sc_order_coupon_count(order); ++i)
        printf("    coupon %s (%s) takes %s\n", sc_order_coupon_code(order, i), sc_order_coupon_template_id(order, i),
               money(sc_order_coupon_amount(order, i), sc_order_currency(order)));
    print_coupons(engine, "lin");
    advance_minutes(clock, 3);
    must(sc_engine_order_pay(engine, sc_order_id(order), "wxpay-20261125-0002", sc_order_total(order), "lin-pay-2",
                             NULL, &err), &err, "pay");
    printf("    Paid. The coupon is used:\n");
    print_coupons(engine, "lin");

    printf("\n15. The next day Lin returns the whole order. The shop refunds the goods (shipping\n"
           "    is not refunded) and her platform coupon, still valid, comes back to her.\n");
    advance_minutes(clock, 60 * 24);
    sc_order* refunded = NULL;
    must(sc_engine_order_refund_amount(engine, sc_order_id(order), sc_order_total(order) - sc_order_shipping(order),
                                       "lin-refund-2", &refunded, &err), &err, "refund_amount");
    print_order(refunded);
    print_coupons(engine, "lin");
    printf("    The coupon report the operator reads:\n");
    print_report(engine);
    sc_order_free(refunded);
    sc_order_free(order);
    sc_checkout_request_free(best);
    free(teahouse);
    free(platform);
}
