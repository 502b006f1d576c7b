import XCTest
@testable import SocialCart

final class EventTests: SocialCartTestCase {
    private func story(_ engine: SCEngine) throws -> SCOrder {
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 2)
        let order = try engine.blocking.checkout(user: "u1", idempotencyKey: "k1")
        clock.advance(ms: 500)
        return try engine.blocking.pay(order: order.id, paymentRef: "r", amountMinor: order.totalMinor, idempotencyKey: "p1")
    }

    /// The story with blocking calls, callable from an async test.
    private func storyAsync(_ engine: SCEngine) throws -> SCOrder { try story(engine) }

    // sc_engine_events_read and every sc_events_* accessor, sc_events_free
    func testReadEvents() throws {
        let engine = try makeEngine()
        let order = try story(engine)
        let events = try engine.blocking.readEvents(after: 0, limit: 10_000)
        XCTAssertFalse(events.isEmpty)
        XCTAssertEqual(events.map(\.seq), Array(1...Int64(events.count)), "gap-free from 1")
        let paid = try XCTUnwrap(events.first { $0.type == "order.paid" })
        XCTAssertEqual(paid.subjectId, order.id)
        XCTAssertEqual(paid.timeMs, clock.now)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(paid.payload.utf8)) as? [String: Any])
        XCTAssertEqual(paid.id, paid.seq)
        // Paging: continue from the last seq read.
        let first = try engine.blocking.readEvents(after: 0, limit: 2)
        XCTAssertEqual(first, Array(events.prefix(2)))
        let rest = try engine.blocking.readEvents(after: first.last!.seq, limit: 10_000)
        XCTAssertEqual(first + rest, events)
        XCTAssertEqual(try engine.blocking.readEvents(after: events.last!.seq), [])
    }

    func testReadEventsBadArguments() throws {
        let engine = try makeEngine()
        assertThrows(.invalidArgument, try engine.blocking.readEvents(after: 0, limit: 0))
        assertThrows(.invalidArgument, try engine.blocking.readEvents(after: 0, limit: 10_001))
        assertThrows(.invalidArgument, try engine.blocking.readEvents(after: -1, limit: 10))
        assertThrows(.invalidArgument, field: "limit", try engine.blocking.readEvents(after: 0, limit: -1))
    }

    // sc_engine_events_subscribe, sc_subscription_free: the stream sees what the log holds.
    func testEventStreamDeliversEachCallsEvents() async throws {
        let engine = try makeEngine()
        let before = try await engine.readEvents(after: 0, limit: 10_000).last?.seq ?? 0
        let stream = engine.events()
        _ = try storyAsync(engine)
        let logged = try await engine.readEvents(after: before, limit: 10_000)
        XCTAssertFalse(logged.isEmpty)
        var received: [SCEvent] = []
        var iterator = stream.makeAsyncIterator()
        while received.count < logged.count, let event = await iterator.next() {
            received.append(event)
        }
        XCTAssertEqual(received, logged)
    }

    func testStreamEndsWhenTheEngineCloses() async throws {
        var engine: SCEngine? = try makeEngine()
        let stream = engine!.events()
        XCTAssertEqual(engine!.streams.count, 1)
        try await engine!.addToCart(user: "u1", sku: "cake")
        engine = nil
        var types: [String] = []
        for await event in stream { types.append(event.type) }
        XCTAssertFalse(types.isEmpty, "buffered events are still delivered")
    }

    func testDroppingTheStreamFreesTheSubscription() throws {
        let engine = try makeEngine()
        let baseline = SCLibrary.liveObjectCount
        do {
            let stream = engine.events()
            XCTAssertEqual(SCLibrary.liveObjectCount, baseline + 1)
            _ = stream
        }
        XCTAssertEqual(SCLibrary.liveObjectCount, baseline)
        XCTAssertEqual(engine.streams.count, 0)
        try engine.blocking.addToCart(user: "u1", sku: "cake")  // no subscriber left to call
    }

    func testCancellingTheConsumerFreesTheSubscription() async throws {
        let engine = try makeEngine()
        let baseline = SCLibrary.liveObjectCount
        let stream = engine.events()
        let consumer = Task { () -> Int in
            var n = 0
            for await _ in stream { n += 1 }
            return n
        }
        try await engine.addToCart(user: "u1", sku: "cake")
        consumer.cancel()
        _ = await consumer.value
        XCTAssertEqual(SCLibrary.liveObjectCount, baseline)
        XCTAssertEqual(engine.streams.count, 0)
    }

    func testTwoStreamsBothReceive() async throws {
        let engine = try makeEngine()
        let a = engine.events()
        let b = engine.events()
        try await engine.addToCart(user: "u1", sku: "cake")
        var ia = a.makeAsyncIterator()
        var ib = b.makeAsyncIterator()
        let ea = await ia.next()
        let eb = await ib.next()
        XCTAssertNotNil(ea)
        XCTAssertEqual(ea, eb)
    }
}
