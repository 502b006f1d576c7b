import Foundation
import XCTest
@testable import SocialCart

/// A scripted random source: the draws pushed, in order, then 0. Thread-safe, as the engine
/// may draw from any thread.
final class ScriptedRandom: @unchecked Sendable {
    private let lock = NSLock()
    private var draws: [UInt64] = []
    private var _calls = 0

    func push(_ draw: UInt64) {
        lock.lock()
        draws.append(draw)
        lock.unlock()
    }

    func next() -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        _calls += 1
        return draws.isEmpty ? 0 : draws.removeFirst()
    }

    var calls: Int {
        lock.lock()
        defer { lock.unlock() }
        return _calls
    }
}

/// Bargains through the binding (socialcart/bargain.h): the engine's random source
/// (sc_options_set_random), the checkout request's bargain (sc_checkout_request_set_bargain
/// and its getter), programs put and read (sc_engine_bargain_program_put,
/// sc_engine_bargain_program_get, sc_bargain_program_*), opening, helping and reading bargains
/// (sc_engine_bargain_open, sc_engine_bargain_help, sc_engine_bargain_get,
/// sc_engine_bargains_of_user, sc_bargains_*, sc_bargain_*) and the program report
/// (sc_engine_bargain_report, sc_bargain_report_*). The stories follow tests/c/test_bargain.c.
/// The figures:
///
/// - a wok lists at 100.00 (50 in stock); the program "wok-chop" takes it to a floor of 1.00
///   with 3 helps, each bargain living a day;
/// - a help cuts 1 + draw % (2 × (price − floor) / helps left), keeping at least one minor
///   unit per help still to come; the last help lands on the floor;
/// - the test clock starts at midnight UTC, 2026-01-01; the payment window is a minute.
final class BargainTests: SocialCartTestCase {
    private let minute: Int64 = 60_000
    private let day: Int64 = 86_400_000
    private let t0: Int64 = 1_767_225_600_000
    private var random: ScriptedRandom!
    private var keys = 0

    private static let shop = """
        {"format":"socialcart.program/1","currency":"CNY","skus":[
         {"id":"wok","merchant_id":"m1","title":"Wok","list_price":10000,"stock":50}],
         "bargains":{"programs":[{"id":"wok-chop","sku_id":"wok","floor_price":100,"helpers":3,
          "lifetime_minutes":1440,"starts_at":0,"ends_at":1893456000000}]}}
        """

    /// An engine with the test clock and the scripted random source.
    private func shop() throws -> SCEngine {
        XCTAssertEqual(clock.now, t0)
        let random = ScriptedRandom()
        self.random = random
        var settings = self.options()
        settings.random = { random.next() }
        let engine = try SCEngine.Blocking.open(path: databasePath(), options: settings)
        try engine.blocking.importProgram(Self.shop)
        return engine
    }

    /// A friend's help with the next draw scripted; the amount cut.
    private func help(_ engine: SCEngine, _ bargain: String, _ helper: String, draw: UInt64) throws -> Int64 {
        keys += 1
        random.push(draw)
        return try engine.blocking.helpBargain(
            bargainId: bargain, helperUserId: helper, idempotencyKey: "help-\(keys)"
        ).amount
    }

    private func buy(_ engine: SCEngine, _ user: String, _ bargain: String) throws -> SCOrder {
        keys += 1
        return try engine.blocking.checkout(
            user: user, request: SCCheckoutRequest(bargainId: bargain), idempotencyKey: "co-\(keys)")
    }

    @discardableResult
    private func pay(_ engine: SCEngine, _ order: SCOrder) throws -> SCOrder {
        keys += 1
        return try engine.blocking.pay(
            order: order.id, paymentRef: "ref-\(keys)", amount: order.total, idempotencyKey: "pay-\(keys)")
    }

    private func count(_ engine: SCEngine, _ type: String) throws -> Int {
        try engine.blocking.readEvents(type: type).count
    }

    // MARK: Opening, helping to the floor, buying

    func testHelpsCutTheScriptedAmountsToTheFloorAndTheOpenerBuys() async throws {
        let engine = try shop()

        // The program, as the program document put it.
        let program = try await engine.bargainProgram(id: "wok-chop")
        XCTAssertEqual(program, SCBargainProgram(
            id: "wok-chop", skuId: "wok", floorPrice: 100, helpers: 3, lifetimeMinutes: 1440, startsAtMs: 0,
            endsAtMs: 1_893_456_000_000))
        XCTAssertEqual(program.startsAt, Date(timeIntervalSince1970: 0))

        // Ann opens a bargain at the list price.
        let opened = try await engine.openBargain(programId: "wok-chop", userId: "ann", idempotencyKey: "open-ann")
        let bid = opened.id
        XCTAssertTrue(bid.hasPrefix("brg_"), bid)
        XCTAssertEqual(opened, SCBargain(
            id: bid, programId: "wok-chop", userId: "ann", skuId: "wok", state: .open, startPrice: 10000,
            floorPrice: 100, price: 10000, helpersNeeded: 3, openedAtMs: t0, deadlineMs: t0 + day, endedAtMs: nil,
            orderId: nil, helps: []))
        XCTAssertEqual(opened.deadline.timeIntervalSince(opened.openedAt), 86_400)
        XCTAssertNil(opened.endedAt)
        // A retry with the same key returns the first bargain.
        XCTAssertEqual(
            try engine.blocking.openBargain(programId: "wok-chop", userId: "ann", idempotencyKey: "open-ann").id, bid)

        // The invite: a share link targeting the bargain.
        try await engine.putReferralProgram(
            json: #"{"url_template":"https://shop.example/s/{token}","link_lifetime_days":7}"#)
        _ = try await engine.generateShareKey(id: "k1")
        let link = try await engine.createShareLink(
            sharer: "ann", target: .bargain, targetId: bid, channel: "wechat", idempotencyKey: "share-1")
        XCTAssertEqual(link.target, .bargain)
        XCTAssertEqual(link.targetId, bid)
        let resolved = try await engine.resolveShareLink(link.token)
        XCTAssertEqual(resolved.target, .bargain)
        XCTAssertEqual(resolved.targetId, bid)

        // Bo: 1 + 999 % (2 × 9900 / 3 = 6600) = 1000.
        random.push(999)
        let first = try await engine.helpBargain(bargainId: bid, helperUserId: "bo", idempotencyKey: "help-bo")
        XCTAssertEqual(first.amount, 1000)
        XCTAssertEqual(first.bargain.price, 9000)
        XCTAssertEqual(first.bargain.state, .open)
        XCTAssertEqual(first.bargain.helps, [SCBargainHelp(userId: "bo", amount: 1000, priceAfter: 9000, atMs: t0)])
        XCTAssertEqual(first.bargain.helps[0].at, Date(timeIntervalSince1970: Double(t0) / 1000))
        // A retry returns the first result: the draw it made is wasted.
        random.push(5)
        let retried = try engine.blocking.helpBargain(bargainId: bid, helperUserId: "bo", idempotencyKey: "help-bo")
        XCTAssertEqual(retried, first)

        // The opener may not help, nor may a friend twice.
        assertThrows(.invalidState, field: "user_id", try engine.blocking.helpBargain(
            bargainId: bid, helperUserId: "ann", idempotencyKey: "help-ann"))
        assertThrows(.invalidState, field: "user_id", try engine.blocking.helpBargain(
            bargainId: bid, helperUserId: "bo", idempotencyKey: "help-bo-2"))

        // Cy, a minute later: 1 + 4449 % min(8900, 8899) = 4450.
        clock.advance(ms: minute)
        XCTAssertEqual(try help(engine, bid, "cy", draw: 4449), 4450)
        // The third and last help lands on the floor, whatever the draw.
        random.push(77)
        let last = try engine.blocking.helpBargain(bargainId: bid, helperUserId: "di", idempotencyKey: "help-di")
        XCTAssertEqual(last.amount, 4450)
        XCTAssertEqual(last.bargain.state, .floorReached)
        XCTAssertEqual(last.bargain.price, 100)
        XCTAssertEqual(last.bargain.helps.map(\.userId), ["bo", "cy", "di"])
        XCTAssertEqual(last.bargain.helps.map(\.amount), [1000, 4450, 4450])
        XCTAssertEqual(last.bargain.helps.map(\.priceAfter), [9000, 4550, 100])
        XCTAssertEqual(last.bargain.helps.map(\.atMs), [t0, t0 + minute, t0 + minute])
        XCTAssertEqual(try count(engine, "bargain.helped"), 3)
        XCTAssertEqual(try count(engine, "bargain.floor_reached"), 1)
        // No more help once the floor is reached.
        assertThrows(.invalidState, field: "bargain_id", try engine.blocking.helpBargain(
            bargainId: bid, helperUserId: "ed", idempotencyKey: "help-ed"))

        // Ann buys one wok at the bargained price; only once.
        let request = SCCheckoutRequest(bargainId: bid)
        let quote = try await engine.quote(user: "ann", request: request)
        XCTAssertEqual(quote.totalMinor, 100)
        let order = try await engine.checkout(user: "ann", request: request, idempotencyKey: "co-ann")
        XCTAssertEqual(order.totalMinor, 100)
        XCTAssertEqual(order.lines.map(\.skuId), ["wok"])
        assertThrows(.invalidState, field: "bargain_id", try buy(engine, "ann", bid))
        // Only the opener buys it.
        assertThrows(.invalidState, field: "bargain_id", try buy(engine, "bo", bid))
        XCTAssertEqual(try pay(engine, order).state, .paid)

        let bought = try await engine.bargain(id: bid)
        XCTAssertEqual(bought.state, .bought)
        XCTAssertEqual(bought.orderId, order.id)
        XCTAssertEqual(bought.endedAtMs, t0 + minute)
        XCTAssertEqual(bought.endedAt, Date(timeIntervalSince1970: Double(t0 + minute) / 1000))
        XCTAssertEqual(try count(engine, "bargain.bought"), 1)

        let mine = try await engine.bargainsOfUser(userId: "ann", limit: 10)
        XCTAssertEqual(mine, [bought])
        XCTAssertEqual(try engine.blocking.bargainsOfUser(userId: "bo"), [])
    }

    // MARK: Expiry and the report

    func testExpiryAfterTheDeadlineAndTheReport() async throws {
        let engine = try shop()
        let a = try engine.blocking.openBargain(programId: "wok-chop", userId: "ann", idempotencyKey: "o-ann").id
        let b = try engine.blocking.openBargain(programId: "wok-chop", userId: "bo", idempotencyKey: "o-bo").id
        let c = try engine.blocking.openBargain(programId: "wok-chop", userId: "cy", idempotencyKey: "o-cy").id
        XCTAssertEqual(try help(engine, a, "h1", draw: 0), 1)
        XCTAssertEqual(try help(engine, a, "h2", draw: 0), 1)
        XCTAssertEqual(try help(engine, a, "h3", draw: 0), 9898)  // the floor
        XCTAssertEqual(try help(engine, b, "h1", draw: 0), 1)
        let order = try buy(engine, "bo", b)
        XCTAssertEqual(order.totalMinor, 9999)
        try pay(engine, order)

        // At the deadline, reads see the expiry at once; the sweep writes it.
        clock.advance(ms: day)
        XCTAssertEqual(try engine.blocking.bargain(id: a).state, .expired)
        XCTAssertEqual(try engine.blocking.bargain(id: b).state, .bought)
        let expired = try await engine.bargain(id: c)
        XCTAssertEqual(expired.state, .expired)
        XCTAssertEqual(expired.state.name, "expired")
        XCTAssertEqual(try count(engine, "bargain.expired"), 0)
        XCTAssertFalse(try engine.blocking.sweep(maxOrders: 100).more)
        XCTAssertEqual(try count(engine, "bargain.expired"), 2)
        XCTAssertEqual(try engine.blocking.bargain(id: c).endedAtMs, t0 + day)

        let report = try await engine.bargainReport(programId: "wok-chop")
        XCTAssertEqual(report, SCBargainReport(
            opened: 3, completed: 1, expired: 2, bought: 1, helps: 4, helpersPerCompletion: 400,
            conversionBps: 3333))

        // Expired: no help, no purchase; and the shopper may open another.
        assertThrows(.expired, field: "bargain_id", try help(engine, c, "h9", draw: 1))
        assertThrows(.expired, field: "bargain_id", try buy(engine, "cy", c))
        let again = try engine.blocking.openBargain(programId: "wok-chop", userId: "ann", idempotencyKey: "o-ann-2")
        XCTAssertNotEqual(again.id, a)
        XCTAssertEqual(try engine.blocking.bargainsOfUser(userId: "ann").map(\.id), [again.id, a])
        XCTAssertEqual(try engine.blocking.bargainsOfUser(userId: "ann", limit: 1).map(\.id), [again.id])
    }

    // MARK: The value types and the request

    func testStatesAndTheRequestsBargain() throws {
        XCTAssertEqual(SCBargainState.open.name, "open")
        XCTAssertEqual(SCBargainState.floorReached.name, "floor_reached")
        XCTAssertEqual(SCBargainState.bought.name, "bought")
        XCTAssertEqual(SCBargainState.expired.name, "expired")
        XCTAssertEqual(SCBargainState.unknown(9).name, "unknown")
        XCTAssertEqual("\(SCBargainState.floorReached)", "floor_reached")
        XCTAssertEqual(
            (0...5).map { SCBargainState(rawValue: $0) }, [.unknown(0), .open, .floorReached, .bought, .expired, .unknown(5)])
        XCTAssertEqual([SCBargainState.open, .floorReached, .bought, .expired].map(\.rawValue), [1, 2, 3, 4])

        XCTAssertNil(SCCheckoutRequest().bargainId)
        XCTAssertNil(try CheckoutRequestHandle(SCCheckoutRequest()).bargainId)
        let handle = try CheckoutRequestHandle(SCCheckoutRequest(coupons: .best, bargainId: "brg_1"))
        XCTAssertEqual(handle.bargainId, "brg_1")
        XCTAssertNil(handle.flashSale)
        XCTAssertEqual(handle.group, .none)
        // The request is unchanged on error.
        assertThrows(.invalidArgument, field: "bargain_id", try handle.setBargain(""))
        assertThrows(.invalidArgument, field: "bargain_id", try handle.setBargain(String(repeating: "x", count: 129)))
        assertThrows(.invalidArgument, field: "bargain_id", try handle.setBargain("brg\u{0}"))
        XCTAssertEqual(handle.bargainId, "brg_1")
        try handle.setBargain(nil)
        XCTAssertNil(handle.bargainId)
        assertThrows(.invalidArgument, field: "bargain_id", try CheckoutRequestHandle(SCCheckoutRequest(bargainId: "")))
    }

    // sc_options_set_random: the source's user_data lives as long as the engine and is released
    // when it closes.
    func testRandomSourceIsReleasedWhenTheEngineCloses() throws {
        weak var weakRandom: ScriptedRandom?
        do {
            let local = ScriptedRandom()
            weakRandom = local
            var settings = self.options()
            settings.random = { local.next() }
            let engine = try SCEngine.Blocking.open(path: databasePath(), options: settings)
            try engine.blocking.importProgram(Self.shop)
            let bid = try engine.blocking.openBargain(programId: "wok-chop", userId: "ann", idempotencyKey: "o").id
            local.push(41)
            XCTAssertEqual(
                try engine.blocking.helpBargain(bargainId: bid, helperUserId: "bo", idempotencyKey: "h").amount, 42)
            XCTAssertEqual(local.calls, 1)
            XCTAssertNotNil(weakRandom)
        }
        XCTAssertNil(weakRandom, "sc_options_set_random's user_data_free did not release the source")
    }

    // MARK: Bad input

    func testBadInputIsRefusedWithTheFieldAtFault() async throws {
        let engine = try shop()
        let bid = try engine.blocking.openBargain(programId: "wok-chop", userId: "ann", idempotencyKey: "o-ann").id
        XCTAssertEqual(try help(engine, bid, "bo", draw: 0), 1)

        // A request names one context: a bargain with a flash sale or a group is refused.
        assertThrows(.invalidArgument, field: "request", try engine.blocking.checkout(
            user: "ann",
            request: SCCheckoutRequest(
                flashSale: SCFlashSaleChoice(saleId: "any", slotStartsAtMs: t0), bargainId: bid),
            idempotencyKey: "co-both"))
        assertThrows(.invalidArgument, field: "request", try engine.blocking.checkout(
            user: "ann", request: SCCheckoutRequest(group: .open(campaignId: "any"), bargainId: bid),
            idempotencyKey: "co-both-2"))

        // Unknown ids: not found, with the field.
        assertThrows(.notFound, field: "program_id", try engine.blocking.bargainProgram(id: "none"))
        await assertThrowsAsync(.notFound, field: "program_id") {
            try await engine.openBargain(programId: "none", userId: "cy", idempotencyKey: "o-1")
        }
        assertThrows(.notFound, field: "program_id", try engine.blocking.bargainReport(programId: "none"))
        assertThrows(.notFound, field: "bargain_id", try engine.blocking.bargain(id: "brg_none"))
        await assertThrowsAsync(.notFound, field: "bargain_id") {
            try await engine.helpBargain(bargainId: "brg_none", helperUserId: "cy", idempotencyKey: "h-1")
        }
        assertThrows(.notFound, field: "bargain_id", try buy(engine, "ann", "brg_none"))

        // Bad limits.
        assertThrows(.invalidArgument, field: "limit", try engine.blocking.bargainsOfUser(userId: "ann", limit: 0))
        assertThrows(.invalidArgument, field: "limit", try engine.blocking.bargainsOfUser(userId: "ann", limit: 101))
        assertThrows(.invalidArgument, field: "limit", try engine.blocking.bargainsOfUser(userId: "ann", limit: -1))

        // Programs the rules refuse.
        func program(helpers: Int = 3, sku: String = "wok", floor: Int = 100) -> String {
            """
            {"id":"p2","sku_id":"\(sku)","floor_price":\(floor),"helpers":\(helpers),"lifetime_minutes":60,
             "starts_at":0,"ends_at":10}
            """
        }
        assertThrows(.validation, field: "helpers", try engine.blocking.putBargainProgram(json: program(helpers: 101)))
        assertThrows(.validation, field: "sku_id", try engine.blocking.putBargainProgram(json: program(sku: "nope")))
        assertThrows(.validation, field: "floor_price", try engine.blocking.putBargainProgram(json: program(floor: 9998)))
        assertThrows(.validation, try engine.blocking.putBargainProgram(json: "{"))
        assertThrows(.invalidArgument, field: "json", try engine.blocking.putBargainProgram(json: "{\u{0}}"))
        try await engine.putBargainProgram(json: program())
        XCTAssertEqual(try engine.blocking.bargainProgram(id: "p2").endsAtMs, 10)

        // Ids the library refuses before looking.
        assertThrows(.invalidArgument, field: "program_id", try engine.blocking.bargainProgram(id: ""))
        assertThrows(.invalidArgument, field: "program_id", try engine.blocking.bargainProgram(id: "p\u{0}"))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.openBargain(
            programId: "wok-chop", userId: String(repeating: "u", count: 129), idempotencyKey: "o-1"))
        assertThrows(.invalidArgument, field: "helper_user_id", try engine.blocking.helpBargain(
            bargainId: bid, helperUserId: "", idempotencyKey: "h-1"))
        assertThrows(.invalidArgument, field: "bargain_id", try engine.blocking.bargain(id: ""))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.bargainsOfUser(userId: "a\u{0}"))

        // Rules: one live bargain per shopper and program; a key used for another call.
        assertThrows(.invalidState, field: "program_id", try engine.blocking.openBargain(
            programId: "wok-chop", userId: "ann", idempotencyKey: "o-ann-2"))
        assertThrows(.idempotencyConflict, try engine.blocking.openBargain(
            programId: "wok-chop", userId: "cy", idempotencyKey: "o-ann"))

        // A closed engine refuses.
        engine.close()
        assertThrows(.engineClosed, try engine.blocking.bargain(id: bid))
    }
}
