/*
 * Chapters 21-26 of the walkthrough: member tiers. The operator starts a tier programme;
 * Lin's member page counts what she has paid so far. The order that crosses the Silver
 * threshold upgrades her at once, and the same cart quoted again gets the member price,
 * free shipping and more points. A return does not take Silver away before the quarter
 * ends; the review at the quarter's end does.
 */
#include "story.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A UTC instant as a date, e.g. "2027-01-01". A static buffer, fine for printing. */
static const char* date(int64_t ms) {
    static char text[16];
    time_t seconds = (time_t)(ms / 1000);
    strftime(text, sizeof text, "%Y-%m-%d", gmtime(&seconds));
    return text;
}

/* The member page an app shows: the tier, the spend, what the next tier and the review need. */
static void print_page(sc_engine* engine, const char* user, const char* cur) {
    sc_error* err = NULL;
    sc_tier_status* s = NULL;
    must(sc_engine_tier_status(engine, user, &s, &err), &err, "tier_status");
    printf("    %s's page: %s since %s; spend in the last 365 days %s", user, sc_tier_status_tier_name(s),
           date(sc_tier_status_since_ms(s)), money(sc_tier_status_figure(s), cur));
    if (*sc_tier_status_next_tier_id(s))
        printf(", %s more to %s", money(sc_tier_status_to_next(s), cur), sc_tier_status_next_tier_id(s));
    printf("\n      review on %s: spend %s gives %s", date(sc_tier_status_period_end_ms(s)),
           money(sc_tier_status_figure_at_period_end(s), cur), sc_tier_status_tier_at_period_end(s));
    if (!sc_tier_status_can_keep(s))
        printf("; it cannot be kept by paying now\n");
    else if (sc_tier_status_to_keep(s) > 0)
        printf("; %s paid now keeps %s\n", money(sc_tier_status_to_keep(s), cur), sc_tier_status_tier_id(s));
    else
        printf(" (kept)\n");
    sc_tier_status_free(s);
}

/* The cart's quote in one or two lines: each line's adjustments, shipping, payable, points. */
static void print_cart_quote(sc_engine* engine, const char* user, const char* as) {
    sc_error* err = NULL;
    sc_quote* q = NULL;
    must(sc_engine_quote(engine, user, NULL, &q, &err), &err, "quote");
    const char* cur = sc_quote_currency(q);
    for (size_t i = 0; i < sc_quote_line_count(q); ++i) {
        printf("    as %-7s %lld x %-16s %s", as, (long long)sc_quote_line_quantity(q, i), sc_quote_line_sku_id(q, i),
               money(sc_quote_line_base(q, i), cur));
        for (size_t a = 0; a < sc_quote_line_adjustment_count(q, i); ++a)
            printf("  -%s %s %s", money(sc_quote_line_adjustment_amount(q, i, a), cur),
                   sc_quote_line_adjustment_kind(q, i, a), sc_quote_line_adjustment_source(q, i, a));
        printf("  = %s\n", money(sc_quote_line_net(q, i), cur));
    }
    printf("               shipping %s, payable %s, points to earn %lld\n", money(sc_quote_shipping(q), cur),
           money(sc_quote_total(q), cur), (long long)sc_quote_points_to_earn(q));
    sc_quote_free(q);
}

/* The tier events appended after `after_seq`, as a host listening to the log sees them. */
static void print_tier_events(sc_engine* engine, int64_t after_seq) {
    sc_error* err = NULL;
    sc_events* events = NULL;
    must(sc_engine_events_read(engine, after_seq, 100, &events, &err), &err, "events_read");
    for (size_t i = 0; i < sc_events_count(events); ++i)
        if (strncmp(sc_events_type(events, i), "tier.", 5) == 0)
            printf("    event %s %s\n", sc_events_type(events, i), sc_events_payload(events, i));
    sc_events_free(events);
}

static int64_t latest_seq(sc_engine* engine) {
    sc_error* err = NULL;
    int64_t seq = 0;
    must(sc_engine_events_latest_seq(engine, &seq, &err), &err, "events_latest_seq");
    return seq;
}

static void print_report(sc_engine* engine, int64_t from_ms, int64_t to_ms) {
    sc_error* err = NULL;
    sc_tier_report* r = NULL;
    must(sc_engine_tier_report(engine, from_ms, to_ms, &r, &err), &err, "tier_report");
    printf("      %-8s %7s %8s %10s\n", "tier", "members", "upgrades", "downgrades");
    for (size_t i = 0; i < sc_tier_report_count(r); ++i)
        printf("      %-8s %7lld %8lld %10lld\n", sc_tier_report_tier_id(r, i), (long long)sc_tier_report_members(r, i),
               (long long)sc_tier_report_upgrades(r, i), (long long)sc_tier_report_downgrades(r, i));
    sc_tier_report_free(r);
}

void tell_tiers_chapter(sc_engine* engine, story_clock* clock, const char* tiers_path) {
    sc_error* err = NULL;
    advance_minutes(clock, 60 * 24);
    const int64_t started = clock->now_ms;
    const char* slash = strrchr(tiers_path, '/');
    sc_sku* tea = NULL;
    must(sc_engine_sku_get(engine, "tea-oolong-250g", &tea, &err), &err, "sku_get");
    char cur[8];
    snprintf(cur, sizeof cur, "%s", sc_sku_currency(tea));
    sc_sku_free(tea);

    printf("\n21. The next day the shops start member tiers (%s) on goods paid over 365\n"
           "    days, reviewed each quarter: Silver from 500 yuan (5%% member price, points x1.5,\n"
           "    free shipping from 50), Gold from 2000. What Lin has paid so far already counts.\n",
           slash ? slash + 1 : tiers_path);
    char* document = read_file(tiers_path);
    must(sc_engine_program_import(engine, document, &err), &err, "program_import");
    free(document);
    print_page(engine, "lin", cur);

    printf("\n22. Lin puts a pack of tea in her cart and pays for it: the payment crosses the\n"
           "    Silver threshold and she is upgraded at once.\n");
    advance_minutes(clock, 60);
    must(sc_engine_cart_add(engine, "lin", "tea-oolong-250g", 1, &err), &err, "cart_add");
    print_cart_quote(engine, "lin", "Normal");
    sc_order* order = NULL;
    must(sc_engine_checkout(engine, "lin", NULL, "lin-checkout-5", &order, &err), &err, "checkout");
    const int64_t before_pay = latest_seq(engine);
    sc_order* paid = NULL;
    must(sc_engine_order_pay(engine, sc_order_id(order), "wxpay-20261207-0005", sc_order_total(order), "lin-pay-5",
                             &paid, &err), &err, "pay");
    printf("    paid %s; earned %lld points (at the tier she paid as)\n", money(sc_order_total(paid), cur),
           (long long)sc_order_points_earned(paid));
    print_tier_events(engine, before_pay);
    print_page(engine, "lin", cur);

    printf("\n23. She wants another pack for her mother. The same cart, quoted as Silver: 5%% off\n"
           "    68.00 is 64.60, which ships free (Silver's threshold is 50, the shop's 199), and\n"
           "    64.60 at x1.5 earns 96 points.\n");
    must(sc_engine_cart_add(engine, "lin", "tea-oolong-250g", 1, &err), &err, "cart_add");
    print_cart_quote(engine, "lin", "Silver");

    printf("\n24. Two days later she returns the first pack. Her spend falls below 500 yuan, but\n"
           "    a tier only goes down at the review: she stays Silver until the quarter ends.\n");
    advance_minutes(clock, 2 * 60 * 24);
    const int64_t before_refund = latest_seq(engine);
    sc_order* refunded = NULL;
    must(sc_engine_order_refund_line(engine, sc_order_id(paid), 0, 1, "lin-refund-5", &refunded, &err), &err,
         "refund_line");
    print_order(refunded);
    print_tier_events(engine, before_refund);
    print_page(engine, "lin", cur);
    sc_order_free(refunded);
    sc_order_free(paid);
    sc_order_free(order);

    printf("\n25. The quarter ends. On New Year's morning her page already reads as reviewed;\n"
           "    the app's sweep records the review, and the tea in her cart is back to list price.\n");
    sc_tier_status* s = NULL;
    must(sc_engine_tier_status(engine, "lin", &s, &err), &err, "tier_status");
    advance_minutes(clock, (sc_tier_status_period_end_ms(s) - clock->now_ms) / 60000 + 9 * 60);
    sc_tier_status_free(s);
    print_page(engine, "lin", cur);
    const int64_t before_sweep = latest_seq(engine);
    bool more = true;
    while (more) must(sc_engine_sweep(engine, 100, NULL, &more, &err), &err, "sweep");
    print_tier_events(engine, before_sweep);
    print_cart_quote(engine, "lin", "Normal");

    printf("\n26. The operator's tier report since the programme started:\n");
    print_report(engine, started, clock->now_ms + 1);
}
