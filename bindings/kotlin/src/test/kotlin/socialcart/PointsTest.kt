package socialcart

import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test

/** 2026-01-01T00:00:00Z: the points tests start on a UTC midnight, as tests/c/test_points.c does. */
private const val P0 = 1_767_225_600_000L

/** 2028-01-01T00:00:00Z: where lots earned in 2026 expire ("end of the next year"). */
private const val END_OF_2027 = 1_830_297_600_000L

/** Tea 68.00 (m1, 50 in stock), cake 128.00 (m2); shipping 8.00, free from 150.00 of goods after discounts. */
private val POINTS_SHOP = """
{"format":"socialcart.program/1","currency":"CNY","skus":[
 {"id":"tea","merchant_id":"m1","title":"Tea","list_price":6800,"stock":50},
 {"id":"cake","merchant_id":"m2","title":"Cake","list_price":12800}],
 "shipping_rules":[{"merchant_id":"","flat_fee":800,"free_over":15000}]}
""".trimIndent()

/**
 * 1 point per 1.00 paid; 100 points pay 1.00, in units of 100, for at most 50% of the goods;
 * lots expire at the end of the next year; order points are pending for 7 days; sign-in 5,
 * 10, 20; shares earn 5 points, twice a day.
 */
private const val POINTS_PROGRAM =
    """{"earn":{"points":1,"per_amount":100},""" +
        """"redeem":{"points":100,"amount":100,"unit":100,"max_share_bps":5000},""" +
        """"expiry":{"mode":"end_of_year","periods":1},"return_window_days":7,""" +
        """"sign_in":[5,10,20],"activities":[{"name":"share","points":5,"daily_cap":2}]}"""

/**
 * Points through the binding, with the figures of tests/c/test_points.c worked out by hand in
 * the comments: the program and its validation, adjustments and their retries, points paying
 * at checkout (held, committed on payment, released on cancel or lapse), points earned by a
 * payment pending until the return window has passed, reversal and return on refunds, debt,
 * sign-in streaks, activities under a daily cap, history pages and the report. Every refused
 * call is checked to change nothing.
 */
class PointsTest : EngineTestBase() {
    private fun pointsShop(): Engine {
        clock.now = P0
        val e = open()
        e.importProgram(POINTS_SHOP)
        e.putPointsProgram(POINTS_PROGRAM)
        return e
    }

    private fun balance(available: Long, pending: Long, held: Long, debt: Long) =
        PointsBalance(available, pending, held, debt, available + pending + held - debt)

    /** Everything a refused points call might have touched: the members' ledgers and the event log. */
    private fun state(e: Engine, users: List<String>): List<Any> =
        listOf<Any>(e.latestEventSeq()) + users.flatMap { u ->
            listOf(e.pointsBalance(u), e.pointsLots(u), e.pointsHistory(u, null, 1000))
        }

    /** Runs block, which must throw code (on field), and checks that it changed nothing. */
    private fun refusedUnchanged(
        e: Engine,
        code: ErrorCode,
        field: String?,
        users: List<String> = listOf("u1", "u2"),
        block: () -> Unit
    ) {
        val before = state(e, users)
        expectError(code, field, block)
        assertEquals("state after a refused call", before, state(e, users))
    }

    private fun count(e: Engine, type: String): Int = e.readEvents(type, 0, 10_000).size

    /** Checks out u's cart with the request and pays the total; returns the paid order. */
    private fun buy(e: Engine, user: String, points: PointsUse, key: String): Order {
        val order = e.checkout(user, CheckoutRequest(points = points), key)
        val paid = e.pay(order.id, "psp-1", order.total, "pay-$key")
        assertEquals(OrderState.PAID, paid.state)
        return paid
    }

    @Test
    fun exchangingPointsForACoupon() {
        val e = pointsShop()
        // A 10.00 voucher for 500 points, two per member; a claimable template is not for sale.
        e.putCouponTemplate(
            """{"id":"v10","title":"10 off for 500 points","kind":"fixed_amount","value":1000,""" +
                """"issue_mode":"points","points_cost":500,"per_user_limit":2,""" +
                """"validity":{"kind":"days_from_claim","days":30}}"""
        )
        e.putCouponTemplate(
            """{"id":"free5","title":"5 off","kind":"fixed_amount","value":500,""" +
                """"validity":{"kind":"days_from_claim","days":30}}"""
        )
        e.adjustPoints("u1", 1200, "welcome", "adj-1")

        // 1200 - 500, the spend naming the coupon it bought.
        val coupon = e.exchangePoints("u1", "v10", "ex-1")
        assertEquals("v10", coupon.templateId)
        assertEquals("u1", coupon.ownerId)
        assertEquals(CouponState.AVAILABLE, coupon.state)
        assertEquals(balance(700, 0, 0, 0), e.pointsBalance("u1"))
        val newest = e.pointsHistory("u1", null, 1).items.single()
        assertEquals(PointsEntryKind.SPEND, newest.kind)
        assertEquals(500L, newest.points)
        assertEquals("coupon:${coupon.code}", newest.reference)

        // A retry returns the same coupon and spends nothing more.
        assertEquals(coupon.code, e.exchangePoints("u1", "v10", "ex-1").code)
        assertEquals(balance(700, 0, 0, 0), e.pointsBalance("u1"))

        // The second leaves 200; then refusals change nothing.
        e.exchangePoints("u1", "v10", "ex-2")
        assertEquals(balance(200, 0, 0, 0), e.pointsBalance("u1"))
        refusedUnchanged(e, ErrorCode.LIMIT_EXCEEDED, "user_id") { e.exchangePoints("u1", "v10", "ex-3") }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "points") { e.exchangePoints("u2", "v10", "ex-4") }
        refusedUnchanged(e, ErrorCode.INVALID_STATE, "template_id") { e.exchangePoints("u1", "free5", "ex-5") }
        refusedUnchanged(e, ErrorCode.NOT_FOUND, "template_id") { e.exchangePoints("u1", "nope", "ex-6") }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "user_id") { e.exchangePoints("", "v10", "ex-7") }
        assertEquals(2, e.coupons("u1").size)
    }

    @Test
    fun entryKindNames() {
        assertEquals("earn", SocialCart.pointsEntryKindName(PointsEntryKind.EARN))
        assertEquals("return", SocialCart.pointsEntryKindName(PointsEntryKind.RETURN))
        assertEquals("adjust", SocialCart.pointsEntryKindName(PointsEntryKind.ADJUST))
        assertEquals("unknown", SocialCart.pointsEntryKindName(PointsEntryKind.UNKNOWN))
        for (kind in PointsEntryKind.values()) {
            assertEquals(kind.name.toLowerCase(), SocialCart.pointsEntryKindName(kind))
            assertEquals(kind, PointsEntryKind.of(kind.value))
        }
        assertEquals(PointsEntryKind.UNKNOWN, PointsEntryKind.of(0))
        assertEquals(PointsEntryKind.UNKNOWN, PointsEntryKind.of(99))
        assertEquals("unknown", Native.pointsEntryKindName(99))
        assertEquals(AdjustmentKind.POINTS, AdjustmentKind.of("points"))
    }

    @Test
    fun programValidationAndAdjustments() {
        val e = pointsShop()

        // The program is part of the exported document; putting it again logs nothing.
        assertTrue(e.exportProgram().contains("\"max_share_bps\": 5000"))
        val seq = e.latestEventSeq()
        e.putPointsProgram(POINTS_PROGRAM)
        assertEquals(seq, e.latestEventSeq())

        // Each bad program is refused on its field, and the stored one stays.
        refusedUnchanged(e, ErrorCode.VALIDATION, "redeem.max_share_bps") {
            e.putPointsProgram("""{"redeem":{"max_share_bps":10001}}""")
        }
        // 3 points pay 1 fen: a unit of 1 point would be worth a third of a fen.
        refusedUnchanged(e, ErrorCode.VALIDATION, "redeem.unit") {
            e.putPointsProgram("""{"redeem":{"points":3,"amount":1,"unit":1}}""")
        }
        refusedUnchanged(e, ErrorCode.VALIDATION, "bonus") { e.putPointsProgram("""{"bonus":1}""") }
        refusedUnchanged(e, ErrorCode.VALIDATION, "expiry.mode") {
            e.putPointsProgram("""{"expiry":{"mode":"weekly"}}""")
        }
        refusedUnchanged(e, ErrorCode.VALIDATION, "activities[1].name") {
            e.putPointsProgram("""{"activities":[{"name":"a","points":1},{"name":"a","points":2}]}""")
        }
        refusedUnchanged(e, ErrorCode.VALIDATION, "sign_in[0]") { e.putPointsProgram("""{"sign_in":[-1]}""") }
        refusedUnchanged(e, ErrorCode.VALIDATION, ANY_FIELD) { e.putPointsProgram("""{"earn":""") }
        refusedUnchanged(e, ErrorCode.INVALID_UTF8, "json") {
            Native.enginePointsProgramPut(e.handleForTests, byteArrayOf('{'.toByte(), 0xff.toByte(), '}'.toByte()))
        }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "json") { Native.enginePointsProgramPut(e.handleForTests, null) }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "json") { e.putPointsProgram("{}\u0000") }
        assertTrue(e.exportProgram().contains("\"max_share_bps\": 5000"))

        // A welcome bonus: a new lot, available at once, expiring at the end of next year.
        val welcome = e.adjustPoints("u1", 1000, "welcome", "adj-1")
        assertEquals(PointsEntry(1, PointsEntryKind.ADJUST, 1000, 1000, "operator", P0, 0, "welcome"), welcome)
        assertEquals(1, count(e, "points.adjusted"))
        // A retry, later, returns the same entry and appends nothing.
        clock.advance(1_000)
        val seqAfter = e.latestEventSeq()
        assertEquals(welcome, e.adjustPoints("u1", 1000, "welcome", "adj-1"))
        assertEquals(seqAfter, e.latestEventSeq())
        assertEquals(balance(1000, 0, 0, 0), e.pointsBalance("u1"))
        assertEquals(listOf(PointsLot(1, 1000, 1000, 0, P0, P0, END_OF_2027)), e.pointsLots("u1"))

        // The same key for another correction; 0 points; a debit beyond the available points;
        // no reason, no key, no user: each refused on its field, changing nothing.
        refusedUnchanged(e, ErrorCode.IDEMPOTENCY_CONFLICT, "idempotency_key") {
            e.adjustPoints("u1", 999, "welcome", "adj-1")
        }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "points") { e.adjustPoints("u1", 0, "nothing", "adj-2") }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "points") { e.adjustPoints("u1", -1001, "too much", "adj-3") }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "reason") { e.adjustPoints("u1", 5, "", "adj-4") }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "idempotency_key") { e.adjustPoints("u1", 5, "x", "") }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "user_id") { e.adjustPoints("", 5, "x", "adj-4") }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "user_id") { e.adjustPoints("u\u00001", 5, "x", "adj-4") }
        refusedUnchanged(e, ErrorCode.INVALID_UTF8, "user_id") {
            Native.enginePointsAdjust(e.handleForTests, byteArrayOf(0xc3.toByte(), 0x28), 5, utf8("x"), utf8("adj-4"), true)
        }
        expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { e.pointsBalance("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { e.pointsLots("") }

        // A debit takes from the lot; the C call may leave out the entry (nothing to free).
        assertEquals(0L, Native.enginePointsAdjust(e.handleForTests, utf8("u1"), -200, utf8("correction"), utf8("adj-5"), false))
        assertEquals(balance(800, 0, 0, 0), e.pointsBalance("u1"))
        val correction = e.adjustPoints("u1", -200, "correction", "adj-5")
        assertEquals(PointsEntry(2, PointsEntryKind.ADJUST, -200, -200, "operator", P0 + 1_000, 0, "correction"), correction)
        assertEquals(listOf(PointsLot(1, 1000, 800, 0, P0, P0, END_OF_2027)), e.pointsLots("u1"))
        // A member with no entries has a zero balance and no lots.
        assertEquals(balance(0, 0, 0, 0), e.pointsBalance("u2"))
        assertEquals(emptyList<PointsLot>(), e.pointsLots("u2"))
    }

    @Test
    fun adjustingPointsInABatch() {
        val e = pointsShop()
        // Three corrections, two members, applied in one call: u1 100 - 30 = 70, u2 50.
        val batch = listOf(
            PointsAdjustment("u1", 100, "anniversary", "b-1"),
            PointsAdjustment("u2", 50, "anniversary", "b-2"),
            PointsAdjustment("u1", -30, "correction", "b-3")
        )
        var eventsBefore = e.latestEventSeq()
        assertEquals(3L, e.adjustPointsBatch(batch))
        assertEquals(balance(70, 0, 0, 0), e.pointsBalance("u1"))
        assertEquals(balance(50, 0, 0, 0), e.pointsBalance("u2"))
        assertEquals(3, e.readEvents("points.adjusted", eventsBefore).size)
        assertEquals(listOf(-30L, 100L), e.pointsHistory("u1").items.map { it.points })

        // Retried, it appends nothing; and it shares its keys with the single call.
        eventsBefore = e.latestEventSeq()
        assertEquals(0L, e.adjustPointsBatch(batch))
        assertEquals(1L, e.adjustPoints("u2", 50, "anniversary", "b-2").seq)
        assertEquals(eventsBefore, e.latestEventSeq())
        assertEquals(balance(70, 0, 0, 0), e.pointsBalance("u1"))

        // Two items with one key and the same correction make one entry.
        val twice = PointsAdjustment("u2", 5, "twice", "b-4")
        assertEquals(1L, e.adjustPointsBatch(listOf(twice, twice)))
        assertEquals(balance(55, 0, 0, 0), e.pointsBalance("u2"))

        // One refused item refuses the batch, and nothing of it lands: not even the items before
        // it. The field names the item.
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "items[1].points") {
            e.adjustPointsBatch(
                listOf(PointsAdjustment("u1", 10, "fine", "b-5"), PointsAdjustment("u2", -56, "too much", "b-6"))
            )
        }
        refusedUnchanged(e, ErrorCode.IDEMPOTENCY_CONFLICT, "items[0].idempotency_key") {
            e.adjustPointsBatch(listOf(PointsAdjustment("u1", 99, "anniversary", "b-1")))
        }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "items") { e.adjustPointsBatch(emptyList()) }

        // Items refused while the batch is built: the field names the item too.
        val fine = PointsAdjustment("u1", 10, "fine", "b-5")
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "items[1].points") {
            e.adjustPointsBatch(listOf(fine, PointsAdjustment("u1", 0, "x", "k")))
        }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "items[2].user_id") {
            e.adjustPointsBatch(listOf(fine, fine, PointsAdjustment("", 1, "x", "k")))
        }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "items[0].reason") {
            e.adjustPointsBatch(listOf(PointsAdjustment("u1", 1, "", "k"), fine))
        }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "items[1].idempotency_key") {
            e.adjustPointsBatch(listOf(fine, PointsAdjustment("u1", 1, "x", "k\u0000")))
        }
        refusedUnchanged(e, ErrorCode.INVALID_UTF8, "items[0].reason") {
            Native.enginePointsAdjustBatch(
                e.handleForTests, arrayOf(utf8("u1")), longArrayOf(1), arrayOf(byteArrayOf(0xc3.toByte(), 0x28)),
                arrayOf(utf8("k"))
            )
        }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "items[0].user_id") {
            Native.enginePointsAdjustBatch(e.handleForTests, arrayOf(null), longArrayOf(1), arrayOf(utf8("x")), arrayOf(utf8("k")))
        }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "items") {
            Native.enginePointsAdjustBatch(e.handleForTests, arrayOf(utf8("u1")), longArrayOf(), arrayOf(utf8("x")), arrayOf(utf8("k")))
        }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "items") {
            Native.enginePointsAdjustBatch(e.handleForTests, null, null, null, null)
        }
        // At most 10,000 items: the largest batch lands, one more is refused on the list.
        refusedUnchanged(e, ErrorCode.LIMIT_EXCEEDED, "items", listOf("u1", "u2", "u3")) {
            e.adjustPointsBatch((0..10_000).map { PointsAdjustment("u3", 1, "x", "k-$it") })
        }
        assertEquals(10_000L, e.adjustPointsBatch((0 until 10_000).map { PointsAdjustment("u3", 1, "x", "k-$it") }))
        assertEquals(balance(10_000, 0, 0, 0), e.pointsBalance("u3"))
    }

    @Test
    fun payingWithPointsAtCheckout() {
        val e = pointsShop()
        e.adjustPoints("u1", 1000, "welcome", "adj-1")
        e.addToCart("u1", "tea", 2)

        // Goods 136.00, below the 150.00 free-shipping threshold: shipping 8.00. The cap is
        // 50% of 136.00 = 68.00 = 6800 points, so the 1000 available points bound it.
        // 500 points pay 5.00: total 136.00 - 5.00 + 8.00 = 139.00, which earns 131 points.
        val request = CheckoutRequest(points = PointsUse.Exactly(500))
        val quote = e.quote("u1", request)
        assertEquals(1000L, quote.pointsMax)
        assertEquals(500L, quote.pointsUsed)
        assertEquals(500L, quote.pointsAmount)
        assertEquals(131L, quote.pointsToEarn)
        assertEquals(0L, quote.discount)
        assertEquals(800L, quote.shipping)
        assertEquals(13900L, quote.total)
        assertEquals(0L, quote.saved)
        assertEquals(listOf(Adjustment(AdjustmentKind.POINTS, "points", "points", 500)), quote.lines[0].adjustments)
        assertEquals(13100L, quote.lines[0].net)
        assertEquals(500L, quote.merchants[0].pointsAmount)
        assertEquals(0L, quote.merchants[0].discount)
        assertEquals(13900L, quote.merchants[0].total)
        // Without points: the maximum is still offered, nothing is used; 136.00 earns 136.
        val plain = e.quote("u1")
        assertEquals(listOf(1000L, 0L, 0L, 14400L, 136L), listOf(plain.pointsMax, plain.pointsUsed, plain.pointsAmount, plain.total, plain.pointsToEarn))

        // Whole units only, never beyond the maximum, never negative.
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "points") { e.quote("u1", CheckoutRequest(points = PointsUse.Exactly(550))) }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "points") {
            e.checkout("u1", CheckoutRequest(points = PointsUse.Exactly(1100)), "co-bad")
        }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "points") {
            e.checkout("u1", CheckoutRequest(points = PointsUse.Exactly(-1)), "co-bad")
        }
        expectError(ErrorCode.NOT_FOUND, "idempotency_key") { e.order("u1", "co-bad") }
        assertEquals(50L, e.sku("tea").stockAvailable)
        // "Most" is the maximum: 1000 points pay 10.00. Points are earned on what is paid for
        // the goods, not shipping: 136.00 - 10.00 = 126.00 earns 126.
        val most = e.quote("u1", CheckoutRequest(points = PointsUse.Most))
        assertEquals(1000L, most.pointsUsed)
        assertEquals(13600L - 1000L + 800L, most.total)
        assertEquals(126L, most.pointsToEarn)

        // Checkout holds the 500 points; the order keeps what they pay.
        val order = e.checkout("u1", request, "co-1")
        assertEquals(500L, order.pointsUsed)
        assertEquals(500L, order.pointsAmount)
        assertEquals(0L, order.pointsEarned)
        assertEquals(13900L, order.total)
        assertEquals(500L, order.merchants[0].pointsAmount)
        assertEquals(quote.lines[0].adjustments, order.lines[0].adjustments)
        assertEquals(balance(500, 0, 500, 0), e.pointsBalance("u1"))
        assertEquals(listOf(PointsLot(1, 1000, 500, 500, P0, P0, END_OF_2027)), e.pointsLots("u1"))
        // A retry of the checkout holds nothing more.
        assertEquals(order.id, e.checkout("u1", request, "co-1").id)
        assertEquals(balance(500, 0, 500, 0), e.pointsBalance("u1"))

        // Payment spends them and earns 131 points, pending for the 7-day return window.
        clock.advance(1_000)
        val paid = e.pay(order.id, "psp-1", 13900, "pay-1")
        assertEquals(131L, paid.pointsEarned)
        assertEquals(balance(500, 131, 0, 0), e.pointsBalance("u1"))
        val vestsAt = P0 + 1_000 + 7 * DAY_MS
        val history = e.pointsHistory("u1", null, 10)
        assertNull(history.nextCursor)
        assertEquals(
            listOf(PointsEntryKind.EARN, PointsEntryKind.COMMIT, PointsEntryKind.HOLD, PointsEntryKind.ADJUST),
            history.items.map { it.kind }
        )
        assertEquals(PointsEntry(4, PointsEntryKind.EARN, 131, 131, "order:${order.id}", P0 + 1_000, vestsAt, ""), history.items[0])
        assertEquals(-500L, history.items[1].effect)
        assertEquals(0L, history.items[2].effect)
        assertEquals(history.items.map { it.effect }.sum(), e.pointsBalance("u1").total)

        // Refund one tea of two: the line paid 131.00 in money, so half is 65.50. It takes back
        // floor(131 x 6550 / 13100) = 65 earned points and gives back floor(500 x 6550 / 13100)
        // = 250 spent points, into the lot they came from.
        val half = e.refundLine(order.id, 0, 1, "rf-1")
        assertEquals(6550L, half.refunded)
        assertEquals(131L, half.pointsEarned)
        assertEquals(balance(750, 66, 0, 0), e.pointsBalance("u1"))
        val afterRefund = e.pointsHistory("u1", null, 2).items
        assertEquals(setOf(PointsEntryKind.REVERSE, PointsEntryKind.RETURN), afterRefund.map { it.kind }.toSet())
        assertEquals(setOf(-65L, 250L), afterRefund.map { it.effect }.toSet())
        // Retried, nothing moves twice.
        e.refundLine(order.id, 0, 1, "rf-1")
        assertEquals(balance(750, 66, 0, 0), e.pointsBalance("u1"))

        // After the return window the rest of the earned lot vests.
        clock.advance(7 * DAY_MS)
        assertEquals(balance(816, 0, 0, 0), e.pointsBalance("u1"))
        // The full refund takes back the other 66 and returns the other 250.
        val refunded = e.refundLine(order.id, 0, 1, "rf-2")
        assertEquals(OrderState.REFUNDED, refunded.state)
        assertEquals(balance(1000, 0, 0, 0), e.pointsBalance("u1"))
    }

    @Test
    fun pointsAndTheirValueAreTwoFigures() {
        val e = pointsShop()
        // 200 points pay 1.00, in units of 100 (worth 0.50 each): points and fen differ.
        e.putPointsProgram(POINTS_PROGRAM.replace(""""redeem":{"points":100,"amount":100""", """"redeem":{"points":200,"amount":100"""))
        e.adjustPoints("u1", 1000, "welcome", "adj-1")
        e.addToCart("u1", "tea", 2)
        // 500 points pay 2.50: 136.00 - 2.50 + 8.00 = 141.50; 133.50 paid for the goods earns 133.
        val request = CheckoutRequest(points = PointsUse.Exactly(500))
        val quote = e.quote("u1", request)
        assertEquals(listOf(500L, 250L, 1000L, 133L), listOf(quote.pointsUsed, quote.pointsAmount, quote.pointsMax, quote.pointsToEarn))
        assertEquals(14150L, quote.total)
        assertEquals(250L, quote.merchants[0].pointsAmount)
        assertEquals(listOf(Adjustment(AdjustmentKind.POINTS, "points", "points", 250)), quote.lines[0].adjustments)
        val order = e.checkout("u1", request, "co-1")
        assertEquals(listOf(500L, 250L, 14150L), listOf(order.pointsUsed, order.pointsAmount, order.total))
        assertEquals(250L, order.merchants[0].pointsAmount)
        // 500 available and 500 held are worth 5.00.
        val report = e.pointsReport(P0, P0 + 1)
        assertEquals(listOf(500L, 500L, 1000L, 500L), listOf(report.available, report.held, report.liabilityPoints, report.liabilityAmount))
        val paid = e.pay(order.id, "psp-1", order.total, "pay-1")
        assertEquals(133L, paid.pointsEarned)
        assertEquals(250L, paid.pointsAmount)
    }

    @Test
    fun cancelAndLapseReleasePoints() {
        val e = pointsShop()
        e.adjustPoints("u1", 1000, "welcome", "adj-1")
        val most = CheckoutRequest(points = PointsUse.Most)
        e.addToCart("u1", "tea", 2)
        val order = e.checkout("u1", most, "co-1")
        assertEquals(1000L, order.pointsUsed)
        assertEquals(balance(0, 0, 1000, 0), e.pointsBalance("u1"))
        // Held points cannot pay twice: the next quote may use none.
        e.addToCart("u1", "cake", 1)
        assertEquals(0L, e.quote("u1", most).pointsMax)
        e.removeFromCart("u1", "cake")

        assertEquals(OrderState.CANCELLED, e.cancel(order.id).state)
        assertEquals(balance(1000, 0, 0, 0), e.pointsBalance("u1"))
        // Cancelling again releases nothing more.
        e.cancel(order.id)
        assertEquals(balance(1000, 0, 0, 0), e.pointsBalance("u1"))
        assertEquals(1, count(e, "points.released"))

        // A lapsed payment window frees the points for reads at once, and for the next checkout.
        e.addToCart("u1", "tea", 2)
        e.checkout("u1", most, "co-2")
        assertEquals(balance(0, 0, 1000, 0), e.pointsBalance("u1"))
        clock.advance(WINDOW_MS)
        assertEquals(balance(1000, 0, 0, 0), e.pointsBalance("u1"))
        e.addToCart("u1", "tea", 2)
        val third = e.checkout("u1", most, "co-3")
        assertEquals(1000L, third.pointsUsed)
        assertEquals(balance(0, 0, 1000, 0), e.pointsBalance("u1"))
        assertEquals(2, count(e, "points.released"))
    }

    @Test
    fun earnedPointsArePendingUntilTheReturnWindowHasPassed() {
        val e = pointsShop()
        // Two teas: 136.00 + 8.00 shipping, no points: earns 136 (goods only), pending.
        e.addToCart("u2", "tea", 2)
        val paid = buy(e, "u2", PointsUse.None, "co-1")
        assertEquals(136L, paid.pointsEarned)
        assertEquals(balance(0, 136, 0, 0), e.pointsBalance("u2"))
        val vestsAt = P0 + 7 * DAY_MS
        assertEquals(listOf(PointsLot(1, 136, 136, 0, P0, vestsAt, END_OF_2027)), e.pointsLots("u2"))
        // Pending points cannot pay.
        e.addToCart("u2", "cake", 1)
        assertEquals(0L, e.quote("u2").pointsMax)
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "points") {
            e.quote("u2", CheckoutRequest(points = PointsUse.Exactly(100)))
        }

        // A millisecond before the window has passed they are still pending; then available.
        clock.now = vestsAt - 1
        assertEquals(balance(0, 136, 0, 0), e.pointsBalance("u2"))
        clock.now = vestsAt
        assertEquals(balance(136, 0, 0, 0), e.pointsBalance("u2"))
        // The cap is 50% of 128.00 = 6400 points; of the 136 available, whole units of 100: 100.
        assertEquals(100L, e.quote("u2").pointsMax)
    }

    @Test
    fun refundsReverseAndReturnAndDebtBlocksSpending() {
        val e = pointsShop()
        e.addToCart("u2", "tea", 2)
        val first = buy(e, "u2", PointsUse.None, "co-1")
        clock.advance(8 * DAY_MS)
        assertEquals(balance(136, 0, 0, 0), e.pointsBalance("u2"))

        // A cake with 100 of them: 128.00 - 1.00 + 8.00; earns floor(127.00) = 127, pending.
        e.addToCart("u2", "cake", 1)
        val second = buy(e, "u2", PointsUse.Exactly(100), "co-2")
        assertEquals(100L, second.pointsUsed)
        assertEquals(127L, second.pointsEarned)
        assertEquals(balance(36, 127, 0, 0), e.pointsBalance("u2"))

        // The first order is refunded in full: its 136 points are taken back. 36 are still in
        // their lot; the 100 spent are owed. The pending 127 of the second order pay first, so
        // no debt: 27 pending are left.
        assertEquals(OrderState.REFUNDED, e.refundAmount(first.id, 13600, "rf-1").state)
        assertEquals(balance(0, 27, 0, 0), e.pointsBalance("u2"))
        // Refunding the second order takes back its 127 and returns its 100: 27 - 127 + 100.
        e.refundAmount(second.id, 12700, "rf-2")
        assertEquals(balance(0, 0, 0, 0), e.pointsBalance("u2"))

        // Debt: points earned, vested, spent elsewhere, and the earning order refunded.
        e.addToCart("u2", "tea", 2)
        val third = buy(e, "u2", PointsUse.None, "co-3")
        clock.advance(8 * DAY_MS)
        e.adjustPoints("u2", -136, "spent elsewhere", "adj-1")
        e.refundAmount(third.id, 13600, "rf-3")
        assertEquals(balance(0, 0, 0, 136), e.pointsBalance("u2"))
        assertEquals(-136L, e.pointsBalance("u2").total)
        // Debt blocks points as payment (the maximum is 0) and operator debits.
        e.addToCart("u2", "cake", 1)
        assertEquals(0L, e.quote("u2").pointsMax)
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "points") {
            e.quote("u2", CheckoutRequest(points = PointsUse.Exactly(100)))
        }
        refusedUnchanged(e, ErrorCode.INVALID_STATE, "points") { e.adjustPoints("u2", -1, "more", "adj-x") }
        // Points earned repay it first: 200 - 136.
        e.adjustPoints("u2", 200, "goodwill", "adj-2")
        assertEquals(balance(64, 0, 0, 0), e.pointsBalance("u2"))
    }

    @Test
    fun signInStreak() {
        clock.now = P0
        val e = open()
        // No program, no sign-in table.
        refusedUnchanged(e, ErrorCode.INVALID_STATE, "sign_in", listOf("u1")) { e.signIn("u1") }
        e.putPointsProgram(POINTS_PROGRAM)
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "user_id", listOf("u1")) { e.signIn("") }

        // Four days in a row: 5, 10, 20, then the cycle starts again at 5.
        val expected = listOf(
            SignIn("2026-01-01", 1, 5, true),
            SignIn("2026-01-02", 2, 10, true),
            SignIn("2026-01-03", 3, 20, true),
            SignIn("2026-01-04", 1, 5, true)
        )
        for (day in expected) {
            assertEquals(day, e.signIn("u1"))
            // Again the same day: the same result, nothing earned.
            clock.advance(3_600_000)
            assertEquals(day.copy(first = false), e.signIn("u1"))
            clock.advance(DAY_MS - 3_600_000)
        }
        assertEquals(balance(40, 0, 0, 0), e.pointsBalance("u1"))
        assertEquals(
            listOf("signin:2026-01-04", "signin:2026-01-03", "signin:2026-01-02", "signin:2026-01-01"),
            e.pointsHistory("u1").items.map { it.reference }
        )
        // Day 5 is day 2 of the new cycle; a missed day starts again at 1.
        assertEquals(SignIn("2026-01-05", 2, 10, true), e.signIn("u1"))
        clock.advance(2 * DAY_MS)
        assertEquals(SignIn("2026-01-07", 1, 5, true), e.signIn("u1"))
        assertEquals(balance(55, 0, 0, 0), e.pointsBalance("u1"))
        assertEquals(6, count(e, "points.signed_in"))
    }

    @Test
    fun activitiesUnderADailyCap() {
        val e = pointsShop()
        val share = e.recordActivity("u1", "share", "tea", "sh-1")
        assertEquals(PointsEntry(1, PointsEntryKind.EARN, 5, 5, "activity:share:tea", P0, P0, ""), share)
        // A retry returns the same entry and earns nothing more.
        assertEquals(share, e.recordActivity("u1", "share", "tea", "sh-1"))
        assertEquals(0L, Native.enginePointsActivity(e.handleForTests, utf8("u1"), utf8("share"), utf8("cake"), utf8("sh-2"), false))
        assertEquals(balance(10, 0, 0, 0), e.pointsBalance("u1"))

        // The third share of the day is over the cap of 2.
        refusedUnchanged(e, ErrorCode.LIMIT_EXCEEDED, "activity") { e.recordActivity("u1", "share", "tea", "sh-3") }
        refusedUnchanged(e, ErrorCode.IDEMPOTENCY_CONFLICT, "idempotency_key") {
            e.recordActivity("u1", "share", "cake", "sh-1")
        }
        refusedUnchanged(e, ErrorCode.NOT_FOUND, "activity") { e.recordActivity("u1", "review", "tea", "rv-1") }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "activity") { e.recordActivity("u1", "", "tea", "sh-4") }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "reference") {
            Native.enginePointsActivity(e.handleForTests, utf8("u1"), utf8("share"), null, utf8("sh-4"), true)
        }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "idempotency_key") { e.recordActivity("u1", "share", "tea", "") }

        // Another member has their own cap; the next day the cap starts again.
        e.recordActivity("u2", "share", "tea", "sh-1")
        clock.advance(DAY_MS)
        assertEquals(P0 + DAY_MS, e.recordActivity("u1", "share", "tea", "sh-3").atMs)
        assertEquals(balance(15, 0, 0, 0), e.pointsBalance("u1"))
        assertEquals(balance(5, 0, 0, 0), e.pointsBalance("u2"))
    }

    @Test
    fun historyPagesAndTheReport() {
        val e = pointsShop()
        e.adjustPoints("u1", 1000, "welcome", "adj-1")
        e.recordActivity("u1", "share", "tea", "sh-1")
        e.addToCart("u1", "tea", 3)
        // 204.00, free shipping; 700 points pay 7.00; 197.00 earns 197.
        val order = buy(e, "u1", PointsUse.Exactly(700), "co-1")
        assertEquals(197L, order.pointsEarned)

        // Pages of 2, newest first, until the cursor is null.
        val seen = ArrayList<PointsEntry>()
        var cursor: String? = null
        var pages = 0
        do {
            val page = e.pointsHistory("u1", cursor, 2)
            seen.addAll(page.items)
            cursor = page.nextCursor
            pages++
        } while (cursor != null)
        assertEquals(3, pages)
        assertEquals(listOf(5L, 4L, 3L, 2L, 1L), seen.map { it.seq })
        assertEquals(
            listOf(PointsEntryKind.EARN, PointsEntryKind.COMMIT, PointsEntryKind.HOLD, PointsEntryKind.EARN, PointsEntryKind.ADJUST),
            seen.map { it.kind }
        )
        assertEquals(listOf("order:${order.id}", "order:${order.id}", "order:${order.id}", "activity:share:tea", "operator"), seen.map { it.reference })
        assertEquals(seen, e.pointsHistory("u1", null, 1000).items)
        assertEquals(e.pointsBalance("u1").total, seen.map { it.effect }.sum())

        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "cursor") { e.pointsHistory("u1", "not-a-cursor", 2) }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "limit") { e.pointsHistory("u1", null, 0) }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "limit") { e.pointsHistory("u1", null, 1001) }
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "user_id") { e.pointsHistory("", null, 2) }
        // A cursor of one member's history is refused for another's.
        val u1Cursor = e.pointsHistory("u1", null, 2).nextCursor!!
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "cursor") { e.pointsHistory("u2", u1Cursor, 2) }

        // The report: 305 + 50 available (1000 + 5 - 700; u2's 50), 197 pending, worth 5.52.
        e.adjustPoints("u2", 50, "welcome", "adj-1")
        val report = e.pointsReport(P0, P0 + DAY_MS)
        assertEquals(
            PointsReport(
                members = 2, available = 355, pending = 197, held = 0, debt = 0,
                liabilityPoints = 552, liabilityAmount = 552, currency = "CNY",
                earned = 202, spent = 700, expired = 0, reversed = 0, returned = 0, adjusted = 1050
            ),
            report
        )
        // A period before anything happened moved nothing; the liability is as of now.
        val before = e.pointsReport(0, P0)
        assertEquals(report.copy(earned = 0, spent = 0, adjusted = 0), before)
        refusedUnchanged(e, ErrorCode.INVALID_ARGUMENT, "to_ms") { e.pointsReport(10, 5) }

        // Lots expire at the end of next year. Expired but not yet settled by an entry: not
        // available, still in the sum of entries (305 + 197 = 502).
        clock.now = END_OF_2027
        val expiredUnsettled = e.pointsBalance("u1")
        assertEquals(0L, expiredUnsettled.available)
        assertEquals(0L, expiredUnsettled.pending)
        assertEquals(502L, expiredUnsettled.total)
        // The next keyed call settles them; the report counts them.
        e.adjustPoints("u1", 1, "poke", "adj-2")
        assertEquals(502L, e.pointsReport(END_OF_2027, END_OF_2027 + 1).expired)
        assertEquals(balance(1, 0, 0, 0), e.pointsBalance("u1"))
        assertEquals(
            listOf(PointsEntryKind.ADJUST, PointsEntryKind.EXPIRE, PointsEntryKind.EXPIRE),
            e.pointsHistory("u1", null, 3).items.map { it.kind }
        )
    }

    @Test
    fun suspendingTwinsAndAClosedEngine(): Unit = runBlocking<Unit> {
        val e = pointsShop()
        val s = e.suspending
        s.putPointsProgram(POINTS_PROGRAM)
        val entry = s.adjustPoints("u1", 300, "welcome", "adj-1")
        assertEquals(entry, e.pointsHistory("u1").items.single())
        assertEquals(SignIn("2026-01-01", 1, 5, true), s.signIn("u1"))
        assertEquals(5L, s.recordActivity("u1", "share", "tea", "sh-1").points)
        assertEquals(balance(310, 0, 0, 0), s.pointsBalance("u1"))
        assertEquals(3, s.pointsLots("u1").size)
        assertEquals(3, s.pointsHistory("u1", null, 10).items.size)
        assertEquals(310L, s.pointsReport(P0, P0 + 1).available)
        assertEquals(1L, s.adjustPointsBatch(listOf(PointsAdjustment("u2", 40, "bonus", "b-1"))))
        assertEquals(balance(40, 0, 0, 0), s.pointsBalance("u2"))
        expectError(ErrorCode.INVALID_ARGUMENT, "items") { s.adjustPointsBatch(emptyList()) }
        expectError(ErrorCode.VALIDATION, "bonus") { s.putPointsProgram("""{"bonus":1}""") }
        expectError(ErrorCode.INVALID_ARGUMENT, "points") { s.adjustPoints("u1", 0, "x", "adj-2") }
        e.close()
        expectError(ErrorCode.INVALID_STATE) { e.pointsBalance("u1") }
        expectError(ErrorCode.INVALID_STATE) { s.signIn("u1") }
        expectError(ErrorCode.INVALID_STATE) { e.adjustPointsBatch(listOf(PointsAdjustment("u1", 1, "x", "b-2"))) }
        expectError(ErrorCode.INVALID_STATE) { e.pointsReport(0, 1) }
        assertEquals("Most", PointsUse.Most.toString())
        assertEquals("None", PointsUse.None.toString())
    }
}
