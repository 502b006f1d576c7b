// An order's pricing snapshot: the adjustments, merchants, promotions and coupons of the
// quote it was placed at.
#include "capi/handles.hpp"

#include "pricing/quote.hpp"

using namespace sc::capi;

namespace {

const sc::Order* of(const sc_order* order) noexcept { return order ? &order->order : nullptr; }

const sc::Adjustment* adjustment(const sc_order* order, size_t line_index, size_t index) noexcept {
    const auto* l = element(order ? &order->order.lines : nullptr, line_index);
    return element(l ? &l->adjustments : nullptr, index);
}
const sc::QuoteMerchant* merchant(const sc_order* order, size_t index) noexcept {
    return element(order ? &order->order.merchants : nullptr, index);
}
const sc::AppliedPromotion* promotion(const sc_order* order, size_t index) noexcept {
    return element(order ? &order->order.promotions : nullptr, index);
}
const sc::AppliedCoupon* coupon(const sc_order* order, size_t index) noexcept {
    return element(order ? &order->order.coupons : nullptr, index);
}

}  // namespace

extern "C" {

int64_t sc_order_discount(const sc_order* order) { return number(of(order), &sc::Order::discount); }
int64_t sc_order_shipping(const sc_order* order) { return number(of(order), &sc::Order::shipping); }
int64_t sc_order_points_used(const sc_order* order) { return number(of(order), &sc::Order::points_used); }
int64_t sc_order_points_amount(const sc_order* order) { return number(of(order), &sc::Order::points_amount); }
int64_t sc_order_points_earned(const sc_order* order) { return number(of(order), &sc::Order::points_earned); }
sc_shipping_method_t sc_order_shipping_method(const sc_order* order) {
    return order && order->order.shipping_method == sc::ShippingMethod::pickup ? SC_SHIPPING_PICKUP
                                                                               : SC_SHIPPING_DELIVERY;
}

size_t sc_order_line_adjustment_count(const sc_order* order, size_t index) {
    const auto* l = element(order ? &order->order.lines : nullptr, index);
    return l ? l->adjustments.size() : 0;
}
const char* sc_order_line_adjustment_kind(const sc_order* order, size_t index, size_t adjustment_index) {
    const auto* a = adjustment(order, index, adjustment_index);
    return a ? sc::adjustment_kind_name(a->kind) : nullptr;
}
const char* sc_order_line_adjustment_source(const sc_order* order, size_t index, size_t adjustment_index) {
    return text(adjustment(order, index, adjustment_index), &sc::Adjustment::source_id);
}
int64_t sc_order_line_adjustment_amount(const sc_order* order, size_t index, size_t adjustment_index) {
    return number(adjustment(order, index, adjustment_index), &sc::Adjustment::amount);
}

size_t sc_order_merchant_count(const sc_order* order) { return order ? order->order.merchants.size() : 0; }
const char* sc_order_merchant_id(const sc_order* order, size_t index) {
    return text(merchant(order, index), &sc::QuoteMerchant::merchant_id);
}
int64_t sc_order_merchant_subtotal(const sc_order* order, size_t index) {
    return number(merchant(order, index), &sc::QuoteMerchant::subtotal);
}
int64_t sc_order_merchant_discount(const sc_order* order, size_t index) {
    return number(merchant(order, index), &sc::QuoteMerchant::discount);
}
int64_t sc_order_merchant_shipping_fee(const sc_order* order, size_t index) {
    return number(merchant(order, index), &sc::QuoteMerchant::shipping_fee);
}
int64_t sc_order_merchant_shipping_waived(const sc_order* order, size_t index) {
    return number(merchant(order, index), &sc::QuoteMerchant::shipping_waived);
}
const char* sc_order_merchant_shipping_waived_by(const sc_order* order, size_t index) {
    return text(merchant(order, index), &sc::QuoteMerchant::shipping_waived_by);
}
int64_t sc_order_merchant_shipping(const sc_order* order, size_t index) {
    return number(merchant(order, index), &sc::QuoteMerchant::shipping);
}
int64_t sc_order_merchant_total(const sc_order* order, size_t index) {
    return number(merchant(order, index), &sc::QuoteMerchant::total);
}
int64_t sc_order_merchant_points_amount(const sc_order* order, size_t index) {
    return number(merchant(order, index), &sc::QuoteMerchant::points_amount);
}

size_t sc_order_promotion_count(const sc_order* order) { return order ? order->order.promotions.size() : 0; }
const char* sc_order_promotion_id(const sc_order* order, size_t index) {
    return text(promotion(order, index), &sc::AppliedPromotion::id);
}
int64_t sc_order_promotion_amount(const sc_order* order, size_t index) {
    return number(promotion(order, index), &sc::AppliedPromotion::amount);
}

size_t sc_order_coupon_count(const sc_order* order) { return order ? order->order.coupons.size() : 0; }
const char* sc_order_coupon_code(const sc_order* order, size_t index) {
    return text(coupon(order, index), &sc::AppliedCoupon::code);
}
const char* sc_order_coupon_template_id(const sc_order* order, size_t index) {
    return text(coupon(order, index), &sc::AppliedCoupon::template_id);
}
int64_t sc_order_coupon_amount(const sc_order* order, size_t index) {
    return number(coupon(order, index), &sc::AppliedCoupon::amount);
}

}  // extern "C"
