#pragma once
// A flash sale (秒杀, FEATURES §8, docs/flash-sales.md): a SKU at a sale price inside daily
// time slots, each slot with its own sale stock. Plain values, no storage.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc {

// A daily slot: it starts at a minute of the sale's local day and runs this long.
struct FlashSlotTime {
    int64_t start_minute = 0;  // 0 (00:00) to 1439 (23:59), local time
    int64_t minutes = 60;      // 1 to 1440

    bool operator==(const FlashSlotTime&) const = default;
};

struct FlashSale {
    std::string id;
    std::string sku_id;
    int64_t sale_price = 0;  // minor units per unit, in the catalog's currency
    // The sale's window (UTC ms): slots that start inside it run, none past its end.
    int64_t starts_at = 0;
    int64_t ends_at = 0;
    // The operator's local time (UTC offset in minutes, -720 to 840): slot times and the
    // per-day cap follow its calendar days, not UTC's.
    int64_t utc_offset_minutes = 0;
    std::vector<FlashSlotTime> slots;           // 1 to 24 a day, by start, not overlapping
    int64_t stock_per_slot = 1;                 // 1 to 1,000,000 units each slot may sell
    int64_t max_units_per_order = 1;            // 1 to 1,000
    int64_t max_units_per_user_per_day = 1;     // 1 to 1,000, at least max_units_per_order

    bool operator==(const FlashSale&) const = default;
};

// One run of a daily slot.
struct FlashSlot {
    int64_t starts_at = 0;
    int64_t ends_at = 0;

    bool operator==(const FlashSlot&) const = default;
};

// Throws SC_ERR_VALIDATION naming `<prefix><field>` for a setting out of range.
void validate_flash_sale(const FlashSale& sale, const std::string& prefix);

// The slot of the sale that starts exactly at `starts_at`, if there is one.
std::optional<FlashSlot> flash_slot_starting(const FlashSale& sale, int64_t starts_at);

// The sale's slots still running or to come at `now` (those ending after it), earliest
// first, at most `limit`.
std::vector<FlashSlot> flash_slots_from(const FlashSale& sale, int64_t now, size_t limit);

// The sale's local calendar day of a moment (days since 1970-01-01, local), which the
// per-day cap counts by.
int64_t flash_local_day(const FlashSale& sale, int64_t at);

// "HH:MM" of a minute of the day, and back (nullopt unless exactly two digits each).
std::string slot_time_text(int64_t start_minute);
std::optional<int64_t> slot_time_from_text(const std::string& text);

}  // namespace sc
