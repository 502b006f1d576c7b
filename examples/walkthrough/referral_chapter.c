/*
 * Chapter 27 of the walkthrough: share links. The shop signs share links with its own
 * key; Lin shares the oolong tea on WeChat and prints the short code on a poster; a
 * friend types the code; a forged copy is refused; the shop rotates its key, so the old
 * key's links stop opening once it is retired; a week later the new link has expired.
 * Tokens and codes hold random bytes, so the story prints only what does not change
 * between runs: the start of the token and the claims it carries.
 */
#include "story.h"

#include <stdio.h>
#include <string.h>

static void print_link(const sc_share_link* link) {
    printf("    %s's link to %s %s via %s, signed by %s, valid until %s\n", sc_share_link_sharer_id(link),
           sc_share_target_name(sc_share_link_target(link)), sc_share_link_target_id(link),
           sc_share_link_channel(link), sc_share_link_key_id(link), date_time(sc_share_link_expires_at_ms(link)));
}

void tell_referral_chapter(sc_engine* engine, story_clock* clock) {
    sc_error* err = NULL;
    advance_minutes(clock, 60 * 24);
    printf("\n27. Lin shares the oolong tea with a friend on WeChat. The shop signs share links\n"
           "    with its own key (a link lasts 7 days, with 5 minutes' tolerance between clocks).\n");
    must(sc_engine_referral_program_put(engine,
                                        "{\"url_template\":\"https://shop.example/s/{token}\","
                                        "\"link_lifetime_days\":7,\"clock_skew_seconds\":300}",
                                        &err),
         &err, "referral_program_put");
    must(sc_engine_share_key_generate(engine, "shop-2026-12", NULL, &err), &err, "share_key_generate");
    sc_share_link* link = NULL;
    must(sc_engine_share_link_create(engine, "lin", SC_SHARE_TARGET_SKU, "tea-oolong-250g", "wechat", "lin-share-1",
                                     &link, &err),
         &err, "share_link_create");
    const char* url = sc_share_link_url(link);
    const size_t prefix = strlen("https://shop.example/s/");
    printf("    link: %.*s%.20s... (a token of %zu characters)\n", (int)prefix, url, url + prefix,
           strlen(sc_share_link_token(link)));
    printf("    on the poster, a short code: %s\n", sc_share_link_display_code(link));

    printf("    A friend types the code into the app (in lower case):\n");
    char typed[32];
    snprintf(typed, sizeof typed, "%s", sc_share_link_display_code(link));
    for (char* c = typed; *c; ++c)
        if (*c >= 'A' && *c <= 'Z') *c = (char)(*c - 'A' + 'a');
    sc_share_link* opened = NULL;
    must(sc_engine_share_link_resolve(engine, typed, &opened, &err), &err, "share_link_resolve");
    print_link(opened);
    sc_share_link_free(opened);

    printf("    A forwarded copy whose signature was altered is refused:\n");
    char forged[1100];
    snprintf(forged, sizeof forged, "%s", sc_share_link_token(link));
    size_t n = strlen(forged);
    forged[n - 10] = forged[n - 10] == 'A' ? 'B' : 'A';
    show_refusal(sc_engine_share_link_resolve(engine, forged, &opened, &err), &err, SC_ERR_LINK_TAMPERED);

    printf("    The shop rotates its key: \"shop-2027-01\" signs from now on, and Lin's first link\n"
           "    still opens until the old key is retired.\n");
    must(sc_engine_share_key_generate(engine, "shop-2027-01", NULL, &err), &err, "share_key_generate");
    sc_share_link* second = NULL;
    must(sc_engine_share_link_create(engine, "lin", SC_SHARE_TARGET_SKU, "tea-oolong-250g", "qr", "lin-share-2",
                                     &second, &err),
         &err, "share_link_create");
    print_link(second);
    must(sc_engine_share_link_resolve(engine, sc_share_link_token(link), &opened, &err), &err, "share_link_resolve");
    sc_share_link_free(opened);
    must(sc_engine_share_key_retire(engine, "shop-2026-12", NULL, &err), &err, "share_key_retire");
    show_refusal(sc_engine_share_link_resolve(engine, sc_share_link_token(link), &opened, &err), &err,
                 SC_ERR_LINK_UNKNOWN_KEY);

    printf("    A week and ten minutes later the second link has expired:\n");
    advance_minutes(clock, 7 * 24 * 60 + 10);
    show_refusal(sc_engine_share_link_resolve(engine, sc_share_link_token(second), &opened, &err), &err,
                 SC_ERR_EXPIRED);
    sc_share_link_free(second);
    sc_share_link_free(link);
}
