/*
 * The socialcart walkthrough: a shopper's story told through the C ABI.
 *
 *   walkthrough [program.json] [database-file] [promotions.json]
 *
 * It loads the operator's program document, then follows Lin: browsing as a guest,
 * signing in (the guest cart merges), changing quantities, checking out, paying and
 * getting one line refunded; then the Mid-Autumn sale (pricing_chapter.c): promotions,
 * coupons, the best-coupon choice and a coupon returned after a full refund; then points
 * (points_chapter.c, points.json next to program.json): sign-in, a shared link, points
 * earned and vesting, spent at checkout and given back by a return; then member tiers
 * (tiers_chapter.c, tiers.json next to program.json): the payment that crosses the
 * Silver threshold upgrades Lin at once and the same cart gets the member price, a
 * return leaves her Silver until the quarter's review, which downgrades her; then a
 * share link (referral_chapter.c): signed, typed as a short code, refused when forged,
 * after its key is retired and once expired. It ends with the event log. The clock is injected and starts at a fixed time, so every run
 * prints the same story.
 */
#include <socialcart/socialcart.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef SC_WALKTHROUGH_PROGRAM
#define SC_WALKTHROUGH_PROGRAM "program.json"
#endif

#include "story.h"

static void print_catalog(sc_engine* engine) {
    sc_catalog* catalog = NULL;
    sc_error* err = NULL;
    must(sc_engine_catalog_list(engine, &catalog, &err), &err, "sc_engine_catalog_list");
    for (size_t i = 0; i < sc_catalog_count(catalog); ++i) {
        const sc_sku* sku = sc_catalog_at(catalog, i);
        char stock[64] = "always in stock";
        if (sc_sku_stock_tracked(sku))
            snprintf(stock, sizeof stock, "%lld left", (long long)sc_sku_stock_available(sku));
        printf("    %-16s %-34s %12s  %s%s\n", sc_sku_id(sku), sc_sku_title(sku),
               money(sc_sku_list_price(sku), sc_sku_currency(sku)), stock,
               sc_sku_active(sku) ? "" : "  (not for sale)");
    }
    sc_catalog_free(catalog);
}

static void print_cart(sc_engine* engine, const char* user) {
    sc_cart* cart = NULL;
    sc_error* err = NULL;
    must(sc_engine_cart_get(engine, user, &cart, &err), &err, "sc_engine_cart_get");
    const char* currency = sc_cart_currency(cart);
    printf("    cart of %s:\n", sc_cart_user_id(cart));
    for (size_t i = 0; i < sc_cart_line_count(cart); ++i) {
        uint32_t problems = sc_cart_line_problems(cart, i);
        printf("      [%c] %lld x %-34s %12s", sc_cart_line_selected(cart, i) ? 'x' : ' ',
               (long long)sc_cart_line_quantity(cart, i), sc_cart_line_title(cart, i),
               money(sc_cart_line_unit_price(cart, i), currency));
        if (problems & SC_LINE_PRICE_CHANGED)
            printf("  price changed (was %s)", money(sc_cart_line_added_price(cart, i), currency));
        if (problems & SC_LINE_OUT_OF_STOCK)
            printf("  only %lld left", (long long)sc_cart_line_available(cart, i));
        if (problems & SC_LINE_INACTIVE) printf("  no longer for sale");
        if (problems & SC_LINE_OVER_MAX) printf("  over the per-order maximum");
        printf("\n");
    }
    sc_cart_free(cart);
}

static int64_t available(sc_engine* engine, const char* sku_id) {
    sc_sku* sku = NULL;
    sc_error* err = NULL;
    must(sc_engine_sku_get(engine, sku_id, &sku, &err), &err, "sc_engine_sku_get");
    int64_t n = sc_sku_stock_available(sku);
    sc_sku_free(sku);
    return n;
}

int main(int argc, char** argv) {
    const char* program_path = argc > 1 ? argv[1] : SC_WALKTHROUGH_PROGRAM;
    const char* db_path = argc > 2 ? argv[2] : "walkthrough.db";
    /* promotions.json defaults to the one next to the program document. */
    char promotions_default[1024];
    const char* slash = strrchr(program_path, '/');
    snprintf(promotions_default, sizeof promotions_default, "%.*spromotions.json",
             slash ? (int)(slash - program_path + 1) : 0, program_path);
    const char* promotions_path = argc > 3 ? argv[3] : promotions_default;
    /* points.json and tiers.json are always the ones next to the program document. */
    char points_path[1024], tiers_path[1024];
    snprintf(points_path, sizeof points_path, "%.*spoints.json", slash ? (int)(slash - program_path + 1) : 0,
             program_path);
    snprintf(tiers_path, sizeof tiers_path, "%.*stiers.json", slash ? (int)(slash - program_path + 1) : 0,
             program_path);
    char wal[512], shm[512];
    snprintf(wal, sizeof wal, "%s-wal", db_path);
    snprintf(shm, sizeof shm, "%s-shm", db_path);
    remove(db_path), remove(wal), remove(shm); /* every run tells the story from the start */

    sc_error* err = NULL;
    story_clock clock = {STORY_START_MS};
    sc_options* options = NULL;
    must(sc_options_new(&options, &err), &err, "sc_options_new");
    must(sc_options_set_clock(options, story_now, &clock, NULL, &err), &err, "sc_options_set_clock");
    uint64_t random_state = STORY_RANDOM_SEED;
    must(sc_options_set_random(options, story_random, &random_state, NULL, &err), &err, "sc_options_set_random");
    sc_engine* engine = NULL;
    must(sc_engine_open(db_path, options, &engine, &err), &err, "sc_engine_open");
    sc_options_free(options);

    printf("socialcart %s walkthrough\n\n", sc_version());

    printf("1. The operator loads the program document (%s).\n", program_path);
    char* program = read_file(program_path);
    must(sc_engine_program_import(engine, program, &err), &err, "sc_engine_program_import");
    free(program);
    print_catalog(engine);

    printf("\n2. Lin browses as a guest and puts a box of mooncakes in the cart.\n");
    must(sc_engine_cart_add(engine, "guest-7f3a", "mooncake-box", 1, &err), &err, "cart_add");
    printf("    The discontinued kettle cannot be added:\n");
    show_refusal(sc_engine_cart_add(engine, "guest-7f3a", "kettle-iron", 1, &err), &err, SC_ERR_SKU_INACTIVE);

    printf("\n3. Lin signs in; the guest cart merges into hers.\n");
    must(sc_engine_cart_add(engine, "lin", "tea-oolong-250g", 2, &err), &err, "cart_add");
    must(sc_engine_cart_merge_guest(engine, "lin", "guest-7f3a", &err), &err, "cart_merge_guest");
    print_cart(engine, "lin");

    printf("\n4. She adds two celadon cups, then tries for six packs of tea (five is the limit).\n");
    must(sc_engine_cart_add(engine, "lin", "cup-celadon", 2, &err), &err, "cart_add");
    show_refusal(sc_engine_cart_set_quantity(engine, "lin", "tea-oolong-250g", 6, &err), &err, SC_ERR_LIMIT_EXCEEDED);
    printf("    She settles on three, and keeps the mooncakes for later (unticked).\n");
    must(sc_engine_cart_set_quantity(engine, "lin", "tea-oolong-250g", 3, &err), &err, "cart_set_quantity");
    must(sc_engine_cart_select(engine, "lin", "mooncake-box", false, &err), &err, "cart_select");

    printf("\n5. Meanwhile the tea house raises the cup's price; Lin's cart says so.\n");
    advance_minutes(&clock, 5);
    sc_sku* cup = NULL;
    must(sc_engine_sku_get(engine, "cup-celadon", &cup, &err), &err, "sku_get");
    sc_sku* repriced = NULL;
    must(sc_sku_new(sc_sku_id(cup), sc_sku_merchant_id(cup), sc_sku_title(cup), sc_sku_currency(cup), 4200,
                    &repriced, &err), &err, "sku_new");
    must(sc_sku_set_stock(repriced, sc_sku_stock_on_hand(cup), &err), &err, "sku_set_stock");
    for (size_t i = 0; i < sc_sku_category_count(cup); ++i)
        must(sc_sku_add_category(repriced, sc_sku_category_at(cup, i), &err), &err, "sku_add_category");
    must(sc_engine_sku_put(engine, repriced, &err), &err, "sku_put");
    sc_sku_free(repriced);
    sc_sku_free(cup);
    print_cart(engine, "lin");

    printf("\n6. The quote for the ticked lines:\n");
    sc_quote* quote = NULL;
    must(sc_engine_quote(engine, "lin", NULL, &quote, &err), &err, "quote");
    for (size_t i = 0; i < sc_quote_line_count(quote); ++i)
        printf("    %lld x %-16s %12s\n", (long long)sc_quote_line_quantity(quote, i), sc_quote_line_sku_id(quote, i),
               money(sc_quote_line_net(quote, i), sc_quote_currency(quote)));
    printf("    total payable %s\n", money(sc_quote_total(quote), sc_quote_currency(quote)));
    sc_quote_free(quote);

    printf("\n7. Checkout. The order holds the stock for the payment window.\n");
    int64_t cups_before = available(engine, "cup-celadon");
    sc_order* order = NULL;
    must(sc_engine_checkout(engine, "lin", NULL, "lin-checkout-1", &order, &err), &err, "checkout");
    print_order(order);
    printf("    cups available: %lld before checkout, %lld now (held for the order)\n", (long long)cups_before,
           (long long)available(engine, "cup-celadon"));
    sc_order* retried = NULL;
    must(sc_engine_checkout(engine, "lin", NULL, "lin-checkout-1", &retried, &err), &err, "checkout retry");
    printf("    The app retries the checkout on a flaky network: same order %s (%s)\n", sc_order_id(retried),
           strcmp(sc_order_id(retried), sc_order_id(order)) == 0 ? "no duplicate" : "DUPLICATE");
    sc_order_free(retried);
    print_cart(engine, "lin");

    printf("\n8. Lin pays 9 minutes later, inside the 15-minute window.\n");
    advance_minutes(&clock, 9);
    show_refusal(sc_engine_order_pay(engine, sc_order_id(order), "wxpay-20261123-0001", sc_order_total(order) - 1,
                                     "lin-pay-1", NULL, &err), &err, SC_ERR_AMOUNT_MISMATCH);
    sc_order* paid = NULL;
    must(sc_engine_order_pay(engine, sc_order_id(order), "wxpay-20261123-0001", sc_order_total(order), "lin-pay-1",
                             &paid, &err), &err, "pay");
    print_order(paid);
    printf("    paid with reference %s\n", sc_order_payment_ref(paid));

    printf("\n9. One cup arrives chipped: the shop refunds that one cup.\n");
    advance_minutes(&clock, 60 * 24 * 2);
    sc_order* refunded = NULL;
    must(sc_engine_order_refund_line(engine, sc_order_id(paid), 1, 1, "lin-refund-cup-1", &refunded, &err), &err,
         "refund_line");
    print_order(refunded);
    printf("    Refunding two more cups than remain is refused:\n");
    show_refusal(sc_engine_order_refund_line(engine, sc_order_id(paid), 1, 2, "lin-refund-cup-2", NULL, &err), &err,
                 SC_ERR_REFUND_EXCEEDS_PAID);
    sc_order_free(refunded);
    sc_order_free(paid);
    sc_order_free(order);

    printf("\n10. Wei checks out the last cup but never pays. The hold lapses with the window.\n");
    must(sc_engine_cart_add(engine, "wei", "cup-celadon", 1, &err), &err, "cart_add");
    sc_order* unpaid = NULL;
    must(sc_engine_checkout(engine, "wei", NULL, "wei-checkout-1", &unpaid, &err), &err, "checkout");
    printf("    cups available while Wei's order waits: %lld\n", (long long)available(engine, "cup-celadon"));
    advance_minutes(&clock, 16);
    int64_t settled = 0;
    bool more = false;
    must(sc_engine_sweep(engine, 100, &settled, &more, &err), &err, "sweep");
    sc_order* lapsed = NULL;
    must(sc_engine_order_get(engine, sc_order_id(unpaid), &lapsed, &err), &err, "order_get");
    printf("    16 minutes later the sweep settled %lld order(s); Wei's order is %s (%s), cups available: %lld\n",
           (long long)settled, sc_order_state_name(sc_order_state(lapsed)),
           sc_order_cancel_reason(lapsed) == SC_CANCEL_PAYMENT_LAPSED ? "payment window lapsed" : "cancelled",
           (long long)available(engine, "cup-celadon"));
    show_refusal(sc_engine_order_pay(engine, sc_order_id(unpaid), "wxpay-late", sc_order_total(unpaid), "wei-pay-1",
                                     NULL, &err), &err, SC_ERR_EXPIRED);
    sc_order_free(lapsed);
    sc_order_free(unpaid);

    tell_pricing_chapter(engine, &clock, promotions_path);
    tell_points_chapter(engine, &clock, points_path);
    tell_tiers_chapter(engine, &clock, tiers_path);
    tell_referral_chapter(engine, &clock);
    tell_attribution_chapter(engine, &clock);
    tell_groupbuy_chapter(engine, &clock);
    tell_flashsale_chapter(engine, &clock);
    tell_bargain_chapter(engine, &clock);

    printf("\n32. The event log, read from the start:\n");
    int64_t cursor = 0;
    for (;;) {
        sc_events* events = NULL;
        must(sc_engine_events_read(engine, cursor, 100, &events, &err), &err, "events_read");
        size_t n = sc_events_count(events);
        for (size_t i = 0; i < n; ++i) {
            printf("    #%-3lld T+%-5lldmin %-18s %-30s %s\n", (long long)sc_events_seq(events, i),
                   (long long)((sc_events_time_ms(events, i) - STORY_START_MS) / 60000), sc_events_type(events, i),
                   sc_events_subject_id(events, i), sc_events_payload(events, i));
            cursor = sc_events_seq(events, i);
        }
        sc_events_free(events);
        if (n < 100) break;
    }

    sc_engine_close(engine);
    if (sc_live_object_count() != 0) {
        fprintf(stderr, "walkthrough: %lld object(s) leaked\n", (long long)sc_live_object_count());
        return 1;
    }
    printf("\nThe end: every handle freed.\n");
    return 0;
}
