import XCTest
@testable import SocialCart

/// Points through the binding (socialcart/points.h, docs/points.md), with the figures of
/// tests/c/test_points.c worked out by hand: the program, adjustments (one by one and in
/// batches) and their retries, points paying at checkout (held, committed, released,
/// lapsed), points earned pending then vesting, reversal and return on refunds, debt,
/// sign-in streaks, activities under a daily cap, history pages and the report. Every
/// refused call is checked to change nothing.
final class PointsTests: SocialCartTestCase {
    private let day: Int64 = 86_400_000
    /// 2028-01-01T00:00:00Z: the end of the year after 2026, when 2026's lots expire.
    private let endOf2027Ms: Int64 = 1_830_297_600_000

    /// Tea 68.00 (m1), cake 128.00 (m2); shipping 8.00, free over 150.00 (goods after discounts).
    private static let shop = """
        {"format":"socialcart.program/1","currency":"CNY","skus":[
         {"id":"tea","merchant_id":"m1","title":"Tea","list_price":6800,"stock":50},
         {"id":"cake","merchant_id":"m2","title":"Cake","list_price":12800}],
         "shipping_rules":[{"merchant_id":"","flat_fee":800,"free_over":15000}]}
        """

    /// 1 point per 1.00 paid; 100 points pay 1.00, in units of 100, for at most 50% of the
    /// goods; lots expire at the end of the next year; order points are pending for 7 days;
    /// sign-in 5, 10, 20; shares 5 points, twice a day.
    private static let program = """
        {"earn":{"points":1,"per_amount":100},
         "redeem":{"points":100,"amount":100,"unit":100,"max_share_bps":5000},
         "expiry":{"mode":"end_of_year","periods":1},"return_window_days":7,
         "sign_in":[5,10,20],"activities":[{"name":"share","points":5,"daily_cap":2}]}
        """

    private func pointsEngine() throws -> SCEngine {
        let engine = try makeEngine(program: Self.shop)
        try engine.blocking.putPointsProgram(json: Self.program)
        return engine
    }

    private func assertBalance(
        _ engine: SCEngine, _ user: String, available: Int64, pending: Int64 = 0, held: Int64 = 0, debt: Int64 = 0,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let balance = try engine.blocking.pointsBalance(user: user)
        XCTAssertEqual(
            balance,
            SCPointsBalance(
                available: available, pending: pending, held: held, debt: debt,
                total: available + pending + held - debt),
            file: file, line: line)
    }

    /// Checks out the cart with the points asked for and pays the total.
    @discardableResult
    private func buy(_ engine: SCEngine, _ user: String, _ points: SCPointsUse, key: String) throws -> SCOrder {
        let order = try engine.blocking.checkout(user: user, request: SCCheckoutRequest(points: points), idempotencyKey: key)
        let paid = try engine.blocking.pay(order: order.id, paymentRef: "psp-1", amount: order.total, idempotencyKey: "pay-\(key)")
        XCTAssertEqual(paid.state, .paid)
        return paid
    }

    /// What a refused call must leave as it was.
    private struct Snapshot: Equatable {
        var balances: [SCPointsBalance]
        var history: [SCPointsEntry]
        var lots: [SCPointsLot]
        var lastEvent: Int64
        var program: String
    }

    private func snapshot(_ engine: SCEngine) throws -> Snapshot {
        Snapshot(
            balances: try ["u1", "u2"].map { try engine.blocking.pointsBalance(user: $0) },
            history: try engine.blocking.pointsHistory(user: "u1", limit: 1000).items,
            lots: try engine.blocking.pointsLots(user: "u1"),
            lastEvent: try engine.blocking.latestEventSeq(),
            program: try engine.blocking.exportProgram())
    }

    func testEntryKindNames() {
        let kinds: [SCPointsEntryKind] = [.earn, .spend, .hold, .release, .commit, .expire, .reverse, .return, .adjust]
        XCTAssertEqual(
            kinds.map(\.name),
            ["earn", "spend", "hold", "release", "commit", "expire", "reverse", "return", "adjust"])
        XCTAssertEqual(kinds.map(\.description), kinds.map(\.name))
        XCTAssertEqual(SCPointsEntryKind.unknown(0).name, "unknown")
        XCTAssertEqual(SCPointsEntryKind.unknown(99).name, "unknown")
        XCTAssertEqual(SCPointsEntryKind(rawValue: 8), .return)
        XCTAssertEqual(SCPointsEntryKind(rawValue: 42), .unknown(42))
        XCTAssertEqual(SCCheckoutRequest().points, .none)
        XCTAssertEqual(SCAdjustment.Kind(rawValue: "points"), .points)
        XCTAssertEqual(SCAdjustment.Kind.points.rawValue, "points")
    }

    func testProgramValidation() async throws {
        let engine = try pointsEngine()
        // The program is part of the exported document, and putting it again logs nothing.
        XCTAssertTrue(try engine.blocking.exportProgram().contains("\"max_share_bps\": 5000"))
        let before = try snapshot(engine)
        try engine.blocking.putPointsProgram(json: Self.program)
        XCTAssertEqual(try snapshot(engine), before)

        for (json, field) in [
            (#"{"redeem":{"max_share_bps":10001}}"#, "redeem.max_share_bps"),
            // 3 points pay 1 fen: a unit of 1 point would be worth a third of a fen.
            (#"{"redeem":{"points":3,"amount":1,"unit":1}}"#, "redeem.unit"),
            (#"{"bonus":1}"#, "bonus"),
            (#"{"expiry":{"mode":"weekly"}}"#, "expiry.mode"),
            (#"{"activities":[{"name":"a","points":1},{"name":"a","points":2}]}"#, "activities[1].name"),
            (#"{"sign_in":[-1]}"#, "sign_in[0]"),
        ] {
            assertThrows(.validation, field: field, try engine.blocking.putPointsProgram(json: json))
        }
        assertThrows(.validation, try engine.blocking.putPointsProgram(json: "{not json"))
        assertThrows(.invalidArgument, field: "json", try engine.blocking.putPointsProgram(json: "{\u{0}}"))
        await assertThrowsAsync(.validation, field: "redeem.max_share_bps") {
            try await engine.putPointsProgram(json: #"{"redeem":{"max_share_bps":10001}}"#)
        }
        XCTAssertEqual(try snapshot(engine), before)
    }

    func testAdjustAndItsRetries() async throws {
        let engine = try pointsEngine()
        let t0 = clock.now
        // A welcome bonus: a new lot, available at once, expiring with the program's mode.
        let entry = try await engine.adjustPoints(user: "u1", points: 1000, reason: "welcome", idempotencyKey: "adj-1")
        XCTAssertEqual(entry.seq, 1)
        XCTAssertEqual(entry.kind, .adjust)
        XCTAssertEqual(entry.points, 1000)
        XCTAssertEqual(entry.effect, 1000)
        XCTAssertEqual(entry.reason, "welcome")
        XCTAssertEqual(entry.reference, "operator")
        XCTAssertEqual(entry.atMs, t0)
        XCTAssertEqual(entry.time, Date(timeIntervalSince1970: Double(t0) / 1000))
        XCTAssertEqual(entry.vestsAtMs, 0)
        XCTAssertNil(entry.vestsAt)
        XCTAssertEqual(try engine.blocking.readEvents(type: "points.adjusted").count, 1)

        // A retry returns the same entry and appends nothing.
        let events = try await engine.latestEventSeq()
        clock.advance(ms: 5_000)
        let again = try await engine.adjustPoints(user: "u1", points: 1000, reason: "welcome", idempotencyKey: "adj-1")
        XCTAssertEqual(again, entry)
        let eventsAfterRetry = try await engine.latestEventSeq()
        XCTAssertEqual(eventsAfterRetry, events)
        try assertBalance(engine, "u1", available: 1000)

        let lots = try await engine.pointsLots(user: "u1")
        XCTAssertEqual(lots, [
            SCPointsLot(id: 1, earned: 1000, free: 1000, held: 0, earnedAtMs: t0, vestsAtMs: t0, expiresAtMs: endOf2027Ms),
        ])
        XCTAssertEqual(lots[0].expiresAt, Date(timeIntervalSince1970: Double(endOf2027Ms) / 1000))
        XCTAssertEqual(lots[0].vestsAt, lots[0].earnedAt)

        // Refused, and nothing changes.
        let before = try snapshot(engine)
        assertThrows(.idempotencyConflict, field: "idempotency_key", try engine.blocking.adjustPoints(
            user: "u1", points: 999, reason: "welcome", idempotencyKey: "adj-1"))
        assertThrows(.invalidArgument, field: "points", try engine.blocking.adjustPoints(
            user: "u1", points: 0, reason: "nothing", idempotencyKey: "adj-2"))
        // A debit never goes beyond the available points.
        assertThrows(.invalidArgument, field: "points", try engine.blocking.adjustPoints(
            user: "u1", points: -1001, reason: "too much", idempotencyKey: "adj-3"))
        assertThrows(.invalidArgument, field: "reason", try engine.blocking.adjustPoints(
            user: "u1", points: 5, reason: "", idempotencyKey: "adj-4"))
        assertThrows(.invalidArgument, field: "reason", try engine.blocking.adjustPoints(
            user: "u1", points: 5, reason: "a\u{0}b", idempotencyKey: "adj-4"))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.adjustPoints(
            user: "", points: 5, reason: "x", idempotencyKey: "adj-4"))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.adjustPoints(
            user: "u\u{0}1", points: 5, reason: "x", idempotencyKey: "adj-4"))
        assertThrows(.invalidArgument, field: "idempotency_key", try engine.blocking.adjustPoints(
            user: "u1", points: 5, reason: "x", idempotencyKey: ""))
        await assertThrowsAsync(.overflow) {
            try await engine.adjustPoints(user: "u1", points: .max, reason: "x", idempotencyKey: "adj-5")
        }
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.pointsLots(user: ""))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.pointsBalance(user: ""))
        XCTAssertEqual(try snapshot(engine), before)

        // A debit takes from the lot.
        let debit = try engine.blocking.adjustPoints(user: "u1", points: -200, reason: "correction", idempotencyKey: "adj-6")
        XCTAssertEqual(debit.points, -200)
        XCTAssertEqual(debit.effect, -200)
        try assertBalance(engine, "u1", available: 800)
        XCTAssertEqual(try engine.blocking.pointsLots(user: "u1").map(\.free), [800])
        // A member with no entries has a zero balance and no lots.
        try assertBalance(engine, "nobody", available: 0)
        XCTAssertEqual(try engine.blocking.pointsLots(user: "nobody"), [])
    }

    func testAdjustInBatches() async throws {
        let engine = try pointsEngine()
        // Three corrections, two members, applied in one call.
        let batch = [
            SCPointsAdjustment(user: "u1", points: 100, reason: "anniversary", idempotencyKey: "b-1"),
            SCPointsAdjustment(user: "u2", points: 50, reason: "anniversary", idempotencyKey: "b-2"),
            SCPointsAdjustment(user: "u1", points: -30, reason: "correction", idempotencyKey: "b-3"),
        ]
        var events = try engine.blocking.latestEventSeq()
        let appended = try await engine.adjustPointsBatch(batch)
        XCTAssertEqual(appended, 3)
        try assertBalance(engine, "u1", available: 70)
        try assertBalance(engine, "u2", available: 50)
        XCTAssertEqual(try engine.blocking.readEvents(type: "points.adjusted", after: events).count, 3)
        XCTAssertEqual(try engine.blocking.pointsHistory(user: "u1").items.map(\.points), [-30, 100])
        XCTAssertEqual(try engine.blocking.pointsHistory(user: "u1").items.map(\.reason), ["correction", "anniversary"])

        // Retried, it appends nothing; and it shares its keys with the single call.
        events = try engine.blocking.latestEventSeq()
        XCTAssertEqual(try engine.blocking.adjustPointsBatch(batch), 0)
        let replayed = try engine.blocking.adjustPoints(user: "u2", points: 50, reason: "anniversary", idempotencyKey: "b-2")
        XCTAssertEqual(replayed.seq, 1)
        XCTAssertEqual(try engine.blocking.latestEventSeq(), events)
        try assertBalance(engine, "u1", available: 70)

        // Two items with one key and the same correction make one entry.
        let twice = SCPointsAdjustment(user: "u2", points: 5, reason: "twice", idempotencyKey: "b-4")
        XCTAssertEqual(try engine.blocking.adjustPointsBatch([twice, twice]), 1)
        try assertBalance(engine, "u2", available: 55)

        // One refused item refuses the batch, and nothing of it lands: not even the items before it.
        let before = try snapshot(engine)
        assertThrows(.invalidArgument, field: "items[1].points", try engine.blocking.adjustPointsBatch([
            SCPointsAdjustment(user: "u1", points: 10, reason: "fine", idempotencyKey: "b-5"),
            SCPointsAdjustment(user: "u2", points: -56, reason: "too much", idempotencyKey: "b-6"),
        ]))
        await assertThrowsAsync(.idempotencyConflict, field: "items[0].idempotency_key") {
            try await engine.adjustPointsBatch([
                SCPointsAdjustment(user: "u1", points: 99, reason: "anniversary", idempotencyKey: "b-1"),
            ])
        }
        assertThrows(.invalidArgument, field: "items", try engine.blocking.adjustPointsBatch([]))
        // Items the C batch refuses as they are added name the item too.
        let fine = SCPointsAdjustment(user: "u1", points: 1, reason: "x", idempotencyKey: "k")
        for (bad, field) in [
            (SCPointsAdjustment(user: "u1", points: 0, reason: "x", idempotencyKey: "k"), "items[1].points"),
            (SCPointsAdjustment(user: "", points: 1, reason: "x", idempotencyKey: "k"), "items[1].user_id"),
            (SCPointsAdjustment(user: "u1", points: 1, reason: "", idempotencyKey: "k"), "items[1].reason"),
            (SCPointsAdjustment(user: "u1", points: 1, reason: "x", idempotencyKey: ""), "items[1].idempotency_key"),
            (SCPointsAdjustment(user: "u\u{0}1", points: 1, reason: "x", idempotencyKey: "k"), "items[1].user_id"),
            (SCPointsAdjustment(user: "u1", points: 1, reason: "a\u{0}b", idempotencyKey: "k"), "items[1].reason"),
            (SCPointsAdjustment(user: "u1", points: 1, reason: "x", idempotencyKey: "k\u{0}"), "items[1].idempotency_key"),
        ] {
            assertThrows(.invalidArgument, field: field, try engine.blocking.adjustPointsBatch([fine, bad]))
        }
        // At most SC_POINTS_BATCH_MAX (10 000) items.
        let tooMany = (0...10_000).map {
            SCPointsAdjustment(user: "u1", points: 1, reason: "x", idempotencyKey: "k-\($0)")
        }
        assertThrows(.limitExceeded, field: "items", try engine.blocking.adjustPointsBatch(tooMany))
        XCTAssertEqual(try snapshot(engine), before)
    }

    func testExchangePointsForACoupon() async throws {
        let engine = try pointsEngine()
        // A 10.00 voucher for 500 points, two per member; a claimable template is not for sale.
        try engine.blocking.putCouponTemplate(json: """
            {"id":"v10","title":"10 off for 500 points","kind":"fixed_amount","value":1000,
             "issue_mode":"points","points_cost":500,"per_user_limit":2,
             "validity":{"kind":"days_from_claim","days":30}}
            """)
        try engine.blocking.putCouponTemplate(json: """
            {"id":"free5","title":"5 off","kind":"fixed_amount","value":500,
             "validity":{"kind":"days_from_claim","days":30}}
            """)
        try engine.blocking.adjustPoints(user: "u1", points: 1200, reason: "welcome", idempotencyKey: "adj-1")

        // 1200 - 500, the spend naming the coupon it bought.
        let coupon = try await engine.exchangePoints(user: "u1", template: "v10", idempotencyKey: "ex-1")
        XCTAssertEqual(coupon.templateId, "v10")
        XCTAssertEqual(coupon.ownerId, "u1")
        XCTAssertEqual(coupon.state, .available)
        try assertBalance(engine, "u1", available: 700)
        let newest = try engine.blocking.pointsHistory(user: "u1", limit: 1).items
        XCTAssertEqual(newest.map(\.kind), [.spend])
        XCTAssertEqual(newest.map(\.points), [500])
        XCTAssertEqual(newest.map(\.reference), ["coupon:\(coupon.code)"])

        // A retry returns the same coupon and spends nothing more.
        let again = try engine.blocking.exchangePoints(user: "u1", template: "v10", idempotencyKey: "ex-1")
        XCTAssertEqual(again.code, coupon.code)
        try assertBalance(engine, "u1", available: 700)

        // The second leaves 200; then refusals change nothing.
        _ = try engine.blocking.exchangePoints(user: "u1", template: "v10", idempotencyKey: "ex-2")
        try assertBalance(engine, "u1", available: 200)
        let before = try snapshot(engine)
        assertThrows(.limitExceeded, field: "user_id",
                     try engine.blocking.exchangePoints(user: "u1", template: "v10", idempotencyKey: "ex-3"))
        assertThrows(.invalidArgument, field: "points",
                     try engine.blocking.exchangePoints(user: "u2", template: "v10", idempotencyKey: "ex-4"))
        assertThrows(.invalidState, field: "template_id",
                     try engine.blocking.exchangePoints(user: "u1", template: "free5", idempotencyKey: "ex-5"))
        assertThrows(.notFound, field: "template_id",
                     try engine.blocking.exchangePoints(user: "u1", template: "nope", idempotencyKey: "ex-6"))
        assertThrows(.invalidArgument, field: "user_id",
                     try engine.blocking.exchangePoints(user: "", template: "v10", idempotencyKey: "ex-7"))
        XCTAssertEqual(try snapshot(engine), before)
        XCTAssertEqual(try engine.blocking.coupons(user: "u1").count, 2)
    }

    func testPointsPayAtCheckout() throws {
        let engine = try pointsEngine()
        let t0 = clock.now
        try engine.blocking.adjustPoints(user: "u1", points: 1000, reason: "welcome", idempotencyKey: "adj-1")
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 2)

        // Goods 136.00, below the 150.00 free-shipping threshold: shipping 8.00. The cap is
        // 50% of 136.00 = 68.00 = 6800 points, so the 1000 available points bound it.
        // 500 points pay 5.00: total 136.00 - 5.00 + 8.00 = 139.00, which earns 131 points.
        let request = SCCheckoutRequest(points: .exactly(500))
        let quote = try engine.blocking.quote(user: "u1", request: request)
        XCTAssertEqual(quote.pointsMax, 1000)
        XCTAssertEqual(quote.pointsUsed, 500)
        XCTAssertEqual(quote.pointsAmountMinor, 500)
        XCTAssertEqual(quote.pointsAmount, SCMoney(minorUnits: 500, currency: "CNY"))
        XCTAssertEqual(quote.discountMinor, 0)
        XCTAssertEqual(quote.shippingMinor, 800)
        XCTAssertEqual(quote.totalMinor, 13_900)
        XCTAssertEqual(quote.savedMinor, 0)
        XCTAssertEqual(quote.pointsToEarn, 131)
        XCTAssertEqual(quote.lines.count, 1)
        XCTAssertEqual(quote.lines[0].adjustments, [
            SCAdjustment(kind: .points, source: "points", currency: "CNY", amountMinor: 500),
        ])
        XCTAssertEqual(quote.lines[0].netMinor, 13_100)
        XCTAssertEqual(quote.merchants.map(\.pointsAmountMinor), [500])
        XCTAssertEqual(quote.merchants.map(\.pointsAmount), [SCMoney(minorUnits: 500, currency: "CNY")])
        XCTAssertEqual(quote.merchants.map(\.totalMinor), [13_900])
        // Without points: the maximum is still shown, nothing is used.
        let plain = try engine.blocking.quote(user: "u1")
        XCTAssertEqual(plain.pointsMax, 1000)
        XCTAssertEqual(plain.pointsUsed, 0)
        XCTAssertEqual(plain.pointsAmountMinor, 0)
        XCTAssertEqual(plain.totalMinor, 14_400)
        XCTAssertEqual(plain.pointsToEarn, 136)

        // Whole units only, never beyond the maximum, never negative; nothing changes.
        let before = try snapshot(engine)
        assertThrows(.invalidArgument, field: "points", try engine.blocking.quote(
            user: "u1", request: SCCheckoutRequest(points: .exactly(550))))
        assertThrows(.invalidArgument, field: "points", try engine.blocking.checkout(
            user: "u1", request: SCCheckoutRequest(points: .exactly(1100)), idempotencyKey: "co-bad"))
        assertThrows(.invalidArgument, field: "points", try engine.blocking.quote(
            user: "u1", request: SCCheckoutRequest(points: .exactly(-1))))
        assertThrows(.invalidArgument, field: "points", try engine.blocking.checkout(
            user: "u1", request: SCCheckoutRequest(points: .exactly(-100)), idempotencyKey: "co-bad"))
        XCTAssertEqual(try snapshot(engine), before)
        XCTAssertEqual(try engine.blocking.cart(user: "u1").lines.map(\.quantity), [2])

        // "Most" is the maximum.
        let most = try engine.blocking.quote(user: "u1", request: SCCheckoutRequest(points: .most))
        XCTAssertEqual(most.pointsUsed, 1000)
        XCTAssertEqual(most.totalMinor, 13_600 - 1_000 + 800)
        XCTAssertEqual(most.pointsToEarn, 126)

        // Checkout holds the 500 points; the order keeps what they pay.
        let order = try engine.blocking.checkout(user: "u1", request: request, idempotencyKey: "co-1")
        XCTAssertEqual(order.pointsUsed, 500)
        XCTAssertEqual(order.pointsAmountMinor, 500)
        XCTAssertEqual(order.pointsAmount, SCMoney(minorUnits: 500, currency: "CNY"))
        XCTAssertEqual(order.totalMinor, 13_900)
        XCTAssertEqual(order.pointsEarned, 0)
        XCTAssertEqual(order.merchants.map(\.pointsAmountMinor), [500])
        XCTAssertEqual(order.lines[0].adjustments.map(\.kind), [.points])
        try assertBalance(engine, "u1", available: 500, held: 500)
        XCTAssertEqual(try engine.blocking.pointsLots(user: "u1").map { [$0.free, $0.held] }, [[500, 500]])
        // The retried checkout is the same order and holds nothing more.
        XCTAssertEqual(try engine.blocking.checkout(user: "u1", request: request, idempotencyKey: "co-1").id, order.id)
        try assertBalance(engine, "u1", available: 500, held: 500)

        // Payment spends them and earns 131 points, pending for the 7-day return window.
        clock.advance(ms: 1000)
        let paid = try engine.blocking.pay(order: order.id, paymentRef: "psp-1", amountMinor: 13_900, idempotencyKey: "pay-1")
        XCTAssertEqual(paid.pointsEarned, 131)
        XCTAssertEqual(paid.pointsUsed, 500)
        XCTAssertEqual(try engine.blocking.order(order.id).pointsEarned, 131)
        try assertBalance(engine, "u1", available: 500, pending: 131)
        let page = try engine.blocking.pointsHistory(user: "u1", limit: 10)
        XCTAssertNil(page.nextCursor)
        XCTAssertEqual(page.items.map(\.kind), [.earn, .commit, .hold, .adjust])
        XCTAssertEqual(page.items.map(\.seq), [4, 3, 2, 1])
        XCTAssertEqual(page.items.map(\.effect), [131, -500, 0, 1000])
        XCTAssertEqual(page.items.map(\.points), [131, 500, 500, 1000])
        let earn = page.items[0]
        XCTAssertEqual(earn.reference, "order:\(order.id)")
        XCTAssertEqual(earn.atMs, t0 + 1000)
        XCTAssertEqual(earn.vestsAtMs, t0 + 1000 + 7 * day)
        XCTAssertEqual(earn.vestsAt, Date(timeIntervalSince1970: Double(t0 + 1000 + 7 * day) / 1000))
        XCTAssertEqual(earn.reason, "")
        XCTAssertEqual(page.items[1].reference, "order:\(order.id)")
        let lots = try engine.blocking.pointsLots(user: "u1")
        XCTAssertEqual(lots.map(\.id), [1, 4])
        XCTAssertEqual(lots.map(\.free), [500, 131])
        XCTAssertEqual(lots[1].vestsAtMs, t0 + 1000 + 7 * day)
        XCTAssertEqual(lots[1].expiresAtMs, endOf2027Ms)

        // Refund one tea of two: the line paid 131.00 in money, so half is 65.50. It takes
        // back floor(131 x 6550 / 13100) = 65 earned points and gives back
        // floor(500 x 6550 / 13100) = 250 spent points, into the lot they came from.
        let refunded = try engine.blocking.refundLine(order: order.id, lineIndex: 0, quantity: 1, idempotencyKey: "rf-1")
        XCTAssertEqual(refunded.refundedMinor, 6_550)
        try assertBalance(engine, "u1", available: 750, pending: 66)
        let newest = try engine.blocking.pointsHistory(user: "u1", limit: 2).items
        XCTAssertEqual(Set(newest.map(\.kind)), [.reverse, .return])
        XCTAssertEqual(newest.first { $0.kind == .reverse }?.effect, -65)
        XCTAssertEqual(newest.first { $0.kind == .return }?.effect, 250)
        XCTAssertEqual(Set(newest.map(\.reference)), ["refund:\(refunded.refunds[0].id)"])
        // Retried, nothing moves twice.
        try engine.blocking.refundLine(order: order.id, lineIndex: 0, quantity: 1, idempotencyKey: "rf-1")
        try assertBalance(engine, "u1", available: 750, pending: 66)

        // After the return window the rest of the earned lot vests.
        clock.advance(ms: 7 * day)
        try assertBalance(engine, "u1", available: 816)
        // The full refund takes back the other 66 and returns the other 250.
        let full = try engine.blocking.refundLine(order: order.id, lineIndex: 0, quantity: 1, idempotencyKey: "rf-2")
        XCTAssertEqual(full.state, .refunded)
        try assertBalance(engine, "u1", available: 1000)
    }

    func testCancelReleasesAndLapseFrees() async throws {
        let engine = try pointsEngine()
        try engine.blocking.adjustPoints(user: "u1", points: 1000, reason: "welcome", idempotencyKey: "adj-1")
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 2)
        let most = SCCheckoutRequest(points: .most)
        let order = try await engine.checkout(user: "u1", request: most, idempotencyKey: "co-1")
        XCTAssertEqual(order.pointsUsed, 1000)
        try assertBalance(engine, "u1", available: 0, held: 1000)
        let cancelled = try await engine.cancel(order: order.id)
        XCTAssertEqual(cancelled.state, .cancelled)
        try assertBalance(engine, "u1", available: 1000)
        // Cancelling again releases nothing more.
        try await engine.cancel(order: order.id)
        try assertBalance(engine, "u1", available: 1000)
        XCTAssertEqual(try engine.blocking.pointsHistory(user: "u1").items.first?.kind, .release)

        // A lapsed payment window frees the points for reads at once, and for the next checkout.
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 2)
        _ = try engine.blocking.checkout(user: "u1", request: most, idempotencyKey: "co-2")
        try assertBalance(engine, "u1", available: 0, held: 1000)
        clock.advance(ms: 60_000)
        try assertBalance(engine, "u1", available: 1000)
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 2)
        let third = try engine.blocking.checkout(user: "u1", request: most, idempotencyKey: "co-3")
        XCTAssertEqual(third.pointsUsed, 1000)
        try assertBalance(engine, "u1", available: 0, held: 1000)
        XCTAssertEqual(try engine.blocking.readEvents(type: "points.released").count, 2)
    }

    func testRefundsAndDebt() throws {
        let engine = try pointsEngine()
        // Two teas: 136.00 + 8.00 shipping, no points: earns 136, pending.
        try engine.blocking.addToCart(user: "u2", sku: "tea", quantity: 2)
        let first = try buy(engine, "u2", .none, key: "co-1")
        XCTAssertEqual(first.pointsEarned, 136)
        try assertBalance(engine, "u2", available: 0, pending: 136)
        clock.advance(ms: 8 * day)
        try assertBalance(engine, "u2", available: 136)

        // A cake with 100 of them: 128.00 - 1.00 + 8.00; earns floor(127.00) = 127, pending.
        try engine.blocking.addToCart(user: "u2", sku: "cake", quantity: 1)
        let second = try buy(engine, "u2", .exactly(100), key: "co-2")
        XCTAssertEqual(second.totalMinor, 13_500)
        XCTAssertEqual(second.pointsEarned, 127)
        try assertBalance(engine, "u2", available: 36, pending: 127)

        // The first order is refunded in full: its 136 points are taken back. 36 are still in
        // their lot; the 100 spent are owed, and the pending 127 of the second order pay them.
        let refunded = try engine.blocking.refundAmount(order: first.id, amountMinor: 13_600, idempotencyKey: "rf-1")
        XCTAssertEqual(refunded.state, .refunded)
        try assertBalance(engine, "u2", available: 0, pending: 27)
        // Refunding the second order takes back its 127 and returns its 100: 27 - 127 + 100.
        try engine.blocking.refundAmount(
            order: second.id, amount: SCMoney(minorUnits: 12_700, currency: "CNY"), idempotencyKey: "rf-2")
        try assertBalance(engine, "u2", available: 0)

        // Debt: points earned, vested, spent, and the earning order refunded with nothing left.
        try engine.blocking.addToCart(user: "u2", sku: "tea", quantity: 2)
        let third = try buy(engine, "u2", .none, key: "co-3")
        clock.advance(ms: 8 * day)
        try engine.blocking.adjustPoints(user: "u2", points: -136, reason: "spent elsewhere", idempotencyKey: "adj-1")
        try assertBalance(engine, "u2", available: 0)
        try engine.blocking.refundAmount(order: third.id, amountMinor: 13_600, idempotencyKey: "rf-3")
        try assertBalance(engine, "u2", available: 0, debt: 136)
        // Debt blocks points as payment: the maximum is 0, and a debit is refused.
        try engine.blocking.addToCart(user: "u2", sku: "cake", quantity: 1)
        XCTAssertEqual(try engine.blocking.quote(user: "u2").pointsMax, 0)
        assertThrows(.invalidArgument, field: "points", try engine.blocking.quote(
            user: "u2", request: SCCheckoutRequest(points: .exactly(100))))
        assertThrows(.invalidState, field: "points", try engine.blocking.adjustPoints(
            user: "u2", points: -1, reason: "x", idempotencyKey: "adj-x"))
        try assertBalance(engine, "u2", available: 0, debt: 136)
        // Points earned repay it first.
        try engine.blocking.adjustPoints(user: "u2", points: 200, reason: "goodwill", idempotencyKey: "adj-2")
        try assertBalance(engine, "u2", available: 64)
    }

    func testSignInStreak() async throws {
        let engine = try makeEngine(program: nil)
        // No program, no sign-in table.
        assertThrows(.invalidState, field: "sign_in", try engine.blocking.signIn(user: "u1"))
        try await engine.putPointsProgram(json: Self.program)
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.signIn(user: ""))

        // Four days in a row: 5, 10, 20, then the cycle starts again at 5.
        let expected: [Int64] = [5, 10, 20, 5]
        for day in 0..<4 {
            let first = try await engine.signIn(user: "u1")
            XCTAssertEqual(first.streak, day == 3 ? 1 : Int64(day + 1))
            XCTAssertEqual(first.points, expected[day])
            XCTAssertTrue(first.isFirst)
            XCTAssertEqual(first.date, "2026-01-0\(day + 1)")
            // Again the same day: the same result, nothing earned.
            clock.advance(ms: 3_600_000)
            let again = try engine.blocking.signIn(user: "u1")
            XCTAssertFalse(again.isFirst)
            XCTAssertEqual(again.points, expected[day])
            XCTAssertEqual(again.streak, first.streak)
            XCTAssertEqual(again.date, first.date)
            clock.advance(ms: self.day - 3_600_000)
        }
        try assertBalance(engine, "u1", available: 40)
        // Day 5 is day 2 of the new cycle; a missed day starts again at 1.
        XCTAssertEqual(try engine.blocking.signIn(user: "u1").streak, 2)
        clock.advance(ms: 2 * day)
        let restarted = try engine.blocking.signIn(user: "u1")
        XCTAssertEqual(restarted.streak, 1)
        XCTAssertEqual(restarted.points, 5)
        XCTAssertEqual(restarted.date, "2026-01-07")
        try assertBalance(engine, "u1", available: 55)
        XCTAssertEqual(try engine.blocking.readEvents(type: "points.signed_in").count, 6)
        let entry = try XCTUnwrap(try engine.blocking.pointsHistory(user: "u1", limit: 1).items.first)
        XCTAssertEqual(entry.kind, .earn)
        XCTAssertEqual(entry.reference, "signin:2026-01-07")
        XCTAssertEqual(entry.points, 5)
    }

    func testActivitiesUnderTheDailyCap() async throws {
        let engine = try pointsEngine()
        let entry = try await engine.recordActivity(user: "u1", activity: "share", reference: "tea", idempotencyKey: "sh-1")
        XCTAssertEqual(entry.kind, .earn)
        XCTAssertEqual(entry.points, 5)
        XCTAssertEqual(entry.effect, 5)
        XCTAssertEqual(entry.reference, "activity:share:tea")
        // The retry is the same entry.
        let again = try await engine.recordActivity(user: "u1", activity: "share", reference: "tea", idempotencyKey: "sh-1")
        XCTAssertEqual(again, entry)
        try engine.blocking.recordActivity(user: "u1", activity: "share", reference: "cake", idempotencyKey: "sh-2")
        try assertBalance(engine, "u1", available: 10)

        let before = try snapshot(engine)
        // The third share of the day is over the cap of 2.
        assertThrows(.limitExceeded, field: "activity", try engine.blocking.recordActivity(
            user: "u1", activity: "share", reference: "tea", idempotencyKey: "sh-3"))
        assertThrows(.idempotencyConflict, field: "idempotency_key", try engine.blocking.recordActivity(
            user: "u1", activity: "share", reference: "cake", idempotencyKey: "sh-1"))
        assertThrows(.notFound, field: "activity", try engine.blocking.recordActivity(
            user: "u1", activity: "review", reference: "tea", idempotencyKey: "rv-1"))
        assertThrows(.invalidArgument, field: "activity", try engine.blocking.recordActivity(
            user: "u1", activity: "", reference: "tea", idempotencyKey: "sh-4"))
        assertThrows(.invalidArgument, field: "reference", try engine.blocking.recordActivity(
            user: "u1", activity: "share", reference: "t\u{0}ea", idempotencyKey: "sh-4"))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.recordActivity(
            user: "", activity: "share", reference: "tea", idempotencyKey: "sh-4"))
        assertThrows(.invalidArgument, field: "idempotency_key", try engine.blocking.recordActivity(
            user: "u1", activity: "share", reference: "tea", idempotencyKey: ""))
        XCTAssertEqual(try snapshot(engine), before)

        // Another user has their own cap; the next day the cap starts again.
        try engine.blocking.recordActivity(user: "u2", activity: "share", reference: "tea", idempotencyKey: "sh-1")
        clock.advance(ms: day)
        try engine.blocking.recordActivity(user: "u1", activity: "share", reference: "tea", idempotencyKey: "sh-3")
        try assertBalance(engine, "u1", available: 15)
        try assertBalance(engine, "u2", available: 5)
    }

    func testHistoryPagesAndTheReport() async throws {
        let engine = try pointsEngine()
        let t0 = clock.now
        try engine.blocking.adjustPoints(user: "u1", points: 1000, reason: "welcome", idempotencyKey: "adj-1")
        try engine.blocking.recordActivity(user: "u1", activity: "share", reference: "tea", idempotencyKey: "sh-1")
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 3)
        // 204.00, free shipping; 700 points pay 7.00; 197.00 earns 197.
        let order = try buy(engine, "u1", .exactly(700), key: "co-1")
        XCTAssertEqual(order.totalMinor, 19_700)
        XCTAssertEqual(order.pointsEarned, 197)

        // Pages of 2, newest first, until there is no next cursor.
        var pages: [[SCPointsEntry]] = []
        var cursor: String? = nil
        repeat {
            let page = try await engine.pointsHistory(user: "u1", cursor: cursor, limit: 2)
            pages.append(page.items)
            cursor = page.nextCursor
        } while cursor != nil
        XCTAssertEqual(pages.map { $0.map(\.seq) }, [[5, 4], [3, 2], [1]])
        // adjust, earn (share), hold, commit, earn (order)
        XCTAssertEqual(pages.flatMap { $0 }.map(\.kind), [.earn, .commit, .hold, .earn, .adjust])
        XCTAssertEqual(pages.flatMap { $0 }, try engine.blocking.pointsHistory(user: "u1").items)

        let before = try snapshot(engine)
        assertThrows(.invalidArgument, field: "cursor", try engine.blocking.pointsHistory(user: "u1", cursor: "not-a-cursor", limit: 2))
        assertThrows(.invalidArgument, field: "cursor", try engine.blocking.pointsHistory(user: "u1", cursor: "a\u{0}b", limit: 2))
        assertThrows(.invalidArgument, field: "limit", try engine.blocking.pointsHistory(user: "u1", limit: 0))
        assertThrows(.invalidArgument, field: "limit", try engine.blocking.pointsHistory(user: "u1", limit: 1001))
        assertThrows(.invalidArgument, field: "limit", try engine.blocking.pointsHistory(user: "u1", limit: -1))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.pointsHistory(user: ""))
        // A cursor of one member's history is refused for another's.
        let next = try XCTUnwrap(try engine.blocking.pointsHistory(user: "u1", limit: 2).nextCursor)
        assertThrows(.invalidArgument, field: "cursor", try engine.blocking.pointsHistory(user: "u2", cursor: next, limit: 2))
        assertThrows(.invalidArgument, field: "to_ms", try engine.blocking.pointsReport(fromMs: 10, toMs: 5))
        XCTAssertEqual(try snapshot(engine), before)

        // The report: 355 available (1000 + 5 - 700, and u2's 50), 197 pending, worth 5.52.
        try engine.blocking.adjustPoints(user: "u2", points: 50, reason: "welcome", idempotencyKey: "adj-1")
        let report = try await engine.pointsReport(fromMs: t0, toMs: t0 + day)
        XCTAssertEqual(report, SCPointsReport(
            members: 2, available: 355, pending: 197, held: 0, debt: 0, liabilityPoints: 552, currency: "CNY",
            liabilityAmountMinor: 552, earned: 202, spent: 700, expired: 0, reversed: 0, returned: 0, adjusted: 1050))
        XCTAssertEqual(report.liabilityAmount, SCMoney(minorUnits: 552, currency: "CNY"))
        // Every entry by default: the same here.
        XCTAssertEqual(try engine.blocking.pointsReport(), report)
        // A period before anything happened moved nothing; the liability is as of now.
        let empty = try engine.blocking.pointsReport(fromMs: 0, toMs: t0)
        XCTAssertEqual(empty.earned, 0)
        XCTAssertEqual(empty.spent, 0)
        XCTAssertEqual(empty.adjusted, 0)
        XCTAssertEqual(empty.liabilityPoints, 552)

        // Lots expire at the end of next year: the report counts them once an entry settles them.
        clock.advance(ms: endOf2027Ms - t0)
        // Expired, not yet settled by an entry: not available, still in the sum of entries.
        let expired = try engine.blocking.pointsBalance(user: "u1")
        XCTAssertEqual(expired.available, 0)
        XCTAssertEqual(expired.pending, 0)
        XCTAssertEqual(expired.total, 502)
        try engine.blocking.adjustPoints(user: "u1", points: 1, reason: "poke", idempotencyKey: "adj-2")
        XCTAssertEqual(try engine.blocking.pointsReport(fromMs: endOf2027Ms, toMs: endOf2027Ms + 1).expired, 502)
        try assertBalance(engine, "u1", available: 1)
        XCTAssertTrue(try engine.blocking.pointsHistory(user: "u1", limit: 10).items.contains { $0.kind == .expire })
    }

    func testReportOfAnEmptyEngine() throws {
        let engine = try makeEngine(program: nil)
        XCTAssertEqual(try engine.blocking.pointsReport(), SCPointsReport(
            members: 0, available: 0, pending: 0, held: 0, debt: 0, liabilityPoints: 0, currency: "",
            liabilityAmountMinor: 0, earned: 0, spent: 0, expired: 0, reversed: 0, returned: 0, adjusted: 0))
    }

    func testCallsAfterCloseThrow() async throws {
        let engine = try pointsEngine()
        engine.close()
        assertThrows(.engineClosed, try engine.blocking.putPointsProgram(json: Self.program))
        assertThrows(.engineClosed, try engine.blocking.pointsBalance(user: "u1"))
        assertThrows(.engineClosed, try engine.blocking.pointsLots(user: "u1"))
        assertThrows(.engineClosed, try engine.blocking.pointsHistory(user: "u1"))
        assertThrows(.engineClosed, try engine.blocking.adjustPoints(user: "u1", points: 1, reason: "x", idempotencyKey: "k"))
        assertThrows(.engineClosed, try engine.blocking.adjustPointsBatch([
            SCPointsAdjustment(user: "u1", points: 1, reason: "x", idempotencyKey: "k"),
        ]))
        assertThrows(.engineClosed, try engine.blocking.signIn(user: "u1"))
        assertThrows(.engineClosed, try engine.blocking.recordActivity(
            user: "u1", activity: "share", reference: "tea", idempotencyKey: "k"))
        assertThrows(.engineClosed, try engine.blocking.pointsReport())
        await assertThrowsAsync(.engineClosed) { try await engine.pointsBalance(user: "u1") }
    }
}
