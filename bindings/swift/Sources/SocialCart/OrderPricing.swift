internal import CSocialCart

// An order's pricing snapshot (socialcart/order_pricing.h): the quote it was placed at,
// read into the same value types as the quote's.

extension SCAdjustment {
    /// The adjustments of order line `line`.
    static func copying(order: OpaquePointer, line: Int, currency: String) -> [SCAdjustment] {
        (0..<sc_order_line_adjustment_count(order, line)).map { a in
            SCAdjustment(
                kind: Kind(rawValue: copyString(sc_order_line_adjustment_kind(order, line, a))),
                source: copyString(sc_order_line_adjustment_source(order, line, a)),
                currency: currency,
                amountMinor: sc_order_line_adjustment_amount(order, line, a))
        }
    }
}

extension SCQuoteMerchant {
    /// The order's merchants.
    static func copying(order: OpaquePointer, currency: String) -> [SCQuoteMerchant] {
        (0..<sc_order_merchant_count(order)).map { i in
            let waivedBy = copyString(sc_order_merchant_shipping_waived_by(order, i))
            return SCQuoteMerchant(
                id: copyString(sc_order_merchant_id(order, i)),
                currency: currency,
                subtotalMinor: sc_order_merchant_subtotal(order, i),
                discountMinor: sc_order_merchant_discount(order, i),
                shippingFeeMinor: sc_order_merchant_shipping_fee(order, i),
                shippingWaivedMinor: sc_order_merchant_shipping_waived(order, i),
                shippingWaivedBy: waivedBy.isEmpty ? nil : waivedBy,
                shippingMinor: sc_order_merchant_shipping(order, i),
                totalMinor: sc_order_merchant_total(order, i),
                pointsAmountMinor: sc_order_merchant_points_amount(order, i))
        }
    }
}

extension SCAppliedPromotion {
    /// The promotions the order applied.
    static func copying(order: OpaquePointer, currency: String) -> [SCAppliedPromotion] {
        (0..<sc_order_promotion_count(order)).map { i in
            SCAppliedPromotion(
                id: copyString(sc_order_promotion_id(order, i)),
                currency: currency,
                amountMinor: sc_order_promotion_amount(order, i))
        }
    }
}

extension SCAppliedCoupon {
    /// The coupons the order used.
    static func copying(order: OpaquePointer, currency: String) -> [SCAppliedCoupon] {
        (0..<sc_order_coupon_count(order)).map { i in
            SCAppliedCoupon(
                code: copyString(sc_order_coupon_code(order, i)),
                templateId: copyString(sc_order_coupon_template_id(order, i)),
                currency: currency,
                amountMinor: sc_order_coupon_amount(order, i))
        }
    }
}
