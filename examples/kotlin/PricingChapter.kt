// Chapters 11–15 of the Kotlin walkthrough: the Mid-Autumn sale, as
// examples/walkthrough/pricing_chapter.c tells it. The operator loads promotions,
// shipping and coupon templates; Lin claims coupons, sees what she is missing, lets
// the engine choose the best coupons, pays, and returns the whole order: her coupon
// comes back. Wei, who never paid an order, redeems a new-user promo code that Lin
// cannot. It prints the same figures as the C walkthrough.

import socialcart.AdjustmentKind
import socialcart.CheckoutRequest
import socialcart.CouponChoice
import socialcart.Engine
import socialcart.ErrorCode
import socialcart.ExplanationReason
import socialcart.Quote
import socialcart.ShippingMethod
import socialcart.SocialCart
import java.io.File

internal fun tellPricingChapter(shop: Engine, clock: StoryClock, promotionsPath: String) {
    println("\n11. The Mid-Autumn sale. The operator loads $promotionsPath:")
    println("    20 off 200 (50 off 400) on everything, shipping 10 a shop (free from 199),\n" +
        "    and three coupon templates.")
    shop.importProgram(File(promotionsPath).readText(Charsets.UTF_8))

    println("\n    Lin claims two coupons; her app retries one claim, which changes nothing.")
    claim(shop, "lin", "teahouse-10", "lin-claim-teahouse")
    claim(shop, "lin", "platform-50", "lin-claim-platform")
    claim(shop, "lin", "platform-50", "lin-claim-platform")
    println("    Wei, who has never paid an order, redeems the new-user code MOONFEST; Lin cannot:")
    val weiCoupon = shop.redeemPromoCode("wei", "MOONFEST", "wei-moonfest")
    println("    Wei has coupon ${weiCoupon.code} (${weiCoupon.templateId})")
    refused(ErrorCode.INVALID_STATE) { shop.redeemPromoCode("lin", "MOONFEST", "lin-moonfest") }

    println("\n12. Lin ticks the mooncakes she kept and adds a pack of tea. The app asks for the\n" +
        "    best coupons; the quote says what the platform coupon still needs:")
    val best = CheckoutRequest(CouponChoice.Best)
    shop.selectCartLine("lin", "mooncake-box", true)
    shop.addToCart("lin", "tea-oolong-250g", 1)
    printQuote(shop.quote("lin", best))

    println("\n13. She adds a second box: the sale applies and the bakery ships free. The engine\n" +
        "    picks the platform coupon: 50 off beats 10 off, and after it the tea comes to\n" +
        "    53.31, below the 60 the tea-house coupon needs, so the two do not combine.")
    shop.addToCart("lin", "mooncake-box", 1)
    val quote = shop.quote("lin", best)
    printQuote(quote)
    val collected = shop.quote("lin", CheckoutRequest(CouponChoice.Best, ShippingMethod.PICKUP))
    println("    Collected from the shops instead: payable " +
        SocialCart.formatMoney(collected.total, collected.currency))

    println("\n14. Checkout with the same request charges exactly the quote; the coupon is held.")
    val order = shop.checkout("lin", best, "lin-checkout-2")
    printOrder(order)
    println("    same as the quote: ${if (order.total == quote.total) "yes" else "NO"}")
    for (coupon in order.coupons) {
        val amount = SocialCart.formatMoney(coupon.amount, order.currency)
        println("    coupon ${coupon.code} (${coupon.templateId}) takes $amount")
    }
    printCoupons(shop, "lin")
    clock.advanceMinutes(3)
    shop.pay(order.id, "wxpay-20261125-0002", order.total, "lin-pay-2")
    println("    Paid. The coupon is used:")
    printCoupons(shop, "lin")

    println("\n15. The next day Lin returns the whole order. The shop refunds the goods (shipping\n" +
        "    is not refunded) and her platform coupon, still valid, comes back to her.")
    clock.advanceMinutes(60 * 24)
    printOrder(shop.refundAmount(order.id, order.total - order.shipping, "lin-refund-2"))
    printCoupons(shop, "lin")
    println("    The coupon report the operator reads:")
    printCouponReport(shop)
}

private fun claim(shop: Engine, userId: String, templateId: String, idempotencyKey: String) {
    val coupon = shop.claimCoupon(userId, templateId, idempotencyKey)
    println("    $userId claims $templateId: coupon ${coupon.code}, valid for " +
        "${(coupon.validUntilMs - coupon.validFromMs) / 86_400_000} days")
}

/**
 * Every figure of a quote an app would show: lines with their adjustments, merchants,
 * totals, and each coupon that did not apply with its reason.
 */
private fun printQuote(q: Quote) {
    val money = { amount: Long -> SocialCart.formatMoney(amount, q.currency) }
    for (line in q.lines) {
        val text = StringBuilder("      %d x %-16s %12s".format(line.quantity, line.skuId, money(line.base)))
        for (adjustment in line.adjustments) {
            // A promotion by its id; a coupon by its template, for people.
            val label = if (adjustment.kind == AdjustmentKind.COUPON) {
                "coupon " + (q.coupons.firstOrNull { it.code == adjustment.source }?.templateId ?: adjustment.source)
            } else {
                adjustment.source
            }
            text.append("  -${money(adjustment.amount)} $label")
        }
        println("$text  = ${money(line.net)}")
    }
    for (m in q.merchants) {
        val free = if (m.shippingFee == 0L && m.subtotal > 0) " (free)" else ""
        println("      %-12s goods %s, shipping %s%s".format(m.id, money(m.subtotal - m.discount),
            money(m.shipping), free))
    }
    println("      payable ${money(q.total)}, saved ${money(q.saved)}")
    for (e in q.explanations) {
        val missing = if (e.reason == ExplanationReason.BELOW_MIN_SPEND) " (spend ${money(e.missing)} more)" else ""
        println("      not applied: ${e.templateId}: ${e.rawReason}$missing")
    }
}

private fun printCoupons(shop: Engine, userId: String) {
    for (c in shop.coupons(userId)) {
        println("      %-12s %s".format(c.templateId, SocialCart.couponStateName(c.state)))
    }
}

private fun printCouponReport(shop: Engine) {
    println("      %-12s %8s %7s %4s %8s %4s %14s".format("template", "offered", "claimed", "used", "returned",
        "held", "discount given"))
    for (row in shop.couponReport()) {
        val offered = row.totalQuantity?.toString() ?: "unlimited"
        println("      %-12s %8s %7d %4d %8d %4d %14s".format(row.templateId, offered, row.claimed, row.used,
            row.returned, row.held, SocialCart.formatMoney(row.discountGiven, row.currency)))
    }
}
