internal import CSocialCart

/// Where an order is in its life (`sc_order_state`).
public enum OrderState: Sendable, Hashable, CustomStringConvertible {
    /// Placed, holds in force, waiting for payment until the deadline.
    case created
    /// Paid in full; nothing refunded.
    case paid
    /// Paid, and part of it refunded.
    case partiallyRefunded
    /// Paid, and all of it refunded.
    case refunded
    /// Cancelled before payment (see `Order.cancelReason`).
    case cancelled
    /// A state this binding does not know.
    case unknown(UInt32)

    init(rawValue: UInt32) {
        switch rawValue {
        case SC_ORDER_CREATED.rawValue: self = .created
        case SC_ORDER_PAID.rawValue: self = .paid
        case SC_ORDER_PARTIALLY_REFUNDED.rawValue: self = .partiallyRefunded
        case SC_ORDER_REFUNDED.rawValue: self = .refunded
        case SC_ORDER_CANCELLED.rawValue: self = .cancelled
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
        case .unknown(let raw): return raw
        }
    }

    /// The library's stable name, e.g. "paid" (`sc_order_state_name`).
    public var name: String { copyString(sc_order_state_name(sc_order_state(rawValue: rawValue))) }

    public var description: String { name }
}

/// Why an order was cancelled (`sc_cancel_reason`).
public enum CancelReason: Sendable, Hashable {
    /// The order is not cancelled.
    case none
    /// `Engine.cancel(order:)` was called.
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
public struct Order: Sendable, Hashable, Identifiable {
    public var id: String
    /// The shopper.
    public var userId: String
    public var state: OrderState
    /// `.none` unless cancelled.
    public var cancelReason: CancelReason
    public var currency: String
    /// Sum of the lines' base amounts.
    public var subtotal: Int64
    /// What the shopper pays.
    public var total: Int64
    /// Sum of all refunds so far.
    public var refunded: Int64
    /// When the order was placed (UTC ms).
    public var createdAtMs: Int64
    /// When an unpaid order lapses (UTC ms).
    public var payDeadlineMs: Int64
    /// When it was paid (UTC ms); `nil` when unpaid.
    public var paidAtMs: Int64?
    /// The payment provider's reference; `nil` when unpaid.
    public var paymentRef: String?
    public var lines: [OrderLine]
    /// Refunds, oldest first.
    public var refunds: [Refund]

    init(copying order: OpaquePointer) {
        id = copyString(sc_order_id(order))
        userId = copyString(sc_order_user_id(order))
        state = OrderState(rawValue: sc_order_state_of(order).rawValue)
        cancelReason = CancelReason(rawValue: sc_order_cancel_reason(order).rawValue)
        currency = copyString(sc_order_currency(order))
        subtotal = sc_order_subtotal(order)
        total = sc_order_total(order)
        refunded = sc_order_refunded(order)
        createdAtMs = sc_order_created_at_ms(order)
        payDeadlineMs = sc_order_pay_deadline_ms(order)
        let paidAt = sc_order_paid_at_ms(order)
        paidAtMs = paidAt == 0 ? nil : paidAt
        paymentRef = copyOptionalString(sc_order_payment_ref(order))
        lines = (0..<sc_order_line_count(order)).map { i in
            OrderLine(
                skuId: copyString(sc_order_line_sku_id(order, i)),
                title: copyString(sc_order_line_title(order, i)),
                merchantId: copyString(sc_order_line_merchant_id(order, i)),
                quantity: sc_order_line_quantity(order, i),
                unitPrice: sc_order_line_unit_price(order, i),
                base: sc_order_line_base(order, i),
                net: sc_order_line_net(order, i),
                refundedQuantity: sc_order_line_refunded_quantity(order, i),
                refundedAmount: sc_order_line_refunded_amount(order, i))
        }
        refunds = (0..<sc_order_refund_count(order)).map { i in
            Refund(id: copyString(sc_order_refund_id(order, i)), amount: sc_order_refund_amount(order, i))
        }
    }
}

public struct OrderLine: Sendable, Hashable {
    public var skuId: String
    /// The SKU's title at checkout.
    public var title: String
    /// The SKU's merchant at checkout.
    public var merchantId: String
    /// Units bought.
    public var quantity: Int64
    /// List price per unit at checkout.
    public var unitPrice: Int64
    /// Unit price times quantity.
    public var base: Int64
    /// What the line paid (refunds of the line are bounded by it).
    public var net: Int64
    /// Units refunded so far.
    public var refundedQuantity: Int64
    /// Amount refunded from the line so far.
    public var refundedAmount: Int64
}

public struct Refund: Sendable, Hashable, Identifiable {
    public var id: String
    public var amount: Int64
}

extension Engine {
    /// Turns the user's selected cart lines into an order that holds its stock until
    /// the payment deadline. A retry with the same key returns the same order.
    /// - Throws: `.cartEmpty`, `.skuInactive`, `.outOfStock`, `.limitExceeded`,
    ///   `.overflow`, `.idempotencyConflict` (the key was used by another user).
    public func checkout(user: String, idempotencyKey: String) throws -> Order {
        try requireCString(user, field: "user_id")
        try requireCString(idempotencyKey, field: "idempotency_key")
        return try takeOrder("sc_engine_checkout") { out, err in
            sc_engine_checkout(handle, user, idempotencyKey, out, err)
        }
    }

    /// Reads an order (settling its payment deadline first).
    /// - Throws: `.notFound` for an unknown id.
    public func order(_ id: String) throws -> Order {
        try requireCString(id, field: "order_id")
        return try takeOrder("sc_engine_order_get") { out, err in
            sc_engine_order_get(handle, id, out, err)
        }
    }

    /// Records the payment of an order (its stock leaves the warehouse).
    /// - Parameter amount: must equal the order total.
    /// - Throws: `.notFound`, `.amountMismatch`, `.expired` (the order is cancelled),
    ///   `.invalidState`, `.idempotencyConflict`.
    @discardableResult
    public func pay(
        order id: String, paymentRef: String, amount: Int64, idempotencyKey: String
    ) throws -> Order {
        try requireCString(id, field: "order_id")
        try requireCString(paymentRef, field: "payment_ref")
        try requireCString(idempotencyKey, field: "idempotency_key")
        return try takeOrder("sc_engine_order_pay") { out, err in
            sc_engine_order_pay(handle, id, paymentRef, amount, idempotencyKey, out, err)
        }
    }

    /// Cancels an unpaid order and releases its holds (idempotent).
    /// - Throws: `.notFound`, `.invalidState` for a paid order.
    @discardableResult
    public func cancel(order id: String) throws -> Order {
        try requireCString(id, field: "order_id")
        return try takeOrder("sc_engine_order_cancel") { out, err in
            sc_engine_order_cancel(handle, id, out, err)
        }
    }

    /// Refunds units of one order line (their share of what the line paid).
    /// - Throws: `.invalidState` (not paid), `.invalidArgument` (line index,
    ///   quantity < 1), `.refundExceedsPaid`, `.idempotencyConflict`.
    @discardableResult
    public func refundLine(
        order id: String, lineIndex: Int, quantity: Int64, idempotencyKey: String
    ) throws -> Order {
        try requireCString(id, field: "order_id")
        try requireCString(idempotencyKey, field: "idempotency_key")
        guard lineIndex >= 0 else {
            throw SocialCartError(
                code: .invalidArgument, message: "line_index is negative", field: "line_index")
        }
        return try takeOrder("sc_engine_order_refund_line") { out, err in
            sc_engine_order_refund_line(handle, id, lineIndex, quantity, idempotencyKey, out, err)
        }
    }

    /// Refunds an amount spread over the lines in proportion to what each has left.
    /// - Throws: as `refundLine`.
    @discardableResult
    public func refundAmount(
        order id: String, amount: Int64, idempotencyKey: String
    ) throws -> Order {
        try requireCString(id, field: "order_id")
        try requireCString(idempotencyKey, field: "idempotency_key")
        return try takeOrder("sc_engine_order_refund_amount") { out, err in
            sc_engine_order_refund_amount(handle, id, amount, idempotencyKey, out, err)
        }
    }

    private func takeOrder(
        _ function: StaticString,
        _ body: (UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<OpaquePointer?>) -> sc_status
    ) throws -> Order {
        let raw = try checkOut(function, body)
        defer { sc_order_free(raw) }
        return Order(copying: raw)
    }
}
