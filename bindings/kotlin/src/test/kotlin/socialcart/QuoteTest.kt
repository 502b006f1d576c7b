package socialcart

import org.junit.Assert.assertEquals
import org.junit.Test

class QuoteTest : EngineTestBase() {
    @Test
    fun quotePricesSelectedLines() {
        val e = openShop()
        e.addToCart("u1", "tea", 2)
        e.addToCart("u1", "mooncake", 1)
        e.addToCart("u1", "cup", 1)
        e.selectCartLine("u1", "cup", false)
        val q = e.quote("u1")
        assertEquals("CNY", q.currency)
        assertEquals(listOf("tea", "mooncake"), q.lines.map { it.skuId })
        val tea = q.lines[0]
        assertEquals(2L, tea.quantity)
        assertEquals(6800L, tea.unitPrice)
        assertEquals(13600L, tea.base)
        assertEquals(26400L, q.subtotal)
        assertEquals(q.lines.map { it.base }.sum(), q.subtotal)
        assertEquals(q.lines.map { it.net }.sum(), q.total)
        assertEquals(q, e.quote("u1")) // a pure function of cart, catalog and clock
    }

    /**
     * The whole quote for a cart over two merchants and a program without rules: nothing taken
     * off, no shipping, one share per merchant. (PricingTest has the figures with rules.)
     */
    @Test
    fun quoteOverTwoMerchantsWithoutRules() {
        val e = openShop()
        e.addToCart("u1", "tea", 2)
        e.addToCart("u1", "mooncake", 1)
        e.addToCart("u1", "cup", 1)
        val q = e.quote("u1")
        assertEquals(listOf("tea", "mooncake", "cup"), q.lines.map { it.skuId })
        assertEquals(listOf("m-tea", "m-bakery", "m-tea"), q.lines.map { it.merchantId })
        assertEquals(listOf(emptyList<Adjustment>(), emptyList(), emptyList()), q.lines.map { it.adjustments })
        assertEquals(listOf(13600L, 12800L, 3950L), q.lines.map { it.net })
        assertEquals(30350L, q.subtotal)
        assertEquals(0L, q.discount)
        assertEquals(0L, q.shipping)
        assertEquals(0L, q.saved)
        assertEquals(30350L, q.total)
        // Merchants in the order each first appears among the lines.
        assertEquals(
            listOf(
                QuoteMerchant("m-tea", 17550, 0, 0, 0, null, 0, 17550),
                QuoteMerchant("m-bakery", 12800, 0, 0, 0, null, 0, 12800)
            ),
            q.merchants
        )
        assertEquals(q.total, q.merchants.map { it.total }.sum())
        assertEquals(emptyList<AppliedPromotion>(), q.promotions)
        assertEquals(emptyList<AppliedCoupon>(), q.coupons)
        assertEquals(emptyList<Gift>(), q.gifts)
        assertEquals(emptyList<CouponExplanation>(), q.explanations)

        // Deselecting the bakery's only line drops the merchant.
        e.selectCartLine("u1", "mooncake", false)
        val teaOnly = e.quote("u1")
        assertEquals(listOf("m-tea"), teaOnly.merchants.map { it.id })
        assertEquals(teaOnly.total, teaOnly.merchants.single().total)
    }

    @Test
    fun adjustmentKindAndExplanationReasonNames() {
        assertEquals(
            listOf(AdjustmentKind.ITEM_PRICE, AdjustmentKind.PROMOTION, AdjustmentKind.COUPON),
            listOf("item_price", "promotion", "coupon").map { AdjustmentKind.of(it) }
        )
        assertEquals(AdjustmentKind.UNKNOWN, AdjustmentKind.of("bundle"))
        assertEquals(AdjustmentKind.UNKNOWN, AdjustmentKind.of(""))
        val names = listOf(
            "not_yet_valid", "expired", "not_available", "below_min_spend", "out_of_scope",
            "not_stackable", "one_per_issuer", "not_better", "not_chosen", "zero_discount"
        )
        val reasons = names.map { ExplanationReason.of(it) }
        assertEquals(ExplanationReason.values().filter { it != ExplanationReason.UNKNOWN }, reasons)
        assertEquals(names, reasons.map { it.wireName })
        assertEquals(ExplanationReason.UNKNOWN, ExplanationReason.of("members_only"))
    }

    @Test
    fun quoteOfNothingIsEmpty() {
        val e = openShop()
        assertEquals(Quote("CNY", emptyList(), 0, 0), e.quote("u1"))
    }

    @Test
    fun quoteErrors() {
        val e = openShop()
        e.putSku(SkuSpec("gold", "m-tea", "Gold leaf tea", "CNY", Long.MAX_VALUE / 2 + 1))
        // The overflow may be caught when adding or when pricing; either way it is OVERFLOW.
        expectError(ErrorCode.OVERFLOW) {
            e.addToCart("u2", "gold", 2)
            e.quote("u2")
        }
        expectError(ErrorCode.INVALID_ARGUMENT) { e.quote("") }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineQuote(0, utf8("u1"), 0) }
    }
}
