#include "program/program_document.hpp"

#include "core/error.hpp"
#include "core/money.hpp"
#include "core/utf8.hpp"
#include "program/points_json.hpp"
#include "program/flash_sale_json.hpp"
#include "program/bargain_json.hpp"
#include "program/group_buy_json.hpp"
#include "program/referral_json.hpp"
#include "program/tiers_json.hpp"
#include "program/rules_json.hpp"
#include "program/strict_json.hpp"
#include "tiers/tier_benefits.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace sc {

using nlohmann::json;

namespace {

Sku parse_sku(const json& obj, const std::string& currency, const std::string& p) {
    if (!obj.is_object()) invalid_field(p.substr(0, p.size() - 1), "must be an object");
    only_known_keys(obj, {"id", "merchant_id", "title", "list_price", "categories", "stock",
                          "max_per_order", "active"}, p);
    Sku sku;
    sku.currency = currency;
    sku.id = string_field(required_field(obj, "id", p), p + "id");
    sku.merchant_id = string_field(required_field(obj, "merchant_id", p), p + "merchant_id");
    sku.title = string_field(required_field(obj, "title", p), p + "title");
    sku.list_price = integer_field(required_field(obj, "list_price", p), p + "list_price");
    if (auto it = obj.find("categories"); it != obj.end()) {
        if (!it->is_array()) invalid_field(p + "categories", "must be an array of strings");
        for (size_t i = 0; i < it->size(); ++i)
            sku.categories.push_back(string_field((*it)[i], p + "categories[" + std::to_string(i) + "]"));
    }
    if (auto it = obj.find("stock"); it != obj.end()) sku.stock_on_hand = integer_field(*it, p + "stock");
    if (auto it = obj.find("max_per_order"); it != obj.end())
        sku.max_per_order = integer_field(*it, p + "max_per_order");
    if (auto it = obj.find("active"); it != obj.end()) {
        if (!it->is_boolean()) invalid_field(p + "active", "must be true or false");
        sku.active = it->get<bool>();
    }
    try {
        validate_sku(sku, p);
    } catch (const Error& e) {
        // Same checks as the API, reported as a document problem at the same field.
        invalid_field(e.field(), e.what());
    }
    return sku;
}

// Runs a domain validation and reports its error as a document problem at its field.
template <class F>
void as_document_error(F&& check) {
    try {
        check();
    } catch (const Error& e) {
        if (e.code() == SC_ERR_VALIDATION) throw;
        invalid_field(e.field(), e.what());
    }
}

const json* array_section(const json& root, const char* key) {
    auto it = root.find(key);
    if (it == root.end()) return nullptr;
    if (!it->is_array()) invalid_field(key, "must be an array");
    return &*it;
}

std::string at(const char* section, size_t i) { return std::string(section) + "[" + std::to_string(i) + "]"; }

void parse_rules(const json& root, ProgramDocument& doc) {
    if (auto it = root.find("tiers"); it != root.end()) {
        TierProgram program = parse_tiers_json(*it, "tiers.");
        validate_tier_program(program, "tiers.");
        doc.tiers = std::move(program);
    }
    if (const json* list = array_section(root, "promotions")) {
        std::map<std::string, size_t> seen;
        for (size_t i = 0; i < list->size(); ++i) {
            const std::string p = at("promotions", i) + ".";
            Promotion promotion = parse_promotion_json((*list)[i], p);
            as_document_error([&] { validate_promotion(promotion, p); });
            auto [pos, fresh] = seen.emplace(promotion.id, i);
            if (!fresh) invalid_field(p + "id", "duplicates " + at("promotions", pos->second) + ".id");
            doc.promotions.push_back(std::move(promotion));
        }
    }
    if (const json* list = array_section(root, "coupon_templates")) {
        std::map<std::string, size_t> seen;
        std::map<std::string, size_t> codes;
        for (size_t i = 0; i < list->size(); ++i) {
            const std::string p = at("coupon_templates", i) + ".";
            CouponTemplate t = parse_coupon_template_json((*list)[i], p);
            as_document_error([&] { validate_coupon_template(t, p); });
            // Without a tiers section the engine checks min_tier against the stored program.
            if (doc.tiers) validate_audience_tier(*doc.tiers, t.audience, p + "audience.min_tier");
            auto [pos, fresh] = seen.emplace(t.id, i);
            if (!fresh) invalid_field(p + "id", "duplicates " + at("coupon_templates", pos->second) + ".id");
            if (!t.promo_code.empty()) {
                auto [cpos, cfresh] = codes.emplace(t.promo_code, i);
                if (!cfresh)
                    invalid_field(p + "promo_code", "duplicates " + at("coupon_templates", cpos->second) + ".promo_code");
            }
            doc.coupon_templates.push_back(std::move(t));
        }
    }
    if (const json* list = array_section(root, "shipping_rules")) {
        for (size_t i = 0; i < list->size(); ++i)
            doc.shipping_rules.push_back(parse_shipping_rule_json((*list)[i], at("shipping_rules", i) + "."));
        as_document_error([&] { validate_shipping_rules(doc.shipping_rules, "shipping_rules"); });
    }
    if (auto it = root.find("points"); it != root.end()) {
        PointsProgram program = parse_points_json(*it, "points.");
        validate_points_program(program, "points.");
        doc.points = std::move(program);
    }
    if (auto it = root.find("referral"); it != root.end()) {
        ReferralProgram program = parse_referral_json(*it, "referral.");
        validate_referral_program(program, "referral.");
        doc.referral = std::move(program);
    }
    if (auto it = root.find("group_buy"); it != root.end()) {
        if (!it->is_object()) invalid_field("group_buy", "must be an object");
        only_known_keys(*it, {"campaigns"}, "group_buy.");
        const json& list = required_field(*it, "campaigns", "group_buy.");
        if (!list.is_array()) invalid_field("group_buy.campaigns", "must be an array");
        std::map<std::string, size_t> seen;
        for (size_t i = 0; i < list.size(); ++i) {
            const std::string p = "group_buy.campaigns[" + std::to_string(i) + "].";
            GroupCampaign c = parse_group_campaign_json(list[i], p);
            validate_group_campaign(c, p);
            auto [pos, fresh] = seen.emplace(c.id, i);
            if (!fresh) invalid_field(p + "id", "duplicates group_buy.campaigns[" + std::to_string(pos->second) + "].id");
            doc.group_campaigns.push_back(std::move(c));
        }
    }
    if (auto it = root.find("flash_sales"); it != root.end()) {
        if (!it->is_array()) invalid_field("flash_sales", "must be an array");
        std::map<std::string, size_t> seen;
        for (size_t i = 0; i < it->size(); ++i) {
            const std::string p = "flash_sales[" + std::to_string(i) + "].";
            FlashSale sale = parse_flash_sale_json((*it)[i], p);
            validate_flash_sale(sale, p);
            auto [pos, fresh] = seen.emplace(sale.id, i);
            if (!fresh) invalid_field(p + "id", "duplicates flash_sales[" + std::to_string(pos->second) + "].id");
            doc.flash_sales.push_back(std::move(sale));
        }
    }
    if (auto it = root.find("bargains"); it != root.end()) {
        if (!it->is_object()) invalid_field("bargains", "must be an object");
        only_known_keys(*it, {"programs"}, "bargains.");
        const json& list = required_field(*it, "programs", "bargains.");
        if (!list.is_array()) invalid_field("bargains.programs", "must be an array");
        std::map<std::string, size_t> seen;
        for (size_t i = 0; i < list.size(); ++i) {
            const std::string p = "bargains.programs[" + std::to_string(i) + "].";
            BargainProgram b = parse_bargain_program_json(list[i], p);
            validate_bargain_program(b, p);
            auto [pos, fresh] = seen.emplace(b.id, i);
            if (!fresh) invalid_field(p + "id", "duplicates bargains.programs[" + std::to_string(pos->second) + "].id");
            doc.bargain_programs.push_back(std::move(b));
        }
    }
}

}  // namespace

namespace {

// An entry's text as a JSON object, or a validation error without a field.
json entry_object(std::string_view text) {
    if (!is_valid_utf8(text)) invalid_field("", "is not valid UTF-8");
    json root = parse_strict_json(text);
    if (!root.is_object()) invalid_field("", "must be a JSON object");
    return root;
}

}  // namespace

Promotion parse_promotion_entry(std::string_view text) {
    Promotion promotion = parse_promotion_json(entry_object(text), "");
    as_document_error([&] { validate_promotion(promotion, ""); });
    return promotion;
}

CouponTemplate parse_coupon_template_entry(std::string_view text) {
    CouponTemplate t = parse_coupon_template_json(entry_object(text), "");
    as_document_error([&] { validate_coupon_template(t, ""); });
    return t;
}

ShippingRule parse_shipping_rule_entry(std::string_view text) {
    ShippingRule rule = parse_shipping_rule_json(entry_object(text), "");
    as_document_error([&] { validate_shipping_rule(rule, ""); });
    return rule;
}

PointsProgram parse_points_program_entry(std::string_view text) {
    PointsProgram program = parse_points_json(entry_object(text), "");
    validate_points_program(program, "");
    return program;
}

TierProgram parse_tier_program_entry(std::string_view text) {
    TierProgram program = parse_tiers_json(entry_object(text), "");
    validate_tier_program(program, "");
    return program;
}

GroupCampaign parse_group_campaign_entry(std::string_view text) {
    GroupCampaign campaign = parse_group_campaign_json(entry_object(text), "");
    validate_group_campaign(campaign, "");
    return campaign;
}

FlashSale parse_flash_sale_entry(std::string_view text) {
    FlashSale sale = parse_flash_sale_json(entry_object(text), "");
    validate_flash_sale(sale, "");
    return sale;
}

BargainProgram parse_bargain_program_entry(std::string_view text) {
    BargainProgram program = parse_bargain_program_json(entry_object(text), "");
    validate_bargain_program(program, "");
    return program;
}

ReferralProgram parse_referral_program_entry(std::string_view text) {
    ReferralProgram program = parse_referral_json(entry_object(text), "");
    validate_referral_program(program, "");
    return program;
}

ProgramDocument parse_program(std::string_view text) {
    if (!is_valid_utf8(text)) invalid_field("", "is not valid UTF-8");
    const json root = parse_strict_json(text);
    if (!root.is_object()) invalid_field("", "must be a JSON object");
    only_known_keys(root, {"format", "currency", "skus", "promotions", "coupon_templates", "shipping_rules",
                           "points", "tiers", "referral", "group_buy", "flash_sales", "bargains"}, "");
    if (string_field(required_field(root, "format", ""), "format") != kProgramFormat)
        invalid_field("format", std::string("must be \"") + kProgramFormat + "\"");
    ProgramDocument doc;
    // A document with no SKUs may leave the currency out (an empty catalog has none).
    const auto skus = root.find("skus");
    const bool has_skus = skus != root.end() && skus->is_array() && !skus->empty();
    if (has_skus || root.contains("currency")) {
        doc.currency = string_field(required_field(root, "currency", ""), "currency");
        if (!is_currency_code(doc.currency))
            invalid_field("currency", "must be an active ISO 4217 code with a minor unit, such as CNY");
    }
    if (skus != root.end()) {
        if (!skus->is_array()) invalid_field("skus", "must be an array");
        std::map<std::string, size_t> seen;
        for (size_t i = 0; i < skus->size(); ++i) {
            const std::string prefix = "skus[" + std::to_string(i) + "].";
            Sku sku = parse_sku((*skus)[i], doc.currency, prefix);
            auto [pos, fresh] = seen.emplace(sku.id, i);
            if (!fresh) invalid_field(prefix + "id", "duplicates skus[" + std::to_string(pos->second) + "].id");
            doc.skus.push_back(std::move(sku));
        }
    }
    parse_rules(root, doc);
    return doc;
}

std::string serialize_program(const ProgramDocument& doc) {
    // ordered_json keeps keys in insertion order, so exports read like the docs.
    nlohmann::ordered_json root;
    root["format"] = kProgramFormat;
    if (!doc.currency.empty()) root["currency"] = doc.currency;
    root["skus"] = nlohmann::ordered_json::array();
    for (const auto& sku : doc.skus) {
        nlohmann::ordered_json s;
        s["id"] = sku.id;
        s["merchant_id"] = sku.merchant_id;
        s["title"] = sku.title;
        s["list_price"] = sku.list_price;
        s["categories"] = sku.categories;
        if (sku.stock_on_hand) s["stock"] = *sku.stock_on_hand;
        if (sku.max_per_order) s["max_per_order"] = *sku.max_per_order;
        s["active"] = sku.active;
        root["skus"].push_back(std::move(s));
    }
    // The rule sections appear once there is something in them.
    if (!doc.promotions.empty()) {
        root["promotions"] = nlohmann::ordered_json::array();
        for (const auto& p : doc.promotions) root["promotions"].push_back(promotion_json(p));
    }
    if (!doc.coupon_templates.empty()) {
        root["coupon_templates"] = nlohmann::ordered_json::array();
        for (const auto& t : doc.coupon_templates) root["coupon_templates"].push_back(coupon_template_json(t));
    }
    if (!doc.shipping_rules.empty()) {
        root["shipping_rules"] = nlohmann::ordered_json::array();
        for (const auto& r : doc.shipping_rules) root["shipping_rules"].push_back(shipping_rule_json(r));
    }
    if (doc.points) root["points"] = points_program_json(*doc.points);
    if (doc.tiers) root["tiers"] = tier_program_json(*doc.tiers);
    if (doc.referral) root["referral"] = referral_program_json(*doc.referral);
    if (!doc.group_campaigns.empty()) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& c : doc.group_campaigns) list.push_back(group_campaign_json(c));
        root["group_buy"] = {{"campaigns", std::move(list)}};
    }
    if (!doc.flash_sales.empty()) {
        root["flash_sales"] = nlohmann::ordered_json::array();
        for (const auto& sale : doc.flash_sales) root["flash_sales"].push_back(flash_sale_json(sale));
    }
    if (!doc.bargain_programs.empty()) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& b : doc.bargain_programs) list.push_back(bargain_program_json(b));
        root["bargains"] = {{"programs", std::move(list)}};
    }
    return root.dump(2) + "\n";
}

}  // namespace sc
