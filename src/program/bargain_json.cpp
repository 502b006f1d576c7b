#include "program/bargain_json.hpp"

#include "program/strict_json.hpp"

namespace sc {

BargainProgram parse_bargain_program_json(const nlohmann::json& obj, const std::string& p) {
    if (!obj.is_object()) invalid_field(p.empty() ? "" : p.substr(0, p.size() - 1), "must be an object");
    only_known_keys(obj, {"id", "sku_id", "floor_price", "helpers", "lifetime_minutes", "starts_at", "ends_at"}, p);
    BargainProgram b;
    b.id = string_field(required_field(obj, "id", p), p + "id");
    b.sku_id = string_field(required_field(obj, "sku_id", p), p + "sku_id");
    b.floor_price = integer_field(required_field(obj, "floor_price", p), p + "floor_price");
    b.helpers = integer_field(required_field(obj, "helpers", p), p + "helpers");
    b.lifetime_minutes = integer_field(required_field(obj, "lifetime_minutes", p), p + "lifetime_minutes");
    b.starts_at = integer_field(required_field(obj, "starts_at", p), p + "starts_at");
    b.ends_at = integer_field(required_field(obj, "ends_at", p), p + "ends_at");
    return b;
}

nlohmann::ordered_json bargain_program_json(const BargainProgram& b) {
    nlohmann::ordered_json out;
    out["id"] = b.id;
    out["sku_id"] = b.sku_id;
    out["floor_price"] = b.floor_price;
    out["helpers"] = b.helpers;
    out["lifetime_minutes"] = b.lifetime_minutes;
    out["starts_at"] = b.starts_at;
    out["ends_at"] = b.ends_at;
    return out;
}

}  // namespace sc
