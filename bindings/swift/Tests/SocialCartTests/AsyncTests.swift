import XCTest
@testable import SocialCart

/// The `async` overloads: each runs its blocking call off the caller's executor.
final class AsyncTests: SocialCartTestCase {
    func testEveryAsyncCall() async throws {
        let engine = try await SCEngine(path: databasePath(), options: options())
        try await engine.importProgram(sampleProgram)
        try await engine.putSku(SCSku(id: "mug", merchantId: "m", title: "Mug", currency: "CNY", listPriceMinor: 900, stock: 5))
        let mug = try await engine.sku("mug")
        XCTAssertEqual(mug.stockOnHand, 5)
        let catalog = try await engine.catalog()
        XCTAssertEqual(catalog.count, 5)
        let exported = try await engine.exportProgram()
        XCTAssertFalse(exported.isEmpty)
        try await engine.addToCart(user: "guest", sku: "tea", quantity: 1)
        try await engine.mergeCart(guest: "guest", into: "u1")
        try await engine.setCartQuantity(user: "u1", sku: "tea", quantity: 2)
        try await engine.addToCart(user: "u1", sku: "mug")
        try await engine.selectCartLine(user: "u1", sku: "mug", selected: false)
        try await engine.removeFromCart(user: "u1", sku: "mug")
        let cart = try await engine.cart(user: "u1")
        XCTAssertEqual(cart.lines.map(\.quantity), [2])
        let quote = try await engine.quote(user: "u1")
        XCTAssertEqual(quote.subtotalMinor, 13600)
        let order = try await engine.checkout(user: "u1", idempotencyKey: "k1")
        let read = try await engine.order(order.id)
        XCTAssertEqual(read, order)
        let paid = try await engine.pay(order: order.id, paymentRef: "r", amountMinor: order.totalMinor, idempotencyKey: "p1")
        XCTAssertEqual(paid.state, .paid)
        try await engine.refundLine(order: order.id, lineIndex: 0, quantity: 1, idempotencyKey: "r1")
        let refunded = try await engine.refundAmount(order: order.id, amountMinor: 1, idempotencyKey: "r2")
        XCTAssertEqual(refunded.refunds.count, 2)
        try await engine.addToCart(user: "u2", sku: "cake")
        let second = try await engine.checkout(user: "u2", idempotencyKey: "k2")
        let cancelled = try await engine.cancel(order: second.id)
        XCTAssertEqual(cancelled.state, .cancelled)
        try await engine.clearCart(user: "u1")
        let swept = try await engine.sweep(maxOrders: 10)
        XCTAssertEqual(swept, SCSweepResult(settled: 0, more: false))
        let compacted = try await engine.compact(maxRows: 10)
        XCTAssertEqual(compacted, SCCompactResult(eventsRemoved: 0, idempotencyRemoved: 0, more: false))
        let events = try await engine.readEvents(after: 0, limit: 100)
        XCTAssertTrue(events.contains { $0.type == "order.paid" })
    }

    func testAsyncErrorsMap() async throws {
        await assertThrowsAsync(.invalidArgument) {
            try await SCEngine(path: self.databasePath(), options: SCEngineOptions(paymentWindowMs: 1))
        }
        let engine = try await SCEngine(path: databasePath(), options: options())
        try await engine.importProgram(sampleProgram)
        await assertThrowsAsync(.invalidArgument, field: "quantity") {
            try await engine.addToCart(user: "u1", sku: "tea", quantity: 0)
        }
        await assertThrowsAsync(.notFound, field: "sku_id") { try await engine.sku("nope") }
        await assertThrowsAsync(.cartEmpty) { try await engine.checkout(user: "u1", idempotencyKey: "k") }
        await assertThrowsAsync(.validation) { try await engine.importProgram("{}") }
        await assertThrowsAsync(.invalidArgument) { try await engine.readEvents(after: 0, limit: 0) }
        await assertThrowsAsync(.invalidArgument, field: "max_orders") { try await engine.sweep(maxOrders: 0) }
        await assertThrowsAsync(.invalidArgument, field: "max_rows") { try await engine.compact(maxRows: 0) }
        await assertThrowsAsync(.currencyMismatch) {
            try await engine.putSku(SCSku(id: "u", merchantId: "m", title: "U", currency: "USD", listPriceMinor: 1))
        }
        await assertThrowsAsync(.invalidArgument, field: "quantity") {
            try await engine.setCartQuantity(user: "u1", sku: "tea", quantity: 0)
        }
        await assertThrowsAsync(.notFound) { try await engine.removeFromCart(user: "u1", sku: "tea") }
        await assertThrowsAsync(.notFound) { try await engine.selectCartLine(user: "u1", sku: "tea") }
        await assertThrowsAsync(.invalidArgument) { try await engine.clearCart(user: "") }
        await assertThrowsAsync(.invalidArgument) { try await engine.mergeCart(guest: "u1", into: "u1") }
        await assertThrowsAsync(.invalidArgument) { try await engine.cart(user: "") }
        await assertThrowsAsync(.invalidArgument) { try await engine.quote(user: "") }
        await assertThrowsAsync(.notFound) { try await engine.order("nope") }
        await assertThrowsAsync(.notFound) { try await engine.cancel(order: "nope") }
        try await engine.addToCart(user: "u1", sku: "tea", quantity: 1)
        let order = try await engine.checkout(user: "u1", idempotencyKey: "k")
        await assertThrowsAsync(.amountMismatch) {
            try await engine.pay(order: order.id, paymentRef: "r", amountMinor: 1, idempotencyKey: "p")
        }
        await assertThrowsAsync(.invalidState) {
            try await engine.refundLine(order: order.id, lineIndex: 0, quantity: 1, idempotencyKey: "r")
        }
        await assertThrowsAsync(.invalidState) {
            try await engine.refundAmount(order: order.id, amountMinor: 1, idempotencyKey: "r")
        }
    }

    /// Many tasks on one engine at once (the engine is thread-safe).
    func testConcurrentCalls() async throws {
        let engine = try await SCEngine(path: databasePath(), options: options())
        try await engine.importProgram(sampleProgram)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<8 {
                group.addTask { try await engine.addToCart(user: "user\(i)", sku: "cake", quantity: Int64(i + 1)) }
            }
            try await group.waitForAll()
        }
        for i in 0..<8 {
            let cart = try await engine.cart(user: "user\(i)")
            XCTAssertEqual(cart.lines.first?.quantity, Int64(i + 1))
        }
    }
}
