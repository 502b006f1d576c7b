import XCTest
@testable import SocialCart

/// Issuing coupons (sc_engine_coupon_claim, _grant, _redeem_code), listing them
/// (sc_engine_coupon_list_by_user, sc_coupons_*, sc_coupon_*), revoking them and the coupon
/// report (sc_engine_coupon_report, sc_coupon_report_*), over `PricingRules` (Support.swift).
final class CouponTests: SocialCartTestCase {
    private let day: Int64 = 86_400_000

    private func engineWithRules() throws -> SCEngine {
        let engine = try makeEngine()
        try PricingRules.put(engine)
        return engine
    }

    // sc_engine_coupon_claim and every sc_coupon_* accessor; an idempotent retry.
    func testClaim() throws {
        let engine = try engineWithRules()
        let now = clock.now
        let coupon = try engine.blocking.claimCoupon(user: "u1", template: "welcome", idempotencyKey: "c1")
        XCTAssertTrue(coupon.code.hasPrefix("cpn_"), coupon.code)
        XCTAssertEqual(coupon.id, coupon.code)
        XCTAssertEqual(coupon.templateId, "welcome")
        XCTAssertEqual(coupon.ownerId, "u1")
        XCTAssertEqual(coupon.state, .available)
        XCTAssertEqual(coupon.claimedAtMs, now)
        XCTAssertEqual(coupon.validFromMs, now)
        XCTAssertEqual(coupon.validUntilMs, now + 7 * day)
        XCTAssertEqual(coupon.validUntil.timeIntervalSince(coupon.validFrom), 7 * 86_400)
        XCTAssertEqual(coupon.claimedAt, Date(timeIntervalSince1970: Double(now) / 1000))
        XCTAssertNil(coupon.orderId)

        // The retry after a lost response: the same coupon, nothing more issued.
        clock.advance(ms: 5_000)
        XCTAssertEqual(try engine.blocking.claimCoupon(user: "u1", template: "welcome", idempotencyKey: "c1"), coupon)
        XCTAssertEqual(try engine.blocking.coupons(user: "u1"), [coupon])
        XCTAssertEqual(try engine.blocking.couponReport().first { $0.templateId == "welcome" }?.claimed, 1)

        // One per user: a second claim under a new key is refused.
        assertThrows(.limitExceeded, field: "user_id",
                     try engine.blocking.claimCoupon(user: "u1", template: "welcome", idempotencyKey: "c2"))
        // The key belongs to u1's claim of "welcome".
        assertThrows(.idempotencyConflict,
                     try engine.blocking.claimCoupon(user: "u2", template: "welcome", idempotencyKey: "c1"))
        XCTAssertEqual(try engine.blocking.claimCoupon(user: "u2", template: "welcome", idempotencyKey: "c3").ownerId, "u2")
    }

    // sc_engine_coupon_grant: two per user for "sorry".
    func testGrant() async throws {
        let engine = try engineWithRules()
        let first = try await engine.grantCoupon(user: "u1", template: "sorry", idempotencyKey: "g1")
        XCTAssertEqual(first.validUntilMs - first.validFromMs, 30 * day)
        let retried = try await engine.grantCoupon(user: "u1", template: "sorry", idempotencyKey: "g1")
        XCTAssertEqual(retried, first)
        clock.advance(ms: 1)
        let second = try await engine.grantCoupon(user: "u1", template: "sorry", idempotencyKey: "g2")
        XCTAssertNotEqual(second.code, first.code)
        await assertThrowsAsync(.limitExceeded, field: "user_id") {
            try await engine.grantCoupon(user: "u1", template: "sorry", idempotencyKey: "g3")
        }
        // Oldest claim first.
        let codes = try await engine.coupons(user: "u1").map(\.code)
        XCTAssertEqual(codes, [first.code, second.code])
    }

    // A fixed validity window: the copy's window is the template's, not the claim's.
    func testFixedWindow() throws {
        let engine = try engineWithRules()
        let now = clock.now
        try engine.blocking.putCouponTemplate(json: """
            {"id":"window","title":"Window","kind":"percent","value":1000,"max_off":500,
             "validity":{"kind":"fixed_window","valid_from":\(now - 1_000),"valid_until":\(now + day)},
             "per_user_limit":1}
            """)
        clock.advance(ms: 250)
        let coupon = try engine.blocking.claimCoupon(user: "u1", template: "window", idempotencyKey: "w1")
        XCTAssertEqual(coupon.validFromMs, now - 1_000)
        XCTAssertEqual(coupon.claimedAtMs, now + 250)
        XCTAssertEqual(coupon.validUntilMs, now + day)
        // Once the window has ended, no copy is issued.
        clock.advance(ms: day)
        assertThrows(.expired, field: "template_id",
                     try engine.blocking.claimCoupon(user: "u2", template: "window", idempotencyKey: "w2"))
        XCTAssertEqual(try engine.blocking.coupons(user: "u1").map(\.state), [.expired])
    }

    // sc_engine_coupon_redeem_code: the code matches exactly.
    func testRedeemPromoCode() throws {
        let engine = try engineWithRules()
        let coupon = try engine.blocking.redeemPromoCode(user: "u1", code: "SPRING20", idempotencyKey: "r1")
        XCTAssertEqual(coupon.templateId, "spring")
        XCTAssertEqual(coupon.state, .available)
        XCTAssertEqual(try engine.blocking.redeemPromoCode(user: "u1", code: "SPRING20", idempotencyKey: "r1"), coupon)
        assertThrows(.limitExceeded, field: "user_id",
                     try engine.blocking.redeemPromoCode(user: "u1", code: "SPRING20", idempotencyKey: "r2"))
        assertThrows(.notFound, field: "promo_code",
                     try engine.blocking.redeemPromoCode(user: "u2", code: "spring20", idempotencyKey: "r3"))
    }

    func testIssueErrors() throws {
        let engine = try engineWithRules()
        assertThrows(.notFound, field: "template_id",
                     try engine.blocking.claimCoupon(user: "u1", template: "no-such", idempotencyKey: "k1"))
        assertThrows(.notFound, field: "template_id",
                     try engine.blocking.grantCoupon(user: "u1", template: "no-such", idempotencyKey: "k1b"))
        // Each template is issued one way only.
        assertThrows(.invalidState, field: "template_id",
                     try engine.blocking.claimCoupon(user: "u1", template: "sorry", idempotencyKey: "k2"))
        assertThrows(.invalidState, field: "template_id",
                     try engine.blocking.grantCoupon(user: "u1", template: "welcome", idempotencyKey: "k3"))
        assertThrows(.invalidState, field: "template_id",
                     try engine.blocking.claimCoupon(user: "u1", template: "spring", idempotencyKey: "k4"))
        // Bad arguments.
        assertThrows(.invalidArgument, field: "user_id",
                     try engine.blocking.claimCoupon(user: "", template: "welcome", idempotencyKey: "k5"))
        assertThrows(.invalidArgument, field: "template_id",
                     try engine.blocking.claimCoupon(user: "u1", template: "", idempotencyKey: "k6"))
        assertThrows(.invalidArgument, field: "idempotency_key",
                     try engine.blocking.claimCoupon(user: "u1", template: "welcome", idempotencyKey: ""))
        assertThrows(.invalidArgument, field: "user_id",
                     try engine.blocking.grantCoupon(user: "u\u{0}1", template: "sorry", idempotencyKey: "k7"))
        assertThrows(.invalidArgument, field: "promo_code",
                     try engine.blocking.redeemPromoCode(user: "u1", code: "", idempotencyKey: "k8"))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.coupons(user: ""))
        assertThrows(.invalidArgument, field: "state", try engine.blocking.coupons(user: "u1", state: .unknown(99)))
        assertThrows(.invalidArgument, field: "code", try engine.blocking.revokeCoupon(code: ""))
        // Nothing was issued by any of them.
        XCTAssertEqual(try engine.blocking.coupons(user: "u1"), [])
        XCTAssertEqual(try engine.blocking.couponReport().map(\.claimed), [0, 0, 0])
    }

    // The template's total quantity holds across shoppers.
    func testEveryCopyTaken() throws {
        let engine = try engineWithRules()
        func rare(total: Int) -> String {
            """
            {"id":"rare","title":"Rare","kind":"fixed_amount","value":100,
             "validity":{"kind":"days_from_claim","days":1},"total_quantity":\(total),"issue_mode":"claim"}
            """
        }
        try engine.blocking.putCouponTemplate(json: rare(total: 2))
        _ = try engine.blocking.claimCoupon(user: "u1", template: "rare", idempotencyKey: "k1")
        _ = try engine.blocking.claimCoupon(user: "u2", template: "rare", idempotencyKey: "k2")
        assertThrows(.limitExceeded, field: "template_id",
                     try engine.blocking.claimCoupon(user: "u3", template: "rare", idempotencyKey: "k3"))
        let row = try XCTUnwrap(try engine.blocking.couponReport().first { $0.templateId == "rare" })
        XCTAssertEqual(row.totalQuantity, 2)
        XCTAssertEqual(row.claimed, 2)
        // The total cannot drop below the copies taken; raising it lets u3 claim.
        assertThrows(.validation, field: "total_quantity", try engine.blocking.putCouponTemplate(json: rare(total: 1)))
        try engine.blocking.putCouponTemplate(json: rare(total: 3))
        XCTAssertEqual(try engine.blocking.claimCoupon(user: "u3", template: "rare", idempotencyKey: "k3").ownerId, "u3")
    }

    // sc_engine_coupon_list_by_user by state, as the clock moves; sc_coupon_state_name.
    func testListByStateAndExpiry() throws {
        let engine = try engineWithRules()
        let held = try PricingRules.issue(engine, user: "u1")
        XCTAssertEqual(Set(try engine.blocking.coupons(user: "u1", state: .available).map(\.code)),
                       [held.welcome.code, held.sorry.code, held.spring.code])
        XCTAssertEqual(try engine.blocking.coupons(user: "u1", state: .held), [])
        XCTAssertEqual(try engine.blocking.coupons(user: "nobody"), [])

        // Checkout holds the coupons it applies, for its order.
        try PricingRules.fillCart(engine, user: "u1")
        let order = try engine.blocking.checkout(
            user: "u1", request: SCCheckoutRequest(coupons: .best), idempotencyKey: "co-1")
        let heldNow = try engine.blocking.coupons(user: "u1", state: .held)
        XCTAssertEqual(Set(heldNow.map(\.code)), [held.sorry.code, held.spring.code])
        XCTAssertEqual(Set(heldNow.map(\.orderId)), [order.id])
        XCTAssertEqual(Set(heldNow.map(\.state)), [.held])

        // The payment window (60 s) passes: the lapsed order's coupons read as available.
        clock.advance(ms: 60_001)
        XCTAssertEqual(try engine.blocking.coupons(user: "u1", state: .held), [])
        XCTAssertEqual(try engine.blocking.coupons(user: "u1", state: .available).count, 3)
        XCTAssertEqual(try engine.blocking.order(order.id).state, .cancelled)

        // Seven days after the claim, the 7-day coupons have expired; "sorry" (30 days) has not.
        clock.advance(ms: 7 * day)
        XCTAssertEqual(Set(try engine.blocking.coupons(user: "u1", state: .expired).map(\.templateId)),
                       ["welcome", "spring"])
        XCTAssertEqual(try engine.blocking.coupons(user: "u1", state: .available).map(\.templateId), ["sorry"])
        XCTAssertEqual(try engine.blocking.coupons(user: "u1").count, 3)

        XCTAssertEqual(
            [SCCouponState.available, .held, .used, .expired, .revoked].map(\.name),
            ["available", "held", "used", "expired", "revoked"])
        XCTAssertEqual(SCCouponState.unknown(42).name, "unknown")
        XCTAssertEqual("\(SCCouponState.held)", "held")
    }

    // sc_engine_coupon_revoke: an available coupon only; retries are safe.
    func testRevoke() throws {
        let engine = try engineWithRules()
        let held = try PricingRules.issue(engine, user: "u1")
        let revoked = try engine.blocking.revokeCoupon(code: held.welcome.code)
        XCTAssertEqual(revoked.code, held.welcome.code)
        XCTAssertEqual(revoked.state, .revoked)
        XCTAssertEqual(try engine.blocking.revokeCoupon(code: held.welcome.code), revoked)
        XCTAssertEqual(try engine.blocking.coupons(user: "u1", state: .revoked), [revoked])
        assertThrows(.notFound, field: "code", try engine.blocking.revokeCoupon(code: "cpn_no_such_coupon"))
        // A revoked coupon can no longer be chosen.
        try PricingRules.fillCart(engine, user: "u1")
        assertThrows(.notFound, field: "coupons", try engine.blocking.quote(
            user: "u1", request: SCCheckoutRequest(coupons: .chosen([held.welcome.code]))))
        // A held coupon cannot be revoked until its order lets go of it.
        let order = try engine.blocking.checkout(
            user: "u1", request: SCCheckoutRequest(coupons: .chosen([held.sorry.code])), idempotencyKey: "co-1")
        assertThrows(.invalidState, try engine.blocking.revokeCoupon(code: held.sorry.code))
        try engine.blocking.cancel(order: order.id)
        XCTAssertEqual(try engine.blocking.revokeCoupon(code: held.sorry.code).state, .revoked)
    }

    // sc_engine_coupon_report after a checkout, its payment, and a full refund that gives the
    // coupons back (figures of PricingTests.testBestCouponsQuoteEqualsTheOrderAndItsSnapshot).
    func testReportThroughPaymentAndFullRefund() async throws {
        let engine = try engineWithRules()
        let held = try PricingRules.issue(engine, user: "u1")
        func row(_ rows: [SCCouponReportRow], _ id: String) throws -> SCCouponReportRow {
            try XCTUnwrap(rows.first { $0.templateId == id }, id)
        }

        var report = try await engine.couponReport()
        XCTAssertEqual(report.map(\.templateId), ["sorry", "spring", "welcome"])
        XCTAssertEqual(report.map(\.totalQuantity), [nil, 1000, 100])
        XCTAssertEqual(report.map(\.claimed), [1, 1, 1])
        XCTAssertEqual(report.map(\.used), [0, 0, 0])
        XCTAssertEqual(report.map(\.discountGivenMinor), [0, 0, 0])

        try PricingRules.fillCart(engine, user: "u1")
        let order = try await engine.checkout(user: "u1", request: SCCheckoutRequest(coupons: .best), idempotencyKey: "co-1")
        XCTAssertEqual(order.totalMinor, 30700)
        report = try await engine.couponReport()
        XCTAssertEqual(report.map(\.held), [1, 1, 0])
        XCTAssertEqual(report.map(\.used), [0, 0, 0])

        let paid = try await engine.pay(order: order.id, paymentRef: "pay-1", amount: order.total, idempotencyKey: "p1")
        XCTAssertEqual(paid.state, .paid)
        XCTAssertEqual(paid.coupons, order.coupons)
        report = try await engine.couponReport()
        XCTAssertEqual(report.map(\.held), [0, 0, 0])
        XCTAssertEqual(report.map(\.used), [1, 1, 0])
        XCTAssertEqual(report.map(\.returned), [0, 0, 0])
        XCTAssertEqual(try row(report, "sorry").discountGiven, SCMoney(minorUnits: 500, currency: "CNY"))
        XCTAssertEqual(try row(report, "spring").discountGivenMinor, 2000)
        XCTAssertEqual(try row(report, "welcome").discountGivenMinor, 0)
        let used = try await engine.coupons(user: "u1", state: .used).map(\.code)
        XCTAssertEqual(Set(used), [held.sorry.code, held.spring.code])

        // A partial refund keeps the coupons used.
        _ = try await engine.refundLine(order: order.id, lineIndex: 0, quantity: 1, idempotencyKey: "r1")
        let returned = try await engine.couponReport().map(\.returned)
        XCTAssertEqual(returned, [0, 0, 0])

        // Refunding everything refundable (not the shipping: 307.00 - 20.00 = 287.00)
        // gives them back.
        let rest = paid.totalMinor - paid.shippingMinor - (try await engine.order(order.id)).refundedMinor
        let refunded = try await engine.refundAmount(order: order.id, amountMinor: rest, idempotencyKey: "r2")
        XCTAssertEqual(refunded.state, .refunded)
        XCTAssertEqual(refunded.refundedMinor, 28700)
        report = try await engine.couponReport()
        XCTAssertEqual(report.map(\.returned), [1, 1, 0])
        XCTAssertEqual(report.map(\.used), [1, 1, 0])
        XCTAssertEqual(report.map(\.discountGivenMinor), [0, 0, 0])
        XCTAssertEqual(report.map(\.currency), ["CNY", "CNY", "CNY"])
        let available = try await engine.coupons(user: "u1", state: .available).count
        XCTAssertEqual(available, 3)
        // The refunded order keeps its snapshot.
        XCTAssertEqual(refunded.coupons, order.coupons)
        XCTAssertEqual(refunded.merchants, order.merchants)
    }

    // No templates: an empty report (and no currency is needed to read it).
    func testEmptyReport() throws {
        XCTAssertEqual(try makeEngine(program: nil).blocking.couponReport(), [])
        XCTAssertEqual(try makeEngine().blocking.couponReport(), [])
    }
}
