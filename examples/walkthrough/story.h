/*
 * What every chapter of the walkthrough shares: the story's clock, stopping on an
 * unexpected failure, showing an expected refusal, money for people, and printing
 * an order.
 */
#ifndef SC_WALKTHROUGH_STORY_H
#define SC_WALKTHROUGH_STORY_H

#include <socialcart/socialcart.h>

/* 2026-11-23 10:00:00 UTC */
#define STORY_START_MS 1795428000000LL

typedef struct {
    int64_t now_ms;
} story_clock;

int64_t story_now(void* user_data);
void advance_minutes(story_clock* clock, int64_t minutes);

/* The story's random source (the friends' bargain cuts): SplitMix64 from the seed
 * STORY_RANDOM_SEED, so every run cuts the same amounts. */
#define STORY_RANDOM_SEED UINT64_C(20261203)
uint64_t story_random(void* user_data);

/* Stops the story on an unexpected failure, saying what failed and why. Takes
 * sc_error** so that *err is read after the call has filled it. */
void must(sc_status_t status, sc_error** err, const char* what);
/* Shows an error the story expects, as a shopper's app would. */
void show_refusal(sc_status_t status, sc_error** err, sc_status_t expected);
/* Money for people, e.g. "CNY 68.00". A static buffer (4 in rotation), fine for printing. */
const char* money(int64_t minor, const char* currency);
/* A UTC time for people, "2027-01-09 09:00". A static buffer: print it before the next call. */
const char* date_time(int64_t ms);
/* The whole file, NUL-terminated; free() it. */
char* read_file(const char* path);
void print_order(const sc_order* order);

/* Chapters 11-15: the Mid-Autumn sale (pricing_chapter.c). */
void tell_pricing_chapter(sc_engine* engine, story_clock* clock, const char* promotions_path);

/* Chapters 16-20: points (points_chapter.c). */
void tell_points_chapter(sc_engine* engine, story_clock* clock, const char* points_path);

/* Chapters 21-26: member tiers (tiers_chapter.c). */
void tell_tiers_chapter(sc_engine* engine, story_clock* clock, const char* tiers_path);

/* Chapter 27: share links (referral_chapter.c). */
void tell_referral_chapter(sc_engine* engine, story_clock* clock);

/* Chapter 28: share-to-earn, from an open to a clawed-back commission (attribution_chapter.c). */
void tell_attribution_chapter(sc_engine* engine, story_clock* clock);

/* Chapter 29: group-buy, a group filled through its invite and one failed and refunded (groupbuy_chapter.c). */
void tell_groupbuy_chapter(sc_engine* engine, story_clock* clock);

/* Chapter 30: a flash sale selling out, with a lapsed order's unit sold again (flashsale_chapter.c). */
void tell_flashsale_chapter(sc_engine* engine, story_clock* clock);

/* Chapter 31: a bargain helped down to its floor by friends and bought, another expired (bargain_chapter.c). */
void tell_bargain_chapter(sc_engine* engine, story_clock* clock);

#endif /* SC_WALKTHROUGH_STORY_H */
