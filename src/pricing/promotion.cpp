#include "pricing/promotion.hpp"

#include "core/basis_points.hpp"
#include "core/error.hpp"
#include "pricing/lazy_field.hpp"
#include "pricing/discount_rules.hpp"

namespace sc {

namespace {

[[noreturn]] void invalid(const std::string& field, const std::string& why) {
    fail(SC_ERR_INVALID_ARGUMENT, why, field);
}

void validate_threshold(const Promotion& p, const std::string& f) {
    if (p.tiers.empty() == !p.repeating)
        invalid(f + "tiers", "a threshold promotion has either tiers or a repeating form, not both nor neither");
    for (size_t i = 0; i < p.tiers.size(); ++i) {
        const auto t = [&] { return f + "tiers[" + std::to_string(i) + "]."; };
        if (p.tiers[i].min_spend <= 0) invalid(t() + "min_spend", "must be > 0");
        if (p.tiers[i].off <= 0) invalid(t() + "off", "must be > 0");
        if (i > 0 && p.tiers[i].min_spend <= p.tiers[i - 1].min_spend)
            invalid(t() + "min_spend", "must be greater than the previous tier's");
    }
    if (p.repeating) {
        if (p.repeating->every <= 0) invalid(f + "repeating.every", "must be > 0");
        if (p.repeating->off <= 0) invalid(f + "repeating.off", "must be > 0");
        if (p.repeating->max_off && *p.repeating->max_off <= 0) invalid(f + "repeating.max_off", "must be > 0");
    }
}

// Fields of other kinds left set are mistakes in the rule's definition, not ignored.
void require_unused(const Promotion& p, const std::string& f) {
    if (p.kind != PromotionKind::threshold && (!p.tiers.empty() || p.repeating))
        invalid(f + "tiers", "only a threshold promotion has tiers");
    if (p.kind != PromotionKind::percent_off && (p.bps != 0 || p.max_off))
        invalid(f + "bps", "only a percent_off promotion has basis points and a cap");
    if (p.kind != PromotionKind::gift && (!p.gift_sku_id.empty() || p.gift_quantity != 0))
        invalid(f + "gift_sku_id", "only a gift promotion has a gift");
    if (p.kind == PromotionKind::threshold && p.min_spend != 0)
        invalid(f + "min_spend", "a threshold promotion states its minimum in its tiers");
}

}  // namespace

bool promotion_active(const Promotion& p, int64_t now) {
    return now >= p.starts_at && (!p.ends_at || now < *p.ends_at);
}

void validate_promotion(const Promotion& p, const std::string& f) {
    require_id_named(p.id, [&] { return f + "id"; });
    require_text_named(p.title, [&] { return f + "title"; });
    prefix_errors([&] { validate_scope(p.scope, {}); }, [&] { return f + "scope."; });
    if (p.kind == PromotionKind::gift) require_id_named(p.gift_sku_id, [&] { return f + "gift_sku_id"; });
    validate_promotion_terms(p, f);
}

void validate_promotion_terms(const Promotion& p, const std::string& f) {
    if (p.ends_at && *p.ends_at <= p.starts_at) invalid(f + "ends_at", "must be after starts_at");
    if (p.min_spend < 0) invalid(f + "min_spend", "must not be negative");
    require_unused(p, f);
    switch (p.kind) {
        case PromotionKind::threshold: validate_threshold(p, f); break;
        case PromotionKind::percent_off:
            if (p.bps < 1 || p.bps > kBasisPointsWhole) invalid(f + "bps", "must be between 1 and 10000");
            if (p.max_off && *p.max_off <= 0) invalid(f + "max_off", "must be > 0");
            break;
        case PromotionKind::free_shipping: break;
        case PromotionKind::gift:
            if (p.gift_quantity < 1) invalid(f + "gift_quantity", "must be at least 1");
            if (p.stacking.exclusive) invalid(f + "exclusive", "a gift promotion cannot be exclusive");
            break;
    }
}

int64_t promotion_item_discount(const Promotion& p, int64_t amount) {
    switch (p.kind) {
        case PromotionKind::threshold: {
            if (p.repeating) return repeating_discount(amount, p.repeating->every, p.repeating->off, p.repeating->max_off);
            int64_t off = 0;  // the highest tier met wins; tiers ascend
            for (const auto& tier : p.tiers)
                if (amount >= tier.min_spend) off = tier.off;
            return capped_discount(off, std::nullopt, amount);
        }
        case PromotionKind::percent_off:
            if (amount < p.min_spend) return 0;
            return percent_discount(amount, p.bps, p.max_off);
        case PromotionKind::free_shipping:
        case PromotionKind::gift: return 0;
    }
    return 0;
}

}  // namespace sc
