import XCTest
@testable import SocialCart

/// Member tiers through the binding (socialcart/tiers.h, docs/tiers.md), every figure worked
/// out by hand from the rules of docs/tiers.md:
///
/// - member price = list - floor(list x bps / 10000);
/// - points with the multiplier = floor(paid x points x mult / (per_amount x 10000)), one floor;
/// - paid spend counts an order's goods (total less shipping) at payment, less a refund's
///   amount at the refund; the figure is what the window (here 365 days) holds;
/// - a payment that crosses a threshold upgrades at once, and earns its points with the tier
///   before it (what the quote showed); nothing lowers the tier before the period end (a
///   calendar quarter here), where it becomes what the figure qualifies for.
final class TierTests: SocialCartTestCase {
    private let hour: Int64 = 3_600_000
    private let day: Int64 = 86_400_000
    /// 2026-04-01T00:00:00Z: the end of the first quarter of 2026 (the test clock starts at
    /// 2026-01-01T00:00:00Z): 31 + 28 + 31 = 90 days later.
    private let q1EndMs: Int64 = 1_775_001_600_000
    /// 2026-07-01T00:00:00Z: the end of the second quarter, 30 + 31 + 30 = 91 days later.
    private let q2EndMs: Int64 = 1_782_864_000_000

    /// Tea 68.00 and a cup 39.50, both sold by m1; every merchant charges 8.00 shipping with no
    /// free-shipping threshold of its own.
    private static let shop = document()

    /// The shop's program document, with a "tiers" section when given.
    private static func document(tiers: String? = nil) -> String {
        """
        {"format":"socialcart.program/1","currency":"CNY","skus":[
         {"id":"tea","merchant_id":"m1","title":"Tea","list_price":6800,"stock":50},
         {"id":"cup","merchant_id":"m1","title":"Cup","list_price":3950,"stock":50}],
         "shipping_rules":[{"merchant_id":"","flat_fee":800}]\(tiers.map { #","tiers":"# + $0 } ?? "")}
        """
    }

    /// 1 point per 1.00 paid.
    private static let points = #"{"earn":{"points":1,"per_amount":100}}"#

    /// Paid spend over 365 days, reviewed every quarter. Normal (from 0, the default
    /// benefits: no member price, x1, no free-shipping threshold); Silver from 300.00: 5% off,
    /// x1.5, ships free from 100.00 of goods; Gold from 1000.00: 10% off, x2, ships free.
    private static let tiers = """
        {"basis":"paid_spend","window_days":365,"period":"quarter","tiers":[
         {"id":"normal","name":"Normal","threshold":0},
         {"id":"silver","name":"Silver","threshold":30000,
          "benefits":{"member_price_bps":500,"points_multiplier_bps":15000,"free_shipping_over":10000}},
         {"id":"gold","name":"Gold","threshold":100000,
          "benefits":{"member_price_bps":1000,"points_multiplier_bps":20000,"free_shipping_over":0}}]}
        """

    private func tierEngine() throws -> SCEngine {
        let engine = try makeEngine(program: Self.shop)
        try engine.blocking.putPointsProgram(json: Self.points)
        try engine.blocking.putTierProgram(json: Self.tiers)
        return engine
    }

    /// Fills the cart, checks out with the default request and pays the total.
    @discardableResult
    private func buy(_ engine: SCEngine, _ user: String, _ items: [(String, Int64)], key: String) throws -> SCOrder {
        for (sku, quantity) in items { try engine.blocking.addToCart(user: user, sku: sku, quantity: quantity) }
        let order = try engine.blocking.checkout(user: user, idempotencyKey: key)
        let paid = try engine.blocking.pay(order: order.id, paymentRef: "psp-\(key)", amount: order.total, idempotencyKey: "pay-\(key)")
        XCTAssertEqual(paid.state, .paid)
        return paid
    }

    private func normal(
        since: Int64, periodEnd: Int64, figure: Int64, atPeriodEnd: Int64
    ) -> SCTierStatus {
        SCTierStatus(
            tierId: "normal", tierName: "Normal", rank: 0, sinceMs: since, periodEndMs: periodEnd, figure: figure,
            nextTierId: "silver", toNext: 30000 - figure, figureAtPeriodEnd: atPeriodEnd,
            tierAtPeriodEnd: atPeriodEnd >= 30000 ? "silver" : "normal", toKeep: 0,
            memberPriceBps: 0, pointsMultiplierBps: 10000, freeShippingOver: nil)
    }

    private func silver(
        since: Int64, periodEnd: Int64, figure: Int64, atPeriodEnd: Int64
    ) -> SCTierStatus {
        SCTierStatus(
            tierId: "silver", tierName: "Silver", rank: 1, sinceMs: since, periodEndMs: periodEnd, figure: figure,
            nextTierId: "gold", toNext: 100000 - figure, figureAtPeriodEnd: atPeriodEnd,
            tierAtPeriodEnd: atPeriodEnd >= 30000 ? "silver" : "normal", toKeep: max(0, 30000 - atPeriodEnd),
            memberPriceBps: 500, pointsMultiplierBps: 15000, freeShippingOver: 10000)
    }

    // A member's story over the first quarter of 2026: up at once on the crossing payment, the
    // member price and the multiplier on the next order, refunds that do not lower the tier,
    // the review at the quarter's end, the report.
    func testUpgradeBenefitsRefundsAndTheQuarterReview() async throws {
        let engine = try tierEngine()
        let t0 = clock.now

        // Before any payment: Normal, nothing spent, 300.00 to Silver; the period is Q1.
        let fresh = try await engine.tierStatus(user: "u1")
        XCTAssertEqual(fresh.tierId, "normal")
        XCTAssertEqual(fresh.rank, 0)
        XCTAssertEqual(fresh.figure, 0)
        XCTAssertEqual(fresh.nextTierId, "silver")
        XCTAssertEqual(fresh.toNext, 30000)
        XCTAssertEqual(fresh.periodEndMs, q1EndMs)
        XCTAssertEqual(fresh.periodEnd, Date(timeIntervalSince1970: Double(q1EndMs) / 1000))
        XCTAssertEqual(fresh.figureAtPeriodEnd, 0)
        XCTAssertEqual(fresh.tierAtPeriodEnd, "normal")
        XCTAssertEqual(fresh.toKeep, 0)  // always 0 in the first tier
        XCTAssertEqual(fresh.memberPriceBps, 0)
        XCTAssertEqual(fresh.pointsMultiplierBps, 10000)
        XCTAssertNil(fresh.freeShippingOver)

        // Order 1 (t0 + 1h): 2 teas at list, 136.00 + 8.00 shipping = 144.00. The figure counts
        // the goods only: 13600. Earns floor(13600 x 1 x 10000 / (100 x 10000)) = 136.
        clock.advance(ms: hour)
        let o1 = try buy(engine, "u1", [("tea", 2)], key: "o1")
        XCTAssertEqual(o1.totalMinor, 14400)
        XCTAssertEqual(o1.pointsEarned, 136)
        var status = try engine.blocking.tierStatus(user: "u1")
        // The first record's `since` is not stated by docs/tiers.md: leave it out.
        status.sinceMs = 0
        XCTAssertEqual(status, normal(since: 0, periodEnd: q1EndMs, figure: 13600, atPeriodEnd: 13600))
        XCTAssertEqual(status.toNext, 16400)  // 30000 - 13600

        // u2 pays one tea (t0 + 5h): 6800 of goods, Normal.
        clock.advance(ms: 4 * hour)
        try buy(engine, "u2", [("tea", 1)], key: "u2-o1")

        // Order 2 (t0 + 1d): 2 teas and a cup, quoted at Normal: list prices, no item price
        // adjustment, 8.00 shipping: 136.00 + 39.50 + 8.00 = 183.50; to earn
        // floor(17550 / 100) = 175 at x1.
        clock.advance(ms: day - 5 * hour)
        let t2 = clock.now
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 2)
        try engine.blocking.addToCart(user: "u1", sku: "cup", quantity: 1)
        let quote2 = try await engine.quote(user: "u1")
        XCTAssertEqual(quote2.lines.map(\.unitPriceMinor), [6800, 3950])
        XCTAssertEqual(quote2.lines.map(\.adjustments), [[], []])
        XCTAssertEqual(quote2.shippingMinor, 800)
        XCTAssertEqual(quote2.totalMinor, 18350)
        XCTAssertEqual(quote2.pointsToEarn, 175)
        // Paid: 13600 + 17550 = 31150 >= 30000 crosses Silver at once. Its points use the tier
        // before the payment (x1, as quoted): 175, not floor(17550 x 1.5 / 100) = 263.
        let o2 = try buy(engine, "u1", [], key: "o2")
        XCTAssertEqual(o2.totalMinor, 18350)
        XCTAssertEqual(o2.pointsEarned, 175)
        // Silver since the payment; 1000.00 - 311.50 = 688.50 to Gold; everything paid stays
        // in the 365-day window at the quarter's end, so Silver is kept (to keep: 0).
        let upgraded = try await engine.tierStatus(user: "u1")
        XCTAssertEqual(upgraded, silver(since: t2, periodEnd: q1EndMs, figure: 31150, atPeriodEnd: 31150))
        XCTAssertEqual(upgraded.toNext, 68850)
        XCTAssertEqual(upgraded.toKeep, 0)
        XCTAssertEqual(upgraded.since, Date(timeIntervalSince1970: Double(t2) / 1000))
        let upgrades = try engine.blocking.readEvents(type: "tier.upgraded")
        XCTAssertEqual(upgrades.map(\.subjectId), ["u1"])

        // Refund 1 (t0 + 2d): 39.50 of order 2 (the cup's price). The figure drops to
        // 31150 - 3950 = 27200, below Silver's 300.00, but the tier stays until the quarter's
        // end; the review would give Normal unless 300.00 - 272.00 = 28.00 is paid.
        clock.advance(ms: day)
        try engine.blocking.refundAmount(order: o2.id, amountMinor: 3950, idempotencyKey: "r1")
        let afterRefund = try engine.blocking.tierStatus(user: "u1")
        XCTAssertEqual(afterRefund, silver(since: t2, periodEnd: q1EndMs, figure: 27200, atPeriodEnd: 27200))
        XCTAssertEqual(afterRefund.tierAtPeriodEnd, "normal")
        XCTAssertEqual(afterRefund.toKeep, 2800)
        XCTAssertEqual(afterRefund.toNext, 72800)
        XCTAssertEqual(try engine.blocking.readEvents(type: "tier.downgraded").map(\.subjectId), [])

        // Order 3 (t0 + 3d), still Silver: the member price on each line, as an item price
        // adjustment from the tier:
        //   tea 68.00 - floor(6800 x 500 / 10000) = 68.00 - 3.40 = 64.60; 2 units: 6.80 off
        //   cup 39.50 - floor(3950 x 500 / 10000) = 39.50 - floor(197.5) = 37.53; 1.97 off
        // goods 129.20 + 37.53 = 166.73 >= Silver's 100.00: ships free; total 166.73.
        // Points at x1.5, one floor: floor(16673 x 1 x 15000 / (100 x 10000)) = floor(250.095)
        // = 250 (two floors would give floor(166 x 1.5) = 249).
        clock.advance(ms: day)
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 2)
        try engine.blocking.addToCart(user: "u1", sku: "cup", quantity: 1)
        let quote3 = try await engine.quote(user: "u1")
        XCTAssertEqual(quote3.lines.map(\.skuId), ["tea", "cup"])
        XCTAssertEqual(quote3.lines.map(\.unitPriceMinor), [6800, 3950])  // the list price
        XCTAssertEqual(quote3.lines.map(\.baseMinor), [13600, 3950])
        XCTAssertEqual(quote3.lines[0].adjustments, [
            SCAdjustment(kind: .itemPrice, source: "silver", currency: "CNY", amountMinor: 680)])
        XCTAssertEqual(quote3.lines[1].adjustments, [
            SCAdjustment(kind: .itemPrice, source: "silver", currency: "CNY", amountMinor: 197)])
        XCTAssertEqual(quote3.lines.map(\.netMinor), [12920, 3753])
        XCTAssertEqual(quote3.discountMinor, 877)
        XCTAssertEqual(quote3.shippingMinor, 0)
        XCTAssertEqual(quote3.totalMinor, 16673)
        XCTAssertEqual(quote3.pointsToEarn, 250)
        let o3 = try buy(engine, "u1", [], key: "o3")
        XCTAssertEqual(o3.totalMinor, quote3.totalMinor)
        XCTAssertEqual(o3.lines.map(\.adjustments), quote3.lines.map(\.adjustments))
        XCTAssertEqual(o3.pointsEarned, 250)
        // 27200 + 16673 = 43873; 1000.00 - 438.73 = 561.27 to Gold.
        let afterO3 = try engine.blocking.tierStatus(user: "u1")
        XCTAssertEqual(afterO3, silver(since: t2, periodEnd: q1EndMs, figure: 43873, atPeriodEnd: 43873))
        XCTAssertEqual(afterO3.toNext, 56127)

        // Refund 2 (t0 + 4d): order 3 in full, 166.73: back to 27200, Silver still.
        clock.advance(ms: day)
        let refunded = try engine.blocking.refundAmount(order: o3.id, amountMinor: 16673, idempotencyKey: "r2")
        XCTAssertEqual(refunded.state, .refunded)
        XCTAssertEqual(
            try engine.blocking.tierStatus(user: "u1"),
            silver(since: t2, periodEnd: q1EndMs, figure: 27200, atPeriodEnd: 27200))

        // The last millisecond of the quarter: Silver still.
        clock.advance(ms: q1EndMs - 1 - clock.now)
        XCTAssertEqual(
            try engine.blocking.tierStatus(user: "u1"),
            silver(since: t2, periodEnd: q1EndMs, figure: 27200, atPeriodEnd: 27200))
        let quarterEvents = try engine.blocking.latestEventSeq()

        // An hour past the quarter's end: the review gives what 27200 qualifies for, Normal,
        // since the period end; the next review is Q2's end. 30000 - 27200 = 28.00 to Silver
        // again; at Q2's end the Q1 payments are still inside the 365-day window.
        clock.advance(ms: 1 + hour)
        let reviewed = normal(since: q1EndMs, periodEnd: q2EndMs, figure: 27200, atPeriodEnd: 27200)
        // Reading shows the review and changes nothing.
        XCTAssertEqual(try engine.blocking.tierStatus(user: "u1"), reviewed)
        XCTAssertEqual(try engine.blocking.latestEventSeq(), quarterEvents)
        // The sweep makes it: one downgrade, u1's.
        while try await engine.sweep().more {}
        let downgrades = try engine.blocking.readEvents(type: "tier.downgraded")
        XCTAssertEqual(downgrades.map(\.subjectId), ["u1"])
        let swept = try await engine.tierStatus(user: "u1")
        XCTAssertEqual(swept, reviewed)
        XCTAssertEqual(reviewed.toNext, 2800)
        // Normal's benefits again: list prices, 8.00 shipping, x1.
        try engine.blocking.addToCart(user: "u1", sku: "cup", quantity: 1)
        let quote4 = try engine.blocking.quote(user: "u1")
        XCTAssertEqual(quote4.lines.map(\.adjustments), [[]])
        XCTAssertEqual(quote4.totalMinor, 3950 + 800)
        XCTAssertEqual(quote4.pointsToEarn, 39)  // floor(3950 / 100)

        // The report: u1 and u2 both in Normal now; Silver had u1's upgrade, Normal u1's
        // downgrade at the quarter's end.
        let zero = { (id: String) in SCTierReportRow(tierId: id, members: 0, upgrades: 0, downgrades: 0) }
        let report = try await engine.tierReport()
        XCTAssertEqual(report, [
            SCTierReportRow(tierId: "normal", members: 2, upgrades: 0, downgrades: 1),
            SCTierReportRow(tierId: "silver", members: 0, upgrades: 1, downgrades: 0),
            zero("gold"),
        ])
        // [t0, Q1 end): the upgrade only; members are counted as of now.
        XCTAssertEqual(try engine.blocking.tierReport(fromMs: t0, toMs: q1EndMs), [
            SCTierReportRow(tierId: "normal", members: 2, upgrades: 0, downgrades: 0),
            SCTierReportRow(tierId: "silver", members: 0, upgrades: 1, downgrades: 0),
            zero("gold"),
        ])
        // [Q1 end, Q1 end + 1 day): the downgrade only.
        XCTAssertEqual(try engine.blocking.tierReport(fromMs: q1EndMs, toMs: q1EndMs + day), [
            SCTierReportRow(tierId: "normal", members: 2, upgrades: 0, downgrades: 1),
            SCTierReportRow(tierId: "silver", members: 0, upgrades: 0, downgrades: 0),
            zero("gold"),
        ])
        assertThrows(.invalidArgument, field: "to_ms", try engine.blocking.tierReport(fromMs: 10, toMs: 5))

        // u2: 6800 paid, Normal; 300.00 - 68.00 = 232.00 to Silver.
        let u2 = try engine.blocking.tierStatus(user: "u2")
        XCTAssertEqual(u2.tierId, "normal")
        XCTAssertEqual(u2.figure, 6800)
        XCTAssertEqual(u2.toNext, 23200)
        XCTAssertEqual(u2.periodEndMs, q2EndMs)
    }

    // A window shorter than the time left to the period end: what is paid now will have left
    // it by then, so no amount paid now keeps the tier (toKeep nil), and the figure at the
    // period end is what is paid within the window before it.
    func testToKeepIsNilWhenThePaymentWouldLeaveTheWindow() throws {
        let engine = try makeEngine(program: Self.shop)
        try engine.blocking.putTierProgram(json: """
            {"basis":"paid_spend","window_days":30,"period":"quarter","tiers":[
             {"id":"normal","name":"Normal","threshold":0},
             {"id":"silver","name":"Silver","threshold":30000}]}
            """)
        let t0 = clock.now
        // 2 teas + 2 teas and a cup on 1 January: 13600 + 17550 = 31150 >= 30000, Silver.
        try buy(engine, "u1", [("tea", 2)], key: "o1")
        try buy(engine, "u1", [("tea", 2), ("cup", 1)], key: "o2")
        // Silver is the top: no next tier. By 1 April the 30-day window holds nothing of
        // January: the review would see 0 and give Normal; 1 January + 30 days is before it,
        // so nothing paid now can count then.
        XCTAssertEqual(try engine.blocking.tierStatus(user: "u1"), SCTierStatus(
            tierId: "silver", tierName: "Silver", rank: 1, sinceMs: t0, periodEndMs: q1EndMs, figure: 31150,
            nextTierId: nil, toNext: 0, figureAtPeriodEnd: 0, tierAtPeriodEnd: "normal", toKeep: nil,
            memberPriceBps: 0, pointsMultiplierBps: 10000, freeShippingOver: nil))
        // 15 March (2026-03-15T00:00:00Z): January has left the window (figure 0), the tier has
        // not dropped; paid now, 30000 is still inside the window on 1 April (15 March + 30
        // days is 14 April): to keep 30000.
        clock.advance(ms: 1_773_532_800_000 - clock.now)
        let march = try engine.blocking.tierStatus(user: "u1")
        XCTAssertEqual(march.tierId, "silver")
        XCTAssertEqual(march.figure, 0)
        XCTAssertEqual(march.figureAtPeriodEnd, 0)
        XCTAssertEqual(march.tierAtPeriodEnd, "normal")
        XCTAssertEqual(march.toKeep, 30000)
        XCTAssertNil(march.nextTierId)
        XCTAssertEqual(march.toNext, 0)
    }

    // The "tiers" section of the program document, and a tier-only coupon template.
    func testProgramDocumentSectionAndMinTierCoupons() async throws {
        let engine = try makeEngine(program: nil)
        try engine.blocking.importProgram(Self.document(tiers: Self.tiers))
        try engine.blocking.putPointsProgram(json: Self.points)
        XCTAssertEqual(try engine.blocking.tierStatus(user: "u1").tierId, "normal")
        XCTAssertEqual(try engine.blocking.tierReport().map(\.tierId), ["normal", "silver", "gold"])
        // Putting the same program again changes nothing and logs nothing.
        let events = try engine.blocking.latestEventSeq()
        try await engine.putTierProgram(json: Self.tiers)
        XCTAssertEqual(try engine.blocking.latestEventSeq(), events)

        // Silver and above (rank >= 1) may claim it.
        try engine.blocking.putCouponTemplate(json: """
            {"id":"silver-10","title":"Silver 10","kind":"fixed_amount","value":1000,
             "validity":{"kind":"days_from_claim","days":7},"audience":{"kind":"min_tier","min_tier":1},
             "issue_mode":"claim"}
            """)
        // u1 crosses Silver with 4 teas and a cup: 27200 + 3950 = 31150 >= 30000. u2 pays one
        // tea: 6800, Normal.
        try buy(engine, "u1", [("tea", 4), ("cup", 1)], key: "o1")
        try buy(engine, "u2", [("tea", 1)], key: "u2-o1")
        XCTAssertEqual(try engine.blocking.tierStatus(user: "u1").tierId, "silver")
        // u1's first payment crossed: placed in Normal before it, upgraded by it (docs/tiers.md,
        // "When members move"), so the upgrade is an event and in the report.
        XCTAssertEqual(try engine.blocking.readEvents(type: "tier.upgraded").map(\.subjectId), ["u1"])
        XCTAssertEqual(try engine.blocking.tierReport(), [
            SCTierReportRow(tierId: "normal", members: 1, upgrades: 0, downgrades: 0),
            SCTierReportRow(tierId: "silver", members: 1, upgrades: 1, downgrades: 0),
            SCTierReportRow(tierId: "gold", members: 0, upgrades: 0, downgrades: 0),
        ])
        let coupon = try await engine.claimCoupon(user: "u1", template: "silver-10", idempotencyKey: "c1")
        XCTAssertEqual(coupon.templateId, "silver-10")
        assertThrows(.invalidState, field: "user_id", try engine.blocking.claimCoupon(
            user: "u2", template: "silver-10", idempotencyKey: "c2"))
        // A rank the program has no tier for (3 tiers: ranks 0 ... 2) is refused, and so is a
        // program that would leave the template's rank without a tier.
        assertThrows(.validation, field: "audience.min_tier", try engine.blocking.putCouponTemplate(json: """
            {"id":"rank-3","title":"Rank 3","kind":"fixed_amount","value":1000,
             "validity":{"kind":"days_from_claim","days":7},"audience":{"kind":"min_tier","min_tier":3},
             "issue_mode":"claim"}
            """))
        assertThrows(.validation, field: "tiers", try engine.blocking.putTierProgram(json: """
            {"basis":"paid_spend","window_days":365,"period":"quarter","tiers":[
             {"id":"normal","name":"Normal","threshold":0}]}
            """))
        XCTAssertEqual(try engine.blocking.tierReport().map(\.tierId), ["normal", "silver", "gold"])
        // The document names the field under its section.
        assertThrows(.validation, field: "tiers.tiers[1].threshold", try engine.blocking.importProgram(Self.document(
            tiers: #"{"basis":"paid_spend","window_days":365,"period":"quarter","tiers":[{"id":"normal","name":"Normal","threshold":0},{"id":"s","name":"S","threshold":0}]}"#)))
    }

    func testRefusedInput() async throws {
        let engine = try makeEngine(program: Self.shop)
        // No program yet: reads are refused.
        assertThrows(.invalidState, field: "tiers", try engine.blocking.tierStatus(user: "u1"))
        assertThrows(.invalidState, field: "tiers", try engine.blocking.tierReport())
        await assertThrowsAsync(.invalidState, field: "tiers") { try await engine.tierStatus(user: "u1") }

        let normal = #"{"id":"normal","name":"Normal","threshold":0}"#
        func program(_ tiers: String, basis: String = #""basis":"paid_spend","window_days":365"#,
                     period: String = "quarter") -> String {
            #"{\#(basis),"period":"\#(period)","tiers":[\#(tiers)]}"#
        }
        for (json, field) in [
            // Thresholds strictly increase: Silver's 0 does not.
            (program(normal + #",{"id":"silver","name":"Silver","threshold":0}"#), "tiers[1].threshold"),
            (program(#"{"id":"silver","name":"Silver","threshold":100}"#), "tiers[0].threshold"),
            (program(normal + #",{"id":"normal","name":"Again","threshold":100}"#), "tiers[1].id"),
            (program(normal + #",{"id":"silver","name":"","threshold":100}"#), "tiers[1].name"),
            (program(normal + #",{"id":"silver","name":"Silver","threshold":100,"benefits":{"member_price_bps":10001}}"#),
             "tiers[1].benefits.member_price_bps"),
            (program(normal + #",{"id":"silver","name":"Silver","threshold":100,"benefits":{"points_multiplier_bps":100001}}"#),
             "tiers[1].benefits.points_multiplier_bps"),
            (program(normal, basis: #""basis":"paid_spend","window_days":0"#), "window_days"),
            (program(normal, basis: #""basis":"paid_spend","window_days":3661"#), "window_days"),
            (program(normal, basis: #""basis":"growth_points","window_days":30"#), "window_days"),
            (program(normal, basis: #""basis":"visits","window_days":30"#), "basis"),
            (program(normal, period: "week"), "period"),
            (program(""), "tiers"),
        ] {
            assertThrows(.validation, field: field, try engine.blocking.putTierProgram(json: json))
        }
        await assertThrowsAsync(.validation, field: "tiers[1].threshold") {
            try await engine.putTierProgram(json: program(normal + #",{"id":"silver","name":"Silver","threshold":0}"#))
        }
        assertThrows(.validation, try engine.blocking.putTierProgram(json: "{not json"))
        assertThrows(.invalidArgument, field: "json", try engine.blocking.putTierProgram(json: "{\u{0}}"))
        // Nothing was set.
        assertThrows(.invalidState, field: "tiers", try engine.blocking.tierStatus(user: "u1"))

        // Growth points take no window (0 or omitted).
        try engine.blocking.putTierProgram(json: program(normal, basis: #""basis":"growth_points""#))
        try engine.blocking.putTierProgram(json: program(normal, basis: #""basis":"growth_points","window_days":0"#))
        XCTAssertEqual(try engine.blocking.tierStatus(user: "u1").tierId, "normal")
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.tierStatus(user: ""))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.tierStatus(user: "u\u{0}1"))
        await assertThrowsAsync(.invalidArgument, field: "user_id") { try await engine.tierStatus(user: "") }
    }

    func testCallsAfterCloseThrow() async throws {
        let engine = try makeEngine(program: Self.shop)
        try engine.blocking.putTierProgram(json: Self.tiers)
        engine.close()
        assertThrows(.engineClosed, try engine.blocking.putTierProgram(json: Self.tiers))
        assertThrows(.engineClosed, try engine.blocking.tierStatus(user: "u1"))
        assertThrows(.engineClosed, try engine.blocking.tierReport())
        await assertThrowsAsync(.engineClosed) { try await engine.tierStatus(user: "u1") }
        await assertThrowsAsync(.engineClosed) { try await engine.tierReport(fromMs: 0, toMs: 1) }
    }
}
