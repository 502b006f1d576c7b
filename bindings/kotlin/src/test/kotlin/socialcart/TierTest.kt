package socialcart

import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Test

/** 2026-01-01T00:00:00Z, the start of the first quarter of 2026. */
private const val Q1_START = 1_767_225_600_000L

/** 2026-02-10T00:00:00Z: where the tier tests start, 50 days before the quarter ends. */
private const val FEB_10 = 1_770_681_600_000L

/** 2026-03-15T00:00:00Z: 17 days before the quarter ends. */
private const val MAR_15 = 1_773_532_800_000L

/** 2026-04-01T00:00:00Z: the end of Q1 (Jan 31 + Feb 28 + Mar 31 = 90 days), which belongs to Q2. */
private const val Q1_END = 1_775_001_600_000L

/** 2026-07-01T00:00:00Z: the end of Q2 (Apr 30 + May 31 + Jun 30 = 91 days after Q1_END). */
private const val Q2_END = 1_782_864_000_000L

/**
 * Tea 68.00 and cups 39.50 (m1), cake 128.00 (m2); every merchant ships for 8.00, free from
 * 150.00 of goods after discounts.
 */
private val TIER_SHOP = """
{"format":"socialcart.program/1","currency":"CNY","skus":[
 {"id":"tea","merchant_id":"m1","title":"Tea","list_price":6800,"stock":50},
 {"id":"cup","merchant_id":"m1","title":"Cup","list_price":3950,"stock":50},
 {"id":"cake","merchant_id":"m2","title":"Cake","list_price":12800}],
 "shipping_rules":[{"merchant_id":"","flat_fee":800,"free_over":15000}]}
""".trimIndent()

/** 1 point per 1.00 paid for goods, pending 7 days. */
private const val TIER_POINTS = """{"earn":{"points":1,"per_amount":100},"return_window_days":7}"""

/**
 * Three tiers by goods paid over a rolling 365-day window, reviewed at each quarter's end:
 * normal from 0 (no benefits: the defaults 0 bps, ×1, no free shipping), silver from 200.00
 * (5% off, ×1.5, free shipping from 100.00), gold from 1000.00 (10% off, ×2).
 */
private fun tierProgram(windowDays: Int = 365) =
    """{"basis":"paid_spend","window_days":$windowDays,"period":"quarter","tiers":[""" +
        """{"id":"normal","name":"Normal","threshold":0},""" +
        """{"id":"silver","name":"Silver","threshold":20000,""" +
        """"benefits":{"member_price_bps":500,"points_multiplier_bps":15000,"free_shipping_over":10000}},""" +
        """{"id":"gold","name":"Gold","threshold":100000,""" +
        """"benefits":{"member_price_bps":1000,"points_multiplier_bps":20000}}]}"""

private val TIER_PROGRAM = tierProgram()

/** A 5.00 coupon only silver (rank 1) and above may claim, two per member. */
private const val SILVER_COUPON =
    """{"id":"silver5","title":"Silver 5 off","kind":"fixed_amount","value":500,""" +
        """"validity":{"kind":"days_from_claim","days":30},"issue_mode":"claim","per_user_limit":2,""" +
        """"audience":{"kind":"min_tier","min_tier":1}}"""

/**
 * Member tiers through the binding (docs/tiers.md; include/socialcart/tiers.h). Every expected
 * figure is worked out by hand in the comments from the rules: member price = list −
 * floor(list × bps / 10000); points = floor(paid × points × multiplier / (per_amount × 10000));
 * paid spend = an order's goods (total less shipping) at payment, less each refund at the
 * refund; up at once on the payment that crosses a threshold (its points still at the tier
 * before it, as the quote showed), down only at a period end.
 */
class TierTest : EngineTestBase() {
    private fun tierShop(program: String = TIER_PROGRAM): Engine {
        clock.now = FEB_10
        val e = open()
        e.importProgram(TIER_SHOP)
        e.putPointsProgram(TIER_POINTS)
        e.putTierProgram(program)
        return e
    }

    private fun itemPrice(tierId: String, amount: Long) = Adjustment(AdjustmentKind.ITEM_PRICE, "item_price", tierId, amount)

    private fun count(e: Engine, type: String): Int = e.readEvents(type, 0, 10_000).size

    /** Checks out u's cart and pays its total; returns the paid order. */
    private fun buy(e: Engine, user: String, key: String): Order {
        val order = e.checkout(user, CheckoutRequest(), key)
        val paid = e.pay(order.id, "psp-1", order.total, "pay-$key")
        assertEquals(OrderState.PAID, paid.state)
        return paid
    }

    /** Everything a refused tier call might have touched: the members' tiers and the event log. */
    private fun state(e: Engine, users: List<String>): List<Any> =
        listOf<Any>(e.latestEventSeq()) + users.map { e.tierStatus(it) }

    private fun refusedUnchanged(e: Engine, code: ErrorCode, field: String?, block: () -> Unit) {
        val before = state(e, listOf("u1"))
        expectError(code, field, block)
        assertEquals("state after a refused call", before, state(e, listOf("u1")))
    }

    @Test
    fun upInAPaymentDownAtTheQuarterEnd() {
        val e = tierShop()
        e.putCouponTemplate(SILVER_COUPON)
        // Putting the same program again changes nothing and logs nothing.
        val seq = e.latestEventSeq()
        e.putTierProgram(TIER_PROGRAM)
        assertEquals(seq, e.latestEventSeq())

        // A member nobody has touched: the first tier, figure 0; 200.00 reaches silver. The
        // quarter ends on 1 April; in the first tier the tier is always kept (to keep: 0).
        val fresh = e.tierStatus("u1")
        assertEquals(
            listOf<Any?>("normal", "Normal", 0L, Q1_END, 0L, "silver", 20000L, 0L, "normal", 0L, 0L, 10000L, null),
            listOf(
                fresh.tierId, fresh.tierName, fresh.rank, fresh.periodEndMs, fresh.figure, fresh.nextTierId,
                fresh.toNext, fresh.figureAtPeriodEnd, fresh.tierAtPeriodEnd, fresh.toKeep, fresh.memberPriceBps,
                fresh.pointsMultiplierBps, fresh.freeShippingOver
            )
        )
        // The silver coupon is not for a normal member.
        expectError(ErrorCode.INVALID_STATE, "user_id") { e.claimCoupon("u1", "silver5", "cl-1") }

        // Order 1, 10 Feb: 2 tea = 136.00 of goods, under 150.00: shipping 8.00, total 144.00.
        // Normal earns ×1: floor(13600 × 1 × 10000 / (100 × 10000)) = 136. Paid spend 13600.
        e.addToCart("u1", "tea", 2)
        val q1 = e.quote("u1")
        assertEquals(listOf(0L, 800L, 14400L, 136L), listOf(q1.discount, q1.shipping, q1.total, q1.pointsToEarn))
        assertEquals(emptyList<Adjustment>(), q1.lines.single().adjustments)
        val order1 = buy(e, "u1", "co-1")
        assertEquals(136L, order1.pointsEarned)
        // The member is placed at the payment, in normal; 200.00 − 136.00 = 64.00 to silver.
        // The 365-day window keeps 136.00 to the quarter's end.
        assertEquals(
            TierStatus(
                tierId = "normal", tierName = "Normal", rank = 0, sinceMs = FEB_10, periodEndMs = Q1_END,
                figure = 13600, nextTierId = "silver", toNext = 6400, figureAtPeriodEnd = 13600,
                tierAtPeriodEnd = "normal", toKeep = 0, memberPriceBps = 0, pointsMultiplierBps = 10000,
                freeShippingOver = null
            ),
            e.tierStatus("u1")
        )

        // Order 2, a day later: 1 cake, 128.00, shipping 8.00, total 136.00. The quote is a
        // normal member's: ×1, 128 points. Paid, the spend is 136.00 + 128.00 = 264.00 ≥ 200.00:
        // silver at once, yet the order earns the 128 the quote showed (the tier before it).
        val crossingAt = FEB_10 + DAY_MS
        clock.now = crossingAt
        e.addToCart("u1", "cake", 1)
        val q2 = e.quote("u1")
        assertEquals(listOf(800L, 13600L, 128L), listOf(q2.shipping, q2.total, q2.pointsToEarn))
        val order2 = buy(e, "u1", "co-2")
        assertEquals(128L, order2.pointsEarned)
        // Silver since the crossing payment; 1000.00 − 264.00 = 736.00 to gold; kept already.
        val silver = TierStatus(
            tierId = "silver", tierName = "Silver", rank = 1, sinceMs = crossingAt, periodEndMs = Q1_END,
            figure = 26400, nextTierId = "gold", toNext = 73600, figureAtPeriodEnd = 26400,
            tierAtPeriodEnd = "silver", toKeep = 0, memberPriceBps = 500, pointsMultiplierBps = 15000,
            freeShippingOver = 10000
        )
        assertEquals(silver, e.tierStatus("u1"))
        assertEquals(1, count(e, "tier.upgraded"))
        // Silver may claim the silver coupon now (not applied below: requests choose no coupon).
        assertEquals("silver5", e.claimCoupon("u1", "silver5", "cl-2").templateId)

        // Order 3 quoted for silver: 1 tea + 2 cups (subtotal 68.00 + 79.00 = 147.00).
        //   tea: 6800 − floor(6800 × 500 / 10000) = 6800 − 340 = 6460, item_price 340;
        //   cups: 3950 − floor(197.5) = 3753 each, item_price (3950 − 3753) × 2 = 394, net 7506.
        //   Goods 6460 + 7506 = 13966 ≥ silver's 100.00 (the lower of 150.00 and 100.00): ships
        //   free. Total 13966, discount = saved = 734.
        //   Points ×1.5 in one rounding: floor(13966 × 15000 / 1,000,000) = floor(209.49) = 209
        //   (a floor of a floor would give floor(139 × 1.5) = 208).
        clock.now = crossingAt + 3_600_000
        e.addToCart("u1", "tea", 1)
        e.addToCart("u1", "cup", 2)
        val q3 = e.quote("u1")
        assertEquals(listOf("tea", "cup"), q3.lines.map { it.skuId })
        assertEquals(listOf(6800L, 3950L), q3.lines.map { it.unitPrice })
        assertEquals(listOf(listOf(itemPrice("silver", 340)), listOf(itemPrice("silver", 394))), q3.lines.map { it.adjustments })
        assertEquals(listOf(6460L, 7506L), q3.lines.map { it.net })
        assertEquals(
            listOf(14700L, 734L, 0L, 13966L, 734L, 209L),
            listOf(q3.subtotal, q3.discount, q3.shipping, q3.total, q3.saved, q3.pointsToEarn)
        )
        assertEquals(listOf(QuoteMerchant("m1", 14700, 734, 0, 0, null, 0, 13966, 0)), q3.merchants)
        // A normal member's quote of the same cart: list prices, 147.00 < 150.00 pays 8.00
        // shipping: 155.00, earning 147.
        e.addToCart("u2", "tea", 1)
        e.addToCart("u2", "cup", 2)
        val q3normal = e.quote("u2")
        assertEquals(listOf(emptyList<Adjustment>(), emptyList()), q3normal.lines.map { it.adjustments })
        assertEquals(listOf(0L, 800L, 15500L, 147L), listOf(q3normal.discount, q3normal.shipping, q3normal.total, q3normal.pointsToEarn))

        // The order keeps the quote's prices and earns its 209 points.
        val order3 = buy(e, "u1", "co-3")
        assertEquals(13966L, order3.total)
        assertEquals(q3.lines.map { it.adjustments }, order3.lines.map { it.adjustments })
        assertEquals(209L, order3.pointsEarned)
        // Spend 264.00 + 139.66 = 403.66; 1000.00 − 403.66 = 596.34 to gold.
        var status = e.tierStatus("u1")
        assertEquals(listOf(40366L, 59634L, 40366L), listOf(status.figure, status.toNext, status.figureAtPeriodEnd))
        assertEquals(silver.copy(figure = 40366, toNext = 59634, figureAtPeriodEnd = 40366), status)
        // u2 buys the normal cart: 147.00 of goods, placed in normal (155.00 paid, 147 points).
        assertEquals(147L, buy(e, "u2", "co-u2").pointsEarned)
        assertEquals("normal", e.tierStatus("u2").tierId)

        // Refunds, two days later: the cake line of order 2 (128.00; its shipping stays paid)
        // and all of order 3 (139.66). Spend 403.66 − 128.00 − 139.66 = 136.00, below silver's
        // 200.00, but a refund never lowers the tier before the period end. The member page:
        // 1000.00 − 136.00 = 864.00 to gold; the quarter's end would review 136.00 and give
        // normal; 200.00 − 136.00 = 64.00 paid now keeps silver (the window outlasts the quarter).
        clock.now = crossingAt + 2 * DAY_MS
        assertEquals(12800L, e.refundLine(order2.id, 0, 1, "rf-2").refunded)
        assertEquals(OrderState.REFUNDED, e.refundAmount(order3.id, 13966, "rf-3").state)
        status = e.tierStatus("u1")
        assertEquals(
            silver.copy(figure = 13600, toNext = 86400, figureAtPeriodEnd = 13600, tierAtPeriodEnd = "normal", toKeep = 6400),
            status
        )
        assertEquals(0, count(e, "tier.downgraded"))
        // Still silver for the next quote: 1 tea at 64.60 (6460 < 10000: shipping 8.00), total
        // 72.60, points floor(6460 × 15000 / 1,000,000) = floor(96.9) = 96.
        e.addToCart("u1", "tea", 1)
        val q4 = e.quote("u1")
        assertEquals(listOf(itemPrice("silver", 340)), q4.lines.single().adjustments)
        assertEquals(listOf(6460L, 800L, 7260L, 96L), listOf(q4.lines.single().net, q4.shipping, q4.total, q4.pointsToEarn))

        // The report so far: u1 and u2 placed (silver, normal), one upgrade into silver.
        assertEquals(
            listOf(TierReportRow("normal", 1, 0, 0), TierReportRow("silver", 1, 1, 0), TierReportRow("gold", 0, 0, 0)),
            e.tierReport(Q1_START, Q1_END)
        )

        // An hour into Q2. The review at 1 April counts 136.00 < 200.00: normal, since the
        // quarter's end, reviewed next on 1 July; 64.00 to silver; 136.00 still in the window.
        // A read shows the review already; the sweep makes it.
        clock.now = Q1_END + 3_600_000
        val normal = TierStatus(
            tierId = "normal", tierName = "Normal", rank = 0, sinceMs = Q1_END, periodEndMs = Q2_END,
            figure = 13600, nextTierId = "silver", toNext = 6400, figureAtPeriodEnd = 13600,
            tierAtPeriodEnd = "normal", toKeep = 0, memberPriceBps = 0, pointsMultiplierBps = 10000,
            freeShippingOver = null
        )
        assertEquals(normal, e.tierStatus("u1"))
        while (e.sweep().more) {
        }
        assertEquals(normal, e.tierStatus("u1"))
        assertEquals(1, count(e, "tier.downgraded"))
        // The quote is at list price again: 68.00 + 8.00 shipping, ×1: 68 points.
        val q5 = e.quote("u1")
        assertEquals(emptyList<Adjustment>(), q5.lines.single().adjustments)
        assertEquals(listOf(7600L, 68L), listOf(q5.total, q5.pointsToEarn))
        // ... and the silver coupon cannot be claimed again (the per-user limit of 2 is not reached).
        expectError(ErrorCode.INVALID_STATE, "user_id") { e.claimCoupon("u1", "silver5", "cl-3") }

        // The report: both members in normal now; the upgrade on 11 February in Q1, the
        // downgrade dated at the quarter's end, which belongs to Q2.
        assertEquals(
            listOf(TierReportRow("normal", 2, 0, 1), TierReportRow("silver", 0, 1, 0), TierReportRow("gold", 0, 0, 0)),
            e.tierReport(Q1_START, Q2_END)
        )
        assertEquals(
            listOf(TierReportRow("normal", 2, 0, 0), TierReportRow("silver", 0, 1, 0), TierReportRow("gold", 0, 0, 0)),
            e.tierReport(Q1_START, Q1_END)
        )
        assertEquals(
            listOf(TierReportRow("normal", 2, 0, 1), TierReportRow("silver", 0, 0, 0), TierReportRow("gold", 0, 0, 0)),
            e.tierReport(Q1_END, Q1_END + 1)
        )
    }

    @Test
    fun aShortWindowAndTheProgramDocument() {
        // The tier program as the document's "tiers" section, with a 30-day window.
        clock.now = FEB_10
        val e = open()
        e.importProgram(TIER_SHOP.trimEnd().removeSuffix("}") + ""","tiers":${tierProgram(30)}}""")
        e.putPointsProgram(TIER_POINTS)

        // 10 Feb: 2 cakes, 256.00 of goods (free shipping from 150.00): silver at once. That
        // payment leaves the window on 12 March, before the quarter ends on 1 April: the end
        // would review 0 and give normal, and nothing paid now (50 days before the end, with a
        // 30-day window) can keep silver: to keep is none.
        e.addToCart("u1", "cake", 2)
        assertEquals(25600L, buy(e, "u1", "co-1").total)
        var status = e.tierStatus("u1")
        assertEquals(
            TierStatus(
                tierId = "silver", tierName = "Silver", rank = 1, sinceMs = FEB_10, periodEndMs = Q1_END,
                figure = 25600, nextTierId = "gold", toNext = 74400, figureAtPeriodEnd = 0,
                tierAtPeriodEnd = "normal", toKeep = null, memberPriceBps = 500, pointsMultiplierBps = 15000,
                freeShippingOver = 10000
            ),
            status
        )

        // 15 March, 17 days before the end: the payment has left the window (figure 0), the
        // tier has not dropped; 200.00 paid now would still count on 1 April: to keep 20000.
        clock.now = MAR_15
        status = e.tierStatus("u1")
        assertEquals(listOf<Any?>("silver", 0L, 100000L, 0L, "normal", 20000L), listOf(status.tierId, status.figure, status.toNext, status.figureAtPeriodEnd, status.tierAtPeriodEnd, status.toKeep))

        // 2 more cakes at silver's price: 12800 − 640 = 12160 each, 243.20, free shipping.
        // Spend 243.20, counted on 1 April (paid 15 March, in the window until 14 April).
        e.addToCart("u1", "cake", 2)
        assertEquals(24320L, buy(e, "u1", "co-2").total)
        status = e.tierStatus("u1")
        assertEquals(listOf<Any?>(24320L, 24320L, "silver", 0L), listOf(status.figure, status.figureAtPeriodEnd, status.tierAtPeriodEnd, status.toKeep))

        // Past 1 April: silver kept, since 10 February; the payment leaves the window on 14 April,
        // before Q2 ends on 1 July (91 days, more than 30): none again.
        clock.now = Q1_END + 1
        while (e.sweep().more) {
        }
        assertEquals(
            TierStatus(
                tierId = "silver", tierName = "Silver", rank = 1, sinceMs = FEB_10, periodEndMs = Q2_END,
                figure = 24320, nextTierId = "gold", toNext = 75680, figureAtPeriodEnd = 0,
                tierAtPeriodEnd = "normal", toKeep = null, memberPriceBps = 500, pointsMultiplierBps = 15000,
                freeShippingOver = 10000
            ),
            e.tierStatus("u1")
        )
        assertEquals(0, count(e, "tier.downgraded"))
        // Every member starts in the first tier, so the first payment that reached silver was an
        // upgrade: one, on 10 February; nobody went down.
        assertEquals(1, count(e, "tier.upgraded"))
        assertEquals(
            listOf(TierReportRow("normal", 0, 0, 0), TierReportRow("silver", 1, 1, 0), TierReportRow("gold", 0, 0, 0)),
            e.tierReport(Q1_START, Q2_END)
        )
    }

    @Test
    fun badProgramsAndCallsAreRefused() {
        clock.now = FEB_10
        val e = open()
        e.importProgram(TIER_SHOP)
        // No tier program yet: reads are refused on "tiers".
        expectError(ErrorCode.INVALID_STATE, "tiers") { e.tierStatus("u1") }
        expectError(ErrorCode.INVALID_STATE, "tiers") { e.tierReport(0, 1) }
        // A refused program leaves none set.
        expectError(ErrorCode.VALIDATION, "tiers[1].threshold") {
            e.putTierProgram(TIER_PROGRAM.replace("\"threshold\":20000", "\"threshold\":0"))
        }
        expectError(ErrorCode.INVALID_STATE, "tiers") { e.tierStatus("u1") }

        e.putTierProgram(TIER_PROGRAM)
        // Each bad program is refused on its field; the stored one stays and nothing is logged.
        // Thresholds must strictly increase: gold's at silver's 200.00 is refused.
        refusedUnchanged(e, ErrorCode.VALIDATION, "tiers[2].threshold") {
            e.putTierProgram(TIER_PROGRAM.replace("\"threshold\":100000", "\"threshold\":20000"))
        }
        refusedUnchanged(e, ErrorCode.VALIDATION, "tiers[0].threshold") {
            e.putTierProgram(TIER_PROGRAM.replace("\"threshold\":0", "\"threshold\":1"))
        }
        refusedUnchanged(e, ErrorCode.VALIDATION, "tiers[1].benefits.member_price_bps") {
            e.putTierProgram(TIER_PROGRAM.replace("\"member_price_bps\":500", "\"member_price_bps\":10001"))
        }
        refusedUnchanged(e, ErrorCode.VALIDATION, "tiers[2].benefits.points_multiplier_bps") {
            e.putTierProgram(TIER_PROGRAM.replace("\"points_multiplier_bps\":20000", "\"points_multiplier_bps\":100001"))
        }
        refusedUnchanged(e, ErrorCode.VALIDATION, "tiers[1].id") {
            e.putTierProgram(TIER_PROGRAM.replace("\"id\":\"silver\"", "\"id\":\"normal\""))
        }
        refusedUnchanged(e, ErrorCode.VALIDATION, "basis") { e.putTierProgram(TIER_PROGRAM.replace("paid_spend", "spend")) }
        refusedUnchanged(e, ErrorCode.VALIDATION, "period") { e.putTierProgram(TIER_PROGRAM.replace("quarter", "week")) }
        refusedUnchanged(e, ErrorCode.VALIDATION, "window_days") { e.putTierProgram(tierProgram(0)) }
        refusedUnchanged(e, ErrorCode.VALIDATION, "window_days") { e.putTierProgram(tierProgram(3661)) }
        refusedUnchanged(e, ErrorCode.VALIDATION, "window_days") {
            e.putTierProgram(TIER_PROGRAM.replace("paid_spend", "growth_points"))
        }
        refusedUnchanged(e, ErrorCode.VALIDATION, "tiers") {
            e.putTierProgram("""{"basis":"paid_spend","window_days":30,"period":"month","tiers":[]}""")
        }
        refusedUnchanged(e, ErrorCode.VALIDATION, "bonus") { e.putTierProgram(TIER_PROGRAM.removeSuffix("}") + ""","bonus":1}""") }
        refusedUnchanged(e, ErrorCode.VALIDATION, ANY_FIELD) { e.putTierProgram("""{"basis":""") }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "json") { e.putTierProgram("{}\u0000") }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "json") { Native.engineTierProgramPut(e.handleForTests, null) }
        refusedUnchanged(e, ErrorCode.INVALID_UTF8, "json") {
            Native.engineTierProgramPut(e.handleForTests, byteArrayOf('{'.toByte(), 0xff.toByte(), '}'.toByte()))
        }
        // A template for gold (rank 2) and above: then a program without a rank 2 is refused
        // (on "tiers", docs/tiers.md "In the engine").
        e.putCouponTemplate(SILVER_COUPON.replace("\"min_tier\":1", "\"min_tier\":2"))
        refusedUnchanged(e, ErrorCode.VALIDATION, "tiers") {
            e.putTierProgram("""{"basis":"paid_spend","window_days":30,"period":"month","tiers":[""" +
                """{"id":"normal","name":"Normal","threshold":0},{"id":"silver","name":"Silver","threshold":20000}]}""")
        }
        // ... and a template put for a rank the program has not: VALIDATION, as every refused
        // rule put of the C ABI (rules.h; docs/tiers.md says INVALID_ARGUMENT, which is what the
        // C++ Engine::put_coupon_template throws before sc_engine_coupon_template_put maps it).
        refusedUnchanged(e, ErrorCode.VALIDATION, "audience.min_tier") {
            e.putCouponTemplate(SILVER_COUPON.replace("\"min_tier\":1", "\"min_tier\":3"))
        }

        // Bad calls.
        expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { e.tierStatus("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { e.tierStatus("u\u00001") }
        expectError(ErrorCode.INVALID_UTF8, "user_id") {
            Native.engineTierStatus(e.handleForTests, byteArrayOf(0xc3.toByte(), 0x28))
        }
        expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { Native.engineTierStatus(e.handleForTests, null) }
        expectError(ErrorCode.INVALID_ARGUMENT, "to_ms") { e.tierReport(10, 5) }
        // An empty period is fine: no changes, nobody placed yet.
        assertEquals(listOf("normal", "silver", "gold"), e.tierReport(5, 5).map { it.tierId })
        assertEquals(0L, e.tierReport(5, 5).map { it.members + it.upgrades + it.downgrades }.sum())

        // Growth points: a lifetime basis with no window (omitted or 0). A member with nothing
        // earned is in the first tier.
        e.putTierProgram(TIER_PROGRAM.replace("\"paid_spend\",\"window_days\":365", "\"growth_points\""))
        assertEquals("normal", e.tierStatus("u1").tierId)
        e.putTierProgram(TIER_PROGRAM.replace("\"paid_spend\",\"window_days\":365", "\"growth_points\",\"window_days\":0"))
        assertEquals(listOf(0L, 20000L), e.tierStatus("u1").let { listOf(it.figure, it.toNext) })
    }

    @Test
    fun suspendingTwinsAndAClosedEngine(): Unit = runBlocking<Unit> {
        val e = tierShop()
        val s = e.suspending
        s.putTierProgram(TIER_PROGRAM)
        e.addToCart("u1", "cake", 2)
        buy(e, "u1", "co-1")
        // 256.00 paid: silver; 1000.00 − 256.00 = 744.00 to gold.
        val status = s.tierStatus("u1")
        assertEquals(status, e.tierStatus("u1"))
        assertEquals(listOf<Any?>("silver", 25600L, "gold", 74400L), listOf(status.tierId, status.figure, status.nextTierId, status.toNext))
        assertEquals(listOf("normal", "silver", "gold"), s.tierReport(Q1_START, Q2_END).map { it.tierId })
        assertEquals(listOf(0L, 1L, 0L), s.tierReport(Q1_START, Q2_END).map { it.members })
        // 8 cakes, 1024.00 ≥ 1000.00: gold, the top: no next tier, 0 to it; gold has no
        // free-shipping threshold of its own.
        e.addToCart("u2", "cake", 8)
        assertEquals(102400L, buy(e, "u2", "co-2").total)
        assertEquals(
            TierStatus(
                tierId = "gold", tierName = "Gold", rank = 2, sinceMs = FEB_10, periodEndMs = Q1_END,
                figure = 102400, nextTierId = null, toNext = 0, figureAtPeriodEnd = 102400,
                tierAtPeriodEnd = "gold", toKeep = 0, memberPriceBps = 1000, pointsMultiplierBps = 20000,
                freeShippingOver = null
            ),
            s.tierStatus("u2")
        )
        expectError(ErrorCode.VALIDATION, "period") { s.putTierProgram(TIER_PROGRAM.replace("quarter", "week")) }
        expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { s.tierStatus("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "to_ms") { s.tierReport(1, 0) }
        e.close()
        expectError(ErrorCode.INVALID_STATE) { e.tierStatus("u1") }
        expectError(ErrorCode.INVALID_STATE) { s.tierReport(0, 1) }
        expectError(ErrorCode.INVALID_STATE) { e.putTierProgram(TIER_PROGRAM) }
    }
}
