// The quote: what checkout would charge now, with every adjustment, per merchant
// figures, and the reasons a held coupon was not applied.
#include "capi/handles.hpp"

using namespace sc::capi;

namespace {

const sc::Quote* of(const sc_quote* quote) noexcept { return quote ? &quote->quote : nullptr; }

const sc::QuoteLine* line(const sc_quote* quote, size_t index) noexcept {
    return element(quote ? &quote->quote.lines : nullptr, index);
}
const sc::Adjustment* adjustment(const sc_quote* quote, size_t line_index, size_t index) noexcept {
    const auto* l = line(quote, line_index);
    return element(l ? &l->adjustments : nullptr, index);
}
const sc::QuoteMerchant* merchant(const sc_quote* quote, size_t index) noexcept {
    return element(quote ? &quote->quote.merchants : nullptr, index);
}
const sc::AppliedPromotion* promotion(const sc_quote* quote, size_t index) noexcept {
    return element(quote ? &quote->quote.promotions : nullptr, index);
}
const sc::AppliedCoupon* coupon(const sc_quote* quote, size_t index) noexcept {
    return element(quote ? &quote->quote.coupons : nullptr, index);
}
const sc::Gift* gift(const sc_quote* quote, size_t index) noexcept {
    return element(quote ? &quote->quote.gifts : nullptr, index);
}
const sc::CouponExplanation* explanation(const sc_quote* quote, size_t index) noexcept {
    return element(quote ? &quote->quote.explanations : nullptr, index);
}

template <class T>
size_t count(const sc_quote* quote, std::vector<T> sc::Quote::*member) noexcept {
    return quote ? (quote->quote.*member).size() : 0;
}

}  // namespace

extern "C" {

sc_status_t sc_engine_quote(sc_engine* engine, const char* user_id, const sc_checkout_request* request,
                            sc_quote** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string user = text_arg(user_id, "user_id");
        require_arg(out, "out");
        auto quote = std::make_unique<sc_quote>();
        quote->quote = engine->engine->quote(user, request_or_default(request));
        *out = quote.release();
    });
}

const char* sc_quote_currency(const sc_quote* quote) { return text(of(quote), &sc::Quote::currency); }
int64_t sc_quote_subtotal(const sc_quote* quote) { return number(of(quote), &sc::Quote::subtotal); }
int64_t sc_quote_discount(const sc_quote* quote) { return number(of(quote), &sc::Quote::discount); }
int64_t sc_quote_shipping(const sc_quote* quote) { return number(of(quote), &sc::Quote::shipping); }
int64_t sc_quote_total(const sc_quote* quote) { return number(of(quote), &sc::Quote::payable); }
int64_t sc_quote_saved(const sc_quote* quote) { return number(of(quote), &sc::Quote::saved); }
int64_t sc_quote_points_used(const sc_quote* quote) { return number(of(quote), &sc::Quote::points_used); }
int64_t sc_quote_points_amount(const sc_quote* quote) { return number(of(quote), &sc::Quote::points_amount); }
int64_t sc_quote_points_max(const sc_quote* quote) { return number(of(quote), &sc::Quote::points_max); }
int64_t sc_quote_points_to_earn(const sc_quote* quote) { return number(of(quote), &sc::Quote::points_to_earn); }

size_t sc_quote_line_count(const sc_quote* quote) { return count(quote, &sc::Quote::lines); }
const char* sc_quote_line_sku_id(const sc_quote* quote, size_t index) {
    return text(line(quote, index), &sc::QuoteLine::sku_id);
}
const char* sc_quote_line_merchant_id(const sc_quote* quote, size_t index) {
    return text(line(quote, index), &sc::QuoteLine::merchant_id);
}
int64_t sc_quote_line_quantity(const sc_quote* quote, size_t index) {
    return number(line(quote, index), &sc::QuoteLine::quantity);
}
int64_t sc_quote_line_unit_price(const sc_quote* quote, size_t index) {
    return number(line(quote, index), &sc::QuoteLine::unit_price);
}
int64_t sc_quote_line_base(const sc_quote* quote, size_t index) {
    return number(line(quote, index), &sc::QuoteLine::base);
}
int64_t sc_quote_line_net(const sc_quote* quote, size_t index) {
    return number(line(quote, index), &sc::QuoteLine::net);
}
size_t sc_quote_line_adjustment_count(const sc_quote* quote, size_t index) {
    const auto* l = line(quote, index);
    return l ? l->adjustments.size() : 0;
}
const char* sc_quote_line_adjustment_kind(const sc_quote* quote, size_t index, size_t adjustment_index) {
    const auto* a = adjustment(quote, index, adjustment_index);
    return a ? sc::adjustment_kind_name(a->kind) : nullptr;
}
const char* sc_quote_line_adjustment_source(const sc_quote* quote, size_t index, size_t adjustment_index) {
    return text(adjustment(quote, index, adjustment_index), &sc::Adjustment::source_id);
}
int64_t sc_quote_line_adjustment_amount(const sc_quote* quote, size_t index, size_t adjustment_index) {
    return number(adjustment(quote, index, adjustment_index), &sc::Adjustment::amount);
}

size_t sc_quote_merchant_count(const sc_quote* quote) { return count(quote, &sc::Quote::merchants); }
const char* sc_quote_merchant_id(const sc_quote* quote, size_t index) {
    return text(merchant(quote, index), &sc::QuoteMerchant::merchant_id);
}
int64_t sc_quote_merchant_subtotal(const sc_quote* quote, size_t index) {
    return number(merchant(quote, index), &sc::QuoteMerchant::subtotal);
}
int64_t sc_quote_merchant_discount(const sc_quote* quote, size_t index) {
    return number(merchant(quote, index), &sc::QuoteMerchant::discount);
}
int64_t sc_quote_merchant_shipping_fee(const sc_quote* quote, size_t index) {
    return number(merchant(quote, index), &sc::QuoteMerchant::shipping_fee);
}
int64_t sc_quote_merchant_shipping_waived(const sc_quote* quote, size_t index) {
    return number(merchant(quote, index), &sc::QuoteMerchant::shipping_waived);
}
const char* sc_quote_merchant_shipping_waived_by(const sc_quote* quote, size_t index) {
    return text(merchant(quote, index), &sc::QuoteMerchant::shipping_waived_by);
}
int64_t sc_quote_merchant_shipping(const sc_quote* quote, size_t index) {
    return number(merchant(quote, index), &sc::QuoteMerchant::shipping);
}
int64_t sc_quote_merchant_total(const sc_quote* quote, size_t index) {
    return number(merchant(quote, index), &sc::QuoteMerchant::total);
}
int64_t sc_quote_merchant_points_amount(const sc_quote* quote, size_t index) {
    return number(merchant(quote, index), &sc::QuoteMerchant::points_amount);
}

size_t sc_quote_promotion_count(const sc_quote* quote) { return count(quote, &sc::Quote::promotions); }
const char* sc_quote_promotion_id(const sc_quote* quote, size_t index) {
    return text(promotion(quote, index), &sc::AppliedPromotion::id);
}
int64_t sc_quote_promotion_amount(const sc_quote* quote, size_t index) {
    return number(promotion(quote, index), &sc::AppliedPromotion::amount);
}

size_t sc_quote_coupon_count(const sc_quote* quote) { return count(quote, &sc::Quote::coupons); }
const char* sc_quote_coupon_code(const sc_quote* quote, size_t index) {
    return text(coupon(quote, index), &sc::AppliedCoupon::code);
}
const char* sc_quote_coupon_template_id(const sc_quote* quote, size_t index) {
    return text(coupon(quote, index), &sc::AppliedCoupon::template_id);
}
int64_t sc_quote_coupon_amount(const sc_quote* quote, size_t index) {
    return number(coupon(quote, index), &sc::AppliedCoupon::amount);
}

size_t sc_quote_gift_count(const sc_quote* quote) { return count(quote, &sc::Quote::gifts); }
const char* sc_quote_gift_promotion_id(const sc_quote* quote, size_t index) {
    return text(gift(quote, index), &sc::Gift::promotion_id);
}
const char* sc_quote_gift_sku_id(const sc_quote* quote, size_t index) {
    return text(gift(quote, index), &sc::Gift::sku_id);
}
int64_t sc_quote_gift_quantity(const sc_quote* quote, size_t index) {
    return number(gift(quote, index), &sc::Gift::quantity);
}

size_t sc_quote_explanation_count(const sc_quote* quote) { return count(quote, &sc::Quote::explanations); }
const char* sc_quote_explanation_code(const sc_quote* quote, size_t index) {
    return text(explanation(quote, index), &sc::CouponExplanation::code);
}
const char* sc_quote_explanation_template_id(const sc_quote* quote, size_t index) {
    return text(explanation(quote, index), &sc::CouponExplanation::template_id);
}
const char* sc_quote_explanation_reason(const sc_quote* quote, size_t index) {
    const auto* e = explanation(quote, index);
    return e ? sc::coupon_reason_name(e->reason) : nullptr;
}
int64_t sc_quote_explanation_missing(const sc_quote* quote, size_t index) {
    return number(explanation(quote, index), &sc::CouponExplanation::missing);
}
const char* sc_quote_explanation_conflicting(const sc_quote* quote, size_t index) {
    return text(explanation(quote, index), &sc::CouponExplanation::conflicting);
}

void sc_quote_free(sc_quote* quote) { delete quote; }

}  // extern "C"
