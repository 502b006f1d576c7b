import Foundation
import XCTest
@testable import SocialCart

/// Collects log lines from any thread.
final class LogCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [(SCLogLevel, String)] = []

    func add(_ level: SCLogLevel, _ message: String) {
        lock.lock()
        lines.append((level, message))
        lock.unlock()
    }

    var all: [(SCLogLevel, String)] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}

/// The read side: paged orders and catalog, an order by its checkout key, events by
/// type, refund records, and the log callback.
final class ReadSideTests: SocialCartTestCase {
    private func placeOrder(_ engine: SCEngine, user: String, key: String) throws -> SCOrder {
        try engine.blocking.addToCart(user: user, sku: "cake")
        return try engine.blocking.checkout(user: user, idempotencyKey: key)
    }

    // sc_engine_order_list_by_user, sc_orders_count/at/next_cursor/free
    func testOrdersPagedNewestFirstWithFilters() throws {
        let engine = try makeEngine()
        var placed: [SCOrder] = []
        for i in 0..<5 {
            clock.advance(ms: 1000)
            placed.append(try placeOrder(engine, user: "u1", key: "k\(i)"))
        }
        _ = try placeOrder(engine, user: "u2", key: "other")
        try engine.blocking.pay(order: placed[0].id, paymentRef: "r", amountMinor: placed[0].totalMinor, idempotencyKey: "p")
        try engine.blocking.cancel(order: placed[1].id)

        var seen: [SCOrder] = []
        var cursor: String? = nil
        var pages = 0
        repeat {
            let page = try engine.blocking.orders(user: "u1", cursor: cursor, limit: 2)
            XCTAssertLessThanOrEqual(page.items.count, 2)
            seen += page.items
            cursor = page.nextCursor
            pages += 1
            // An order placed between pages is newer than the cursor: never on a later page.
            if pages == 1 { _ = try placeOrder(engine, user: "u1", key: "late") }
        } while cursor != nil && pages < 10
        XCTAssertEqual(pages, 3)
        XCTAssertEqual(seen.map(\.id), placed.reversed().map(\.id))

        XCTAssertEqual(try engine.blocking.orders(user: "u1", state: .paid).items.map(\.id), [placed[0].id])
        XCTAssertEqual(try engine.blocking.orders(user: "u1", state: .cancelled).items.map(\.id), [placed[1].id])
        let window = try engine.blocking.orders(
            user: "u1", createdFromMs: placed[1].createdAtMs, createdBeforeMs: placed[3].createdAtMs)
        XCTAssertEqual(window.items.map(\.id), [placed[2].id, placed[1].id])
        XCTAssertNil(window.nextCursor)

        // Lapsed unpaid orders read as cancelled.
        clock.advance(ms: 60_000)
        XCTAssertEqual(try engine.blocking.orders(user: "u1", state: .created).items, [])
        XCTAssertEqual(try engine.blocking.orders(user: "u1", state: .cancelled, limit: 1000).items.count, 5)

        assertThrows(.invalidArgument, field: "cursor", try engine.blocking.orders(user: "u1", cursor: "nonsense"))
        let first = try engine.blocking.orders(user: "u1", limit: 1)
        XCTAssertNotNil(first.nextCursor)
        assertThrows(.invalidArgument, field: "cursor", try engine.blocking.orders(user: "u2", cursor: first.nextCursor))
        assertThrows(.invalidArgument, field: "limit", try engine.blocking.orders(user: "u1", limit: 0))
        assertThrows(.invalidArgument, field: "limit", try engine.blocking.orders(user: "u1", limit: 1001))
        assertThrows(.invalidArgument, field: "limit", try engine.blocking.orders(user: "u1", limit: -1))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.orders(user: ""))
        assertThrows(.invalidArgument, field: "to_ms", try engine.blocking.orders(user: "u1", createdFromMs: 5, createdBeforeMs: 4))
        assertThrows(.invalidArgument, field: "state", try engine.blocking.orders(user: "u1", state: .unknown(9)))
    }

    // sc_engine_catalog_list_by_merchant, sc_engine_catalog_list_by_category, sc_catalog_next_cursor
    func testCatalogPages() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 2)
        _ = try engine.blocking.checkout(user: "u1", idempotencyKey: "k")
        let first = try engine.blocking.catalog(merchant: "m1", limit: 2)
        XCTAssertEqual(first.items.map(\.id), ["cup", "kettle"])
        let second = try engine.blocking.catalog(merchant: "m1", cursor: first.nextCursor, limit: 2)
        XCTAssertEqual(second.items.map(\.id), ["tea"])
        XCTAssertNil(second.nextCursor)
        XCTAssertEqual(second.items[0].stockAvailable, try engine.blocking.sku("tea").stockAvailable)
        XCTAssertEqual(second.items[0].stockAvailable, 10)
        XCTAssertEqual(try engine.blocking.catalog(category: "gifts").items.map(\.id), ["tea"])
        XCTAssertEqual(try engine.blocking.catalog(category: "nothing").items, [])
        assertThrows(.invalidArgument, field: "cursor", try engine.blocking.catalog(category: "gifts", cursor: first.nextCursor))
        assertThrows(.invalidArgument, field: "merchant_id", try engine.blocking.catalog(merchant: ""))
        assertThrows(.invalidArgument, field: "limit", try engine.blocking.catalog(category: "gifts", limit: 0))
    }

    // sc_engine_order_get_by_checkout_key
    func testOrderByCheckoutKey() throws {
        let engine = try makeEngine()
        let order = try placeOrder(engine, user: "u1", key: "tap")
        XCTAssertEqual(try engine.blocking.order(checkoutKey: "tap", user: "u1"), order)
        clock.advance(ms: 60_000)
        let lapsed = try engine.blocking.order(checkoutKey: "tap", user: "u1")
        XCTAssertEqual(lapsed.state, .cancelled)
        XCTAssertEqual(lapsed.cancelReason, .paymentLapsed)
        assertThrows(.notFound, field: "idempotency_key", try engine.blocking.order(checkoutKey: "tap", user: "u2"))
        assertThrows(.notFound, field: "idempotency_key", try engine.blocking.order(checkoutKey: "other", user: "u1"))
        assertThrows(.invalidArgument, field: "idempotency_key", try engine.blocking.order(checkoutKey: "", user: "u1"))
    }

    // sc_engine_events_read_type, sc_engine_events_latest_seq
    func testEventsByTypeAndLatestSeq() throws {
        let engine = try makeEngine(program: nil)
        XCTAssertEqual(try engine.blocking.latestEventSeq(), 0)
        try engine.blocking.importProgram(sampleProgram)
        let all = try engine.blocking.readEvents()
        XCTAssertEqual(try engine.blocking.latestEventSeq(), all.last?.seq)
        let puts = try engine.blocking.readEvents(type: "sku.put")
        XCTAssertEqual(puts, all.filter { $0.type == "sku.put" })
        let paged = try engine.blocking.readEvents(type: "sku.put", after: puts[0].seq, limit: 1)
        XCTAssertEqual(paged, [puts[1]])
        XCTAssertEqual(try engine.blocking.readEvents(type: "no.such"), [])
        assertThrows(.invalidArgument, field: "type", try engine.blocking.readEvents(type: ""))
        assertThrows(.invalidArgument, field: "after_seq", try engine.blocking.readEvents(type: "sku.put", after: -1))
    }

    // sc_order_refund_time_ms and the sc_order_refund_line_* accessors
    func testRefundRecords() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 3)
        try engine.blocking.addToCart(user: "u1", sku: "cake")
        let order = try engine.blocking.checkout(user: "u1", idempotencyKey: "k")
        try engine.blocking.pay(order: order.id, paymentRef: "r", amountMinor: order.totalMinor, idempotencyKey: "p")
        clock.advance(ms: 1000)
        try engine.blocking.refundLine(order: order.id, lineIndex: 0, quantity: 2, idempotencyKey: "r1")
        clock.advance(ms: 1000)
        let refunded = try engine.blocking.refundAmount(order: order.id, amountMinor: 1001, idempotencyKey: "r2")
        XCTAssertEqual(refunded.refunds.count, 2)
        XCTAssertEqual(refunded.refunds[0].timeMs, clock.now - 1000)
        XCTAssertEqual(refunded.refunds[0].lines, [SCRefundLine(lineIndex: 0, quantity: 2, currency: "CNY", amountMinor: 13600)])
        XCTAssertEqual(refunded.refunds[1].timeMs, clock.now)
        XCTAssertEqual(refunded.refunds[1].lines.map(\.amountMinor).reduce(0, +), 1001)
        XCTAssertEqual(refunded.refunds[1].lines.map(\.quantity), [0, 0])
        for (index, line) in refunded.lines.enumerated() {
            let parts = refunded.refunds.flatMap(\.lines).filter { $0.lineIndex == index }
            XCTAssertEqual(parts.map(\.amountMinor).reduce(0, +), line.refundedAmountMinor)
        }
        XCTAssertEqual(try engine.blocking.order(order.id), refunded)
    }

    // sc_options_set_log, sc_options_set_log_level
    func testLogCallback() throws {
        let collector = LogCollector()
        let clock = self.clock!
        var options = SCEngineOptions(
            durability: .normal, paymentWindowMs: 60_000, clock: { clock.now },
            log: { level, message in collector.add(level, message) }, logLevel: .debug)
        do {
            let engine = try SCEngine.Blocking.open(path: databasePath(), options: options)
            try engine.blocking.importProgram(sampleProgram)
            _ = try placeOrder(engine, user: "shopper-1", key: "k1")
            _ = try placeOrder(engine, user: "shopper-2", key: "k2")
            clock.advance(ms: 60_000)
            XCTAssertEqual(try engine.blocking.sweep(maxOrders: 10).settled, 2)
        }
        XCTAssertEqual(collector.all.map(\.0), [.info])
        XCTAssertEqual(collector.all.map(\.1), ["settled 2 lapsed orders"])

        options.logLevel = .error
        let quiet = LogCollector()
        options.log = { level, message in quiet.add(level, message) }
        do {
            let engine = try SCEngine.Blocking.open(path: databasePath(), options: options)
            try engine.blocking.importProgram(sampleProgram)
            _ = try placeOrder(engine, user: "shopper-1", key: "k1")
            clock.advance(ms: 60_000)
            XCTAssertEqual(try engine.blocking.sweep(maxOrders: 10).settled, 1)
        }
        XCTAssertTrue(quiet.all.isEmpty)

        // A file that is not a database: the storage error is logged too.
        let bad = databasePath()
        try Data(String(repeating: "not a database ", count: 400).utf8).write(to: URL(fileURLWithPath: bad))
        let errors = LogCollector()
        options.log = { level, message in errors.add(level, message) }
        assertThrows(.storage, try SCEngine.Blocking.open(path: bad, options: options))
        XCTAssertEqual(errors.all.map(\.0), [.error])
    }

    func testAsyncReads() async throws {
        let engine = try makeEngine()
        try await engine.addToCart(user: "u1", sku: "cake")
        let order = try await engine.checkout(user: "u1", idempotencyKey: "k")
        let byKey = try await engine.order(checkoutKey: "k", user: "u1")
        XCTAssertEqual(byKey, order)
        let orders = try await engine.orders(user: "u1")
        XCTAssertEqual(orders.items, [order])
        let merchant = try await engine.catalog(merchant: "m2")
        XCTAssertEqual(merchant.items.map(\.id), ["cake"])
        let category = try await engine.catalog(category: "teaware")
        XCTAssertEqual(category.items.map(\.id), ["cup"])
        let created = try await engine.readEvents(type: "order.created")
        XCTAssertEqual(created.map(\.subjectId), [order.id])
        let latest = try await engine.latestEventSeq()
        let all = try await engine.readEvents()
        XCTAssertEqual(latest, all.last?.seq)
        await assertThrowsAsync(.invalidArgument, field: "cursor") { try await engine.orders(user: "u1", cursor: "x") }
    }
}
