import Foundation
import XCTest
@testable import SocialCart

/// close(), money values and dates: the Swift shapes over the C calls.
final class ShapeTests: SocialCartTestCase {
    func testCloseIsIdempotentAndLaterCallsThrowEngineClosed() async throws {
        let engine = try makeEngine()
        XCTAssertFalse(engine.isClosed)
        engine.close()
        engine.close()
        XCTAssertTrue(engine.isClosed)
        assertThrows(.engineClosed, try engine.blocking.catalog())
        assertThrows(.engineClosed, try engine.blocking.addToCart(user: "u1", sku: "tea"))
        await assertThrowsAsync(.engineClosed) { try await engine.cart(user: "u1") }
        do {
            _ = try engine.blocking.sku("tea")
            XCTFail("a call after close() succeeded")
        } catch let error as SCError {
            XCTAssertEqual(error.code.name, "SC_ENGINE_CLOSED")
            XCTAssertEqual(error.code.rawValue, -2)
            XCTAssertTrue(error.message.contains("closed"), error.message)
        }
    }

    func testCloseReleasesTheDatabaseForAnotherEngine() throws {
        let path = databasePath()
        let engine = try makeEngine(path: path)
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 2)
        engine.close()
        // The engine object is still referenced; its database is closed all the same.
        let reopened = try SCEngine.Blocking.open(path: path, options: options())
        XCTAssertEqual(try reopened.blocking.cart(user: "u1").lines.map(\.quantity), [2])
        withExtendedLifetime(engine) {}
    }

    func testCloseEndsEventStreams() async throws {
        let engine = try makeEngine()
        let stream = engine.events()
        try await engine.addToCart(user: "u1", sku: "tea")
        engine.close()
        var types: [String] = []
        for await event in stream { types.append(event.type) }  // ends: the engine closed
        XCTAssertEqual(types, ["cart.line_added"])
        var afterClose = 0
        for await _ in engine.events() { afterClose += 1 }  // a stream after close ends at once
        XCTAssertEqual(afterClose, 0)
    }

    func testCloseWaitsForCallsInFlight() async throws {
        let engine = try makeEngine()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<20 {
                group.addTask {
                    do {
                        try await engine.addToCart(user: "u\(i)", sku: "cake")
                    } catch let error as SCError where error.code == .engineClosed {
                        // Closed before this call started: the only failure allowed.
                    }
                }
            }
            group.addTask { engine.close() }
            try await group.waitForAll()
        }
        XCTAssertTrue(engine.isClosed)
    }

    func testMoneyCarriesItsCurrency() throws {
        let engine = try makeEngine()
        let tea = try engine.blocking.sku("tea")
        XCTAssertEqual(tea.listPrice, SCMoney(minorUnits: 6800, currency: "CNY"))
        XCTAssertEqual(try tea.listPrice.formatted(), "CNY 68.00")
        XCTAssertEqual("\(tea.listPrice)", "CNY 68.00")
        XCTAssertEqual("\(SCMoney(minorUnits: 5, currency: "XXX?"))", "5 XXX?")
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 2)
        let cart = try engine.blocking.cart(user: "u1")
        XCTAssertEqual(cart.lines[0].unitPrice, SCMoney(minorUnits: 6800, currency: "CNY"))
        let quote = try engine.blocking.quote(user: "u1")
        XCTAssertEqual(quote.total, SCMoney(minorUnits: 13600, currency: "CNY"))
        XCTAssertEqual(quote.lines[0].net.minorUnits, quote.lines[0].netMinor)
        let order = try engine.blocking.checkout(user: "u1", idempotencyKey: "k1")
        XCTAssertEqual(order.total, SCMoney(minorUnits: 13600, currency: "CNY"))
        XCTAssertEqual(order.lines[0].base.currency, "CNY")
        // An amount in another currency is refused before it reaches the library.
        assertThrows(
            .currencyMismatch, field: "amount",
            try engine.blocking.pay(
                order: order.id, paymentRef: "p", amount: SCMoney(minorUnits: 13600, currency: "USD"),
                idempotencyKey: "pay-usd"))
        XCTAssertEqual(try engine.blocking.order(order.id).state, .created)
        let paid = try engine.blocking.pay(order: order.id, paymentRef: "p", amount: order.total, idempotencyKey: "pay")
        XCTAssertEqual(paid.state, .paid)
        assertThrows(
            .currencyMismatch, field: "amount",
            try engine.blocking.refundAmount(
                order: order.id, amount: SCMoney(minorUnits: 100, currency: "JPY"), idempotencyKey: "r-jpy"))
        let refunded = try engine.blocking.refundAmount(
            order: order.id, amount: SCMoney(minorUnits: 100, currency: "CNY"), idempotencyKey: "r1")
        XCTAssertEqual(refunded.refunded, SCMoney(minorUnits: 100, currency: "CNY"))
        XCTAssertEqual(refunded.refunds[0].amount, SCMoney(minorUnits: 100, currency: "CNY"))
        XCTAssertEqual(refunded.refunds[0].lines[0].amount.currency, "CNY")
    }

    func testSkuFromMoney() throws {
        let engine = try makeEngine()
        var sku = SCSku(id: "yen", merchantId: "m", title: "Yen", listPrice: SCMoney(minorUnits: 1200, currency: "CNY"))
        XCTAssertEqual(sku.currency, "CNY")
        XCTAssertEqual(sku.listPriceMinor, 1200)
        sku.listPrice = SCMoney(minorUnits: 1300, currency: "CNY")
        try engine.blocking.putSku(sku)
        XCTAssertEqual(try engine.blocking.sku("yen").listPriceMinor, 1300)
    }

    func testTimesAreDates() async throws {
        let engine = try makeEngine()
        let start = clock.now
        try await engine.addToCart(user: "u1", sku: "tea")
        let order = try await engine.checkout(user: "u1", idempotencyKey: "k1")
        XCTAssertEqual(order.createdAt, Date(timeIntervalSince1970: Double(start) / 1000))
        XCTAssertEqual(order.payDeadline.timeIntervalSince(order.createdAt), 60, accuracy: 0.0005)
        XCTAssertNil(order.paidAt)
        clock.advance(ms: 1500)
        let paid = try await engine.pay(order: order.id, paymentRef: "p", amount: order.total, idempotencyKey: "p1")
        XCTAssertEqual(paid.paidAt?.timeIntervalSince(order.createdAt) ?? -1, 1.5, accuracy: 0.0005)
        let events = try await engine.readEvents()
        XCTAssertEqual(events.last?.time, paid.paidAt)
    }

    func testDurationOptions() throws {
        guard #available(macOS 13, iOS 16, tvOS 16, watchOS 9, *) else { throw XCTSkip("Duration needs macOS 13") }
        var options = options(paymentWindowMs: nil)
        XCTAssertNil(options.paymentWindow)
        options.paymentWindow = .seconds(90)
        options.eventRetention = .seconds(7200)
        options.idempotencyRetention = .milliseconds(3_600_000)
        options.busyTimeout = .milliseconds(250)
        XCTAssertEqual(options.paymentWindowMs, 90_000)
        XCTAssertEqual(options.eventRetentionMs, 7_200_000)
        XCTAssertEqual(options.idempotencyRetentionMs, 3_600_000)
        XCTAssertEqual(options.busyTimeoutMs, 250)
        XCTAssertEqual(options.paymentWindow, .seconds(90))
        let engine = try SCEngine.Blocking.open(path: databasePath(), options: options)
        try engine.blocking.importProgram(sampleProgram)
        try engine.blocking.addToCart(user: "u1", sku: "tea")
        let order = try engine.blocking.checkout(user: "u1", idempotencyKey: "k1")
        XCTAssertEqual(order.payDeadlineMs - order.createdAtMs, 90_000)
    }
}
