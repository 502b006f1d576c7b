#include "program/flash_sale_json.hpp"

#include "program/strict_json.hpp"

namespace sc {

namespace {

FlashSlotTime parse_slot(const nlohmann::json& obj, const std::string& p) {
    if (!obj.is_object()) invalid_field(p.substr(0, p.size() - 1), "must be an object");
    only_known_keys(obj, {"start", "minutes"}, p);
    const auto start = slot_time_from_text(string_field(required_field(obj, "start", p), p + "start"));
    if (!start) invalid_field(p + "start", "must be a time of day as \"HH:MM\" (00:00 to 23:59)");
    return FlashSlotTime{*start, integer_field(required_field(obj, "minutes", p), p + "minutes")};
}

}  // namespace

FlashSale parse_flash_sale_json(const nlohmann::json& obj, const std::string& p) {
    if (!obj.is_object()) invalid_field(p.empty() ? "" : p.substr(0, p.size() - 1), "must be an object");
    only_known_keys(obj,
                    {"id", "sku_id", "sale_price", "starts_at", "ends_at", "utc_offset_minutes", "slots",
                     "stock_per_slot", "max_units_per_order", "max_units_per_user_per_day"},
                    p);
    FlashSale s;
    s.id = string_field(required_field(obj, "id", p), p + "id");
    s.sku_id = string_field(required_field(obj, "sku_id", p), p + "sku_id");
    s.sale_price = integer_field(required_field(obj, "sale_price", p), p + "sale_price");
    s.starts_at = integer_field(required_field(obj, "starts_at", p), p + "starts_at");
    s.ends_at = integer_field(required_field(obj, "ends_at", p), p + "ends_at");
    if (auto it = obj.find("utc_offset_minutes"); it != obj.end())
        s.utc_offset_minutes = integer_field(*it, p + "utc_offset_minutes");
    const nlohmann::json& slots = required_field(obj, "slots", p);
    if (!slots.is_array()) invalid_field(p + "slots", "must be an array");
    for (size_t i = 0; i < slots.size(); ++i)
        s.slots.push_back(parse_slot(slots[i], p + "slots[" + std::to_string(i) + "]."));
    s.stock_per_slot = integer_field(required_field(obj, "stock_per_slot", p), p + "stock_per_slot");
    if (auto it = obj.find("max_units_per_order"); it != obj.end())
        s.max_units_per_order = integer_field(*it, p + "max_units_per_order");
    if (auto it = obj.find("max_units_per_user_per_day"); it != obj.end())
        s.max_units_per_user_per_day = integer_field(*it, p + "max_units_per_user_per_day");
    return s;
}

nlohmann::ordered_json flash_sale_json(const FlashSale& s) {
    nlohmann::ordered_json out;
    out["id"] = s.id;
    out["sku_id"] = s.sku_id;
    out["sale_price"] = s.sale_price;
    out["starts_at"] = s.starts_at;
    out["ends_at"] = s.ends_at;
    out["utc_offset_minutes"] = s.utc_offset_minutes;
    nlohmann::ordered_json slots = nlohmann::ordered_json::array();
    for (const FlashSlotTime& t : s.slots) {
        nlohmann::ordered_json slot;
        slot["start"] = slot_time_text(t.start_minute);
        slot["minutes"] = t.minutes;
        slots.push_back(std::move(slot));
    }
    out["slots"] = std::move(slots);
    out["stock_per_slot"] = s.stock_per_slot;
    out["max_units_per_order"] = s.max_units_per_order;
    out["max_units_per_user_per_day"] = s.max_units_per_user_per_day;
    return out;
}

}  // namespace sc
