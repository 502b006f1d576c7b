#include "program/rules_json.hpp"

#include "core/error.hpp"
#include "program/strict_json.hpp"

#include <climits>
#include <set>

namespace sc {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

std::string trim_dot(const std::string& p) { return p.empty() ? "document" : p.substr(0, p.size() - 1); }

void require_object(const json& obj, const std::string& p) {
    if (!obj.is_object()) invalid_field(trim_dot(p), "must be an object");
}

const json* optional_field(const json& obj, const char* key) {
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

int small_integer(const json& v, const std::string& field) {
    const int64_t n = integer_field(v, field);
    if (n < INT_MIN || n > INT_MAX) invalid_field(field, "must fit 32 bits");
    return static_cast<int>(n);
}

std::vector<std::string> strings(const json& v, const std::string& field) {
    if (!v.is_array()) invalid_field(field, "must be an array of strings");
    std::vector<std::string> out;
    for (size_t i = 0; i < v.size(); ++i) out.push_back(string_field(v[i], field + "[" + std::to_string(i) + "]"));
    return out;
}

ScopeList parse_scope_list(const json& v, const std::string& p) {
    require_object(v, p);
    only_known_keys(v, {"merchants", "categories", "skus"}, p);
    ScopeList l;
    if (auto f = optional_field(v, "merchants")) l.merchants = strings(*f, p + "merchants");
    if (auto f = optional_field(v, "categories")) l.categories = strings(*f, p + "categories");
    if (auto f = optional_field(v, "skus")) l.skus = strings(*f, p + "skus");
    return l;
}

Scope parse_scope(const json& v, const std::string& p) {
    require_object(v, p);
    only_known_keys(v, {"include", "exclude"}, p);
    Scope s;
    if (auto f = optional_field(v, "include")) s.include = parse_scope_list(*f, p + "include.");
    if (auto f = optional_field(v, "exclude")) s.exclude = parse_scope_list(*f, p + "exclude.");
    return s;
}

ordered_json scope_list_json(const ScopeList& l) {
    ordered_json o;
    o["merchants"] = l.merchants;
    o["categories"] = l.categories;
    o["skus"] = l.skus;
    return o;
}

ordered_json scope_json(const Scope& s) {
    ordered_json o;
    o["include"] = scope_list_json(s.include);
    o["exclude"] = scope_list_json(s.exclude);
    return o;
}

template <class E, size_t N>
E parse_enum(const json& v, const std::string& field, const std::pair<const char*, E> (&names)[N]) {
    const std::string s = string_field(v, field);
    std::string allowed;
    for (const auto& [name, value] : names) {
        if (s == name) return value;
        allowed += (allowed.empty() ? "" : ", ") + std::string(name);
    }
    invalid_field(field, "must be one of " + allowed);
}

constexpr std::pair<const char*, PromotionKind> kPromotionKinds[] = {
    {"threshold", PromotionKind::threshold},
    {"percent_off", PromotionKind::percent_off},
    {"free_shipping", PromotionKind::free_shipping},
    {"gift", PromotionKind::gift},
};
constexpr std::pair<const char*, CouponKind> kCouponKinds[] = {
    {"fixed_amount", CouponKind::fixed_amount},
    {"percent", CouponKind::percent},
    {"threshold", CouponKind::threshold},
    {"free_shipping", CouponKind::free_shipping},
};
constexpr std::pair<const char*, CouponIssueMode> kIssueModes[] = {
    {"claim", CouponIssueMode::claim},   {"grant", CouponIssueMode::grant},   {"promo_code", CouponIssueMode::promo_code},
    {"reward", CouponIssueMode::reward}, {"points", CouponIssueMode::points},
};
constexpr std::pair<const char*, CouponValidity::Kind> kValidityKinds[] = {
    {"fixed_window", CouponValidity::Kind::fixed_window},
    {"days_from_claim", CouponValidity::Kind::days_from_claim},
};
constexpr std::pair<const char*, CouponAudience::Kind> kAudienceKinds[] = {
    {"everyone", CouponAudience::Kind::everyone},
    {"new_users", CouponAudience::Kind::new_users},
    {"min_tier", CouponAudience::Kind::min_tier},
};

template <class E, size_t N>
const char* enum_name(E value, const std::pair<const char*, E> (&names)[N]) noexcept {
    for (const auto& [name, v] : names)
        if (v == value) return name;
    return "unknown";
}

}  // namespace

const char* promotion_kind_name(PromotionKind kind) noexcept { return enum_name(kind, kPromotionKinds); }
const char* coupon_kind_name(CouponKind kind) noexcept { return enum_name(kind, kCouponKinds); }
const char* coupon_issue_mode_name(CouponIssueMode mode) noexcept { return enum_name(mode, kIssueModes); }

Promotion parse_promotion_json(const json& obj, const std::string& p) {
    require_object(obj, p);
    only_known_keys(obj, {"id", "title", "kind", "scope", "exclusive", "priority", "starts_at", "ends_at", "tiers",
                     "repeating", "bps", "max_off", "min_spend", "gift_sku_id", "gift_quantity"},
               p);
    Promotion r;
    r.id = string_field(required_field(obj, "id", p), p + "id");
    r.title = string_field(required_field(obj, "title", p), p + "title");
    r.kind = parse_enum(required_field(obj, "kind", p), p + "kind", kPromotionKinds);
    if (auto f = optional_field(obj, "scope")) r.scope = parse_scope(*f, p + "scope.");
    if (auto f = optional_field(obj, "exclusive")) r.stacking.exclusive = bool_field(*f, p + "exclusive");
    if (auto f = optional_field(obj, "priority")) r.stacking.priority = small_integer(*f, p + "priority");
    if (auto f = optional_field(obj, "starts_at")) r.starts_at = integer_field(*f, p + "starts_at");
    if (auto f = optional_field(obj, "ends_at"); f && !f->is_null()) r.ends_at = integer_field(*f, p + "ends_at");
    if (auto f = optional_field(obj, "tiers")) {
        if (!f->is_array()) invalid_field(p + "tiers", "must be an array");
        for (size_t i = 0; i < f->size(); ++i) {
            const std::string tp = p + "tiers[" + std::to_string(i) + "].";
            const json& t = (*f)[i];
            require_object(t, tp);
            only_known_keys(t, {"min_spend", "off"}, tp);
            r.tiers.push_back(ThresholdTier{integer_field(required_field(t, "min_spend", tp), tp + "min_spend"),
                                            integer_field(required_field(t, "off", tp), tp + "off")});
        }
    }
    if (auto f = optional_field(obj, "repeating"); f && !f->is_null()) {
        const std::string rp = p + "repeating.";
        require_object(*f, rp);
        only_known_keys(*f, {"every", "off", "max_off"}, rp);
        RepeatingThreshold rep;
        rep.every = integer_field(required_field(*f, "every", rp), rp + "every");
        rep.off = integer_field(required_field(*f, "off", rp), rp + "off");
        if (auto m = optional_field(*f, "max_off"); m && !m->is_null()) rep.max_off = integer_field(*m, rp + "max_off");
        r.repeating = rep;
    }
    if (auto f = optional_field(obj, "bps")) r.bps = integer_field(*f, p + "bps");
    if (auto f = optional_field(obj, "max_off"); f && !f->is_null()) r.max_off = integer_field(*f, p + "max_off");
    if (auto f = optional_field(obj, "min_spend")) r.min_spend = integer_field(*f, p + "min_spend");
    if (auto f = optional_field(obj, "gift_sku_id")) r.gift_sku_id = string_field(*f, p + "gift_sku_id");
    if (auto f = optional_field(obj, "gift_quantity")) r.gift_quantity = integer_field(*f, p + "gift_quantity");
    return r;
}

ordered_json promotion_json(const Promotion& r) {
    ordered_json o;
    o["id"] = r.id;
    o["title"] = r.title;
    o["kind"] = promotion_kind_name(r.kind);
    o["scope"] = scope_json(r.scope);
    o["exclusive"] = r.stacking.exclusive;
    o["priority"] = r.stacking.priority;
    o["starts_at"] = r.starts_at;
    o["ends_at"] = r.ends_at ? ordered_json(*r.ends_at) : ordered_json(nullptr);
    o["tiers"] = ordered_json::array();
    for (const auto& t : r.tiers) o["tiers"].push_back(ordered_json{{"min_spend", t.min_spend}, {"off", t.off}});
    if (r.repeating) {
        ordered_json rep{{"every", r.repeating->every}, {"off", r.repeating->off}};
        rep["max_off"] = r.repeating->max_off ? ordered_json(*r.repeating->max_off) : ordered_json(nullptr);
        o["repeating"] = std::move(rep);
    } else {
        o["repeating"] = nullptr;
    }
    o["bps"] = r.bps;
    o["max_off"] = r.max_off ? ordered_json(*r.max_off) : ordered_json(nullptr);
    o["min_spend"] = r.min_spend;
    o["gift_sku_id"] = r.gift_sku_id;
    o["gift_quantity"] = r.gift_quantity;
    return o;
}

CouponTemplate parse_coupon_template_json(const json& obj, const std::string& p) {
    require_object(obj, p);
    only_known_keys(obj, {"id", "title", "kind", "value", "max_off", "min_spend", "scope", "exclusive", "priority",
                     "issuer_merchant_id", "validity", "total_quantity", "per_user_limit", "audience", "issue_mode",
                     "promo_code", "points_cost"},
               p);
    CouponTemplate t;
    t.id = string_field(required_field(obj, "id", p), p + "id");
    t.title = string_field(required_field(obj, "title", p), p + "title");
    t.kind = parse_enum(required_field(obj, "kind", p), p + "kind", kCouponKinds);
    if (auto f = optional_field(obj, "value")) t.value = integer_field(*f, p + "value");
    if (auto f = optional_field(obj, "max_off"); f && !f->is_null()) t.max_off = integer_field(*f, p + "max_off");
    if (auto f = optional_field(obj, "min_spend")) t.min_spend = integer_field(*f, p + "min_spend");
    if (auto f = optional_field(obj, "scope")) t.scope = parse_scope(*f, p + "scope.");
    if (auto f = optional_field(obj, "exclusive")) t.stacking.exclusive = bool_field(*f, p + "exclusive");
    if (auto f = optional_field(obj, "priority")) t.stacking.priority = small_integer(*f, p + "priority");
    if (auto f = optional_field(obj, "issuer_merchant_id")) t.issuer_merchant_id = string_field(*f, p + "issuer_merchant_id");
    {
        const std::string vp = p + "validity.";
        const json& v = required_field(obj, "validity", p);
        require_object(v, vp);
        only_known_keys(v, {"kind", "valid_from", "valid_until", "days"}, vp);
        t.validity.kind = parse_enum(required_field(v, "kind", vp), vp + "kind", kValidityKinds);
        if (auto f = optional_field(v, "valid_from")) t.validity.valid_from = integer_field(*f, vp + "valid_from");
        if (auto f = optional_field(v, "valid_until")) t.validity.valid_until = integer_field(*f, vp + "valid_until");
        if (auto f = optional_field(v, "days")) t.validity.days = integer_field(*f, vp + "days");
    }
    if (auto f = optional_field(obj, "total_quantity"); f && !f->is_null())
        t.total_quantity = integer_field(*f, p + "total_quantity");
    if (auto f = optional_field(obj, "per_user_limit")) t.per_user_limit = integer_field(*f, p + "per_user_limit");
    if (auto f = optional_field(obj, "audience")) {
        const std::string ap = p + "audience.";
        require_object(*f, ap);
        only_known_keys(*f, {"kind", "min_tier"}, ap);
        t.audience.kind = parse_enum(required_field(*f, "kind", ap), ap + "kind", kAudienceKinds);
        if (auto m = optional_field(*f, "min_tier")) t.audience.min_tier = small_integer(*m, ap + "min_tier");
    }
    if (auto f = optional_field(obj, "issue_mode")) t.issue_mode = parse_enum(*f, p + "issue_mode", kIssueModes);
    if (auto f = optional_field(obj, "promo_code")) t.promo_code = string_field(*f, p + "promo_code");
    if (auto f = optional_field(obj, "points_cost")) t.points_cost = integer_field(*f, p + "points_cost");
    return t;
}

ordered_json coupon_template_json(const CouponTemplate& t) {
    ordered_json o;
    o["id"] = t.id;
    o["title"] = t.title;
    o["kind"] = coupon_kind_name(t.kind);
    o["value"] = t.value;
    o["max_off"] = t.max_off ? ordered_json(*t.max_off) : ordered_json(nullptr);
    o["min_spend"] = t.min_spend;
    o["scope"] = scope_json(t.scope);
    o["exclusive"] = t.stacking.exclusive;
    o["priority"] = t.stacking.priority;
    o["issuer_merchant_id"] = t.issuer_merchant_id;
    ordered_json v;
    v["kind"] = enum_name(t.validity.kind, kValidityKinds);
    v["valid_from"] = t.validity.valid_from;
    v["valid_until"] = t.validity.valid_until;
    v["days"] = t.validity.days;
    o["validity"] = std::move(v);
    o["total_quantity"] = t.total_quantity ? ordered_json(*t.total_quantity) : ordered_json(nullptr);
    o["per_user_limit"] = t.per_user_limit;
    o["audience"] = ordered_json{{"kind", enum_name(t.audience.kind, kAudienceKinds)}, {"min_tier", t.audience.min_tier}};
    o["issue_mode"] = coupon_issue_mode_name(t.issue_mode);
    o["promo_code"] = t.promo_code;
    o["points_cost"] = t.points_cost;
    return o;
}

ShippingRule parse_shipping_rule_json(const json& obj, const std::string& p) {
    require_object(obj, p);
    only_known_keys(obj, {"merchant_id", "flat_fee", "free_over"}, p);
    ShippingRule r;
    r.merchant_id = string_field(required_field(obj, "merchant_id", p), p + "merchant_id");
    r.flat_fee = integer_field(required_field(obj, "flat_fee", p), p + "flat_fee");
    if (auto f = optional_field(obj, "free_over"); f && !f->is_null()) r.free_over = integer_field(*f, p + "free_over");
    return r;
}

ordered_json shipping_rule_json(const ShippingRule& r) {
    ordered_json o;
    o["merchant_id"] = r.merchant_id;
    o["flat_fee"] = r.flat_fee;
    o["free_over"] = r.free_over ? ordered_json(*r.free_over) : ordered_json(nullptr);
    return o;
}

}  // namespace sc
