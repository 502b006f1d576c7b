package socialcart

import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test

/**
 * Issuing coupons (claim, grant, promo code), a shopper's coupons by state, revoking, and the
 * coupon report through a paid order and its full refund. The rules are TestSupport's: the
 * threshold promotion spend200, shipping 8.00 (free from 150.00) and 10.00 at the bakery, and
 * the coupon templates welcome (claim), spring (promo code SPRING20, the bakery's) and sorry (grant).
 */
class CouponTest : EngineTestBase() {
    private fun pricedShop(): Engine {
        val e = openShop()
        putPricingRules(e)
        return e
    }

    @Test
    fun claimIsIdempotentAndLimited() {
        val e = pricedShop()
        val c = e.claimCoupon("u1", "welcome", "claim-u1")
        assertTrue(c.code, c.code.startsWith("cpn_"))
        assertEquals(Coupon(c.code, "welcome", "u1", CouponState.AVAILABLE, T0, T0 + 7 * DAY_MS, T0, null), c)

        // A retry with the same key returns the same coupon, later too, and issues nothing more.
        clock.advance(1_000)
        assertEquals(c, e.claimCoupon("u1", "welcome", "claim-u1"))
        assertEquals(listOf(c), e.coupons("u1"))

        // One per user: another key is refused, on the user.
        expectError(ErrorCode.LIMIT_EXCEEDED, "user_id") { e.claimCoupon("u1", "welcome", "claim-u1-again") }
        // The key belongs to u1's claim.
        expectError(ErrorCode.IDEMPOTENCY_CONFLICT) { e.claimCoupon("u2", "welcome", "claim-u1") }
        // Two copies in all: the third shopper finds none left, on the template.
        val second = e.claimCoupon("u2", "welcome", "claim-u2")
        assertEquals(T0 + 1_000, second.claimedAtMs)
        assertEquals(T0 + 1_000 + 7 * DAY_MS, second.validUntilMs)
        assertNotEquals(c.code, second.code)
        expectError(ErrorCode.LIMIT_EXCEEDED, "template_id") { e.claimCoupon("u3", "welcome", "claim-u3") }

        expectError(ErrorCode.NOT_FOUND, "template_id") { e.claimCoupon("u1", "no-such-template", "k1") }
        // Each template is issued one way only.
        expectError(ErrorCode.INVALID_STATE, "template_id") { e.claimCoupon("u1", "sorry", "k2") }
        expectError(ErrorCode.INVALID_STATE, "template_id") { e.grantCoupon("u1", "welcome", "k3") }
        expectError(ErrorCode.INVALID_STATE, "template_id") { e.claimCoupon("u1", "spring", "k4") }
        assertEquals(listOf(c), e.coupons("u1"))
        assertEquals(listOf(second), e.coupons("u2"))
        assertEquals(emptyList<Coupon>(), e.coupons("u3"))
    }

    @Test
    fun grantAndPromoCode() {
        val e = pricedShop()
        val g1 = e.grantCoupon("u1", "sorry", "grant-1")
        clock.advance(1) // coupons list oldest claim first; at the same millisecond, by code
        val g2 = e.grantCoupon("u1", "sorry", "grant-2")
        assertEquals(Coupon(g1.code, "sorry", "u1", CouponState.AVAILABLE, T0, T0 + 7 * DAY_MS, T0, null), g1)
        assertEquals(g1, e.grantCoupon("u1", "sorry", "grant-1"))
        expectError(ErrorCode.LIMIT_EXCEEDED, "user_id") { e.grantCoupon("u1", "sorry", "grant-3") }

        clock.now = T0 + 5_000
        val s = e.redeemPromoCode("u1", "SPRING20", "redeem-1")
        assertEquals(
            Coupon(s.code, "spring", "u1", CouponState.AVAILABLE, T0 + 5_000, T0 + 5_000 + 30 * DAY_MS, T0 + 5_000, null),
            s
        )
        assertEquals(s, e.redeemPromoCode("u1", "SPRING20", "redeem-1"))
        // Codes match exactly, case included.
        expectError(ErrorCode.NOT_FOUND, "promo_code") { e.redeemPromoCode("u1", "spring20", "redeem-2") }
        expectError(ErrorCode.NOT_FOUND, "promo_code") { e.redeemPromoCode("u1", "SPRING21", "redeem-3") }
        // The key was used for another call's arguments.
        expectError(ErrorCode.IDEMPOTENCY_CONFLICT) { e.redeemPromoCode("u2", "SPRING20", "redeem-1") }

        // Oldest claim first.
        assertEquals(listOf(g1, g2, s), e.coupons("u1"))
    }

    @Test
    fun couponsByStateAndRevoke() {
        val e = pricedShop()
        val g1 = e.grantCoupon("u1", "sorry", "grant-1")
        clock.advance(1)
        val g2 = e.grantCoupon("u1", "sorry", "grant-2")
        clock.advance(1)
        val w = e.claimCoupon("u1", "welcome", "claim-1")

        val revoked = e.revokeCoupon(g1.code)
        assertEquals(g1.copy(state = CouponState.REVOKED), revoked)
        // Revoking again returns it unchanged.
        assertEquals(revoked, e.revokeCoupon(g1.code))
        assertEquals(listOf(revoked), e.coupons("u1", CouponState.REVOKED))
        assertEquals(listOf(g2, w), e.coupons("u1", CouponState.AVAILABLE))
        assertEquals(listOf(revoked, g2, w), e.coupons("u1", null))

        // A checkout holding the welcome coupon: it reads held, with its order.
        e.addToCart("u1", "tea", 2)
        val order = e.checkout("u1", CheckoutRequest(CouponChoice.Chosen(listOf(w.code))), "co-1")
        val held = w.copy(state = CouponState.HELD, orderId = order.id)
        assertEquals(listOf(held), e.coupons("u1", CouponState.HELD))
        expectError(ErrorCode.INVALID_STATE) { e.revokeCoupon(w.code) }
        // Cancelling the order releases it.
        e.cancel(order.id)
        assertEquals(listOf(g2, w), e.coupons("u1", CouponState.AVAILABLE))

        // Past their validity, available coupons read expired and can no longer be revoked.
        clock.advance(7 * DAY_MS)
        assertEquals(
            listOf(g2.copy(state = CouponState.EXPIRED), w.copy(state = CouponState.EXPIRED)),
            e.coupons("u1", CouponState.EXPIRED)
        )
        assertEquals(emptyList<Coupon>(), e.coupons("u1", CouponState.AVAILABLE))
        expectError(ErrorCode.INVALID_STATE) { e.revokeCoupon(g2.code) }
        assertEquals(emptyList<Coupon>(), e.coupons("u1", CouponState.USED))

        expectError(ErrorCode.NOT_FOUND, "code") { e.revokeCoupon("cpn_NOSUCHCODE") }
        // The C call allows no out parameter: nothing to free.
        assertEquals(0L, Native.engineCouponRevoke(e.handleForTests, utf8(g1.code), false))
    }

    /** A coupon held by an order whose payment window lapsed reads available again. */
    @Test
    fun lapsedOrderReleasesItsCoupons() {
        val e = pricedShop()
        val w = e.claimCoupon("u1", "welcome", "claim-1")
        e.addToCart("u1", "tea", 2)
        val order = e.checkout("u1", CheckoutRequest(CouponChoice.Best), "co-1")
        assertEquals(listOf(AppliedCoupon(w.code, "welcome", 1500)), order.coupons)
        assertEquals(1L, e.couponReport().single { it.templateId == "welcome" }.held)
        clock.advance(WINDOW_MS + 1)
        assertEquals(listOf(w), e.coupons("u1"))
        assertEquals(0L, e.couponReport().single { it.templateId == "welcome" }.held)
        assertEquals(OrderState.CANCELLED, e.order(order.id).state)
    }

    /**
     * The report's figures through a whole life: issued, held by a checkout, used at payment,
     * returned by the full refund (the coupons are still valid).
     */
    @Test
    fun reportAfterPaymentAndFullRefund() {
        val e = pricedShop()
        assertEquals(
            listOf(
                CouponReportRow("sorry", null, 0, 0, 0, 0, 0, "CNY"),
                CouponReportRow("spring", null, 0, 0, 0, 0, 0, "CNY"),
                CouponReportRow("welcome", 2, 0, 0, 0, 0, 0, "CNY")
            ),
            e.couponReport()
        )
        val w = e.claimCoupon("u1", "welcome", "claim-1")
        clock.advance(1)
        val s = e.redeemPromoCode("u1", "SPRING20", "redeem-1")
        e.claimCoupon("u2", "welcome", "claim-2")

        val order = placeOrder(e, "u1", "co-1", CheckoutRequest(CouponChoice.Best))
        // Bakery coupon first (template id "spring" < "welcome"), then the platform one.
        assertEquals(listOf(AppliedCoupon(s.code, "spring", 2000), AppliedCoupon(w.code, "welcome", 1500)), order.coupons)
        assertEquals(22700L, order.total)
        assertEquals(
            listOf(
                CouponReportRow("sorry", null, 0, 0, 0, 0, 0, "CNY"),
                CouponReportRow("spring", null, 1, 0, 0, 1, 0, "CNY"),
                CouponReportRow("welcome", 2, 2, 0, 0, 1, 0, "CNY")
            ),
            e.couponReport()
        )

        e.pay(order.id, "pay-ref", order.total, "pay-1")
        assertEquals(setOf(CouponState.USED), e.coupons("u1").map { it.state }.toSet())
        assertNull(e.coupons("u1").first().orderId)
        assertEquals(
            listOf(
                CouponReportRow("sorry", null, 0, 0, 0, 0, 0, "CNY"),
                CouponReportRow("spring", null, 1, 1, 0, 0, 2000, "CNY"),
                CouponReportRow("welcome", 2, 2, 1, 0, 0, 1500, "CNY")
            ),
            e.couponReport()
        )

        // Shipping (8.00 + 10.00) is not refundable: the lines' nets are everything left.
        val refunded = e.refundAmount(order.id, order.total - order.shipping, "refund-1")
        assertEquals(OrderState.REFUNDED, refunded.state)
        assertEquals(20900L, refunded.refunded)
        assertEquals(listOf(w, s), e.coupons("u1"))
        assertEquals(
            listOf(
                CouponReportRow("sorry", null, 0, 0, 0, 0, 0, "CNY"),
                CouponReportRow("spring", null, 1, 1, 1, 0, 0, "CNY"),
                CouponReportRow("welcome", 2, 2, 1, 1, 0, 0, "CNY")
            ),
            e.couponReport()
        )
    }

    @Test
    fun couponStateNames() {
        assertEquals(
            listOf("available", "held", "used", "expired", "revoked", "unknown"),
            CouponState.values().map { SocialCart.couponStateName(it) }
        )
        assertEquals("unknown", Native.couponStateName(0))
        for (s in CouponState.values()) if (s != CouponState.UNKNOWN) assertEquals(s, CouponState.of(s.value))
        assertEquals(CouponState.UNKNOWN, CouponState.of(0))
        assertEquals(CouponState.UNKNOWN, CouponState.of(9))
    }

    @Test
    fun badInput() {
        val e = pricedShop()
        expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { e.claimCoupon("", "welcome", "k") }
        expectError(ErrorCode.INVALID_ARGUMENT, "idempotency_key") { e.claimCoupon("u1", "welcome", "") }
        expectError(ErrorCode.INVALID_ARGUMENT, "template_id") { e.grantCoupon("u1", "", "k") }
        expectError(ErrorCode.INVALID_ARGUMENT, "promo_code") { e.redeemPromoCode("u1", "", "k") }
        // A NUL would cut the string short in C: the JNI layer refuses it.
        expectError(ErrorCode.INVALID_ARGUMENT, "template_id") { e.claimCoupon("u1", "wel\u0000come", "k") }
        expectError(ErrorCode.INVALID_ARGUMENT, "code") { e.revokeCoupon("cpn\u0000") }
        expectError(ErrorCode.INVALID_UTF8) {
            Native.engineCouponClaim(e.handleForTests, utf8("u1"), byteArrayOf(0xc3.toByte()), utf8("k"))
        }
        expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { e.coupons("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "state") { e.coupons("u1", CouponState.UNKNOWN) }
        expectError(ErrorCode.INVALID_ARGUMENT, "state") { Native.engineCouponList(e.handleForTests, utf8("u1"), 6) }
        expectError(ErrorCode.INVALID_ARGUMENT, "engine") { Native.engineCouponClaim(0, utf8("u1"), utf8("welcome"), utf8("k")) }
        expectError(ErrorCode.INVALID_ARGUMENT, "engine") { Native.engineCouponReport(0) }
        // Nothing was issued.
        assertEquals(0L, e.couponReport().sumByLong { it.claimed })
        e.close()
        expectError(ErrorCode.INVALID_STATE) { e.claimCoupon("u1", "welcome", "k") }
        expectError(ErrorCode.INVALID_STATE) { e.couponReport() }
    }
}

private inline fun <T> Iterable<T>.sumByLong(selector: (T) -> Long): Long {
    var sum = 0L
    for (element in this) sum += selector(element)
    return sum
}
