#pragma once
// Automatic order promotions (FEATURES §3 step 3): no code needed, active inside their
// window [starts_at, ends_at), applied by the pricing stage in pricing/promotion_stage.
#include "pricing/scope.hpp"
#include "pricing/stacking.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc {

enum class PromotionKind {
    threshold,      // 满减: tiers (highest met wins) or the repeating 每满 form
    percent_off,    // bps off the in-scope amount, optional cap and min_spend
    free_shipping,  // a merchant whose in-scope amount is >= min_spend ships free
    gift,           // 满赠: a gift entry in the quote when min_spend is met; no price effect
};

struct ThresholdTier {
    int64_t min_spend = 0;  // in-scope amount needed (>=)
    int64_t off = 0;

    bool operator==(const ThresholdTier&) const = default;
};

// 每满 every X off Y: floor(amount / X) × Y, at most max_off.
struct RepeatingThreshold {
    int64_t every = 0;
    int64_t off = 0;
    std::optional<int64_t> max_off;

    bool operator==(const RepeatingThreshold&) const = default;
};

struct Promotion {
    std::string id;
    std::string title;
    PromotionKind kind = PromotionKind::threshold;
    Scope scope;
    Stacking stacking;
    int64_t starts_at = 0;           // UTC ms, inclusive
    std::optional<int64_t> ends_at;  // UTC ms, exclusive; absent: open-ended

    // threshold: exactly one of tiers (ascending min_spend) and repeating.
    std::vector<ThresholdTier> tiers;
    std::optional<RepeatingThreshold> repeating;
    // percent_off
    int64_t bps = 0;
    std::optional<int64_t> max_off;
    // percent_off, free_shipping, gift
    int64_t min_spend = 0;
    // gift
    std::string gift_sku_id;
    int64_t gift_quantity = 0;

    bool operator==(const Promotion&) const = default;
};

bool promotion_active(const Promotion& promotion, int64_t now);

// Checks every field; errors are SC_ERR_INVALID_ARGUMENT naming `<field_prefix><name>`.
// A gift promotion cannot be exclusive: it gives no discount, so exclusivity would mean
// nothing (pricing grants gifts outside the stacking contest). For defining a promotion.
void validate_promotion(const Promotion& promotion, const std::string& field_prefix = {});

// The part of validate_promotion that pricing's arithmetic relies on: amounts, basis
// points, tiers, window, the fields of the kind. Not the text of ids and titles, which
// pricing only compares; price() runs this on every promotion of every request.
void validate_promotion_terms(const Promotion& promotion, const std::string& field_prefix = {});

// The item discount of a threshold or percent_off promotion on its in-scope amount, 0
// when the condition is not met (and for the other kinds). At most the amount.
int64_t promotion_item_discount(const Promotion& promotion, int64_t in_scope_amount);

}  // namespace sc
