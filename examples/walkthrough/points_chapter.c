/*
 * Chapters 16-20 of the walkthrough: points. The operator starts a points programme; Lin
 * signs in three days running and shares a link, buys mooncakes and sees the points they
 * earn wait out the return window, spends points on tea at the next checkout, and returns
 * the tea: the points she spent come back and those the tea earned are taken back.
 */
#include "story.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_balance(sc_engine* engine, const char* user) {
    sc_error* err = NULL;
    sc_points_balance* b = NULL;
    must(sc_engine_points_balance(engine, user, &b, &err), &err, "points_balance");
    printf("    %s's points: %lld available, %lld pending, %lld held\n", user,
           (long long)sc_points_balance_available(b), (long long)sc_points_balance_pending(b),
           (long long)sc_points_balance_held(b));
    sc_points_balance_free(b);
}

/* The member's newest entries, as a points page in an app shows them. */
static void print_history(sc_engine* engine, const char* user, int64_t count) {
    sc_error* err = NULL;
    sc_points_page* page = NULL;
    must(sc_engine_points_history(engine, user, NULL, count, &page, &err), &err, "points_history");
    for (size_t i = 0; i < sc_points_page_count(page); ++i) {
        const sc_points_entry* e = sc_points_page_at(page, i);
        printf("      #%-3lld %-8s %+6lld  %s\n", (long long)sc_points_entry_seq(e),
               sc_points_entry_kind_name(sc_points_entry_kind(e)), (long long)sc_points_entry_effect(e),
               sc_points_entry_kind(e) == SC_POINTS_EARN || sc_points_entry_kind(e) == SC_POINTS_ADJUST
                   ? sc_points_entry_reference(e)
                   : "");
    }
    sc_points_page_free(page);
}

static void sign_in(sc_engine* engine, const char* user) {
    sc_error* err = NULL;
    sc_sign_in* s = NULL;
    must(sc_engine_points_sign_in(engine, user, &s, &err), &err, "sign_in");
    printf("    %s: day %lld of the streak, %s%lld points\n", sc_sign_in_date(s), (long long)sc_sign_in_streak(s),
           sc_sign_in_first(s) ? "+" : "already signed in today, ", (long long)sc_sign_in_points(s));
    sc_sign_in_free(s);
}

static void print_report(sc_engine* engine, int64_t from_ms, int64_t to_ms) {
    sc_error* err = NULL;
    sc_points_report* r = NULL;
    must(sc_engine_points_report(engine, from_ms, to_ms, &r, &err), &err, "points_report");
    printf("      members %lld; available %lld, pending %lld, held %lld: a liability of %lld points, %s\n",
           (long long)sc_points_report_members(r), (long long)sc_points_report_available(r),
           (long long)sc_points_report_pending(r), (long long)sc_points_report_held(r),
           (long long)sc_points_report_liability_points(r),
           money(sc_points_report_liability_amount(r), sc_points_report_currency(r)));
    printf("      since the programme started: earned %lld, spent %lld, reversed %lld, returned %lld, expired %lld\n",
           (long long)sc_points_report_earned(r), (long long)sc_points_report_spent(r),
           (long long)sc_points_report_reversed(r), (long long)sc_points_report_returned(r),
           (long long)sc_points_report_expired(r));
    sc_points_report_free(r);
}

void tell_points_chapter(sc_engine* engine, story_clock* clock, const char* points_path) {
    sc_error* err = NULL;
    const int64_t started = clock->now_ms;
    const char* slash = strrchr(points_path, '/');
    printf("\n16. The shops start a points programme (%s): 1 point per yuan paid,\n"
           "    100 points pay 1 yuan (up to 30%% of the goods), order points count after the\n"
           "    7-day return window, a daily sign-in streak and 10 points per shared link.\n",
           slash ? slash + 1 : points_path);
    char* document = read_file(points_path);
    must(sc_engine_program_import(engine, document, &err), &err, "program_import");
    free(document);
    printf("    Lin signs in three days running; her app signs in twice on the third day.\n");
    for (int day = 0; day < 3; ++day) {
        sign_in(engine, "lin");
        if (day < 2) advance_minutes(clock, 60 * 24);
    }
    sign_in(engine, "lin");
    printf("    She shares the mooncake page four times; the fourth share is over the daily cap:\n");
    const char* keys[] = {"lin-share-1", "lin-share-2", "lin-share-3", "lin-share-4"};
    for (int i = 0; i < 3; ++i)
        must(sc_engine_points_activity(engine, "lin", "share", "mooncake-box", keys[i], NULL, &err), &err,
             "points_activity");
    show_refusal(sc_engine_points_activity(engine, "lin", "share", "mooncake-box", keys[3], NULL, &err), &err,
                 SC_ERR_LIMIT_EXCEEDED);
    print_balance(engine, "lin");

    printf("\n17. Lin buys two boxes of mooncakes. The quote says what they will earn; paying\n"
           "    earns it, pending until the return window has passed.\n");
    must(sc_engine_cart_add(engine, "lin", "mooncake-box", 2, &err), &err, "cart_add");
    sc_quote* quote = NULL;
    must(sc_engine_quote(engine, "lin", NULL, &quote, &err), &err, "quote");
    printf("    payable %s, points to earn %lld\n", money(sc_quote_total(quote), sc_quote_currency(quote)),
           (long long)sc_quote_points_to_earn(quote));
    sc_quote_free(quote);
    sc_order* mooncakes = NULL;
    must(sc_engine_checkout(engine, "lin", NULL, "lin-checkout-3", &mooncakes, &err), &err, "checkout");
    sc_order* paid = NULL;
    must(sc_engine_order_pay(engine, sc_order_id(mooncakes), "wxpay-20261128-0003", sc_order_total(mooncakes),
                             "lin-pay-3", &paid, &err), &err, "pay");
    printf("    paid %s; earned %lld points\n", money(sc_order_total(paid), sc_order_currency(paid)),
           (long long)sc_order_points_earned(paid));
    print_balance(engine, "lin");
    sc_order_free(paid);
    sc_order_free(mooncakes);

    printf("\n18. Eight days later the points have vested. Lin adds a pack of tea and asks to\n"
           "    pay with as many points as allowed: 30%% of 68.00 would take 2000 points (whole\n"
           "    hundreds); she has 286, so 200.\n");
    advance_minutes(clock, 8 * 60 * 24);
    print_balance(engine, "lin");
    must(sc_engine_cart_add(engine, "lin", "tea-oolong-250g", 1, &err), &err, "cart_add");
    sc_checkout_request* most = NULL;
    must(sc_checkout_request_new(&most, &err), &err, "checkout_request_new");
    must(sc_checkout_request_set_points(most, SC_POINTS_MOST, 0, &err), &err, "set_points");
    must(sc_engine_quote(engine, "lin", most, &quote, &err), &err, "quote");
    const char* cur = sc_quote_currency(quote);
    printf("    goods %s, points %lld of at most %lld pay %s, shipping %s: payable %s, earns %lld\n",
           money(sc_quote_subtotal(quote) - sc_quote_discount(quote), cur), (long long)sc_quote_points_used(quote),
           (long long)sc_quote_points_max(quote), money(sc_quote_points_amount(quote), cur),
           money(sc_quote_shipping(quote), cur), money(sc_quote_total(quote), cur),
           (long long)sc_quote_points_to_earn(quote));
    sc_quote_free(quote);
    sc_order* tea = NULL;
    must(sc_engine_checkout(engine, "lin", most, "lin-checkout-4", &tea, &err), &err, "checkout");
    printf("    Checked out; the points are held until she pays:\n");
    print_balance(engine, "lin");
    must(sc_engine_order_pay(engine, sc_order_id(tea), "wxpay-20261206-0004", sc_order_total(tea), "lin-pay-4",
                             NULL, &err), &err, "pay");
    printf("    Paid:\n");
    print_balance(engine, "lin");
    sc_checkout_request_free(most);

    printf("\n19. The tea is not what she hoped; she returns it. The shop refunds the money;\n"
           "    the engine gives back the points she spent and takes back those the tea earned.\n");
    sc_order* refunded = NULL;
    must(sc_engine_order_refund_line(engine, sc_order_id(tea), 0, 1, "lin-refund-4", &refunded, &err), &err,
         "refund_line");
    print_order(refunded);
    print_balance(engine, "lin");
    printf("    Her points history, newest first:\n");
    print_history(engine, "lin", 8);
    sc_order_free(refunded);
    sc_order_free(tea);

    printf("\n20. The operator's points report:\n");
    print_report(engine, started, clock->now_ms + 1);
}
