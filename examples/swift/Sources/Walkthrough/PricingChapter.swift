import Foundation
import SocialCart

/// What the Mid-Autumn sale (chapters 11–15) leaves, for a test to check.
public struct SaleOutcome: Sendable {
    /// Lin's coupons as claimed: teahouse-10, platform-50, and the retried platform-50 claim.
    public let claimed: [SCCoupon]
    /// Wei's coupon from the promo code MOONFEST.
    public let weiCoupon: SCCoupon
    /// Chapter 12: one box and one pack of tea, best coupons.
    public let firstQuote: SCQuote
    /// Chapter 13: two boxes and the tea, best coupons, delivery.
    public let bestQuote: SCQuote
    /// Chapter 13: the same, collected from the shops.
    public let pickupQuote: SCQuote
    /// Chapter 14: the order as checked out (unpaid).
    public let order: SCOrder
    /// Chapter 14: Lin's coupons while the order is unpaid, then once it is paid.
    public let couponsAfterCheckout: [SCCoupon]
    public let couponsAfterPayment: [SCCoupon]
    /// Chapter 15: the order after the refund of its goods.
    public let refunded: SCOrder
    /// Chapter 15: Lin's coupons after the refund.
    public let couponsAfterRefund: [SCCoupon]
    /// Chapter 15: the coupon report.
    public let report: [SCCouponReportRow]
}

/// Chapters 11–15 of the walkthrough, as examples/walkthrough/pricing_chapter.c tells them:
/// the operator loads promotions, shipping and coupon templates; Lin claims coupons, sees
/// what she is missing, lets the engine choose the best coupons, pays, and returns the
/// whole order: her coupon comes back. Wei, who never paid an order, redeems a new-user
/// promo code that Lin cannot.
func tellPricingChapter(
    engine: SCEngine, clock: StoryClock, story: Story, promotionsPath: String
) throws -> SaleOutcome {
    let say = story.say
    say("\n11. The Mid-Autumn sale. The operator loads \(promotionsPath):")
    say("    20 off 200 (50 off 400) on everything, shipping 10 a shop (free from 199),\n"
        + "    and three coupon templates.")
    try engine.blocking.importProgram(contentsOf: URL(fileURLWithPath: promotionsPath))

    say("\n    Lin claims two coupons; her app retries one claim, which changes nothing.")
    let claimed = try [
        story.claim("lin", "teahouse-10", key: "lin-claim-teahouse"),
        story.claim("lin", "platform-50", key: "lin-claim-platform"),
        story.claim("lin", "platform-50", key: "lin-claim-platform"),
    ]
    say("    Wei, who has never paid an order, redeems the new-user code MOONFEST; Lin cannot:")
    let weiCoupon = try engine.blocking.redeemPromoCode(user: "wei", code: "MOONFEST", idempotencyKey: "wei-moonfest")
    say("    Wei has coupon \(weiCoupon.code) (\(weiCoupon.templateId))")
    try story.expectRefusal(.invalidState) {
        _ = try engine.blocking.redeemPromoCode(user: "lin", code: "MOONFEST", idempotencyKey: "lin-moonfest")
    }

    say("\n12. Lin ticks the mooncakes she kept and adds a pack of tea. The app asks for the\n"
        + "    best coupons; the quote says what the platform coupon still needs:")
    let best = SCCheckoutRequest(coupons: .best)
    try engine.blocking.selectCartLine(user: "lin", sku: "mooncake-box", selected: true)
    try engine.blocking.addToCart(user: "lin", sku: "tea-oolong-250g", quantity: 1)
    let firstQuote = try engine.blocking.quote(user: "lin", request: best)
    try story.printQuote(firstQuote)

    say("\n13. She adds a second box: the sale applies and the bakery ships free. The engine\n"
        + "    picks the platform coupon: 50 off beats 10 off, and after it the tea comes to\n"
        + "    53.31, below the 60 the tea-house coupon needs, so the two do not combine.")
    try engine.blocking.addToCart(user: "lin", sku: "mooncake-box", quantity: 1)
    let bestQuote = try engine.blocking.quote(user: "lin", request: best)
    try story.printQuote(bestQuote)
    let pickupQuote = try engine.blocking.quote(
        user: "lin", request: SCCheckoutRequest(coupons: .best, shipping: .pickup))
    say("    Collected from the shops instead: payable \(try pickupQuote.total.formatted())")

    say("\n14. Checkout with the same request charges exactly the quote; the coupon is held.")
    let order = try engine.blocking.checkout(user: "lin", request: best, idempotencyKey: "lin-checkout-2")
    try story.printOrder(order)
    say("    same as the quote: \(order.total == bestQuote.total ? "yes" : "NO")")
    for coupon in order.coupons {
        say("    coupon \(coupon.code) (\(coupon.templateId)) takes \(try coupon.amount.formatted())")
    }
    let couponsAfterCheckout = try story.printCoupons("lin")
    clock.advance(minutes: 3)
    try engine.blocking.pay(
        order: order.id, paymentRef: "wxpay-20261125-0002", amount: order.total, idempotencyKey: "lin-pay-2")
    say("    Paid. The coupon is used:")
    let couponsAfterPayment = try story.printCoupons("lin")

    say("\n15. The next day Lin returns the whole order. The shop refunds the goods (shipping\n"
        + "    is not refunded) and her platform coupon, still valid, comes back to her.")
    clock.advance(minutes: 60 * 24)
    let goods = SCMoney(minorUnits: order.totalMinor - order.shippingMinor, currency: order.currency)
    let refunded = try engine.blocking.refundAmount(order: order.id, amount: goods, idempotencyKey: "lin-refund-2")
    try story.printOrder(refunded)
    let couponsAfterRefund = try story.printCoupons("lin")
    say("    The coupon report the operator reads:")
    let report = try story.printReport()

    return SaleOutcome(
        claimed: claimed, weiCoupon: weiCoupon, firstQuote: firstQuote, bestQuote: bestQuote,
        pickupQuote: pickupQuote, order: order, couponsAfterCheckout: couponsAfterCheckout,
        couponsAfterPayment: couponsAfterPayment, refunded: refunded,
        couponsAfterRefund: couponsAfterRefund, report: report)
}

extension Story {
    func claim(_ user: String, _ template: String, key: String) throws -> SCCoupon {
        let coupon = try engine.blocking.claimCoupon(user: user, template: template, idempotencyKey: key)
        say("    \(user) claims \(template): coupon \(coupon.code), valid for "
            + "\((coupon.validUntilMs - coupon.validFromMs) / 86_400_000) days")
        return coupon
    }

    /// Every figure of a quote an app would show: lines with their adjustments, merchants,
    /// totals, and each coupon that did not apply with its reason.
    func printQuote(_ quote: SCQuote) throws {
        for line in quote.lines {
            var text = "      \(line.quantity) x \(pad(line.skuId, 16)) \(lpad(try line.base.formatted(), 12))"
            for adjustment in line.adjustments {
                text += "  -\(try adjustment.amount.formatted()) \(label(adjustment, in: quote))"
            }
            say(text + "  = \(try line.net.formatted())")
        }
        for merchant in quote.merchants {
            let goods = SCMoney(minorUnits: merchant.subtotalMinor - merchant.discountMinor, currency: quote.currency)
            var text = "      \(pad(merchant.id, 12)) goods \(try goods.formatted()), "
                + "shipping \(try merchant.shipping.formatted())"
            if merchant.shippingFeeMinor == 0 && merchant.subtotalMinor > 0 { text += " (free)" }
            say(text)
        }
        say("      payable \(try quote.total.formatted()), saved \(try quote.saved.formatted())")
        for explanation in quote.explanations {
            var text = "      not applied: \(explanation.templateId): \(explanation.reason)"
            if explanation.reason == .belowMinSpend { text += " (spend \(try explanation.missing.formatted()) more)" }
            say(text)
        }
    }

    /// What a line adjustment is, for people: a promotion's id, or "coupon <template>".
    private func label(_ adjustment: SCAdjustment, in quote: SCQuote) -> String {
        guard adjustment.kind == .coupon else { return adjustment.source }
        let template = quote.coupons.first { $0.code == adjustment.source }?.templateId ?? adjustment.source
        return "coupon \(template)"
    }

    @discardableResult
    func printCoupons(_ user: String) throws -> [SCCoupon] {
        let coupons = try engine.blocking.coupons(user: user)
        for coupon in coupons { say("      \(pad(coupon.templateId, 12)) \(coupon.state.name)") }
        return coupons
    }

    func printReport() throws -> [SCCouponReportRow] {
        let rows = try engine.blocking.couponReport()
        say("      \(pad("template", 12)) \(lpad("offered", 8)) \(lpad("claimed", 7)) \(lpad("used", 4)) "
            + "\(lpad("returned", 8)) \(lpad("held", 4)) \(lpad("discount given", 14))")
        for row in rows {
            let offered = row.totalQuantity.map { String($0) } ?? "unlimited"
            say("      \(pad(row.templateId, 12)) \(lpad(offered, 8)) \(lpad(String(row.claimed), 7)) "
                + "\(lpad(String(row.used), 4)) \(lpad(String(row.returned), 8)) \(lpad(String(row.held), 4)) "
                + lpad(try row.discountGiven.formatted(), 14))
        }
        return rows
    }
}
