#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include "fixture.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char* const STANDARD_PROGRAM =
    "{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"skus\":["
    "{\"id\":\"tea\",\"merchant_id\":\"m1\",\"title\":\"Longjing \xe9\xbe\x99\xe4\xba\x95\","
    "\"list_price\":6800,\"categories\":[\"tea\",\"gifts\"],\"stock\":12,\"max_per_order\":5},"
    "{\"id\":\"cup\",\"merchant_id\":\"m1\",\"title\":\"Cup\",\"list_price\":3950,"
    "\"categories\":[\"teaware\"],\"stock\":3},"
    "{\"id\":\"cake\",\"merchant_id\":\"m2\",\"title\":\"Cake\",\"list_price\":12800,"
    "\"categories\":[\"food\",\"gifts\"]},"
    "{\"id\":\"kettle\",\"merchant_id\":\"m1\",\"title\":\"Kettle\",\"list_price\":45900,"
    "\"stock\":0,\"active\":false}"
    "]}";

/* ---------------------------------------------------------------- clock */

int64_t test_clock_now(void* user_data) {
    const test_clock* c = (const test_clock*)user_data;
    if (c->follow != NULL) {
        return c->follow->now_ms;
    }
    return c->now_ms;
}

void test_clock_release(void* user_data) {
    test_clock* c = (test_clock*)user_data;
    if (c->freed_flag != NULL) {
        *c->freed_flag += 1;
    }
    free(c);
}

test_clock* test_clock_new(int64_t now_ms, const test_clock* follow, int* freed_flag) {
    test_clock* c = (test_clock*)calloc(1, sizeof *c);
    if (c == NULL) {
        abort();
    }
    c->now_ms = now_ms;
    c->follow = follow;
    c->freed_flag = freed_flag;
    return c;
}

/* ---------------------------------------------------------------- files */

void tmpdb_make(char* path, size_t size) {
    int fd;
    snprintf(path, size, "/tmp/sc_c_test_XXXXXX");
    fd = mkstemp(path);
    if (fd < 0) {
        perror("mkstemp");
        abort();
    }
    close(fd);
    /* Let the library create the file itself. */
    unlink(path);
}

void tmpdb_remove(const char* path) {
    static const char* const suffixes[] = {"", "-wal", "-shm", "-journal"};
    size_t i;
    char buf[300];
    for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; ++i) {
        snprintf(buf, sizeof buf, "%s%s", path, suffixes[i]);
        unlink(buf);
    }
}

/* ---------------------------------------------------------------- engine */

static sc_engine* fx_do_open(const char* path, test_clock* clock, void (*configure)(sc_options*)) {
    sc_options* opts = NULL;
    sc_engine* engine = NULL;
    CHECK_OK(sc_options_new(&opts, &E));
    CHECK_OK(sc_options_set_clock(opts, test_clock_now, clock, test_clock_release, &E));
    CHECK_OK(sc_options_set_payment_window_ms(opts, WINDOW_MS, &E));
    CHECK_OK(sc_options_set_durability(opts, SC_DURABILITY_NORMAL, &E));
    if (configure != NULL) configure(opts);
    CHECK_OK(sc_engine_open(path, opts, &engine, &E));
    sc_options_free(opts);
    if (engine == NULL) {
        printf("cannot open an engine on %s: aborting\n", path);
        fflush(stdout);
        abort();
    }
    return engine;
}

static void fx_init(fixture* fx) {
    memset(fx, 0, sizeof *fx);
    fx->clock = test_clock_new(T0_MS, NULL, &fx->clock_freed);
}

void fx_open_memory(fixture* fx) {
    fx_init(fx);
    fx->engine = fx_do_open(":memory:", fx->clock, NULL);
}

void fx_open_file(fixture* fx) {
    fx_init(fx);
    tmpdb_make(fx->path, sizeof fx->path);
    fx->engine = fx_do_open(fx->path, fx->clock, NULL);
}

void fx_open_file_with(fixture* fx, void (*configure)(sc_options* options)) {
    fx_init(fx);
    tmpdb_make(fx->path, sizeof fx->path);
    fx->engine = fx_do_open(fx->path, fx->clock, configure);
}

sc_engine* fx_open_handle(fixture* fx, int* clock_freed) {
    return fx_do_open(fx->path, test_clock_new(0, fx->clock, clock_freed), NULL);
}

sc_engine* fx_open_process_engine(const char* path, int* freed) { return fx_open_process_engine_at(path, T0_MS, freed); }

sc_engine* fx_open_process_engine_at(const char* path, int64_t now_ms, int* freed) {
    sc_options* opts = NULL;
    sc_engine* engine = NULL;
    if (sc_options_new(&opts, NULL) != SC_OK ||
        sc_options_set_clock(opts, test_clock_now, test_clock_new(now_ms, NULL, freed), test_clock_release, NULL) !=
            SC_OK ||
        sc_options_set_busy_timeout_ms(opts, 20000, NULL) != SC_OK || sc_engine_open(path, opts, &engine, NULL) != SC_OK) {
        sc_options_free(opts);
        return NULL;
    }
    sc_options_free(opts);
    return engine;
}

void fx_close(fixture* fx) {
    CHECK_EQ(fx->clock_freed, 0);
    sc_engine_close(fx->engine);
    fx->engine = NULL;
    /* The options were freed right after opening: the engine was the last owner. */
    CHECK_EQ(fx->clock_freed, 1);
    fx->clock = NULL;
    if (fx->path[0] != '\0') {
        tmpdb_remove(fx->path);
    }
}

void fx_advance(fixture* fx, int64_t ms) { fx->clock->now_ms += ms; }

int64_t fx_now(const fixture* fx) { return fx->clock->now_ms; }

void fx_import(fixture* fx, const char* json) {
    CHECK_OK(sc_engine_program_import(fx->engine, json, &E));
}

void fx_import_standard(fixture* fx) { fx_import(fx, STANDARD_PROGRAM); }

void fx_track_user(fixture* fx, const char* user_id) {
    if (fx->user_count < FX_MAX_USERS) {
        fx->users[fx->user_count++] = user_id;
    }
}

int64_t fx_order_total(fixture* fx, const char* order_id) {
    sc_order* o = NULL;
    int64_t total;
    CHECK_OK(sc_engine_order_get(fx->engine, order_id, &o, &E));
    total = sc_order_total(o);
    sc_order_free(o);
    return total;
}

sc_order_state_t fx_order_state(fixture* fx, const char* order_id) {
    sc_order* o = NULL;
    sc_order_state_t state;
    CHECK_OK(sc_engine_order_get(fx->engine, order_id, &o, &E));
    state = sc_order_state(o);
    sc_order_free(o);
    return state;
}

sc_order_state_t fx_pay_order(fixture* fx, const char* order_id, const char* key) {
    sc_order* paid = NULL;
    sc_order_state_t state;
    CHECK_OK(sc_engine_order_pay(fx->engine, order_id, "psp", fx_order_total(fx, order_id), key, &paid, &E));
    state = sc_order_state(paid);
    sc_order_free(paid);
    return state;
}

void fx_track_order(fixture* fx, const char* order_id) {
    if (order_id != NULL && fx->order_count < FX_MAX_ORDERS) {
        snprintf(fx->orders[fx->order_count++], sizeof fx->orders[0], "%s", order_id);
    }
}

/* ---------------------------------------------------------------- dumps */

typedef struct sbuf {
    char* data;
    size_t len;
    size_t cap;
} sbuf;

static void sb_printf(sbuf* sb, const char* fmt, ...) {
    va_list ap;
    int n;
    for (;;) {
        size_t room = sb->cap - sb->len;
        va_start(ap, fmt);
        n = vsnprintf(sb->data ? sb->data + sb->len : NULL, room, fmt, ap);
        va_end(ap);
        if (n < 0) {
            abort();
        }
        if ((size_t)n < room) {
            sb->len += (size_t)n;
            return;
        }
        sb->cap = (sb->cap + (size_t)n + 1) * 2;
        sb->data = (char*)realloc(sb->data, sb->cap);
        if (sb->data == NULL) {
            abort();
        }
    }
}

static const char* nn(const char* s) { return s ? s : "(null)"; }

static void sb_cart(sbuf* sb, sc_engine* engine, const char* user_id) {
    sc_cart* cart = NULL;
    size_t i;
    CHECK_OK(sc_engine_cart_get(engine, user_id, &cart, &E));
    sb_printf(sb, "cart %s currency=%s lines=%zu\n", nn(sc_cart_user_id(cart)),
              nn(sc_cart_currency(cart)), sc_cart_line_count(cart));
    for (i = 0; i < sc_cart_line_count(cart); ++i) {
        sb_printf(sb,
                  "  %s title=%s q=%" PRId64 " sel=%d unit=%" PRId64 " added=%" PRId64
                  " avail=%" PRId64 " problems=%u\n",
                  nn(sc_cart_line_sku_id(cart, i)), nn(sc_cart_line_title(cart, i)),
                  sc_cart_line_quantity(cart, i), (int)sc_cart_line_selected(cart, i),
                  sc_cart_line_unit_price(cart, i), sc_cart_line_added_price(cart, i),
                  sc_cart_line_available(cart, i), (unsigned)sc_cart_line_problems(cart, i));
    }
    sc_cart_free(cart);
}

static void sb_order(sbuf* sb, const sc_order* o) {
    size_t i;
    sb_printf(sb,
              "order %s user=%s state=%d reason=%d cur=%s sub=%" PRId64 " total=%" PRId64
              " refunded=%" PRId64 " created=%" PRId64 " deadline=%" PRId64 " paid=%" PRId64
              " ref=%s lines=%zu refunds=%zu\n",
              nn(sc_order_id(o)), nn(sc_order_user_id(o)), (int)sc_order_state(o),
              (int)sc_order_cancel_reason(o), nn(sc_order_currency(o)), sc_order_subtotal(o),
              sc_order_total(o), sc_order_refunded(o), sc_order_created_at_ms(o),
              sc_order_pay_deadline_ms(o), sc_order_paid_at_ms(o), nn(sc_order_payment_ref(o)),
              sc_order_line_count(o), sc_order_refund_count(o));
    for (i = 0; i < sc_order_line_count(o); ++i) {
        sb_printf(sb,
                  "  %s title=%s merchant=%s q=%" PRId64 " unit=%" PRId64 " base=%" PRId64
                  " net=%" PRId64 " rq=%" PRId64 " ra=%" PRId64 "\n",
                  nn(sc_order_line_sku_id(o, i)), nn(sc_order_line_title(o, i)),
                  nn(sc_order_line_merchant_id(o, i)), sc_order_line_quantity(o, i),
                  sc_order_line_unit_price(o, i), sc_order_line_base(o, i),
                  sc_order_line_net(o, i), sc_order_line_refunded_quantity(o, i),
                  sc_order_line_refunded_amount(o, i));
    }
    for (i = 0; i < sc_order_refund_count(o); ++i) {
        sb_printf(sb, "  refund %s %" PRId64 "\n", nn(sc_order_refund_id(o, i)),
                  sc_order_refund_amount(o, i));
    }
}

char* dump_cart(sc_engine* engine, const char* user_id) {
    sbuf sb = {NULL, 0, 0};
    sb_cart(&sb, engine, user_id);
    return sb.data;
}

char* dump_order_snapshot(const sc_order* order) {
    sbuf sb = {NULL, 0, 0};
    sb_order(&sb, order);
    return sb.data;
}

char* dump_order(sc_engine* engine, const char* order_id) {
    sc_order* o = NULL;
    char* s;
    CHECK_OK(sc_engine_order_get(engine, order_id, &o, &E));
    s = dump_order_snapshot(o);
    sc_order_free(o);
    return s;
}

/* A shopper's coupons, each with its state and holding order. */
static void sb_coupons(sbuf* sb, sc_engine* engine, const char* user) {
    sc_coupons* list = NULL;
    size_t i;
    CHECK_OK(sc_engine_coupon_list_by_user(engine, user, SC_COUPON_STATE_ANY, &list, &E));
    for (i = 0; i < sc_coupons_count(list); ++i) {
        const sc_coupon* c = sc_coupons_at(list, i);
        sb_printf(sb, "coupon %s %s %s %s order=%s\n", nn(sc_coupon_owner_id(c)), nn(sc_coupon_code(c)),
                  nn(sc_coupon_template_id(c)), sc_coupon_state_name(sc_coupon_state(c)), nn(sc_coupon_order_id(c)));
    }
    sc_coupons_free(list);
}

/* Every template's counters. */
static void sb_coupon_report(sbuf* sb, sc_engine* engine) {
    sc_coupon_report* r = NULL;
    size_t i;
    CHECK_OK(sc_engine_coupon_report(engine, &r, &E));
    for (i = 0; i < sc_coupon_report_count(r); ++i) {
        sb_printf(sb, "template %s claimed=%" PRId64 " used=%" PRId64 " returned=%" PRId64 " held=%" PRId64
                      " given=%" PRId64 "\n",
                  nn(sc_coupon_report_template_id(r, i)), sc_coupon_report_claimed(r, i), sc_coupon_report_used(r, i),
                  sc_coupon_report_returned(r, i), sc_coupon_report_held(r, i),
                  sc_coupon_report_discount_given(r, i));
    }
    sc_coupon_report_free(r);
}

/* A member's points: the balance, every lot and every ledger entry. */
static void sb_points(sbuf* sb, sc_engine* engine, const char* user_id) {
    sc_points_balance* b = NULL;
    sc_points_lots* lots = NULL;
    sc_points_page* page = NULL;
    size_t i;
    CHECK_OK(sc_engine_points_balance(engine, user_id, &b, &E));
    sb_printf(sb, "points %s avail=%" PRId64 " pend=%" PRId64 " held=%" PRId64 " debt=%" PRId64 "\n", user_id,
              sc_points_balance_available(b), sc_points_balance_pending(b), sc_points_balance_held(b),
              sc_points_balance_debt(b));
    sc_points_balance_free(b);
    CHECK_OK(sc_engine_points_lots(engine, user_id, &lots, &E));
    for (i = 0; i < sc_points_lots_count(lots); ++i)
        sb_printf(sb, " lot %" PRId64 " free=%" PRId64 " held=%" PRId64 "\n", sc_points_lot_id(lots, i),
                  sc_points_lot_free(lots, i), sc_points_lot_held(lots, i));
    sc_points_lots_free(lots);
    CHECK_OK(sc_engine_points_history(engine, user_id, NULL, 1000, &page, &E));
    for (i = 0; i < sc_points_page_count(page); ++i) {
        const sc_points_entry* e = sc_points_page_at(page, i);
        sb_printf(sb, " entry %" PRId64 " %s %" PRId64 " %s\n", sc_points_entry_seq(e),
                  sc_points_entry_kind_name(sc_points_entry_kind(e)), sc_points_entry_points(e),
                  nn(sc_points_entry_reference(e)));
    }
    sc_points_page_free(page);
}

/* The member's tier and page; "none" before a tier program is set. */
static void sb_tier(sbuf* sb, sc_engine* engine, const char* user_id) {
    sc_tier_status* s = NULL;
    sc_error* err = NULL;
    if (sc_engine_tier_status(engine, user_id, &s, &err) != SC_OK) {
        sb_printf(sb, "tier %s none\n", user_id);
        sc_error_free(err);
        return;
    }
    sb_printf(sb, "tier %s %s since=%" PRId64 " end=%" PRId64 " figure=%" PRId64 "\n", user_id,
              nn(sc_tier_status_tier_id(s)), sc_tier_status_since_ms(s), sc_tier_status_period_end_ms(s),
              sc_tier_status_figure(s));
    sc_tier_status_free(s);
}

/* Every share link key: its id, whether it signs, and whether it is retired. */
static void sb_share_keys(sbuf* sb, sc_engine* engine) {
    sc_share_keys* keys = NULL;
    size_t i;
    CHECK_OK(sc_engine_share_keys(engine, &keys, &E));
    for (i = 0; i < sc_share_keys_count(keys); ++i) {
        const sc_share_key* k = sc_share_keys_at(keys, i);
        sb_printf(sb, "share_key %s sign=%d signing=%d retired=%" PRId64 "\n", nn(sc_share_key_id(k)),
                  (int)sc_share_key_can_sign(k), (int)sc_share_key_is_signing(k), sc_share_key_retired_at_ms(k));
    }
    sc_share_keys_free(keys);
}

/* A user's live binding, the rewards they earned and the refusals recorded for them. */
static void sb_referral(sbuf* sb, sc_engine* engine, const char* user_id) {
    sc_referral_binding* b = NULL;
    sc_referral_rewards* rewards = NULL;
    sc_referral_refusals* refusals = NULL;
    size_t i;
    CHECK_OK(sc_engine_referral_binding(engine, user_id, NULL, &b, &E));
    if (b != NULL)
        sb_printf(sb, "binding %s -> %s until %" PRId64 "\n", user_id, nn(sc_referral_binding_sharer_id(b)),
                  sc_referral_binding_expires_at_ms(b));
    sc_referral_binding_free(b);
    CHECK_OK(sc_engine_referral_rewards(engine, user_id, &rewards, &E));
    for (i = 0; i < sc_referral_rewards_count(rewards); ++i) {
        const sc_referral_reward* r = sc_referral_rewards_at(rewards, i);
        sb_printf(sb, "reward %s %s L%d %" PRId64 " clawed=%" PRId64 "\n", user_id, nn(sc_referral_reward_order_id(r)),
                  sc_referral_reward_level(r), sc_referral_reward_amount(r), sc_referral_reward_clawed_back(r));
    }
    sc_referral_rewards_free(rewards);
    CHECK_OK(sc_engine_referral_refusals(engine, user_id, &refusals, &E));
    sb_printf(sb, "refusals %s %zu\n", user_id, sc_referral_refusals_count(refusals));
    sc_referral_refusals_free(refusals);
}

static void sb_flash_slots(sbuf* sb, sc_engine* engine) {
    sc_flash_slots* slots = NULL;
    size_t i;
    CHECK_OK(sc_engine_flash_slots(engine, NULL, 100, &slots, &E));
    for (i = 0; i < sc_flash_slots_count(slots); ++i) {
        const sc_flash_slot* s = sc_flash_slots_at(slots, i);
        sb_printf(sb, "flash slot %s@%" PRId64 " sold=%" PRId64 " held=%" PRId64 " left=%" PRId64 " out=%" PRId64 "\n",
                  nn(sc_flash_slot_sale_id(s)), sc_flash_slot_starts_at_ms(s), sc_flash_slot_sold(s),
                  sc_flash_slot_held(s), sc_flash_slot_left(s), sc_flash_slot_sold_out_at_ms(s));
    }
    sc_flash_slots_free(slots);
}

static void sb_groups(sbuf* sb, sc_engine* engine, const char* user_id) {
    sc_groups* groups = NULL;
    size_t i, j;
    CHECK_OK(sc_engine_groups_of_user(engine, user_id, 100, &groups, &E));
    for (i = 0; i < sc_groups_count(groups); ++i) {
        const sc_group* g = sc_groups_at(groups, i);
        sb_printf(sb, "group %s %s leader=%s left=%" PRId64 " deadline=%" PRId64 "\n", nn(sc_group_id(g)),
                  sc_group_state_name(sc_group_state(g)), nn(sc_group_leader_user_id(g)), sc_group_seats_left(g),
                  sc_group_deadline_ms(g));
        for (j = 0; j < sc_group_seat_count(g); ++j)
            sb_printf(sb, "  seat %s %s state=%d\n", nn(sc_group_seat_order_id(g, j)), nn(sc_group_seat_user_id(g, j)),
                      (int)sc_group_seat_state(g, j));
    }
    sc_groups_free(groups);
}

static void sb_bargains(sbuf* sb, sc_engine* engine, const char* user_id) {
    sc_bargains* bargains = NULL;
    size_t i, j;
    CHECK_OK(sc_engine_bargains_of_user(engine, user_id, 100, &bargains, &E));
    for (i = 0; i < sc_bargains_count(bargains); ++i) {
        const sc_bargain* b = sc_bargains_at(bargains, i);
        sb_printf(sb, "bargain %s %s price=%" PRId64 " deadline=%" PRId64 " order=%s\n", nn(sc_bargain_id(b)),
                  sc_bargain_state_name(sc_bargain_state(b)), sc_bargain_price(b), sc_bargain_deadline_ms(b),
                  nn(sc_bargain_order_id(b)));
        for (j = 0; j < sc_bargain_help_count(b); ++j)
            sb_printf(sb, "  help %s %" PRId64 "\n", nn(sc_bargain_help_user_id(b, j)), sc_bargain_help_amount(b, j));
    }
    sc_bargains_free(bargains);
}

char* fx_fingerprint(fixture* fx) {
    sbuf sb = {NULL, 0, 0};
    char* program = NULL;
    sc_catalog* cat = NULL;
    int64_t count = 0;
    int64_t last;
    size_t i;
    CHECK_OK(sc_engine_program_export(fx->engine, &program, &E));
    sb_printf(&sb, "program %s\n", nn(program));
    sc_string_free(program);
    CHECK_OK(sc_engine_catalog_list(fx->engine, &cat, &E));
    for (i = 0; i < sc_catalog_count(cat); ++i) {
        const sc_sku* s = sc_catalog_at(cat, i);
        sb_printf(&sb, "sku %s avail=%" PRId64 "\n", nn(sc_sku_id(s)), sc_sku_stock_available(s));
    }
    sc_catalog_free(cat);
    last = events_last_seq(fx->engine, &count);
    sb_printf(&sb, "events last=%" PRId64 " count=%" PRId64 "\n", last, count);
    for (i = 0; i < fx->user_count; ++i) {
        sb_cart(&sb, fx->engine, fx->users[i]);
        sb_coupons(&sb, fx->engine, fx->users[i]);
        sb_points(&sb, fx->engine, fx->users[i]);
        sb_tier(&sb, fx->engine, fx->users[i]);
        sb_referral(&sb, fx->engine, fx->users[i]);
        sb_groups(&sb, fx->engine, fx->users[i]);
        sb_bargains(&sb, fx->engine, fx->users[i]);
    }
    sb_coupon_report(&sb, fx->engine);
    sb_share_keys(&sb, fx->engine);
    sb_flash_slots(&sb, fx->engine);
    for (i = 0; i < fx->order_count; ++i) {
        sc_order* o = NULL;
        CHECK_OK(sc_engine_order_get(fx->engine, fx->orders[i], &o, &E));
        sb_order(&sb, o);
        sc_order_free(o);
    }
    return sb.data;
}

void fx_expect_same(fixture* fx, char* before, const char* file, int line, const char* expr) {
    char* after = fx_fingerprint(fx);
    int same = before != NULL && after != NULL && strcmp(before, after) == 0;
    if (!h_check(same, file, line, "database unchanged by the failing call")) {
        size_t k = 0;
        while (before[k] != '\0' && before[k] == after[k]) {
            ++k;
        }
        printf("    ... call: %s\n    ... before: %.200s\n    ... after:  %.200s\n", expr,
               before + (k > 40 ? k - 40 : 0), after + (k > 40 ? k - 40 : 0));
    }
    free(before);
    free(after);
}

/* ---------------------------------------------------------------- events */

int64_t events_last_seq(sc_engine* engine, int64_t* count_out) {
    int64_t after = 0;
    int64_t count = 0;
    for (;;) {
        sc_events* ev = NULL;
        size_t n;
        sc_status_t st;
        sc_error* e = NULL;
        st = sc_engine_events_read(engine, after, 10000, &ev, &e);
        if (!h_check_ok(st, e, __FILE__, __LINE__, "sc_engine_events_read")) {
            sc_error_free(e);
            break;
        }
        n = sc_events_count(ev);
        if (n > 0) {
            after = sc_events_seq(ev, n - 1);
        }
        count += (int64_t)n;
        sc_events_free(ev);
        if (n < 10000) {
            break;
        }
    }
    if (count_out != NULL) {
        *count_out = count;
    }
    return after;
}

int64_t events_count_type(sc_engine* engine, int64_t after_seq, const char* type) {
    int64_t after = after_seq;
    int64_t count = 0;
    for (;;) {
        sc_events* ev = NULL;
        size_t n;
        size_t i;
        CHECK_OK(sc_engine_events_read(engine, after, 10000, &ev, &E));
        n = sc_events_count(ev);
        for (i = 0; i < n; ++i) {
            const char* t = sc_events_type(ev, i);
            if (t != NULL && strcmp(t, type) == 0) {
                ++count;
            }
        }
        if (n > 0) {
            after = sc_events_seq(ev, n - 1);
        }
        sc_events_free(ev);
        if (n < 10000) {
            break;
        }
    }
    return count;
}

int64_t events_check_gap_free(sc_engine* engine) {
    int64_t after = 0;
    int64_t count = 0;
    int64_t prev = -1;
    int gaps = 0;
    for (;;) {
        sc_events* ev = NULL;
        size_t n;
        size_t i;
        CHECK_OK(sc_engine_events_read(engine, after, 10000, &ev, &E));
        n = sc_events_count(ev);
        for (i = 0; i < n; ++i) {
            int64_t seq = sc_events_seq(ev, i);
            if (prev >= 0 && seq != prev + 1) {
                ++gaps;
            }
            if (prev < 0 && seq < 1) {
                ++gaps;
            }
            prev = seq;
        }
        if (n > 0) {
            after = sc_events_seq(ev, n - 1);
        }
        count += (int64_t)n;
        sc_events_free(ev);
        if (n < 10000) {
            break;
        }
    }
    CHECK_EQ(gaps, 0);
    return count;
}

/* ---------------------------------------------------------------- skus */

int64_t sku_available(sc_engine* engine, const char* sku_id) {
    sc_sku* s = NULL;
    int64_t v = -1;
    CHECK_OK(sc_engine_sku_get(engine, sku_id, &s, &E));
    if (s != NULL) {
        v = sc_sku_stock_available(s);
    }
    sc_sku_free(s);
    return v;
}

int64_t sku_on_hand(sc_engine* engine, const char* sku_id) {
    sc_sku* s = NULL;
    int64_t v = -1;
    CHECK_OK(sc_engine_sku_get(engine, sku_id, &s, &E));
    if (s != NULL) {
        v = sc_sku_stock_on_hand(s);
    }
    sc_sku_free(s);
    return v;
}

void put_sku_simple(sc_engine* engine, const char* id, int64_t price, int64_t stock,
                    int64_t max_per_order, int active) {
    sc_sku* s = NULL;
    CHECK_OK(sc_sku_new(id, "m1", id, "CNY", price, &s, &E));
    if (stock >= 0) {
        CHECK_OK(sc_sku_set_stock(s, stock, &E));
    }
    if (max_per_order > 0) {
        CHECK_OK(sc_sku_set_max_per_order(s, max_per_order, &E));
    }
    CHECK_OK(sc_sku_set_active(s, active != 0, &E));
    CHECK_OK(sc_engine_sku_put(engine, s, &E));
    sc_sku_free(s);
}

size_t order_line_of(const sc_order* order, const char* sku_id) {
    size_t i;
    for (i = 0; i < sc_order_line_count(order); ++i) {
        const char* s = sc_order_line_sku_id(order, i);
        if (s != NULL && strcmp(s, sku_id) == 0) {
            return i;
        }
    }
    return (size_t)-1;
}
