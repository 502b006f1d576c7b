internal import CSocialCart
import Foundation

/// Where an order is in its life (`sc_order_state_t`).
public enum SCOrderState: Sendable, Hashable, CustomStringConvertible {
    /// Placed, holds in force, waiting for payment until the deadline.
    case created
    /// Paid in full; nothing refunded.
    case paid
    /// Paid, and part of it refunded.
    case partiallyRefunded
    /// Paid, and all of it refunded.
    case refunded
    /// Cancelled before payment (see `SCOrder.cancelReason`).
    case cancelled
    /// A group-buy order, paid; its group has not filled yet.
    case awaitingGroup
    /// A group-buy order, paid, and its group filled.
    case groupConfirmed
    /// A group-buy order, paid, whose group failed: refund it.
    case groupFailed
    /// A state this binding does not know.
    case unknown(UInt32)

    init(rawValue: UInt32) {
        switch rawValue {
        case SC_ORDER_CREATED.rawValue: self = .created
        case SC_ORDER_PAID.rawValue: self = .paid
        case SC_ORDER_PARTIALLY_REFUNDED.rawValue: self = .partiallyRefunded
        case SC_ORDER_REFUNDED.rawValue: self = .refunded
        case SC_ORDER_CANCELLED.rawValue: self = .cancelled
        case SC_ORDER_AWAITING_GROUP.rawValue: self = .awaitingGroup
        case SC_ORDER_GROUP_CONFIRMED.rawValue: self = .groupConfirmed
        case SC_ORDER_GROUP_FAILED.rawValue: self = .groupFailed
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: UInt32 {
        switch self {
        case .created: return SC_ORDER_CREATED.rawValue
        case .paid: return SC_ORDER_PAID.rawValue
        case .partiallyRefunded: return SC_ORDER_PARTIALLY_REFUNDED.rawValue
        case .refunded: return SC_ORDER_REFUNDED.rawValue
        case .cancelled: return SC_ORDER_CANCELLED.rawValue
        case .awaitingGroup: return SC_ORDER_AWAITING_GROUP.rawValue
        case .groupConfirmed: return SC_ORDER_GROUP_CONFIRMED.rawValue
        case .groupFailed: return SC_ORDER_GROUP_FAILED.rawValue
        case .unknown(let raw): return raw
        }
    }

    /// The library's stable name, e.g. "paid" (`sc_order_state_name`).
    public var name: String { copyString(sc_order_state_name(sc_order_state_t(rawValue: rawValue))) }

    public var description: String { name }
}

/// Why an order was cancelled (`sc_cancel_reason_t`).
public enum SCCancelReason: Sendable, Hashable {
    /// The order is not cancelled.
    case none
    /// `SCEngine.cancel(order:)` was called.
    case requested
    /// The payment window lapsed.
    case paymentLapsed
    /// A reason this binding does not know.
    case unknown(UInt32)

    init(rawValue: UInt32) {
        switch rawValue {
        case SC_CANCEL_NONE.rawValue: self = .none
        case SC_CANCEL_REQUESTED.rawValue: self = .requested
        case SC_CANCEL_PAYMENT_LAPSED.rawValue: self = .paymentLapsed
        default: self = .unknown(rawValue)
        }
    }
}

/// An order snapshot.
public struct SCOrder: Sendable, Hashable, Identifiable {
    public var id: String
    /// The shopper.
    public var userId: String
    public var state: SCOrderState
    /// `.none` unless cancelled.
    public var cancelReason: SCCancelReason
    public var currency: String
    /// Sum of the lines' base amounts, in minor units.
    public var subtotalMinor: Int64
    /// Sum of the line adjustments that are discounts (item prices, promotions, coupons;
    /// not points), in minor units.
    public var discountMinor: Int64
    /// Shipping paid, after waivers, in minor units. Refunds never return it.
    public var shippingMinor: Int64
    /// What the shopper pays (subtotal - discount - points amount + shipping), in minor
    /// units.
    public var totalMinor: Int64
    /// Sum of all refunds so far, in minor units.
    public var refundedMinor: Int64
    /// Sum of the lines' base amounts.
    public var subtotal: SCMoney { SCMoney(minorUnits: subtotalMinor, currency: currency) }
    /// Sum of the line adjustments that are discounts.
    public var discount: SCMoney { SCMoney(minorUnits: discountMinor, currency: currency) }
    /// Shipping paid, after waivers.
    public var shipping: SCMoney { SCMoney(minorUnits: shippingMinor, currency: currency) }
    /// What the shopper pays.
    public var total: SCMoney { SCMoney(minorUnits: totalMinor, currency: currency) }
    /// Sum of all refunds so far.
    public var refunded: SCMoney { SCMoney(minorUnits: refundedMinor, currency: currency) }
    /// When the order was placed (UTC ms since the epoch).
    public var createdAtMs: Int64
    /// When an unpaid order lapses (UTC ms since the epoch).
    public var payDeadlineMs: Int64
    /// When it was paid (UTC ms since the epoch); `nil` when unpaid.
    public var paidAtMs: Int64?
    /// When the order was placed.
    public var createdAt: Date { date(ms: createdAtMs) }
    /// When an unpaid order lapses.
    public var payDeadline: Date { date(ms: payDeadlineMs) }
    /// When it was paid; `nil` when unpaid.
    public var paidAt: Date? { paidAtMs.map { date(ms: $0) } }
    /// The payment provider's reference; `nil` when unpaid.
    public var paymentRef: String?
    public var lines: [SCOrderLine]
    /// Refunds, oldest first.
    public var refunds: [SCRefund]
    /// How the goods reach the shopper (the request's shipping method).
    public var shippingMethod: SCShippingMethod
    /// One entry per merchant, in the order each first appears among the lines, as the
    /// order was priced.
    public var merchants: [SCQuoteMerchant]
    /// The automatic promotions that applied, in the order they applied.
    public var promotions: [SCAppliedPromotion]
    /// The coupons the order used (held until paid, then used), in the order they applied.
    public var coupons: [SCAppliedCoupon]
    /// Points that paid part of the goods (held at checkout, spent at payment).
    public var pointsUsed: Int64
    /// What those points paid, in minor units: not in the total, not refunded as money.
    public var pointsAmountMinor: Int64
    /// What those points paid: not in the total, not refunded as money.
    public var pointsAmount: SCMoney { SCMoney(minorUnits: pointsAmountMinor, currency: currency) }
    /// Points the payment earned (0 before payment); refunds reverse them in proportion.
    public var pointsEarned: Int64

    init(copying order: OpaquePointer) {
        id = copyString(sc_order_id(order))
        userId = copyString(sc_order_user_id(order))
        state = SCOrderState(rawValue: sc_order_state(order).rawValue)
        cancelReason = SCCancelReason(rawValue: sc_order_cancel_reason(order).rawValue)
        let code = copyString(sc_order_currency(order))
        currency = code
        subtotalMinor = sc_order_subtotal(order)
        discountMinor = sc_order_discount(order)
        shippingMinor = sc_order_shipping(order)
        totalMinor = sc_order_total(order)
        refundedMinor = sc_order_refunded(order)
        createdAtMs = sc_order_created_at_ms(order)
        payDeadlineMs = sc_order_pay_deadline_ms(order)
        let paidAt = sc_order_paid_at_ms(order)
        paidAtMs = paidAt == 0 ? nil : paidAt
        paymentRef = copyOptionalString(sc_order_payment_ref(order))
        lines = (0..<sc_order_line_count(order)).map { i in
            SCOrderLine(
                skuId: copyString(sc_order_line_sku_id(order, i)),
                title: copyString(sc_order_line_title(order, i)),
                merchantId: copyString(sc_order_line_merchant_id(order, i)),
                quantity: sc_order_line_quantity(order, i),
                currency: code,
                unitPriceMinor: sc_order_line_unit_price(order, i),
                baseMinor: sc_order_line_base(order, i),
                netMinor: sc_order_line_net(order, i),
                refundedQuantity: sc_order_line_refunded_quantity(order, i),
                refundedAmountMinor: sc_order_line_refunded_amount(order, i),
                adjustments: SCAdjustment.copying(order: order, line: i, currency: code))
        }
        refunds = (0..<sc_order_refund_count(order)).map { i in
            SCRefund(
                id: copyString(sc_order_refund_id(order, i)), currency: code,
                amountMinor: sc_order_refund_amount(order, i),
                timeMs: sc_order_refund_time_ms(order, i),
                lines: (0..<sc_order_refund_line_count(order, i)).map { p in
                    SCRefundLine(
                        lineIndex: Int(sc_order_refund_line_index(order, i, p)),
                        quantity: sc_order_refund_line_quantity(order, i, p),
                        currency: code,
                        amountMinor: sc_order_refund_line_amount(order, i, p))
                })
        }
        shippingMethod = SCShippingMethod(raw: sc_order_shipping_method(order))
        merchants = SCQuoteMerchant.copying(order: order, currency: code)
        promotions = SCAppliedPromotion.copying(order: order, currency: code)
        coupons = SCAppliedCoupon.copying(order: order, currency: code)
        pointsUsed = sc_order_points_used(order)
        pointsAmountMinor = sc_order_points_amount(order)
        pointsEarned = sc_order_points_earned(order)
    }
}

public struct SCOrderLine: Sendable, Hashable {
    public var skuId: String
    /// The SKU's title at checkout.
    public var title: String
    /// The SKU's merchant at checkout.
    public var merchantId: String
    /// Units bought.
    public var quantity: Int64
    /// The order's currency.
    public var currency: String
    /// List price per unit at checkout, in minor units.
    public var unitPriceMinor: Int64
    /// Unit price times quantity, in minor units.
    public var baseMinor: Int64
    /// What the line paid (refunds of the line are bounded by it), in minor units.
    public var netMinor: Int64
    /// Units refunded so far.
    public var refundedQuantity: Int64
    /// Amount refunded from the line so far, in minor units.
    public var refundedAmountMinor: Int64
    /// What was taken off the line at checkout, in the order it was applied; the amounts
    /// sum to base - net.
    public var adjustments: [SCAdjustment]
    /// List price per unit at checkout.
    public var unitPrice: SCMoney { SCMoney(minorUnits: unitPriceMinor, currency: currency) }
    /// Unit price times quantity.
    public var base: SCMoney { SCMoney(minorUnits: baseMinor, currency: currency) }
    /// What the line paid.
    public var net: SCMoney { SCMoney(minorUnits: netMinor, currency: currency) }
    /// Amount refunded from the line so far.
    public var refundedAmount: SCMoney { SCMoney(minorUnits: refundedAmountMinor, currency: currency) }
}

public struct SCRefund: Sendable, Hashable, Identifiable {
    public var id: String
    /// The order's currency.
    public var currency: String
    /// The amount refunded, in minor units.
    public var amountMinor: Int64
    /// When the refund was made (UTC ms since the epoch).
    public var timeMs: Int64
    /// The amount refunded.
    public var amount: SCMoney { SCMoney(minorUnits: amountMinor, currency: currency) }
    /// When the refund was made.
    public var time: Date { date(ms: timeMs) }
    /// What it took from each line, by line index; the amounts add up to `amount`.
    public var lines: [SCRefundLine]
}

/// The part of a refund taken from one order line.
public struct SCRefundLine: Sendable, Hashable {
    /// The index into `SCOrder.lines`.
    public var lineIndex: Int
    /// Units refunded (0 for a refund by amount).
    public var quantity: Int64
    /// The order's currency.
    public var currency: String
    /// The amount taken from the line, in minor units.
    public var amountMinor: Int64
    /// The amount taken from the line.
    public var amount: SCMoney { SCMoney(minorUnits: amountMinor, currency: currency) }
}

extension SCEngine.Blocking {
    /// Turns the user's selected cart lines into an order priced exactly as
    /// `quote(user:request:)` with the same request would now. The order keeps that pricing
    /// (`discount`, `shipping`, `merchants`, `promotions`, `coupons`, `pointsUsed`, line
    /// `adjustments`) and holds its stock, the coupons applied and the points used until the
    /// payment deadline. A retry with the same key and request returns the same order.
    ///
    /// With a group choice (`SCCheckoutRequest.group`) the order is the campaign's SKU at the
    /// group price, not the cart (which stays as it is): `.open` makes a pending group led by
    /// the shopper, which opens when this order is paid (the order then reads
    /// `.awaitingGroup`); `.join` takes a seat in an open group at once, held for the payment
    /// window. Read the group with `groupOfOrder(orderId:)`. With a bargain
    /// (`SCCheckoutRequest.bargainId`) the order is one unit of the program's SKU at the
    /// bargain's current price, and its payment window ends by the bargain's deadline.
    /// - Parameter request: the coupon choice, shipping method, points and group choice; by
    ///   default no coupons, delivery, no points and the cart.
    /// - Throws: `.cartEmpty`, `.skuInactive`, `.outOfStock`, `.limitExceeded`,
    ///   `.overflow`, `.idempotencyConflict` (the key was used by another user or with
    ///   another request), `.notFound` (field "coupons": a chosen code the shopper does not
    ///   hold), `.invalidState` (field "coupons": a chosen coupon was taken by another
    ///   checkout at the same moment); `.invalidArgument` / `.limitExceeded` (field "code")
    ///   for the request's codes; `.invalidArgument` (field "points": more points than the
    ///   quote's `pointsMax`, or not whole units). For a group choice: `.groupFull` (field
    ///   "group_id": no seat is left), `.notFound` (field "campaign_id" or "group_id"),
    ///   `.invalidState` (field "group_id": the group is not open, or the shopper has a seat
    ///   in it already; field "campaign_id": the shopper leads a live group of the campaign
    ///   already; field "user_id": a new-shoppers-only campaign), `.expired` (field
    ///   "campaign_id": outside the campaign's window), `.limitExceeded` (field "quantity":
    ///   the campaign's units per order or per shopper), `.outOfStock`; `.invalidArgument`
    ///   (field "id" or "quantity") for the choice itself. For a bargain: `.notFound` (field
    ///   "bargain_id"), `.invalidState` (field "bargain_id": the shopper did not open it, it
    ///   is bought or held by another unpaid order), `.expired` (field "bargain_id": past its
    ///   deadline). A request with more than one of a group choice, a flash sale and a bargain:
    ///   `.invalidArgument` (field "request").
    public func checkout(
        user: String, request: SCCheckoutRequest = SCCheckoutRequest(), idempotencyKey: String
    ) throws -> SCOrder {
        try requireCString(user, field: "user_id")
        try requireCString(idempotencyKey, field: "idempotency_key")
        let req = try CheckoutRequestHandle(request)
        return try withExtendedLifetime(req) {
            try withHandle { handle in try takeOrder("sc_engine_checkout") { out, err in
                sc_engine_checkout(handle, user, req.raw, idempotencyKey, out, err)
            } }
        }
    }

    /// Reads an order (settling its payment deadline first).
    /// - Throws: `.notFound` for an unknown id.
    public func order(_ id: String) throws -> SCOrder {
        try requireCString(id, field: "order_id")
        return try withHandle { handle in try takeOrder("sc_engine_order_get") { out, err in
            sc_engine_order_get(handle, id, out, err)
        } }
    }

    /// Finds the order that the user's checkout with this idempotency key made, as of
    /// now: "did my checkout happen?" after a lost response.
    /// - Throws: `.notFound` (field "idempotency_key") when no checkout of this user used
    ///   the key within the idempotency retention.
    public func order(checkoutKey key: String, user: String) throws -> SCOrder {
        try requireCString(user, field: "user_id")
        try requireCString(key, field: "idempotency_key")
        return try withHandle { handle in try takeOrder("sc_engine_order_get_by_checkout_key") { out, err in
            sc_engine_order_get_by_checkout_key(handle, user, key, out, err)
        } }
    }

    /// Records the payment of an order (its stock leaves the warehouse, its points are
    /// spent, and it earns points, pending for the program's return window).
    /// - Parameter amount: must equal the order total, in the order's currency.
    /// - Throws: `.currencyMismatch` (field "amount") when `amount` is in another
    ///   currency than the order; `.notFound`, `.amountMismatch`, `.expired` (the order
    ///   is cancelled), `.invalidState`, `.idempotencyConflict`.
    @discardableResult
    public func pay(
        order id: String, paymentRef: String, amount: SCMoney, idempotencyKey: String
    ) throws -> SCOrder {
        try requireCurrency(of: id, amount)
        return try pay(order: id, paymentRef: paymentRef, amountMinor: amount.minorUnits, idempotencyKey: idempotencyKey)
    }

    /// `pay(order:paymentRef:amount:idempotencyKey:)` with the amount in raw minor
    /// units of the order's currency (no currency check).
    @discardableResult
    public func pay(
        order id: String, paymentRef: String, amountMinor amount: Int64, idempotencyKey: String
    ) throws -> SCOrder {
        try requireCString(id, field: "order_id")
        try requireCString(paymentRef, field: "payment_ref")
        try requireCString(idempotencyKey, field: "idempotency_key")
        return try withHandle { handle in try takeOrder("sc_engine_order_pay") { out, err in
            sc_engine_order_pay(handle, id, paymentRef, amount, idempotencyKey, out, err)
        } }
    }

    /// Cancels an unpaid order and releases its holds, points included (idempotent).
    /// - Throws: `.notFound`, `.invalidState` for a paid order.
    @discardableResult
    public func cancel(order id: String) throws -> SCOrder {
        try requireCString(id, field: "order_id")
        return try withHandle { handle in try takeOrder("sc_engine_order_cancel") { out, err in
            sc_engine_order_cancel(handle, id, out, err)
        } }
    }

    /// Refunds units of one order line (their share of what the line paid). The points the
    /// order earned are taken back and the points it spent given back, in proportion.
    /// - Throws: `.invalidState` (not paid), `.invalidArgument` (line index,
    ///   quantity < 1), `.refundExceedsPaid`, `.idempotencyConflict`.
    @discardableResult
    public func refundLine(
        order id: String, lineIndex: Int, quantity: Int64, idempotencyKey: String
    ) throws -> SCOrder {
        try requireCString(id, field: "order_id")
        try requireCString(idempotencyKey, field: "idempotency_key")
        guard lineIndex >= 0 else {
            throw SCError(
                code: .invalidArgument, message: "line_index is negative", field: "line_index")
        }
        return try withHandle { handle in try takeOrder("sc_engine_order_refund_line") { out, err in
            sc_engine_order_refund_line(handle, id, lineIndex, quantity, idempotencyKey, out, err)
        } }
    }

    /// Refunds an amount spread over the lines in proportion to what each has left.
    /// - Throws: `.currencyMismatch` (field "amount") when `amount` is in another
    ///   currency than the order; as `refundLine`.
    @discardableResult
    public func refundAmount(
        order id: String, amount: SCMoney, idempotencyKey: String
    ) throws -> SCOrder {
        try requireCurrency(of: id, amount)
        return try refundAmount(order: id, amountMinor: amount.minorUnits, idempotencyKey: idempotencyKey)
    }

    /// `refundAmount(order:amount:idempotencyKey:)` with the amount in raw minor units
    /// of the order's currency (no currency check).
    @discardableResult
    public func refundAmount(
        order id: String, amountMinor amount: Int64, idempotencyKey: String
    ) throws -> SCOrder {
        try requireCString(id, field: "order_id")
        try requireCString(idempotencyKey, field: "idempotency_key")
        return try withHandle { handle in try takeOrder("sc_engine_order_refund_amount") { out, err in
            sc_engine_order_refund_amount(handle, id, amount, idempotencyKey, out, err)
        } }
    }

    /// An order's currency never changes, so reading it first is as good as checking it
    /// in the same transaction.
    private func requireCurrency(of id: String, _ amount: SCMoney) throws {
        let currency = try order(id).currency
        guard amount.currency == currency else {
            throw SCError(
                code: .currencyMismatch,
                message: "the amount is in \(amount.currency), order \(id) is in \(currency)", field: "amount")
        }
    }

    private func takeOrder(
        _ function: StaticString,
        _ body: (UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<OpaquePointer?>) -> sc_status_t
    ) throws -> SCOrder {
        let raw = try checkOut(function, body)
        defer { sc_order_free(raw) }
        return SCOrder(copying: raw)
    }
}
