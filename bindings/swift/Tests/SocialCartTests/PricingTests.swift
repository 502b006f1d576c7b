import XCTest
@testable import SocialCart

/// Quote and checkout with an `SCCheckoutRequest` (sc_checkout_request_*, sc_engine_quote,
/// sc_engine_checkout) and the order's pricing snapshot (sc_order_discount, sc_order_shipping,
/// sc_order_shipping_method, sc_order_line_adjustment_*, sc_order_merchant_*,
/// sc_order_promotion_*, sc_order_coupon_*), over `PricingRules` (Support.swift).
final class PricingTests: SocialCartTestCase {
    private func money(_ minor: Int64) -> SCMoney { SCMoney(minorUnits: minor, currency: "CNY") }

    /// An engine with the rules, u1's three coupons and u1's cart.
    private func pricedEngine() throws -> (SCEngine, HeldCoupons) {
        let engine = try makeEngine()
        try PricingRules.put(engine)
        let held = try PricingRules.issue(engine, user: "u1")
        try PricingRules.fillCart(engine, user: "u1")
        return (engine, held)
    }

    // The request's defaults: no coupons (each explained as not chosen), delivery.
    func testDefaultRequestUsesNoCouponAndDelivers() throws {
        let (engine, held) = try pricedEngine()
        XCTAssertEqual(SCCheckoutRequest(), SCCheckoutRequest(coupons: .none, shipping: .delivery))
        let quote = try engine.blocking.quote(user: "u1")
        XCTAssertEqual(try engine.blocking.quote(user: "u1", request: SCCheckoutRequest()), quote)
        XCTAssertEqual(quote.subtotalMinor, 33200)
        XCTAssertEqual(quote.discountMinor, 2000)  // spend200 only
        XCTAssertEqual(quote.shippingMinor, 800 + 1200)
        XCTAssertEqual(quote.totalMinor, 33200 - 2000 + 2000)
        XCTAssertEqual(quote.coupons, [])
        XCTAssertEqual(quote.promotions, [SCAppliedPromotion(id: "spend200", currency: "CNY", amountMinor: 2000)])
        XCTAssertEqual(
            Set(quote.explanations.map { [$0.code, $0.templateId, $0.reason.rawValue] }),
            [[held.welcome.code, "welcome", "not_chosen"], [held.sorry.code, "sorry", "not_chosen"],
             [held.spring.code, "spring", "not_chosen"]])
    }

    // Best: "sorry" (m2's) stacks with "spring" (platform, 20.00) rather than "welcome"
    // (platform, 15.00); the figures by hand:
    //   tea  3 x 68.00 = 204.00 - spend200 20.00               = 184.00
    //   cake 1 x 128.00 = 128.00 - sorry 5.00 - spring 20.00   = 103.00
    //   shipping: m1 8.00 (184.00 < 300.00), m2 12.00
    //   total 332.00 - 45.00 + 20.00 = 307.00
    func testBestCouponsQuoteEqualsTheOrderAndItsSnapshot() throws {
        let (engine, held) = try pricedEngine()
        let best = SCCheckoutRequest(coupons: .best)
        let quote = try engine.blocking.quote(user: "u1", request: best)
        XCTAssertEqual(quote.lines.map(\.skuId), ["tea", "cake"])
        XCTAssertEqual(quote.lines.map(\.netMinor), [18400, 10300])
        XCTAssertEqual(quote.lines[0].adjustments, [
            SCAdjustment(kind: .promotion, source: "spend200", currency: "CNY", amountMinor: 2000)])
        XCTAssertEqual(quote.lines[1].adjustments, [
            SCAdjustment(kind: .coupon, source: held.sorry.code, currency: "CNY", amountMinor: 500),
            SCAdjustment(kind: .coupon, source: held.spring.code, currency: "CNY", amountMinor: 2000)])
        XCTAssertEqual(quote.discount, money(4500))
        XCTAssertEqual(quote.shipping, money(2000))
        XCTAssertEqual(quote.total, money(30700))
        XCTAssertEqual(quote.saved, money(4500))
        XCTAssertEqual(quote.coupons, [
            SCAppliedCoupon(code: held.sorry.code, templateId: "sorry", currency: "CNY", amountMinor: 500),
            SCAppliedCoupon(code: held.spring.code, templateId: "spring", currency: "CNY", amountMinor: 2000)])
        XCTAssertEqual(quote.explanations.map(\.code), [held.welcome.code])
        XCTAssertEqual(quote.explanations.map(\.reason), [.notBetter])
        XCTAssertEqual(quote.merchants, [
            SCQuoteMerchant(id: "m1", currency: "CNY", subtotalMinor: 20400, discountMinor: 2000,
                            shippingFeeMinor: 800, shippingWaivedMinor: 0, shippingWaivedBy: nil,
                            shippingMinor: 800, totalMinor: 19200, pointsAmountMinor: 0),
            SCQuoteMerchant(id: "m2", currency: "CNY", subtotalMinor: 12800, discountMinor: 2500,
                            shippingFeeMinor: 1200, shippingWaivedMinor: 0, shippingWaivedBy: nil,
                            shippingMinor: 1200, totalMinor: 11500, pointsAmountMinor: 0)])

        let order = try engine.blocking.checkout(user: "u1", request: best, idempotencyKey: "co-best")
        XCTAssertEqual(order.totalMinor, quote.totalMinor)
        XCTAssertEqual(order.subtotalMinor, 33200)
        XCTAssertEqual(order.discount, money(4500))
        XCTAssertEqual(order.shipping, money(2000))
        XCTAssertEqual(order.total, money(30700))
        XCTAssertEqual(order.discountMinor, quote.discountMinor)
        XCTAssertEqual(order.shippingMinor, quote.shippingMinor)
        XCTAssertEqual(order.shippingMethod, .delivery)
        XCTAssertEqual(order.merchants, quote.merchants)
        XCTAssertEqual(order.promotions, quote.promotions)
        XCTAssertEqual(order.coupons, quote.coupons)
        XCTAssertEqual(order.lines.map(\.adjustments), quote.lines.map(\.adjustments))
        XCTAssertEqual(order.lines.map(\.netMinor), quote.lines.map(\.netMinor))
        XCTAssertEqual(order.lines[1].adjustments.map(\.amount), [money(500), money(2000)])
        XCTAssertEqual(order.totalMinor, order.subtotalMinor - order.discountMinor + order.shippingMinor)

        // The snapshot is stored: every read gives it back, and a retry returns it unchanged.
        XCTAssertEqual(try engine.blocking.order(order.id), order)
        XCTAssertEqual(try engine.blocking.orders(user: "u1").items, [order])
        XCTAssertEqual(try engine.blocking.checkout(user: "u1", request: best, idempotencyKey: "co-best"), order)
        // Later rule changes do not reach a placed order.
        try engine.blocking.putShippingRule(json: #"{"merchant_id":"m2","flat_fee":0}"#)
        XCTAssertEqual(try engine.blocking.order(order.id).merchants, quote.merchants)
    }

    // .chosen prices exactly the codes given: "welcome" takes 15.00 off the tea.
    func testChosenCoupon() throws {
        let (engine, held) = try pricedEngine()
        let request = SCCheckoutRequest(coupons: .chosen([held.welcome.code]))
        let quote = try engine.blocking.quote(user: "u1", request: request)
        XCTAssertEqual(quote.lines.map(\.netMinor), [20400 - 2000 - 1500, 12800])
        XCTAssertEqual(quote.lines[0].adjustments.map(\.kind), [.promotion, .coupon])
        XCTAssertEqual(quote.coupons.map(\.code), [held.welcome.code])
        XCTAssertEqual(quote.coupons.map(\.amountMinor), [1500])
        XCTAssertEqual(quote.totalMinor, 33200 - 3500 + 2000)
        XCTAssertEqual(Set(quote.explanations.map(\.code)), [held.sorry.code, held.spring.code])
        XCTAssertEqual(Set(quote.explanations.map(\.reason)), [.notChosen])

        let order = try engine.blocking.checkout(user: "u1", request: request, idempotencyKey: "co-chosen")
        XCTAssertEqual(order.totalMinor, 31700)
        XCTAssertEqual(order.coupons, quote.coupons)
        // Only the chosen coupon is held by the order.
        XCTAssertEqual(try engine.blocking.coupons(user: "u1", state: .held).map(\.code), [held.welcome.code])

        // Two platform coupons: one applies, the other is explained with it.
        try PricingRules.fillCart(engine, user: "u1")
        let both = try engine.blocking.quote(
            user: "u1", request: SCCheckoutRequest(coupons: .chosen([held.sorry.code, held.spring.code])))
        XCTAssertEqual(both.coupons.map(\.code), [held.sorry.code, held.spring.code])
        XCTAssertEqual(both.totalMinor, 33200 - 2000 - 2500 + 2000)
        // The welcome coupon is held by the unpaid order above.
        XCTAssertEqual(both.explanations.map(\.reason), [.notAvailable])
    }

    func testTwoPlatformCouponsConflict() throws {
        let (engine, held) = try pricedEngine()
        let quote = try engine.blocking.quote(
            user: "u1", request: SCCheckoutRequest(coupons: .chosen([held.welcome.code, held.spring.code])))
        XCTAssertEqual(quote.coupons.count, 1)
        let applied = quote.coupons[0].code
        let other = applied == held.welcome.code ? held.spring.code : held.welcome.code
        let explained = quote.explanations.first { $0.code == other }
        XCTAssertEqual(explained?.reason, .onePerIssuer)
        XCTAssertEqual(explained?.conflictingCode, applied)
    }

    // Pickup: no merchant charges shipping, and the order remembers the method.
    func testPickupHasNoShipping() async throws {
        let (engine, _) = try pricedEngine()
        let request = SCCheckoutRequest(coupons: .best, shipping: .pickup)
        let quote = try await engine.quote(user: "u1", request: request)
        XCTAssertEqual(quote.shippingMinor, 0)
        XCTAssertEqual(quote.merchants.map(\.shippingMinor), [0, 0])
        XCTAssertEqual(quote.totalMinor, 33200 - 4500)
        let order = try await engine.checkout(user: "u1", request: request, idempotencyKey: "co-pickup")
        XCTAssertEqual(order.shippingMethod, .pickup)
        XCTAssertEqual(order.shipping, money(0))
        XCTAssertEqual(order.total, money(28700))
        XCTAssertEqual(order.merchants, quote.merchants)
        let reread = try await engine.order(order.id).shippingMethod
        XCTAssertEqual(reread, .pickup)
        XCTAssertEqual("\(SCShippingMethod.pickup)", "pickup")
        XCTAssertEqual("\(SCShippingMethod.delivery)", "delivery")
    }

    // The threshold of m1's shipping rule: 300.00 of goods after discounts ships free.
    func testFreeShippingOverTheThreshold() throws {
        let engine = try makeEngine()
        try PricingRules.put(engine)
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 5)  // 340.00 - 20.00 = 320.00
        let quote = try engine.blocking.quote(user: "u1")
        XCTAssertEqual(quote.merchants.map(\.shippingFeeMinor), [0])
        XCTAssertEqual(quote.totalMinor, 32000)
        try engine.blocking.setCartQuantity(user: "u1", sku: "tea", quantity: 4)  // 272.00 - 20.00
        XCTAssertEqual(try engine.blocking.quote(user: "u1").totalMinor, 25200 + 800)
    }

    // A free-shipping promotion waives m2's fee: the quote and the order say by whom.
    func testShippingWaiverIsInTheSnapshot() throws {
        let (engine, held) = try pricedEngine()
        try engine.blocking.putPromotion(json: """
            {"id":"m2-ships-free","title":"m2 ships free","kind":"free_shipping","min_spend":10000,
             "scope":{"include":{"merchants":["m2"]}}}
            """)
        let request = SCCheckoutRequest(coupons: .chosen([held.sorry.code]))
        let quote = try engine.blocking.quote(user: "u1", request: request)
        let m2 = SCQuoteMerchant(
            id: "m2", currency: "CNY", subtotalMinor: 12800, discountMinor: 500, shippingFeeMinor: 1200,
            shippingWaivedMinor: 1200, shippingWaivedBy: "m2-ships-free", shippingMinor: 0, totalMinor: 12300, pointsAmountMinor: 0)
        XCTAssertEqual(quote.merchants.last, m2)
        XCTAssertEqual(quote.merchants.last?.shippingWaived, money(1200))
        XCTAssertEqual(quote.shippingMinor, 800)
        XCTAssertEqual(quote.discountMinor, 2500)
        XCTAssertEqual(quote.savedMinor, 2500 + 1200)
        XCTAssertEqual(quote.totalMinor, 33200 - 2500 + 800)
        XCTAssertEqual(quote.promotions, [
            SCAppliedPromotion(id: "m2-ships-free", currency: "CNY", amountMinor: 1200),
            SCAppliedPromotion(id: "spend200", currency: "CNY", amountMinor: 2000)])

        let order = try engine.blocking.checkout(user: "u1", request: request, idempotencyKey: "co-waived")
        XCTAssertEqual(order.merchants.last, m2)
        XCTAssertEqual(order.promotions, quote.promotions)
        XCTAssertEqual(order.shippingMinor, 800)
        XCTAssertEqual(order.totalMinor, 31500)
    }

    // The same key with another request is a conflict, not the first order.
    func testCheckoutKeyWithAnotherRequestConflicts() throws {
        let (engine, _) = try pricedEngine()
        let order = try engine.blocking.checkout(
            user: "u1", request: SCCheckoutRequest(coupons: .best), idempotencyKey: "co-1")
        assertThrows(.idempotencyConflict, try engine.blocking.checkout(user: "u1", idempotencyKey: "co-1"))
        XCTAssertEqual(try engine.blocking.order(checkoutKey: "co-1", user: "u1"), order)
    }

    func testRequestErrors() async throws {
        let (engine, held) = try pricedEngine()
        func quote(_ codes: [String]) throws -> SCQuote {
            try engine.blocking.quote(user: "u1", request: SCCheckoutRequest(coupons: .chosen(codes)))
        }
        assertThrows(.invalidArgument, field: "code", try quote([""]))
        assertThrows(.invalidArgument, field: "code", try quote([held.sorry.code, held.sorry.code]))
        assertThrows(.invalidArgument, field: "code", try quote(["cpn\u{0}x"]))
        assertThrows(.invalidArgument, field: "code", try quote(["cpn\u{7}x"]))
        assertThrows(.limitExceeded, field: "code", try quote((0...20).map { "cpn_\($0)" }))
        // 20 codes is the limit, not an error of the request: the unknown ones are.
        assertThrows(.notFound, field: "coupons", try quote((0..<20).map { "cpn_\($0)" }))
        assertThrows(.notFound, field: "coupons", try quote(["cpn_not_held"]))
        // Another shopper's coupon is not this shopper's to use.
        let other = try engine.blocking.claimCoupon(user: "u2", template: "welcome", idempotencyKey: "u2-w")
        assertThrows(.notFound, field: "coupons", try quote([other.code]))
        // No coupons chosen at all: priced as none.
        XCTAssertEqual(try quote([]).totalMinor, try engine.blocking.quote(user: "u1").totalMinor)

        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.quote(user: "", request: SCCheckoutRequest(coupons: .best)))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.checkout(
            user: "", request: SCCheckoutRequest(coupons: .best), idempotencyKey: "k"))
        await assertThrowsAsync(.invalidArgument, field: "code") {
            try await engine.checkout(user: "u1", request: SCCheckoutRequest(coupons: .chosen([""])), idempotencyKey: "k")
        }
        await assertThrowsAsync(.notFound, field: "coupons") {
            try await engine.checkout(
                user: "u1", request: SCCheckoutRequest(coupons: .chosen(["cpn_not_held"])), idempotencyKey: "k")
        }
        // A refused checkout changed nothing: the cart and the coupons are as they were.
        XCTAssertEqual(try engine.blocking.cart(user: "u1").lines.map(\.skuId), ["tea", "cake"])
        XCTAssertEqual(try engine.blocking.coupons(user: "u1", state: .available).count, 3)
        assertThrows(.cartEmpty, try engine.blocking.checkout(
            user: "u3", request: SCCheckoutRequest(coupons: .best), idempotencyKey: "k3"))
    }
}
