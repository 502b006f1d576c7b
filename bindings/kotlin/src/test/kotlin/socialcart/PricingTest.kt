package socialcart

import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test

/**
 * Rules put one at a time, and the checkout request (coupon choice, shipping method) as a
 * quote and a checkout read it, with the order's pricing snapshot. The cart is 2 tea (68.00,
 * m-tea) + 1 mooncake box (128.00, m-bakery): 264.00 of goods.
 *
 * With TestSupport's rules, every figure follows from docs/pricing.md:
 *   - spend200 takes 20.00 off (264.00 >= 200.00), split 13600 : 12800 by largest remainder:
 *     tea 10.30, mooncake 9.70 (nets 125.70 and 118.30);
 *   - shipping: m-tea 8.00 (its goods stay under 150.00), the bakery its own flat 10.00.
 */
class PricingTest : EngineTestBase() {
    private fun pricedShop(): Engine {
        val e = openShop()
        putPricingRules(e)
        return e
    }

    private fun fillCart(e: Engine, user: String = "u1") {
        e.addToCart(user, "tea", 2)
        e.addToCart(user, "mooncake", 1)
    }

    private fun promotion(id: String, amount: Long) = Adjustment(AdjustmentKind.PROMOTION, "promotion", id, amount)
    private fun coupon(code: String, amount: Long) = Adjustment(AdjustmentKind.COUPON, "coupon", code, amount)

    @Test
    fun rulePutsShowInTheQuote() {
        val e = openShop()
        fillCart(e)
        assertEquals(26400L, e.quote("u1").total)

        e.putPromotion(SPEND200)
        var q = e.quote("u1")
        assertEquals(2000L, q.discount)
        assertEquals(0L, q.shipping) // no shipping rule: every merchant ships free
        assertEquals(24400L, q.total)
        assertEquals(listOf(AppliedPromotion("spend200", 2000)), q.promotions)
        assertEquals(listOf(listOf(promotion("spend200", 1030)), listOf(promotion("spend200", 970))), q.lines.map { it.adjustments })
        assertEquals(listOf(12570L, 11830L), q.lines.map { it.net })

        // The default rule reaches the bakery too, until it has its own.
        e.putShippingRule(SHIPPING_DEFAULT)
        q = e.quote("u1")
        assertEquals(listOf(800L, 800L), q.merchants.map { it.shippingFee })
        assertEquals(26000L, q.total)
        e.putShippingRule(SHIPPING_BAKERY)
        q = e.quote("u1")
        assertEquals(listOf(800L, 1000L), q.merchants.map { it.shipping })
        assertEquals(1800L, q.shipping)
        assertEquals(26200L, q.total)

        // A put with the same id replaces: 30.00 off now, split 1545 : 1455 (the spare unit
        // goes to the larger remainder, the mooncake's .54 over the tea's .45).
        e.putPromotion(SPEND200.replace("\"off\":2000", "\"off\":3000"))
        q = e.quote("u1")
        assertEquals(listOf(AppliedPromotion("spend200", 3000)), q.promotions)
        assertEquals(listOf(listOf(promotion("spend200", 1545)), listOf(promotion("spend200", 1455))), q.lines.map { it.adjustments })
        assertEquals(25200L, q.total)
        // Putting the same rule again changes nothing.
        val seq = e.latestEventSeq()
        e.putShippingRule(SHIPPING_BAKERY)
        assertEquals(seq, e.latestEventSeq())

        // The rules read back with the program document.
        val exported = e.exportProgram()
        assertTrue(exported, exported.contains("\"promotions\"") && exported.contains("\"spend200\""))
        assertTrue(exported, exported.contains("\"shipping_rules\"") && exported.contains("\"m-bakery\""))
        e.putCouponTemplate(WELCOME)
        assertTrue(e.exportProgram().contains("\"welcome\""))
    }

    @Test
    fun badRulesAreRefusedWithTheirField() {
        val e = pricedShop()
        fillCart(e)
        val before = e.quote("u1")
        val seq = e.latestEventSeq()
        val badTier = """{"id":"bad","title":"Bad","kind":"threshold","tiers":[{"min_spend":20000,"off":0}]}"""
        expectError(ErrorCode.VALIDATION, "tiers[0].off") { e.putPromotion(badTier) }
        val unknownField = """{"id":"bad","title":"Bad","kind":"threshold","tiers":[{"min_spend":20000,"off":100}],"bogus":1}"""
        expectError(ErrorCode.VALIDATION, "bogus") { e.putPromotion(unknownField) }
        expectError(ErrorCode.VALIDATION, "kind") { e.putPromotion("""{"id":"bad","title":"Bad","kind":"bundle"}""") }
        // Not a JSON object: no field to name.
        expectError(ErrorCode.VALIDATION, null) { e.putPromotion("[]") }
        expectError(ErrorCode.VALIDATION, null) { e.putPromotion("""{"id":""") }
        expectError(ErrorCode.VALIDATION, "flat_fee") { e.putShippingRule("""{"merchant_id":"m-bakery","flat_fee":-1}""") }
        expectError(ErrorCode.VALIDATION, "validity") {
            e.putCouponTemplate("""{"id":"x","title":"X","kind":"fixed_amount","value":100}""")
        }
        // Another template has the promo code.
        expectError(ErrorCode.VALIDATION, "promo_code") { e.putCouponTemplate(SPRING.replace("\"id\":\"spring\"", "\"id\":\"spring2\"")) }
        assertEquals(seq, e.latestEventSeq())
        // Fewer copies than are already taken.
        e.claimCoupon("u1", "welcome", "claim-1")
        e.claimCoupon("u2", "welcome", "claim-2")
        val seqAfterClaims = e.latestEventSeq()
        expectError(ErrorCode.VALIDATION, "total_quantity") {
            e.putCouponTemplate(WELCOME.replace("\"total_quantity\":2", "\"total_quantity\":1"))
        }
        // Bytes that are not UTF-8 are the argument's fault, not the document's.
        expectError(ErrorCode.INVALID_UTF8, "json") {
            Native.enginePromotionPut(e.handleForTests, byteArrayOf('{'.toByte(), 0xff.toByte(), '}'.toByte()))
        }
        expectError(ErrorCode.INVALID_ARGUMENT, "json") { e.putShippingRule("{\"merchant_id\":\"m\u0000\"}") }
        expectError(ErrorCode.INVALID_ARGUMENT, "json") { Native.engineCouponTemplatePut(e.handleForTests, null) }
        expectError(ErrorCode.INVALID_ARGUMENT, "engine") { Native.enginePromotionPut(0, utf8(SPEND200)) }
        // Nothing changed: no event since the claims, and the same figures (the quote now
        // explains u1's new coupon as not chosen).
        assertEquals(seqAfterClaims, e.latestEventSeq())
        val after = e.quote("u1")
        assertEquals(before, after.copy(explanations = emptyList()))
        assertEquals(listOf("welcome"), after.explanations.map { it.templateId })
    }

    /**
     * Best: the bakery's coupon (20.00 off its goods, template "spring", applied first by
     * template id) and the platform's welcome (15.00 off everything, split 12570 : 9830 of
     * the nets left: tea 8.42, mooncake 6.58). Shipping is unchanged (tea's goods 117.28).
     */
    @Test
    fun bestCouponsQuoteIsWhatCheckoutCharges() {
        val e = pricedShop()
        val w = e.claimCoupon("u1", "welcome", "claim-1")
        clock.advance(1) // the shopper's coupons are held (and explained) oldest claim first
        val s = e.redeemPromoCode("u1", "SPRING20", "redeem-1")
        fillCart(e)

        // No coupons by default: each held coupon is explained as not chosen.
        val plain = e.quote("u1")
        assertEquals(26200L, plain.total)
        assertEquals(listOf(w.code to ExplanationReason.NOT_CHOSEN, s.code to ExplanationReason.NOT_CHOSEN),
            plain.explanations.map { it.code to it.reason })
        assertEquals(plain, e.quote("u1", CheckoutRequest()))
        assertEquals(plain, e.quote("u1", CheckoutRequest(CouponChoice.Chosen(emptyList()))))

        val best = CheckoutRequest(CouponChoice.Best)
        val q = e.quote("u1", best)
        val teaAdjustments = listOf(promotion("spend200", 1030), coupon(w.code, 842))
        val cakeAdjustments = listOf(promotion("spend200", 970), coupon(s.code, 2000), coupon(w.code, 658))
        val merchants = listOf(
            QuoteMerchant("m-tea", 13600, 1872, 800, 0, null, 800, 12528),
            QuoteMerchant("m-bakery", 12800, 3628, 1000, 0, null, 1000, 10172)
        )
        val coupons = listOf(AppliedCoupon(s.code, "spring", 2000), AppliedCoupon(w.code, "welcome", 1500))
        assertEquals(
            Quote(
                currency = "CNY",
                lines = listOf(
                    QuoteLine("tea", 2, 6800, 13600, 11728, "m-tea", teaAdjustments),
                    QuoteLine("mooncake", 1, 12800, 12800, 9172, "m-bakery", cakeAdjustments)
                ),
                subtotal = 26400,
                total = 22700,
                discount = 5500,
                shipping = 1800,
                saved = 5500,
                merchants = merchants,
                promotions = listOf(AppliedPromotion("spend200", 2000)),
                coupons = coupons
            ),
            q
        )

        // Checkout with the same request charges exactly that and keeps it with the order.
        val order = e.checkout("u1", best, "co-1")
        assertEquals(OrderState.CREATED, order.state)
        assertEquals(q.subtotal, order.subtotal)
        assertEquals(q.discount, order.discount)
        assertEquals(q.shipping, order.shipping)
        assertEquals(q.total, order.total)
        assertEquals(ShippingMethod.DELIVERY, order.shippingMethod)
        assertEquals(q.merchants, order.merchants)
        assertEquals(q.promotions, order.promotions)
        assertEquals(q.coupons, order.coupons)
        assertEquals(
            listOf(
                OrderLine("tea", "Oolong tea", "m-tea", 2, 6800, 13600, 11728, 0, 0, teaAdjustments),
                OrderLine("mooncake", "Mooncakes", "m-bakery", 1, 12800, 12800, 9172, 0, 0, cakeAdjustments)
            ),
            order.lines
        )
        assertEquals(order.total, order.subtotal - order.discount + order.shipping)
        // The snapshot is stored: reads and pages give it back.
        assertEquals(order, e.order(order.id))
        assertEquals(listOf(order), e.orders("u1").items)
        assertEquals(order, e.order("u1", "co-1"))

        // A retry with the same key and request returns the same order; another request under
        // the same key is a conflict, whatever it changes.
        assertEquals(order, e.checkout("u1", best, "co-1"))
        expectError(ErrorCode.IDEMPOTENCY_CONFLICT) { e.checkout("u1", "co-1") }
        expectError(ErrorCode.IDEMPOTENCY_CONFLICT) { e.checkout("u1", CheckoutRequest(CouponChoice.Chosen(listOf(w.code))), "co-1") }
        expectError(ErrorCode.IDEMPOTENCY_CONFLICT) {
            e.checkout("u1", CheckoutRequest(CouponChoice.Best, ShippingMethod.PICKUP), "co-1")
        }
        // Paid with the quoted amount.
        assertEquals(OrderState.PAID, e.pay(order.id, "pay-ref", q.total, "pay-1").state)
    }

    /** Only the code chosen: welcome alone, 15.00 split 12570 : 11830 (tea 7.73, mooncake 7.27). */
    @Test
    fun chosenCouponsOnly() {
        val e = pricedShop()
        val w = e.claimCoupon("u1", "welcome", "claim-1")
        clock.advance(1)
        val s = e.redeemPromoCode("u1", "SPRING20", "redeem-1")
        fillCart(e)
        val chosen = CheckoutRequest(CouponChoice.Chosen(listOf(w.code)))
        val q = e.quote("u1", chosen)
        assertEquals(listOf(AppliedCoupon(w.code, "welcome", 1500)), q.coupons)
        assertEquals(
            listOf(listOf(promotion("spend200", 1030), coupon(w.code, 773)), listOf(promotion("spend200", 970), coupon(w.code, 727))),
            q.lines.map { it.adjustments }
        )
        assertEquals(listOf(11797L, 11103L), q.lines.map { it.net })
        assertEquals(3500L, q.discount)
        assertEquals(1800L, q.shipping)
        assertEquals(24700L, q.total)
        assertEquals(
            listOf(
                QuoteMerchant("m-tea", 13600, 1803, 800, 0, null, 800, 12597),
                QuoteMerchant("m-bakery", 12800, 1697, 1000, 0, null, 1000, 12103)
            ),
            q.merchants
        )
        assertEquals(listOf(CouponExplanation(s.code, "spring", ExplanationReason.NOT_CHOSEN, "not_chosen", 0, null)), q.explanations)

        val order = e.checkout("u1", chosen, "co-1")
        assertEquals(24700L, order.total)
        assertEquals(q.coupons, order.coupons)
        // The chosen coupon is held by the order; the other stays available.
        assertEquals(listOf(CouponState.HELD, CouponState.AVAILABLE), e.coupons("u1").map { it.state })
        assertEquals(order.id, e.coupons("u1", CouponState.HELD).single().orderId)
    }

    @Test
    fun pickupMakesShippingZero() {
        val e = pricedShop()
        fillCart(e)
        val pickup = CheckoutRequest(shipping = ShippingMethod.PICKUP)
        val q = e.quote("u1", pickup)
        assertEquals(0L, q.shipping)
        assertEquals(24400L, q.total) // 264.00 - 20.00, nothing for shipping
        assertEquals(2000L, q.saved)
        assertEquals(
            listOf(
                QuoteMerchant("m-tea", 13600, 1030, 0, 0, null, 0, 12570),
                QuoteMerchant("m-bakery", 12800, 970, 0, 0, null, 0, 11830)
            ),
            q.merchants
        )
        val order = e.checkout("u1", pickup, "co-pickup")
        assertEquals(ShippingMethod.PICKUP, order.shippingMethod)
        assertEquals(0L, order.shipping)
        assertEquals(24400L, order.total)
        assertEquals(q.merchants, order.merchants)
        assertEquals(ShippingMethod.PICKUP, e.order(order.id).shippingMethod)

        // With the best coupons too: 264.00 - 55.00.
        e.claimCoupon("u2", "welcome", "claim-u2")
        e.redeemPromoCode("u2", "SPRING20", "redeem-u2")
        fillCart(e, "u2")
        assertEquals(20900L, e.quote("u2", CheckoutRequest(CouponChoice.Best, ShippingMethod.PICKUP)).total)
        // Delivery by default.
        assertEquals(ShippingMethod.DELIVERY, e.checkout("u2", "co-u2").shippingMethod)
        assertEquals(
            listOf(ShippingMethod.DELIVERY, ShippingMethod.PICKUP, ShippingMethod.UNKNOWN),
            listOf(0, 1, 2).map { ShippingMethod.of(it) }
        )
    }

    @Test
    fun checkoutRequestErrors() {
        val e = pricedShop()
        val w = e.claimCoupon("u1", "welcome", "claim-1")
        val other = e.claimCoupon("u2", "welcome", "claim-2")
        fillCart(e)
        fun chosen(vararg codes: String) = CheckoutRequest(CouponChoice.Chosen(codes.toList()))

        // A code the shopper does not hold, or someone else's.
        expectError(ErrorCode.NOT_FOUND, "coupons") { e.quote("u1", chosen("cpn_NOSUCHCODE")) }
        expectError(ErrorCode.NOT_FOUND, "coupons") { e.quote("u1", chosen(other.code)) }
        expectError(ErrorCode.NOT_FOUND, "coupons") { e.checkout("u1", chosen(other.code), "co-1") }
        // The request's own limits, caught while it is built.
        expectError(ErrorCode.INVALID_ARGUMENT, "code") { e.quote("u1", chosen(w.code, w.code)) }
        expectError(ErrorCode.INVALID_ARGUMENT, "code") { e.quote("u1", chosen("")) }
        expectError(ErrorCode.INVALID_ARGUMENT, "code") { e.quote("u1", chosen("cpn\u0000x")) }
        expectError(ErrorCode.INVALID_UTF8) {
            val h = Native.checkoutRequestNew()
            try {
                Native.checkoutRequestAddCoupon(h, byteArrayOf(0xc3.toByte(), 0x28))
            } finally {
                Native.checkoutRequestFree(h)
            }
        }
        val twenty = (1..20).map { "cpn_$it" }.toTypedArray()
        expectError(ErrorCode.NOT_FOUND, "coupons") { e.quote("u1", chosen(*twenty)) }
        expectError(ErrorCode.LIMIT_EXCEEDED, "code") { e.quote("u1", chosen(*twenty, "cpn_21")) }
        expectError(ErrorCode.INVALID_ARGUMENT, "shipping") { e.quote("u1", CheckoutRequest(shipping = ShippingMethod.UNKNOWN)) }
        expectError(ErrorCode.INVALID_ARGUMENT, "shipping") {
            e.checkout("u1", CheckoutRequest(shipping = ShippingMethod.UNKNOWN), "co-2")
        }
        // Values outside the C enums, straight to the builder.
        val h = Native.checkoutRequestNew()
        try {
            expectError(ErrorCode.INVALID_ARGUMENT, "choice") { Native.checkoutRequestSetCouponChoice(h, 3) }
            expectError(ErrorCode.INVALID_ARGUMENT, "shipping") { Native.checkoutRequestSetShipping(h, 2) }
            // The NULL request is the default one.
            assertEquals(e.quote("u1"), Snapshots.takeQuote(Native.engineQuote(e.handleForTests, utf8("u1"), 0)))
            assertEquals(e.quote("u1"), Snapshots.takeQuote(Native.engineQuote(e.handleForTests, utf8("u1"), h)))
        } finally {
            Native.checkoutRequestFree(h)
        }
        expectError(ErrorCode.INVALID_ARGUMENT, "request") { Native.checkoutRequestAddCoupon(0, utf8("cpn_x")) }
        expectError(ErrorCode.INVALID_ARGUMENT, "request") { Native.checkoutRequestSetShipping(0, 0) }
        expectError(ErrorCode.CART_EMPTY) { e.checkout("u3", CheckoutRequest(CouponChoice.Best), "co-3") }

        // Nothing was ordered or held.
        assertEquals(emptyList<Order>(), e.orders("u1").items)
        assertEquals(listOf(w), e.coupons("u1"))
        assertEquals(2, e.cart("u1").lines.size)
    }

    @Test
    fun pricingCallsSuspend(): Unit = runBlocking<Unit> {
        val e = Engine.openSuspending(dbPath(), options())
        try {
            val s = e.suspending
            s.importProgram(PROGRAM)
            s.putPromotion(SPEND200)
            s.putShippingRule(SHIPPING_DEFAULT)
            s.putShippingRule(SHIPPING_BAKERY)
            s.putCouponTemplate(WELCOME)
            s.putCouponTemplate(SPRING)
            s.putCouponTemplate(SORRY)
            val w = s.claimCoupon("u1", "welcome", "claim-1")
            clock.advance(1)
            val sp = s.redeemPromoCode("u1", "SPRING20", "redeem-1")
            clock.advance(1)
            val g = s.grantCoupon("u1", "sorry", "grant-1")
            assertEquals(listOf(w, sp, g), s.coupons("u1"))
            assertEquals(g.copy(state = CouponState.REVOKED), s.revokeCoupon(g.code))
            assertEquals(listOf(w, sp), s.coupons("u1", CouponState.AVAILABLE))
            s.addToCart("u1", "tea", 2)
            s.addToCart("u1", "mooncake", 1)
            assertEquals(26200L, s.quote("u1").total)
            val best = CheckoutRequest(CouponChoice.Best)
            val q = s.quote("u1", best)
            assertEquals(22700L, q.total)
            val order = s.checkout("u1", best, "co-1")
            assertEquals(q.coupons, order.coupons)
            assertEquals(listOf(1L, 1L), s.couponReport().filter { it.claimed > 0 && it.templateId != "sorry" }.map { it.held })
            expectError(ErrorCode.CART_EMPTY) { s.checkout("u1", "co-2") }
            expectError(ErrorCode.VALIDATION, "flat_fee") { s.putShippingRule("""{"merchant_id":"x","flat_fee":-5}""") }
        } finally {
            e.close()
        }
    }
}
