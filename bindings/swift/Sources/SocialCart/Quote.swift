internal import CSocialCart

/// What checkout would charge for the selected lines now: every figure of the pricing,
/// copied out of the C quote before `quote(user:request:)` returns (docs/pricing.md walks one
/// cart through them).
public struct SCQuote: Sendable, Hashable {
    /// ("" while the catalog is empty).
    public var currency: String
    public var lines: [SCQuoteLine]
    /// Sum of the lines' base amounts, in minor units.
    public var subtotalMinor: Int64
    /// Sum of the line adjustments that are discounts (item prices, promotions, coupons;
    /// not points), in minor units.
    public var discountMinor: Int64
    /// Shipping payable, summed over the merchants, after waivers, in minor units.
    public var shippingMinor: Int64
    /// What the shopper would pay (subtotal - discount - points amount + shipping), in
    /// minor units.
    public var totalMinor: Int64
    /// What the shopper saves (the discount plus the shipping waived; points are payment,
    /// not saving), in minor units.
    public var savedMinor: Int64
    /// Points that pay, as the request asked (`SCCheckoutRequest.points`).
    public var pointsUsed: Int64
    /// What those points pay, in minor units; each line shows its part as an adjustment of
    /// kind `.points`.
    public var pointsAmountMinor: Int64
    /// The most points this cart may use: the member's available points, in whole units,
    /// worth at most the program's cap of the goods after coupons. 0 when the program lets
    /// points pay for nothing or the member owes points.
    public var pointsMax: Int64
    /// Points that paying this quote would earn (pending until the return window has
    /// passed).
    public var pointsToEarn: Int64
    /// One entry per merchant, in the order each first appears among the lines.
    public var merchants: [SCQuoteMerchant]
    /// The automatic promotions that applied, in the order they applied.
    public var promotions: [SCAppliedPromotion]
    /// The coupons that applied, in the order they applied.
    public var coupons: [SCAppliedCoupon]
    /// Gift items granted by gift promotions.
    public var gifts: [SCGift]
    /// The shopper's coupons that were not applied, each with its reason, in the order
    /// the shopper holds them.
    public var explanations: [SCCouponExplanation]

    /// Sum of the lines' base amounts.
    public var subtotal: SCMoney { SCMoney(minorUnits: subtotalMinor, currency: currency) }
    /// Sum of the line adjustments that are discounts.
    public var discount: SCMoney { SCMoney(minorUnits: discountMinor, currency: currency) }
    /// What the points used pay.
    public var pointsAmount: SCMoney { SCMoney(minorUnits: pointsAmountMinor, currency: currency) }
    /// Shipping payable after waivers.
    public var shipping: SCMoney { SCMoney(minorUnits: shippingMinor, currency: currency) }
    /// What the shopper would pay.
    public var total: SCMoney { SCMoney(minorUnits: totalMinor, currency: currency) }
    /// What the shopper saves.
    public var saved: SCMoney { SCMoney(minorUnits: savedMinor, currency: currency) }

    init(copying quote: OpaquePointer) {
        let code = copyString(sc_quote_currency(quote))
        currency = code
        subtotalMinor = sc_quote_subtotal(quote)
        discountMinor = sc_quote_discount(quote)
        shippingMinor = sc_quote_shipping(quote)
        totalMinor = sc_quote_total(quote)
        savedMinor = sc_quote_saved(quote)
        pointsUsed = sc_quote_points_used(quote)
        pointsAmountMinor = sc_quote_points_amount(quote)
        pointsMax = sc_quote_points_max(quote)
        pointsToEarn = sc_quote_points_to_earn(quote)
        lines = (0..<sc_quote_line_count(quote)).map { i in
            SCQuoteLine(
                skuId: copyString(sc_quote_line_sku_id(quote, i)),
                merchantId: copyString(sc_quote_line_merchant_id(quote, i)),
                quantity: sc_quote_line_quantity(quote, i),
                currency: code,
                unitPriceMinor: sc_quote_line_unit_price(quote, i),
                baseMinor: sc_quote_line_base(quote, i),
                netMinor: sc_quote_line_net(quote, i),
                adjustments: (0..<sc_quote_line_adjustment_count(quote, i)).map { a in
                    SCAdjustment(
                        kind: SCAdjustment.Kind(rawValue: copyString(sc_quote_line_adjustment_kind(quote, i, a))),
                        source: copyString(sc_quote_line_adjustment_source(quote, i, a)),
                        currency: code,
                        amountMinor: sc_quote_line_adjustment_amount(quote, i, a))
                })
        }
        merchants = (0..<sc_quote_merchant_count(quote)).map { i in
            let waivedBy = copyString(sc_quote_merchant_shipping_waived_by(quote, i))
            return SCQuoteMerchant(
                id: copyString(sc_quote_merchant_id(quote, i)),
                currency: code,
                subtotalMinor: sc_quote_merchant_subtotal(quote, i),
                discountMinor: sc_quote_merchant_discount(quote, i),
                shippingFeeMinor: sc_quote_merchant_shipping_fee(quote, i),
                shippingWaivedMinor: sc_quote_merchant_shipping_waived(quote, i),
                shippingWaivedBy: waivedBy.isEmpty ? nil : waivedBy,
                shippingMinor: sc_quote_merchant_shipping(quote, i),
                totalMinor: sc_quote_merchant_total(quote, i),
                pointsAmountMinor: sc_quote_merchant_points_amount(quote, i))
        }
        promotions = (0..<sc_quote_promotion_count(quote)).map { i in
            SCAppliedPromotion(
                id: copyString(sc_quote_promotion_id(quote, i)),
                currency: code,
                amountMinor: sc_quote_promotion_amount(quote, i))
        }
        coupons = (0..<sc_quote_coupon_count(quote)).map { i in
            SCAppliedCoupon(
                code: copyString(sc_quote_coupon_code(quote, i)),
                templateId: copyString(sc_quote_coupon_template_id(quote, i)),
                currency: code,
                amountMinor: sc_quote_coupon_amount(quote, i))
        }
        gifts = (0..<sc_quote_gift_count(quote)).map { i in
            SCGift(
                promotionId: copyString(sc_quote_gift_promotion_id(quote, i)),
                skuId: copyString(sc_quote_gift_sku_id(quote, i)),
                quantity: sc_quote_gift_quantity(quote, i))
        }
        explanations = (0..<sc_quote_explanation_count(quote)).map { i in
            let conflicting = copyString(sc_quote_explanation_conflicting(quote, i))
            return SCCouponExplanation(
                code: copyString(sc_quote_explanation_code(quote, i)),
                templateId: copyString(sc_quote_explanation_template_id(quote, i)),
                reason: SCCouponExplanation.Reason(rawValue: copyString(sc_quote_explanation_reason(quote, i))),
                currency: code,
                missingMinor: sc_quote_explanation_missing(quote, i),
                conflictingCode: conflicting.isEmpty ? nil : conflicting)
        }
    }
}

public struct SCQuoteLine: Sendable, Hashable {
    public var skuId: String
    /// The merchant that sells the line's SKU.
    public var merchantId: String
    public var quantity: Int64
    /// The quote's currency.
    public var currency: String
    /// List price per unit, in minor units.
    public var unitPriceMinor: Int64
    /// Unit price times quantity, in minor units.
    public var baseMinor: Int64
    /// What the line costs after every adjustment, in minor units.
    public var netMinor: Int64
    /// What was taken off the line, in the order it was applied; the amounts sum to
    /// base - net.
    public var adjustments: [SCAdjustment]
    /// List price per unit.
    public var unitPrice: SCMoney { SCMoney(minorUnits: unitPriceMinor, currency: currency) }
    /// Unit price times quantity.
    public var base: SCMoney { SCMoney(minorUnits: baseMinor, currency: currency) }
    /// What the line costs after every adjustment.
    public var net: SCMoney { SCMoney(minorUnits: netMinor, currency: currency) }
}

/// One adjustment of a quote line or an order line: an item price, a promotion, a coupon, or
/// the line's part of what points pay.
public struct SCAdjustment: Sendable, Hashable {
    /// What kind of rule made an adjustment. New kinds may be added: an unknown one
    /// arrives as `.unknown(name)`.
    public enum Kind: Sendable, Hashable, CustomStringConvertible {
        /// A flash-sale, member or group price.
        case itemPrice
        /// An automatic promotion.
        case promotion
        /// A coupon.
        case coupon
        /// The line's part of what points pay (its source is "points").
        case points
        /// A kind this binding does not know, by the library's name.
        case unknown(String)

        /// The kind for the library's name ("item_price", "promotion", "coupon", "points").
        public init(rawValue: String) {
            switch rawValue {
            case "item_price": self = .itemPrice
            case "promotion": self = .promotion
            case "coupon": self = .coupon
            case "points": self = .points
            default: self = .unknown(rawValue)
            }
        }

        /// The library's name, e.g. "item_price".
        public var rawValue: String {
            switch self {
            case .itemPrice: return "item_price"
            case .promotion: return "promotion"
            case .coupon: return "coupon"
            case .points: return "points"
            case .unknown(let raw): return raw
            }
        }

        public var description: String { rawValue }
    }

    public var kind: Kind
    /// Where it came from: the offer's source, a promotion id, a coupon code, or "points".
    public var source: String
    /// The quote's (or order's) currency.
    public var currency: String
    /// What it took off the line (> 0), in minor units.
    public var amountMinor: Int64
    /// What it took off the line.
    public var amount: SCMoney { SCMoney(minorUnits: amountMinor, currency: currency) }
}

/// One merchant's share of a quote, or of the order placed at it (`SCOrder.merchants`).
public struct SCQuoteMerchant: Sendable, Hashable, Identifiable {
    /// The merchant's id.
    public var id: String
    /// The quote's (or order's) currency.
    public var currency: String
    /// Sum of the merchant's line bases, in minor units.
    public var subtotalMinor: Int64
    /// Sum of the adjustments of the merchant's lines, in minor units.
    public var discountMinor: Int64
    /// The fee the merchant's shipping rule charges for these goods, before waivers.
    public var shippingFeeMinor: Int64
    /// The part of the fee a free-shipping promotion or coupon waived, in minor units.
    public var shippingWaivedMinor: Int64
    /// The promotion id or coupon code that waived it; nil when nothing did.
    public var shippingWaivedBy: String?
    /// Shipping payable (fee - waived), in minor units.
    public var shippingMinor: Int64
    /// The merchant's total (subtotal - discount - points amount + shipping), in minor
    /// units.
    public var totalMinor: Int64
    /// What points pay of the merchant's goods, in minor units.
    public var pointsAmountMinor: Int64

    /// Sum of the merchant's line bases.
    public var subtotal: SCMoney { SCMoney(minorUnits: subtotalMinor, currency: currency) }
    /// Sum of the adjustments of the merchant's lines.
    public var discount: SCMoney { SCMoney(minorUnits: discountMinor, currency: currency) }
    /// The shipping fee before waivers.
    public var shippingFee: SCMoney { SCMoney(minorUnits: shippingFeeMinor, currency: currency) }
    /// The part of the shipping fee that was waived.
    public var shippingWaived: SCMoney { SCMoney(minorUnits: shippingWaivedMinor, currency: currency) }
    /// Shipping payable.
    public var shipping: SCMoney { SCMoney(minorUnits: shippingMinor, currency: currency) }
    /// The merchant's total.
    public var total: SCMoney { SCMoney(minorUnits: totalMinor, currency: currency) }
    /// What points pay of the merchant's goods.
    public var pointsAmount: SCMoney { SCMoney(minorUnits: pointsAmountMinor, currency: currency) }
}

/// An automatic promotion that applied to a quote, or to an order (`SCOrder.promotions`).
public struct SCAppliedPromotion: Sendable, Hashable, Identifiable {
    /// The promotion's id.
    public var id: String
    /// The quote's (or order's) currency.
    public var currency: String
    /// What it took off (item discount, or the shipping it waived), in minor units.
    public var amountMinor: Int64
    /// What it took off.
    public var amount: SCMoney { SCMoney(minorUnits: amountMinor, currency: currency) }
}

/// A coupon that applied to a quote, or that an order used (`SCOrder.coupons`).
public struct SCAppliedCoupon: Sendable, Hashable {
    /// The coupon's code.
    public var code: String
    /// The coupon's template id.
    public var templateId: String
    /// The quote's (or order's) currency.
    public var currency: String
    /// What it took off (item discount, or the shipping it waived), in minor units.
    public var amountMinor: Int64
    /// What it took off.
    public var amount: SCMoney { SCMoney(minorUnits: amountMinor, currency: currency) }
}

/// A gift item granted by a gift promotion.
public struct SCGift: Sendable, Hashable {
    /// The promotion that grants the gift.
    public var promotionId: String
    /// The gift's SKU id.
    public var skuId: String
    /// Units of the gift.
    public var quantity: Int64
}

/// Why one of the shopper's coupons was not applied to a quote.
public struct SCCouponExplanation: Sendable, Hashable {
    /// Why a coupon was not applied. New reasons may be added: an unknown one arrives as
    /// `.unknown(name)`; show it generically.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// Its validity has not started.
        case notYetValid
        /// Its validity has ended.
        case expired
        /// Held by another order, used or revoked.
        case notAvailable
        /// The goods in its scope fall short of its minimum spend (see `missing`).
        case belowMinSpend
        /// No line of the quote is in its scope (or sold by its issuing merchant).
        case outOfScope
        /// It does not stack with the coupon that applied (see `conflictingCode`).
        case notStackable
        /// One coupon per issuer, and another one applied (see `conflictingCode`).
        case onePerIssuer
        /// The best choice saves more without it.
        case notBetter
        /// The caller did not choose it (coupons by code, or none).
        case notChosen
        /// It would take nothing off (or waive no shipping).
        case zeroDiscount
        /// A reason this binding does not know, by the library's name.
        case unknown(String)

        /// The reason for the library's name, e.g. "below_min_spend".
        public init(rawValue: String) {
            switch rawValue {
            case "not_yet_valid": self = .notYetValid
            case "expired": self = .expired
            case "not_available": self = .notAvailable
            case "below_min_spend": self = .belowMinSpend
            case "out_of_scope": self = .outOfScope
            case "not_stackable": self = .notStackable
            case "one_per_issuer": self = .onePerIssuer
            case "not_better": self = .notBetter
            case "not_chosen": self = .notChosen
            case "zero_discount": self = .zeroDiscount
            default: self = .unknown(rawValue)
            }
        }

        /// The library's name, e.g. "below_min_spend".
        public var rawValue: String {
            switch self {
            case .notYetValid: return "not_yet_valid"
            case .expired: return "expired"
            case .notAvailable: return "not_available"
            case .belowMinSpend: return "below_min_spend"
            case .outOfScope: return "out_of_scope"
            case .notStackable: return "not_stackable"
            case .onePerIssuer: return "one_per_issuer"
            case .notBetter: return "not_better"
            case .notChosen: return "not_chosen"
            case .zeroDiscount: return "zero_discount"
            case .unknown(let raw): return raw
            }
        }

        public var description: String { rawValue }
    }

    /// The coupon's code.
    public var code: String
    /// The coupon's template id.
    public var templateId: String
    public var reason: Reason
    /// The quote's currency.
    public var currency: String
    /// For `.belowMinSpend`: how much more the shopper must spend in its scope, in minor
    /// units (0 otherwise).
    public var missingMinor: Int64
    /// For `.notStackable` and `.onePerIssuer`: the code of the coupon that applied
    /// instead; nil otherwise.
    public var conflictingCode: String?
    /// For `.belowMinSpend`: how much more the shopper must spend in its scope.
    public var missing: SCMoney { SCMoney(minorUnits: missingMinor, currency: currency) }
}

extension SCEngine.Blocking {
    /// Prices the selected lines of the user's cart as `checkout(user:request:idempotencyKey:)`
    /// with the same request would now: item prices, automatic promotions, the coupons the
    /// request chooses, shipping per merchant, the points the request uses. With a group
    /// choice (`SCCheckoutRequest.group`) it prices the group order's line instead of the
    /// cart: the campaign's SKU at the group price (the leader's price when opening).
    /// Changes nothing.
    /// - Parameter request: the coupon choice, shipping method, points and group choice; by
    ///   default no coupons, delivery, no points and the cart.
    /// - Throws: `.invalidArgument` (field "user_id"; field "code" for a bad coupon code in
    ///   `.chosen`; field "points": more points than `pointsMax`, or not whole units),
    ///   `.limitExceeded` (field "code": more than 20 codes), `.notFound` (field
    ///   "coupons": a chosen code the shopper does not hold), `.overflow` when a total would
    ///   not fit in 64 bits.
    public func quote(user: String, request: SCCheckoutRequest = SCCheckoutRequest()) throws -> SCQuote {
        try requireCString(user, field: "user_id")
        let req = try CheckoutRequestHandle(request)
        let raw = try withExtendedLifetime(req) {
            try withHandle { handle in try checkOut("sc_engine_quote") { out, err in
                sc_engine_quote(handle, user, req.raw, out, err)
            } }
        }
        defer { sc_quote_free(raw) }
        return SCQuote(copying: raw)
    }
}
