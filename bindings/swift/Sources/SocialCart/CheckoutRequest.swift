internal import CSocialCart

/// Which of the shopper's coupons pricing uses (`sc_coupon_choice_t`).
public enum SCCouponChoice: Sendable, Hashable {
    /// No coupon (each held coupon is explained as `.notChosen`). The default.
    case none
    /// The combination with the lowest payable under the stacking rules.
    case best
    /// Exactly these coupon codes (`SCCoupon.code`), in this order, as far as the
    /// stacking rules allow (a conflicting one is explained, not applied). At most 20
    /// codes, each once.
    case chosen([String])
}

/// How the goods reach the shopper (`sc_shipping_method_t`).
public enum SCShippingMethod: Sendable, Hashable, CustomStringConvertible {
    /// Each merchant ships, charging its shipping rule's fee. The default.
    case delivery
    /// The shopper collects the goods (自提): no merchant charges shipping.
    case pickup

    init(raw: sc_shipping_method_t) {
        // The library reads every method but pickup as delivery (sc_order_shipping_method).
        self = raw == SC_SHIPPING_PICKUP ? .pickup : .delivery
    }

    var raw: sc_shipping_method_t {
        switch self {
        case .delivery: return SC_SHIPPING_DELIVERY
        case .pickup: return SC_SHIPPING_PICKUP
        }
    }

    public var description: String {
        switch self {
        case .delivery: return "delivery"
        case .pickup: return "pickup"
        }
    }
}

/// How many of the member's points pay (`sc_points_use_t`). The program's rules (redeem
/// rate, unit, cap) and the member's balance apply when the request is quoted or checked
/// out; the quote's `pointsMax` is the most the cart may use.
public enum SCPointsUse: Sendable, Hashable {
    /// No points. The default.
    case none
    /// Exactly these points: whole units of the program, at most the quote's `pointsMax`
    /// (more, or a part of a unit, is `.invalidArgument` with field "points" from the
    /// quote and the checkout; a negative number from building the request).
    case exactly(Int64)
    /// As many as the cart allows: the quote's `pointsMax`.
    case most
}

/// What a quote or a checkout is asked for beyond the selected cart lines. Pass the same
/// request to `SCEngine.quote(user:request:)` and then to
/// `SCEngine.checkout(user:request:idempotencyKey:)`: the order is priced exactly as the
/// quote was, given the same cart, rules and clock.
public struct SCCheckoutRequest: Sendable, Hashable {
    /// Which coupons to use (default `.none`).
    public var coupons: SCCouponChoice
    /// How the goods reach the shopper (default `.delivery`).
    public var shipping: SCShippingMethod
    /// How many of the member's points pay (default `.none`).
    public var points: SCPointsUse
    /// Whether the order opens or joins a group-buy group instead of taking the cart
    /// (default `.none`: the selected cart lines). A group order is the campaign's SKU at the
    /// group price; the cart stays as it is. Coupons, points and shipping apply as to any
    /// checkout.
    public var group: SCGroupChoice
    /// The flash-sale slot the order buys in instead of taking the cart (default nil: the
    /// selected cart lines). A flash-sale order is the sale's SKU at the sale price; the cart
    /// stays as it is. Coupons, points and shipping apply as to any checkout. A request is one
    /// of a cart, group-buy or flash-sale checkout: the checkout refuses one with both a group
    /// choice and a flash sale (`.invalidArgument`, field "request").
    public var flashSale: SCFlashSaleChoice?
    /// The bargain the order buys instead of taking the cart (default nil: the selected cart
    /// lines): one unit of the program's SKU at the bargain's current price, which the order
    /// keeps even if later helps lower the bargain's. Only the shopper who opened the bargain
    /// buys it. Coupons, points and shipping apply as to any checkout. A request names one
    /// context: the checkout refuses a bargain with a group choice or a flash sale
    /// (`.invalidArgument`, field "request").
    public var bargainId: String?

    public init(
        coupons: SCCouponChoice = .none, shipping: SCShippingMethod = .delivery, points: SCPointsUse = .none,
        group: SCGroupChoice = .none, flashSale: SCFlashSaleChoice? = nil, bargainId: String? = nil
    ) {
        self.coupons = coupons
        self.shipping = shipping
        self.points = points
        self.group = group
        self.flashSale = flashSale
        self.bargainId = bargainId
    }
}

/// An `sc_checkout_request` built from an `SCCheckoutRequest` for one call, freed with it.
final class CheckoutRequestHandle {
    let raw: OpaquePointer

    init() throws {
        raw = try checkOut("sc_checkout_request_new") { out, err in sc_checkout_request_new(out, err) }
    }

    /// - Throws: `.invalidArgument` (field "code": empty, a control character, a code
    ///   named twice; field "points": `.exactly` a negative number; field "id": a group
    ///   choice's empty campaign or group id; field "sale_id": a flash sale's empty or too
    ///   long sale id; field "bargain_id": an empty or too long bargain id; field
    ///   "quantity": a group or flash-sale choice's quantity below 1), `.invalidUTF8`, `.limitExceeded` (field "code": more than 20 codes).
    convenience init(_ request: SCCheckoutRequest) throws {
        if case .chosen(let codes) = request.coupons {
            for code in codes { try requireCString(code, field: "code") }
        }
        try self.init()
        switch request.coupons {
        case .none:
            try setCouponChoice(SC_COUPONS_NONE)
        case .best:
            try setCouponChoice(SC_COUPONS_BEST)
        case .chosen(let codes):
            // Chosen with no codes prices no coupon, each explained as not chosen.
            try setCouponChoice(SC_COUPONS_CHOSEN)
            for code in codes { try addCoupon(code) }
        }
        try setShipping(request.shipping.raw)
        switch request.points {
        case .none: try setPoints(SC_POINTS_NONE, 0)
        case .exactly(let points): try setPoints(SC_POINTS_EXACTLY, points)
        case .most: try setPoints(SC_POINTS_MOST, 0)
        }
        try setGroup(request.group)
        try setFlashSale(request.flashSale)
        try setBargain(request.bargainId)
    }

    deinit { sc_checkout_request_free(raw) }

    func setCouponChoice(_ choice: sc_coupon_choice_t) throws {
        try check { sc_checkout_request_set_coupon_choice(raw, choice, $0) }
    }

    func addCoupon(_ code: String) throws {
        try check { sc_checkout_request_add_coupon(raw, code, $0) }
    }

    func setShipping(_ method: sc_shipping_method_t) throws {
        try check { sc_checkout_request_set_shipping(raw, method, $0) }
    }

    func setPoints(_ use: sc_points_use_t, _ points: Int64) throws {
        try check { sc_checkout_request_set_points(raw, use, points, $0) }
    }
}
