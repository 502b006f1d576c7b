import XCTest
@testable import SocialCart

final class OrderTests: SocialCartTestCase {
    private func placeOrder(_ engine: SCEngine, user: String = "u1", key: String = "co-1") throws -> SCOrder {
        try engine.blocking.addToCart(user: user, sku: "tea", quantity: 2)
        try engine.blocking.addToCart(user: user, sku: "cup", quantity: 1)
        return try engine.blocking.checkout(user: user, idempotencyKey: key)
    }

    // sc_engine_checkout and every sc_order_* accessor of an unpaid order
    func testCheckout() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "cake")
        try engine.blocking.selectCartLine(user: "u1", sku: "cake", selected: false)
        let order = try placeOrder(engine)
        XCTAssertFalse(order.id.isEmpty)
        XCTAssertEqual(order.userId, "u1")
        XCTAssertEqual(order.state, .created)
        XCTAssertEqual(order.state.name, "created")
        XCTAssertEqual(order.cancelReason, SCCancelReason.none)
        XCTAssertEqual(order.currency, "CNY")
        XCTAssertEqual(order.subtotalMinor, 17550)
        XCTAssertEqual(order.totalMinor, order.lines.map(\.netMinor).reduce(0, +))
        XCTAssertEqual(order.refundedMinor, 0)
        XCTAssertEqual(order.createdAtMs, clock.now)
        XCTAssertEqual(order.payDeadlineMs, clock.now + 60_000)
        XCTAssertNil(order.paidAtMs)
        XCTAssertNil(order.paymentRef)
        XCTAssertEqual(order.refunds, [])
        XCTAssertEqual(order.lines.count, 2)
        let tea = order.lines[0]
        XCTAssertEqual(tea.skuId, "tea")
        XCTAssertEqual(tea.title, "Tea")
        XCTAssertEqual(tea.merchantId, "m1")
        XCTAssertEqual(tea.quantity, 2)
        XCTAssertEqual(tea.unitPriceMinor, 6800)
        XCTAssertEqual(tea.baseMinor, 13600)
        XCTAssertEqual(tea.refundedQuantity, 0)
        XCTAssertEqual(tea.refundedAmountMinor, 0)
        // Ordered lines leave the cart; the unselected one stays.
        XCTAssertEqual(try engine.blocking.cart(user: "u1").lines.map(\.skuId), ["cake"])
        // A retry with the same key returns the same order and changes nothing.
        let again = try engine.blocking.checkout(user: "u1", idempotencyKey: "co-1")
        XCTAssertEqual(again, order)
        XCTAssertEqual(try engine.blocking.sku("tea").stockAvailable, 10)
    }

    func testCheckoutEmptyCart() throws {
        let engine = try makeEngine()
        assertThrows(.cartEmpty, try engine.blocking.checkout(user: "u1", idempotencyKey: "k"))
    }

    func testCheckoutNeedsAnIdempotencyKey() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "cake")
        assertThrows(.invalidArgument, field: "idempotency_key", try engine.blocking.checkout(user: "u1", idempotencyKey: ""))
        XCTAssertEqual(try engine.blocking.cart(user: "u1").lines.count, 1)
    }

    func testCheckoutKeyOfAnotherUser() throws {
        let engine = try makeEngine()
        _ = try placeOrder(engine, user: "u1", key: "shared")
        try engine.blocking.addToCart(user: "u2", sku: "cake")
        assertThrows(.idempotencyConflict, try engine.blocking.checkout(user: "u2", idempotencyKey: "shared"))
    }

    func testCheckoutOutOfStockAndInactive() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "cup", quantity: 3)
        try engine.blocking.addToCart(user: "u2", sku: "cup", quantity: 2)
        _ = try engine.blocking.checkout(user: "u1", idempotencyKey: "k1")
        assertThrows(.outOfStock, try engine.blocking.checkout(user: "u2", idempotencyKey: "k2"))
        try engine.blocking.addToCart(user: "u3", sku: "cake")
        var cake = try engine.blocking.sku("cake")
        cake.isActive = false
        try engine.blocking.putSku(cake)
        assertThrows(.skuInactive, try engine.blocking.checkout(user: "u3", idempotencyKey: "k3"))
    }

    // sc_engine_order_get
    func testGetOrder() throws {
        let engine = try makeEngine()
        let order = try placeOrder(engine)
        XCTAssertEqual(try engine.blocking.order(order.id), order)
    }

    func testGetUnknownOrder() throws {
        let engine = try makeEngine()
        assertThrows(.notFound, field: "order_id", try engine.blocking.order("no-such-order"))
    }

    func testGetOrderSettlesTheDeadline() throws {
        let engine = try makeEngine()
        let order = try placeOrder(engine)
        clock.advance(ms: 60_001)
        let lapsed = try engine.blocking.order(order.id)
        XCTAssertEqual(lapsed.state, .cancelled)
        XCTAssertEqual(lapsed.cancelReason, .paymentLapsed)
    }

    // sc_engine_order_pay
    func testPay() throws {
        let engine = try makeEngine()
        let order = try placeOrder(engine)
        clock.advance(ms: 1_000)
        let paid = try engine.blocking.pay(order: order.id, paymentRef: "pay-1", amountMinor: order.totalMinor, idempotencyKey: "p1")
        XCTAssertEqual(paid.state, .paid)
        XCTAssertEqual(paid.paidAtMs, clock.now)
        XCTAssertEqual(paid.paymentRef, "pay-1")
        XCTAssertEqual(try engine.blocking.sku("tea").stockOnHand, 10, "stock leaves the warehouse")
        XCTAssertEqual(try engine.blocking.sku("tea").stockAvailable, 10)
        let again = try engine.blocking.pay(order: order.id, paymentRef: "pay-1", amountMinor: order.totalMinor, idempotencyKey: "p1")
        XCTAssertEqual(again, paid)
    }

    func testPayWrongAmount() throws {
        let engine = try makeEngine()
        let order = try placeOrder(engine)
        assertThrows(.amountMismatch, try engine.blocking.pay(order: order.id, paymentRef: "r", amountMinor: order.totalMinor - 1, idempotencyKey: "p1"))
        XCTAssertEqual(try engine.blocking.order(order.id).state, .created)
    }

    func testPayErrors() throws {
        let engine = try makeEngine()
        assertThrows(.notFound, try engine.blocking.pay(order: "nope", paymentRef: "r", amountMinor: 1, idempotencyKey: "p0"))
        let order = try placeOrder(engine)
        assertThrows(.invalidArgument, try engine.blocking.pay(order: order.id, paymentRef: "", amountMinor: order.totalMinor, idempotencyKey: "p1"))
        try engine.blocking.pay(order: order.id, paymentRef: "r", amountMinor: order.totalMinor, idempotencyKey: "p1")
        assertThrows(
            .idempotencyConflict,
            try engine.blocking.pay(order: order.id, paymentRef: "other", amountMinor: order.totalMinor, idempotencyKey: "p1"))
        assertThrows(.invalidState, try engine.blocking.pay(order: order.id, paymentRef: "r", amountMinor: order.totalMinor, idempotencyKey: "p2"))
    }

    func testPayAfterTheWindowLapsed() throws {
        let engine = try makeEngine()
        let order = try placeOrder(engine)
        clock.advance(ms: 60_001)
        assertThrows(.expired, try engine.blocking.pay(order: order.id, paymentRef: "r", amountMinor: order.totalMinor, idempotencyKey: "p1"))
        let lapsed = try engine.blocking.order(order.id)
        XCTAssertEqual(lapsed.state, .cancelled)
        XCTAssertEqual(lapsed.cancelReason, .paymentLapsed)
        XCTAssertEqual(try engine.blocking.sku("cup").stockAvailable, 3)
    }

    // sc_engine_order_cancel
    func testCancel() throws {
        let engine = try makeEngine()
        let order = try placeOrder(engine)
        let cancelled = try engine.blocking.cancel(order: order.id)
        XCTAssertEqual(cancelled.state, .cancelled)
        XCTAssertEqual(cancelled.state.name, "cancelled")
        XCTAssertEqual(cancelled.cancelReason, .requested)
        XCTAssertEqual(try engine.blocking.sku("tea").stockAvailable, 12)
        XCTAssertEqual(try engine.blocking.cancel(order: order.id), cancelled, "a retry returns it unchanged")
    }

    func testCancelErrors() throws {
        let engine = try makeEngine()
        assertThrows(.notFound, try engine.blocking.cancel(order: "nope"))
        let order = try placeOrder(engine)
        try engine.blocking.pay(order: order.id, paymentRef: "r", amountMinor: order.totalMinor, idempotencyKey: "p1")
        assertThrows(.invalidState, try engine.blocking.cancel(order: order.id))
    }

    private func paidOrder(_ engine: SCEngine) throws -> SCOrder {
        let order = try placeOrder(engine)
        return try engine.blocking.pay(order: order.id, paymentRef: "r", amountMinor: order.totalMinor, idempotencyKey: "p-\(order.id)")
    }

    // sc_engine_order_refund_line, sc_order_refund_*, sc_order_line_refunded_*
    func testRefundLine() throws {
        let engine = try makeEngine()
        let order = try paidOrder(engine)
        let refunded = try engine.blocking.refundLine(order: order.id, lineIndex: 0, quantity: 1, idempotencyKey: "r1")
        XCTAssertEqual(refunded.state, .partiallyRefunded)
        XCTAssertEqual(refunded.lines[0].refundedQuantity, 1)
        XCTAssertEqual(refunded.lines[0].refundedAmountMinor, order.lines[0].netMinor / 2)
        XCTAssertEqual(refunded.refundedMinor, order.lines[0].netMinor / 2)
        XCTAssertEqual(refunded.refunds.count, 1)
        XCTAssertFalse(refunded.refunds[0].id.isEmpty)
        XCTAssertEqual(refunded.refunds[0].amountMinor, order.lines[0].netMinor / 2)
        let retry = try engine.blocking.refundLine(order: order.id, lineIndex: 0, quantity: 1, idempotencyKey: "r1")
        XCTAssertEqual(retry.refundedMinor, refunded.refundedMinor, "a retry refunds nothing more")
        // Refunding every unit returns exactly the line's net.
        let rest = try engine.blocking.refundLine(order: order.id, lineIndex: 0, quantity: 1, idempotencyKey: "r2")
        XCTAssertEqual(rest.lines[0].refundedAmountMinor, order.lines[0].netMinor)
    }

    func testRefundLineErrors() throws {
        let engine = try makeEngine()
        let unpaid = try placeOrder(engine, user: "u2", key: "co-2")
        assertThrows(.invalidState, try engine.blocking.refundLine(order: unpaid.id, lineIndex: 0, quantity: 1, idempotencyKey: "r0"))
        let order = try paidOrder(engine)
        assertThrows(.invalidArgument, try engine.blocking.refundLine(order: order.id, lineIndex: 9, quantity: 1, idempotencyKey: "r1"))
        assertThrows(.invalidArgument, field: "line_index", try engine.blocking.refundLine(order: order.id, lineIndex: -1, quantity: 1, idempotencyKey: "r1"))
        assertThrows(.invalidArgument, field: "quantity", try engine.blocking.refundLine(order: order.id, lineIndex: 0, quantity: 0, idempotencyKey: "r1"))
        assertThrows(.refundExceedsPaid, try engine.blocking.refundLine(order: order.id, lineIndex: 0, quantity: 3, idempotencyKey: "r1"))
        try engine.blocking.refundLine(order: order.id, lineIndex: 0, quantity: 2, idempotencyKey: "r1")
        assertThrows(.idempotencyConflict, try engine.blocking.refundLine(order: order.id, lineIndex: 1, quantity: 1, idempotencyKey: "r1"))
        assertThrows(.refundExceedsPaid, try engine.blocking.refundLine(order: order.id, lineIndex: 0, quantity: 1, idempotencyKey: "r2"))
        assertThrows(.notFound, try engine.blocking.refundLine(order: "nope", lineIndex: 0, quantity: 1, idempotencyKey: "r3"))
    }

    // sc_engine_order_refund_amount
    func testRefundAmount() throws {
        let engine = try makeEngine()
        let order = try paidOrder(engine)
        let part = try engine.blocking.refundAmount(order: order.id, amountMinor: 1001, idempotencyKey: "a1")
        XCTAssertEqual(part.state, .partiallyRefunded)
        XCTAssertEqual(part.refundedMinor, 1001)
        XCTAssertEqual(part.lines.map(\.refundedAmountMinor).reduce(0, +), 1001, "exact to the minor unit")
        let all = try engine.blocking.refundAmount(order: order.id, amountMinor: order.totalMinor - 1001, idempotencyKey: "a2")
        XCTAssertEqual(all.state, .refunded)
        XCTAssertEqual(all.refundedMinor, order.totalMinor)
        XCTAssertEqual(all.refunds.map(\.amountMinor), [1001, order.totalMinor - 1001])
        XCTAssertEqual(all.lines.map(\.refundedAmountMinor), all.lines.map(\.netMinor))
    }

    func testRefundAmountErrors() throws {
        let engine = try makeEngine()
        let order = try paidOrder(engine)
        assertThrows(.refundExceedsPaid, try engine.blocking.refundAmount(order: order.id, amountMinor: order.totalMinor + 1, idempotencyKey: "a1"))
        assertThrows(.invalidArgument, try engine.blocking.refundAmount(order: order.id, amountMinor: 0, idempotencyKey: "a1"))
        try engine.blocking.refundAmount(order: order.id, amountMinor: 100, idempotencyKey: "a1")
        assertThrows(.idempotencyConflict, try engine.blocking.refundAmount(order: order.id, amountMinor: 200, idempotencyKey: "a1"))
        let unpaid = try placeOrder(engine, user: "u2", key: "co-2")
        assertThrows(.invalidState, try engine.blocking.refundAmount(order: unpaid.id, amountMinor: 1, idempotencyKey: "a3"))
    }

    func testOrderStateNames() {
        XCTAssertEqual(SCOrderState.paid.name, "paid")
        let all: [SCOrderState] = [.created, .paid, .partiallyRefunded, .refunded, .cancelled]
        XCTAssertEqual(Set(all.map(\.name)).count, 5)
        XCTAssertFalse(all.map(\.name).contains("unknown"))
        XCTAssertEqual(SCOrderState.unknown(77).name, "unknown")
        XCTAssertEqual(SCOrderState(rawValue: 77), .unknown(77))
        XCTAssertEqual(SCCancelReason(rawValue: 9), .unknown(9))
    }
}
