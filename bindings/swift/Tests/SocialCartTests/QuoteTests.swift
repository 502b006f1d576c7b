import XCTest
@testable import SocialCart

final class QuoteTests: SocialCartTestCase {
    // sc_engine_quote and every sc_quote_* accessor
    func testQuoteSelectedLines() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 2)
        try engine.blocking.addToCart(user: "u1", sku: "cup", quantity: 1)
        try engine.blocking.addToCart(user: "u1", sku: "cake", quantity: 1)
        try engine.blocking.selectCartLine(user: "u1", sku: "cake", selected: false)
        let quote = try engine.blocking.quote(user: "u1")
        XCTAssertEqual(quote.currency, "CNY")
        XCTAssertEqual(quote.lines.map(\.skuId), ["tea", "cup"])
        XCTAssertEqual(quote.lines[0].quantity, 2)
        XCTAssertEqual(quote.lines[0].unitPriceMinor, 6800)
        XCTAssertEqual(quote.lines[0].baseMinor, 13600)
        XCTAssertEqual(quote.lines[1].baseMinor, 3950)
        XCTAssertEqual(quote.subtotalMinor, 17550)
        XCTAssertEqual(quote.lines.map(\.netMinor).reduce(0, +), quote.totalMinor)
        XCTAssertLessThanOrEqual(quote.totalMinor, quote.subtotalMinor)
    }

    // The whole quote for a cart over two merchants and a program without rules: nothing
    // taken off, no shipping, one share per merchant. (PricingTests prices a cart with
    // promotions, coupons and shipping rules.)
    func testQuoteOverTwoMerchantsWithoutRules() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 2)
        try engine.blocking.addToCart(user: "u1", sku: "cake", quantity: 1)
        try engine.blocking.addToCart(user: "u1", sku: "cup", quantity: 1)
        let quote = try engine.blocking.quote(user: "u1")
        XCTAssertEqual(quote.lines.map(\.skuId), ["tea", "cake", "cup"])
        XCTAssertEqual(quote.lines.map(\.merchantId), ["m1", "m2", "m1"])
        XCTAssertEqual(quote.lines.map(\.adjustments), [[], [], []])
        XCTAssertEqual(quote.lines.map(\.netMinor), [13600, 12800, 3950])
        XCTAssertEqual(quote.subtotalMinor, 30350)
        XCTAssertEqual(quote.discountMinor, 0)
        XCTAssertEqual(quote.shippingMinor, 0)
        XCTAssertEqual(quote.savedMinor, 0)
        XCTAssertEqual(quote.totalMinor, 30350)
        XCTAssertEqual(quote.discount, SCMoney(minorUnits: 0, currency: "CNY"))
        XCTAssertEqual(quote.shipping, SCMoney(minorUnits: 0, currency: "CNY"))
        XCTAssertEqual(quote.saved, SCMoney(minorUnits: 0, currency: "CNY"))
        XCTAssertEqual(quote.total, SCMoney(minorUnits: 30350, currency: "CNY"))

        // Merchants in the order each first appears among the lines.
        XCTAssertEqual(quote.merchants.map(\.id), ["m1", "m2"])
        XCTAssertEqual(quote.merchants[0], SCQuoteMerchant(
            id: "m1", currency: "CNY", subtotalMinor: 17550, discountMinor: 0, shippingFeeMinor: 0,
            shippingWaivedMinor: 0, shippingWaivedBy: nil, shippingMinor: 0, totalMinor: 17550, pointsAmountMinor: 0))
        XCTAssertEqual(quote.merchants[1], SCQuoteMerchant(
            id: "m2", currency: "CNY", subtotalMinor: 12800, discountMinor: 0, shippingFeeMinor: 0,
            shippingWaivedMinor: 0, shippingWaivedBy: nil, shippingMinor: 0, totalMinor: 12800, pointsAmountMinor: 0))
        XCTAssertEqual(quote.merchants.map(\.totalMinor).reduce(0, +), quote.totalMinor)
        XCTAssertEqual(quote.merchants[1].total, SCMoney(minorUnits: 12800, currency: "CNY"))
        XCTAssertEqual(quote.merchants[1].shippingFee, SCMoney(minorUnits: 0, currency: "CNY"))

        XCTAssertEqual(quote.promotions, [])
        XCTAssertEqual(quote.coupons, [])
        XCTAssertEqual(quote.gifts, [])
        XCTAssertEqual(quote.explanations, [])

        // Deselecting m2's only line drops the merchant.
        try engine.blocking.selectCartLine(user: "u1", sku: "cake", selected: false)
        let m1Only = try engine.blocking.quote(user: "u1")
        XCTAssertEqual(m1Only.merchants.map(\.id), ["m1"])
        XCTAssertEqual(m1Only.merchants[0].totalMinor, m1Only.totalMinor)
    }

    func testEmptyQuoteHasNoMerchants() throws {
        let engine = try makeEngine()
        let quote = try engine.blocking.quote(user: "nobody")
        XCTAssertEqual(quote.merchants, [])
        XCTAssertEqual(quote.discountMinor, 0)
        XCTAssertEqual(quote.shippingMinor, 0)
        XCTAssertEqual(quote.savedMinor, 0)
        XCTAssertEqual(quote.promotions, [])
        XCTAssertEqual(quote.coupons, [])
        XCTAssertEqual(quote.gifts, [])
        XCTAssertEqual(quote.explanations, [])
    }

    // The names the library writes, and names from a newer library kept as they are.
    func testAdjustmentKindAndExplanationReasonNames() {
        let kinds = ["item_price", "promotion", "coupon"].map(SCAdjustment.Kind.init(rawValue:))
        XCTAssertEqual(kinds, [.itemPrice, .promotion, .coupon])
        XCTAssertEqual(kinds.map(\.rawValue), ["item_price", "promotion", "coupon"])
        XCTAssertEqual(SCAdjustment.Kind(rawValue: "bundle"), .unknown("bundle"))
        XCTAssertEqual(SCAdjustment.Kind(rawValue: "bundle").rawValue, "bundle")
        let names = ["not_yet_valid", "expired", "not_available", "below_min_spend", "out_of_scope",
                     "not_stackable", "one_per_issuer", "not_better", "not_chosen", "zero_discount"]
        let reasons = names.map(SCCouponExplanation.Reason.init(rawValue:))
        XCTAssertEqual(reasons, [.notYetValid, .expired, .notAvailable, .belowMinSpend, .outOfScope,
                                 .notStackable, .onePerIssuer, .notBetter, .notChosen, .zeroDiscount])
        XCTAssertEqual(reasons.map(\.rawValue), names)
        XCTAssertEqual(SCCouponExplanation.Reason(rawValue: "members_only"), .unknown("members_only"))
        XCTAssertEqual("\(SCCouponExplanation.Reason(rawValue: "members_only"))", "members_only")
    }

    func testEmptyQuote() throws {
        let engine = try makeEngine()
        let quote = try engine.blocking.quote(user: "nobody")
        XCTAssertEqual(quote.lines, [])
        XCTAssertEqual(quote.subtotalMinor, 0)
        XCTAssertEqual(quote.totalMinor, 0)
        XCTAssertEqual(try makeEngine(program: nil).blocking.quote(user: "u").currency, "")
    }

    func testQuoteOverflow() throws {
        let engine = try makeEngine()
        try engine.blocking.putSku(SCSku(id: "gold", merchantId: "m", title: "Gold", currency: "CNY", listPriceMinor: Int64.max - 10))
        try engine.blocking.addToCart(user: "u1", sku: "gold")
        try engine.blocking.addToCart(user: "u1", sku: "cake")
        assertThrows(.overflow, try engine.blocking.quote(user: "u1"))
    }

    func testQuoteEmptyUserIdIsInvalid() throws {
        let engine = try makeEngine()
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.quote(user: ""))
    }
}
