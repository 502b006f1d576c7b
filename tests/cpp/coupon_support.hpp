#pragma once
// Shared by the coupon and checkout-pricing engine tests: a shop with SKUs and helpers
// that make coupon templates and promotions.
#include "store/hold_store.hpp"
#include "support.hpp"

#include <string>

namespace sc::test {

inline CouponTemplate fixed_coupon(std::string id, int64_t value, std::optional<int64_t> total = std::nullopt,
                                   int64_t per_user = 1) {
    CouponTemplate t;
    t.id = std::move(id);
    t.title = "Coupon " + t.id;
    t.kind = CouponKind::fixed_amount;
    t.value = value;
    t.validity.kind = CouponValidity::Kind::days_from_claim;
    t.validity.days = 7;
    t.total_quantity = total;
    t.per_user_limit = per_user;
    return t;
}

inline Promotion threshold_promotion(std::string id, int64_t min_spend, int64_t off) {
    Promotion p;
    p.id = std::move(id);
    p.title = "Promotion " + p.id;
    p.kind = PromotionKind::threshold;
    p.tiers = {ThresholdTier{min_spend, off}};
    return p;
}

inline int64_t count_type(Engine& engine, const std::string& type) {
    int64_t n = 0;
    for (const auto& e : engine.events(0, 10000)) n += e.type == type;
    return n;
}

inline bool no_drift(const std::string& path) {
    Connection check(StoreSettings{path}, true);
    return store::counter_drift(check).empty();
}

struct CouponShop {
    TempDb file;
    ManualClock clock;
    Engine engine{config_for(file, clock)};
    CouponShop() {
        engine.put_sku(make_sku("tea", 6800, 10));
        engine.put_sku(make_sku("cup", 3950, 10));
        engine.put_sku(make_sku("cake", 12800));
    }
};

}  // namespace sc::test
