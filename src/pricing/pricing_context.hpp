#pragma once
// Internal to pricing: what price() works out once per request before any stage runs
// (validated input, merchants, which lines each rule's scope covers, which coupons are
// usable at all), and the state the stages change. Not part of the pricing API.
#include "core/allocation.hpp"
#include "pricing/pricing.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc::pricing_detail {

struct LineFacts {
    const Sku* sku = nullptr;
    int64_t quantity = 0;
    size_t merchant = 0;  // index into PricingContext::merchant_ids
    int64_t base = 0;
};

// Which lines a rule covers, and so which merchants.
struct Coverage {
    std::vector<size_t> lines;      // ascending line indices
    // Per merchant: 1 when one of its lines is covered. Free-shipping rules only (the
    // others never ask, and every rule of every request is covered).
    std::vector<uint8_t> merchants;
};

struct PromotionFacts {
    const Promotion* promotion = nullptr;
    Coverage coverage;
};

// A coupon's issuer slot: the platform's, or one per merchant of the cart. At most one
// coupon per slot applies (FEATURES §3).
constexpr size_t kPlatformSlot = 0;
inline size_t merchant_slot(size_t merchant) { return merchant + 1; }

struct CouponFacts {
    const HeldCoupon* held = nullptr;
    size_t slot = kPlatformSlot;
    Coverage coverage;  // a merchant coupon covers only its merchant's lines
    // Set when the coupon cannot apply whatever else happens: its state, its validity
    // at `now`, or no cart line in its scope.
    std::optional<CouponReason> static_reason;
    size_t rank = 0;  // position in the coupon stage's application order

    const std::string& code() const { return held->coupon.code; }
    const CouponTemplate& terms() const { return held->terms; }
};

struct PricingContext {
    const PricingRequest* request = nullptr;
    std::vector<LineFacts> lines;
    std::vector<std::string> merchant_ids;  // first-appearance order
    std::vector<const ShippingRule*> merchant_rules;  // per merchant; nullptr ships free
    // Active promotions with at least one covered line, in application order; gift
    // promotions apart (they take no part in the stacking contest).
    std::vector<PromotionFacts> promotions;
    std::vector<PromotionFacts> gift_promotions;
    std::vector<CouponFacts> coupons;  // request order
    size_t slot_count = 2;             // platform, one per merchant, one for absent merchants

    // Working space of take_off, reused by every allocation of one price() call (the
    // best-coupon search makes many); never part of a result.
    mutable AllocationScratch allocation_scratch;
    mutable std::vector<int64_t> weights_scratch;
    mutable std::vector<int64_t> parts_scratch;
};

// Validates the request (errors name the field) and works out the facts above.
PricingContext build_context(const PricingRequest& request);

// What the stages change: each line's current net.
struct CartState {
    std::vector<int64_t> nets;
};

// Adjustments in the order they were made, recorded only when a quote is assembled: the
// best-coupon search prices many combinations and needs the amounts alone. The source
// ids point into the request.
struct LoggedAdjustment {
    size_t line = 0;
    AdjustmentKind kind = AdjustmentKind::item_price;
    const std::string* source_id = nullptr;
    int64_t amount = 0;
};
using AdjustmentLog = std::vector<LoggedAdjustment>;

// A promotion or coupon that applied in its stage.
struct AppliedRule {
    size_t index = 0;                // into PricingContext::promotions or ::coupons
    int64_t item_amount = 0;         // taken off the lines
    std::vector<uint8_t> waives;     // free shipping: per merchant, shipping it claims
    bool claims_shipping() const { return !waives.empty(); }
};

int64_t covered_amount(const CartState& state, const Coverage& coverage);
// Per merchant: Σ net of its lines, into goods (resized).
void merchant_goods(const PricingContext& context, const CartState& state, std::vector<int64_t>& goods);

// Takes amount (at most the covered amount) off the covered lines, in proportion to
// their current nets by the largest-remainder method (ties to the earlier line), so the
// parts sum exactly and no line goes below zero. Records the parts in log when given.
void take_off(const PricingContext& context, CartState& state, const Coverage& coverage, int64_t amount, AdjustmentLog* log, AdjustmentKind kind,
              const std::string& source_id);

}  // namespace sc::pricing_detail
