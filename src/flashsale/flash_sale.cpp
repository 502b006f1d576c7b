#include "flashsale/flash_sale.hpp"

#include "core/error.hpp"
#include "core/validation.hpp"

#include <algorithm>

namespace sc {

namespace {

constexpr int64_t kMinute = 60 * 1000;
constexpr int64_t kDayMs = 24 * 60 * kMinute;
constexpr int64_t kMinutesPerDay = 24 * 60;

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// The UTC moment a daily slot starts on a local day.
int64_t slot_start(const FlashSale& sale, int64_t day, const FlashSlotTime& t) {
    return day * kDayMs + t.start_minute * kMinute - sale.utc_offset_minutes * kMinute;
}

FlashSlot slot_run(const FlashSale& sale, int64_t starts_at, const FlashSlotTime& t) {
    return FlashSlot{starts_at, std::min(starts_at + t.minutes * kMinute, sale.ends_at)};
}

}  // namespace

void validate_flash_sale(const FlashSale& s, const std::string& p) {
    require_setting_id(s.id, p + "id");
    require_setting_id(s.sku_id, p + "sku_id");
    require_setting_range(s.sale_price, 0, kMaxSettingMoney, p + "sale_price");
    require_setting_range(s.utc_offset_minutes, -720, 840, p + "utc_offset_minutes");
    require_setting_range(s.stock_per_slot, 1, 1000000, p + "stock_per_slot");
    require_setting_range(s.max_units_per_order, 1, 1000, p + "max_units_per_order");
    require_setting_range(s.max_units_per_user_per_day, s.max_units_per_order, 1000, p + "max_units_per_user_per_day");
    if (s.starts_at < 0) fail(SC_ERR_VALIDATION, p + "starts_at: must not be negative", p + "starts_at");
    if (s.ends_at <= s.starts_at) fail(SC_ERR_VALIDATION, p + "ends_at: must be after starts_at", p + "ends_at");
    if (s.slots.empty() || s.slots.size() > 24)
        fail(SC_ERR_VALIDATION, p + "slots: must hold 1 to 24 slots", p + "slots");
    for (size_t i = 0; i < s.slots.size(); ++i) {
        const std::string q = p + "slots[" + std::to_string(i) + "].";
        const FlashSlotTime& t = s.slots[i];
        require_setting_range(t.start_minute, 0, kMinutesPerDay - 1, q + "start");
        require_setting_range(t.minutes, 1, kMinutesPerDay, q + "minutes");
        // Slots run one after another: each ends by the next one's start, and the last
        // by the first one's start the next day.
        if (i > 0 && t.start_minute <= s.slots[i - 1].start_minute)
            fail(SC_ERR_VALIDATION, q + "start: slots must be listed by start time", q + "start");
    }
    for (size_t i = 0; i < s.slots.size(); ++i) {
        const std::string q = p + "slots[" + std::to_string(i) + "].";
        const FlashSlotTime& t = s.slots[i];
        const int64_t next = i + 1 < s.slots.size() ? s.slots[i + 1].start_minute
                                                     : s.slots.front().start_minute + kMinutesPerDay;
        if (t.start_minute + t.minutes > next)
            fail(SC_ERR_VALIDATION, q + "minutes: the slot overlaps the next one", q + "minutes");
    }
}

int64_t flash_local_day(const FlashSale& sale, int64_t at) {
    return floor_div(at + sale.utc_offset_minutes * kMinute, kDayMs);
}

std::optional<FlashSlot> flash_slot_starting(const FlashSale& sale, int64_t starts_at) {
    if (starts_at < sale.starts_at || starts_at >= sale.ends_at) return std::nullopt;
    const int64_t day = flash_local_day(sale, starts_at);
    for (const FlashSlotTime& t : sale.slots)
        if (slot_start(sale, day, t) == starts_at) return slot_run(sale, starts_at, t);
    return std::nullopt;
}

std::vector<FlashSlot> flash_slots_from(const FlashSale& sale, int64_t now, size_t limit) {
    std::vector<FlashSlot> out;
    // A slot of the day before may still run; none starts before the sale does.
    for (int64_t day = flash_local_day(sale, std::max(now, sale.starts_at)) - 1; out.size() < limit; ++day) {
        if (slot_start(sale, day, sale.slots.front()) >= sale.ends_at) break;
        for (const FlashSlotTime& t : sale.slots) {
            const int64_t start = slot_start(sale, day, t);
            if (start < sale.starts_at || start >= sale.ends_at) continue;
            const FlashSlot slot = slot_run(sale, start, t);
            if (slot.ends_at > now && out.size() < limit) out.push_back(slot);
        }
    }
    return out;
}

std::string slot_time_text(int64_t start_minute) {
    const int64_t h = start_minute / 60, m = start_minute % 60;
    std::string out;
    out += static_cast<char>('0' + h / 10);
    out += static_cast<char>('0' + h % 10);
    out += ':';
    out += static_cast<char>('0' + m / 10);
    out += static_cast<char>('0' + m % 10);
    return out;
}

std::optional<int64_t> slot_time_from_text(const std::string& text) {
    auto digit = [&](size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) return std::nullopt;
    const int64_t h = (text[0] - '0') * 10 + (text[1] - '0'), m = (text[3] - '0') * 10 + (text[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

}  // namespace sc
