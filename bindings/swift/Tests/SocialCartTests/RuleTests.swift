import XCTest
@testable import SocialCart

/// Rules one at a time: sc_engine_promotion_put, sc_engine_coupon_template_put,
/// sc_engine_shipping_rule_put.
final class RuleTests: SocialCartTestCase {
    // A promotion put is priced by the next quote; a put with the same id replaces it.
    func testPromotionPutIsPricedByTheNextQuote() async throws {
        let engine = try makeEngine()
        try await engine.addToCart(user: "u1", sku: "tea", quantity: 3)  // 204.00 at m1
        let before = try await engine.quote(user: "u1").discountMinor
        XCTAssertEqual(before, 0)

        try await engine.putPromotion(json: PricingRules.spend200)
        var quote = try await engine.quote(user: "u1")
        XCTAssertEqual(quote.promotions, [SCAppliedPromotion(id: "spend200", currency: "CNY", amountMinor: 2000)])
        XCTAssertEqual(quote.lines[0].adjustments.map(\.source), ["spend200"])
        XCTAssertEqual(quote.totalMinor, 20400 - 2000)

        // Replaced: two tiers now, 35.00 off from 200.00.
        try await engine.putPromotion(json: """
            {"id":"spend200","title":"Tiers","kind":"threshold",
             "tiers":[{"min_spend":10000,"off":1000},{"min_spend":20000,"off":3500}]}
            """)
        quote = try await engine.quote(user: "u1")
        XCTAssertEqual(quote.promotions.map(\.amountMinor), [3500])
        try await engine.setCartQuantity(user: "u1", sku: "tea", quantity: 2)  // 136.00: the first tier
        let firstTier = try await engine.quote(user: "u1").discountMinor
        XCTAssertEqual(firstTier, 1000)

        // A promotion that has not started yet is stored but not priced. Its lower priority
        // makes it apply after spend200: half of 136.00 - 10.00.
        let later = clock.now + 3_600_000
        try await engine.putPromotion(json: """
            {"id":"later","title":"Later","kind":"percent_off","bps":5000,"priority":-1,"starts_at":\(later)}
            """)
        let notStarted = try await engine.quote(user: "u1").promotions.map(\.id)
        XCTAssertEqual(notStarted, ["spend200"])
        clock.advance(ms: 3_600_000)
        quote = try await engine.quote(user: "u1")
        XCTAssertEqual(quote.promotions.map(\.id), ["spend200", "later"])
        XCTAssertEqual(quote.promotions.map(\.amountMinor), [1000, 6300])
        XCTAssertEqual(quote.totalMinor, 13600 - 1000 - 6300)

        // Rules are read back with the program document.
        let exported = try await engine.exportProgram()
        XCTAssertTrue(exported.contains("\"spend200\""), exported)
        XCTAssertTrue(exported.contains("\"later\""), exported)
    }

    // A shipping rule put is charged by the next quote, per merchant; "" is the default.
    func testShippingRulePut() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "tea")
        try engine.blocking.addToCart(user: "u1", sku: "cake")
        XCTAssertEqual(try engine.blocking.quote(user: "u1").shippingMinor, 0)  // no rule: ships free
        try engine.blocking.putShippingRule(json: #"{"merchant_id":"","flat_fee":600}"#)
        XCTAssertEqual(try engine.blocking.quote(user: "u1").merchants.map(\.shippingFeeMinor), [600, 600])
        try engine.blocking.putShippingRule(json: PricingRules.shippingM2)
        let quote = try engine.blocking.quote(user: "u1")
        XCTAssertEqual(quote.merchants.map(\.shippingFeeMinor), [600, 1200])
        XCTAssertEqual(quote.totalMinor, 6800 + 12800 + 1800)
        // Replaced: m2 now ships free from 100.00.
        try engine.blocking.putShippingRule(json: #"{"merchant_id":"m2","flat_fee":1200,"free_over":10000}"#)
        XCTAssertEqual(try engine.blocking.quote(user: "u1").merchants.map(\.shippingFeeMinor), [600, 0])
    }

    // A coupon template put can be claimed at once.
    func testCouponTemplatePut() throws {
        let engine = try makeEngine()
        assertThrows(.notFound, field: "template_id",
                     try engine.blocking.claimCoupon(user: "u1", template: "welcome", idempotencyKey: "k"))
        try engine.blocking.putCouponTemplate(json: PricingRules.welcome)
        XCTAssertEqual(try engine.blocking.claimCoupon(user: "u1", template: "welcome", idempotencyKey: "k").templateId,
                       "welcome")
        // Another template may not take the same promo code.
        try engine.blocking.putCouponTemplate(json: PricingRules.spring)
        assertThrows(.validation, field: "promo_code", try engine.blocking.putCouponTemplate(
            json: PricingRules.spring.replacingOccurrences(of: #""id":"spring""#, with: #""id":"spring2""#)))
    }

    // Invalid entries: SC_ERR_VALIDATION with the field at fault; nothing is stored.
    func testBadEntriesNameTheField() async throws {
        let engine = try makeEngine()
        // Tiers must ascend.
        assertThrows(.validation, field: "tiers[1].min_spend", try engine.blocking.putPromotion(json: """
            {"id":"p","title":"P","kind":"threshold","tiers":[{"min_spend":20000,"off":2000},{"min_spend":10000,"off":500}]}
            """))
        assertThrows(.validation, field: "colour", try engine.blocking.putPromotion(
            json: #"{"id":"p","title":"P","kind":"threshold","colour":"red"}"#))
        assertThrows(.validation, field: "kind", try engine.blocking.putPromotion(
            json: #"{"id":"p","title":"P","kind":"bogof"}"#))
        assertThrows(.validation, field: "bps", try engine.blocking.putPromotion(
            json: #"{"id":"p","title":"P","kind":"percent_off","bps":20000}"#))
        assertThrows(.validation, field: "id", try engine.blocking.putPromotion(
            json: #"{"title":"P","kind":"threshold"}"#))
        assertThrows(.validation, field: "value", try engine.blocking.putCouponTemplate(json: """
            {"id":"c","title":"C","kind":"fixed_amount","value":0,"validity":{"kind":"days_from_claim","days":7}}
            """))
        assertThrows(.validation, field: "validity", try engine.blocking.putCouponTemplate(
            json: #"{"id":"c","title":"C","kind":"fixed_amount","value":100}"#))
        assertThrows(.validation, field: "flat_fee", try engine.blocking.putShippingRule(
            json: #"{"merchant_id":"m1","flat_fee":-1}"#))
        assertThrows(.validation, field: "flat_fee", try engine.blocking.putShippingRule(
            json: #"{"merchant_id":"m1","flat_fee":8.5}"#))
        await assertThrowsAsync(.validation, field: "free_over") {
            try await engine.putShippingRule(json: #"{"merchant_id":"m1","flat_fee":800,"free_over":-5}"#)
        }
        // Not a JSON object at all: no field.
        for text in ["[1]", "not json", "", #"{"id":"p"} {}"#] {
            do {
                try engine.blocking.putPromotion(json: text)
                XCTFail("\(text) was accepted")
            } catch let error as SCError {
                XCTAssertEqual(error.code, .validation, "\(text): \(error)")
                XCTAssertNil(error.field, "\(text): \(error)")
            }
        }
        assertThrows(.invalidArgument, field: "json", try engine.blocking.putPromotion(json: "{\u{0}}"))
        // Nothing landed.
        XCTAssertFalse(try engine.blocking.exportProgram().contains("promotions"))
        XCTAssertFalse(try engine.blocking.exportProgram().contains("shipping_rules"))
    }
}
