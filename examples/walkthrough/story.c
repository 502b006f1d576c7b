/* Shared helpers of the walkthrough's chapters (story.h). */
#include "story.h"

#include <stdio.h>
#include <time.h>
#include <stdlib.h>

int64_t story_now(void* user_data) { return ((story_clock*)user_data)->now_ms; }

void advance_minutes(story_clock* clock, int64_t minutes) { clock->now_ms += minutes * 60000; }

uint64_t story_random(void* user_data) {
    /* SplitMix64: a fixed sequence from the seed, easy to repeat in the Swift and Kotlin stories. */
    uint64_t* state = (uint64_t*)user_data;
    uint64_t z = (*state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

/* Stops the story on an unexpected failure, saying what failed and why. */
/* Takes sc_error** so that *err is read after the call has filled it. */
void must(sc_status_t status, sc_error** err, const char* what) {
    if (status == SC_OK) return;
    fprintf(stderr, "walkthrough: %s failed: %s: %s (field: %s)\n", what, sc_status_name(status),
            sc_error_message(*err), sc_error_field(*err) ? sc_error_field(*err) : "-");
    sc_error_free(*err);
    exit(1);
}

/* Shows an error the story expects, as a shopper's app would. */
void show_refusal(sc_status_t status, sc_error** err, sc_status_t expected) {
    if (status != expected) {
        fprintf(stderr, "walkthrough: expected %s, got %s\n", sc_status_name(expected), sc_status_name(status));
        exit(1);
    }
    printf("    refused: %s (%s)\n", sc_error_message(*err), sc_status_name(status));
    sc_error_free(*err);
    *err = NULL;
}

/* Money for people, e.g. "CNY 68.00". Returns a buffer, fine for printing. */
const char* date_time(int64_t ms) {
    static char text[32];
    time_t seconds = (time_t)(ms / 1000);
    strftime(text, sizeof text, "%Y-%m-%d %H:%M", gmtime(&seconds));
    return text;
}

const char* money(int64_t minor, const char* currency) {
    static char slots[4][64];
    static int next = 0;
    char* slot = slots[next++ % 4];
    char* text = NULL;
    sc_error* err = NULL;
    must(sc_money_format(minor, currency, &text, &err), &err, "sc_money_format");
    snprintf(slot, sizeof slots[0], "%s", text);
    sc_string_free(text);
    return slot;
}

char* read_file(const char* path) {
    FILE* f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "walkthrough: cannot open %s\n", path);
        exit(1);
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char* text = malloc((size_t)size + 1);
    if (!text || fread(text, 1, (size_t)size, f) != (size_t)size) {
        fprintf(stderr, "walkthrough: cannot read %s\n", path);
        exit(1);
    }
    text[size] = '\0';
    fclose(f);
    return text;
}

void print_order(const sc_order* order) {
    const char* currency = sc_order_currency(order);
    printf("    order %s: %s, total %s", sc_order_id(order), sc_order_state_name(sc_order_state(order)),
           money(sc_order_total(order), currency));
    if (sc_order_refunded(order) > 0) printf(", refunded %s", money(sc_order_refunded(order), currency));
    printf("\n");
    for (size_t i = 0; i < sc_order_line_count(order); ++i) {
        printf("      line %zu: %lld x %-34s paid %12s", i, (long long)sc_order_line_quantity(order, i),
               sc_order_line_title(order, i), money(sc_order_line_net(order, i), currency));
        if (sc_order_line_refunded_quantity(order, i) > 0)
            printf("  refunded %lld unit(s), %s", (long long)sc_order_line_refunded_quantity(order, i),
                   money(sc_order_line_refunded_amount(order, i), currency));
        printf("\n");
    }
}

