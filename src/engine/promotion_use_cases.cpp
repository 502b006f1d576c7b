// Pricing rules the operator defines (FEATURES §3, §11): automatic promotions and
// shipping rules. Coupon templates are in coupon_use_cases.cpp.
#include "core/error.hpp"
#include "engine/engine.hpp"
#include "engine/rule_steps.hpp"
#include "store/promotion_store.hpp"

namespace sc {

namespace steps {

void save_promotion(Tx& tx, const Promotion& promotion) {
    if (store::find_promotion(tx.db, promotion.id) == promotion) return;  // nothing changes, nothing logged
    store::upsert_promotion(tx.db, promotion);
    nlohmann::json payload{{"promotion_id", promotion.id}, {"kind", promotion_kind_name(promotion.kind)},
                           {"starts_at", promotion.starts_at}};
    payload["ends_at"] = promotion.ends_at ? nlohmann::json(*promotion.ends_at) : nlohmann::json(nullptr);
    tx.emit(NewEvent{"promotion.put", promotion.id, std::move(payload)});
}

void save_shipping_rule(Tx& tx, const ShippingRule& rule) {
    if (store::find_shipping_rule(tx.db, rule.merchant_id) == rule) return;
    store::upsert_shipping_rule(tx.db, rule);
    nlohmann::json payload{{"merchant_id", rule.merchant_id}, {"flat_fee", rule.flat_fee}};
    payload["free_over"] = rule.free_over ? nlohmann::json(*rule.free_over) : nlohmann::json(nullptr);
    tx.emit(NewEvent{"shipping_rule.put", rule.merchant_id.empty() ? "default" : rule.merchant_id,
                     std::move(payload)});
}

}  // namespace steps

void Engine::put_promotion(const Promotion& promotion) {
    validate_promotion(promotion);
    write([&](Tx& tx) { steps::save_promotion(tx, promotion); });
}

std::vector<Promotion> Engine::promotions() {
    std::vector<Promotion> out;
    read([&](Connection& db, int64_t) { out = store::all_promotions(db); });
    return out;
}

void Engine::put_shipping_rule(const ShippingRule& rule) {
    validate_shipping_rule(rule, "");
    write([&](Tx& tx) { steps::save_shipping_rule(tx, rule); });
}

std::vector<ShippingRule> Engine::shipping_rules() {
    std::vector<ShippingRule> out;
    read([&](Connection& db, int64_t) { out = store::all_shipping_rules(db); });
    return out;
}

}  // namespace sc
