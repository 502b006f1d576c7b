#include "pricing/quote.hpp"

#include "pricing/pricing.hpp"

namespace sc {

const char* coupon_reason_name(CouponReason reason) noexcept {
    switch (reason) {
        case CouponReason::not_yet_valid: return "not_yet_valid";
        case CouponReason::expired: return "expired";
        case CouponReason::not_available: return "not_available";
        case CouponReason::below_min_spend: return "below_min_spend";
        case CouponReason::out_of_scope: return "out_of_scope";
        case CouponReason::not_stackable: return "not_stackable";
        case CouponReason::one_per_issuer: return "one_per_issuer";
        case CouponReason::not_better: return "not_better";
        case CouponReason::not_chosen: return "not_chosen";
        case CouponReason::zero_discount: return "zero_discount";
    }
    return "unknown";
}

const char* adjustment_kind_name(AdjustmentKind kind) noexcept {
    switch (kind) {
        case AdjustmentKind::item_price: return "item_price";
        case AdjustmentKind::promotion: return "promotion";
        case AdjustmentKind::coupon: return "coupon";
        case AdjustmentKind::points: return "points";
    }
    return "unknown";
}

Quote price_lines(const std::string& currency, const std::vector<PricingInput>& inputs) {
    PricingRequest request;
    request.currency = currency;
    request.lines = inputs;
    return price(request);
}

}  // namespace sc
