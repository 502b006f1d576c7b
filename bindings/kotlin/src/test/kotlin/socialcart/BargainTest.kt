package socialcart

import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import java.util.ArrayDeque
import java.util.concurrent.atomic.AtomicLong

private const val MINUTE_MS = 60_000L
private const val LIFETIME_MS = 24 * 60 * MINUTE_MS

/** A wok listed at 100.00 that three friends take down to 1.00 within a day. */
private const val BARGAIN_PROGRAM =
    """{"format":"socialcart.program/1","currency":"CNY","skus":[""" +
        """{"id":"wok","merchant_id":"m1","title":"Wok","list_price":10000,"stock":50}],""" +
        """"bargains":{"programs":[{"id":"wok-chop","sku_id":"wok","floor_price":100,"helpers":3,""" +
        """"lifetime_minutes":1440,"starts_at":0,"ends_at":1893456000000}]}}"""

/** The scripted random source: the draws pushed, in order, then 0. */
class ScriptedRandom {
    private val draws = ArrayDeque<Long>()
    val calls = AtomicLong()

    fun push(vararg values: Long) = synchronized(draws) {
        for (v in values) draws.addLast(v)
    }

    fun next(): Long = synchronized(draws) {
        calls.incrementAndGet()
        if (draws.isEmpty()) 0L else draws.removeFirst()
    }
}

/**
 * Bargains (砍价) through the binding (include/socialcart/bargain.h), after
 * tests/c/test_bargain.c: a program imported with the program document, a bargain opened and
 * shared, friends' helps cutting exactly what the scripted random source says, the H-th landing
 * on the floor, the opener buying at the bargained price, expiry read at once and settled by the
 * sweep, the program report, and bad calls refused with their field, changing nothing.
 */
class BargainTest : EngineTestBase() {
    private val random = ScriptedRandom()
    private var keys = 0

    private fun bargainShop(name: String = "cart.db"): Engine {
        val e = open(name, options().copy(random = { random.next() }))
        e.importProgram(BARGAIN_PROGRAM)
        return e
    }

    private fun help(e: Engine, bargainId: String, helper: String, draw: Long, key: String = "h-${++keys}"): Long {
        random.push(draw)
        return e.helpBargain(bargainId, helper, key).amount
    }

    private fun buy(e: Engine, user: String, bargainId: String): Order =
        e.checkout(user, CheckoutRequest(bargainId = bargainId), "co-${++keys}")

    private fun pay(e: Engine, order: Order): Order {
        val k = "pay-${++keys}"
        return e.pay(order.id, k, order.total, k)
    }

    private fun count(e: Engine, type: String): Int = e.readEvents(type, 0, 10_000).size

    @Test
    fun helpsCutTheScriptedAmountsTheLastLandsOnTheFloorAndTheOpenerBuys() {
        val e = bargainShop()
        assertEquals(BargainProgram("wok-chop", "wok", 100, 3, 1440, 0, 1_893_456_000_000L), e.bargainProgram("wok-chop"))

        val opened = e.openBargain("wok-chop", "ann", "open-ann")
        assertTrue(opened.id.startsWith("brg_"))
        assertEquals(
            Bargain(opened.id, "wok-chop", "ann", "wok", BargainState.OPEN, 10000, 100, 10000, 3, T0,
                T0 + LIFETIME_MS, null, null, emptyList()),
            opened)
        // A retry returns the first bargain.
        assertEquals(opened, e.openBargain("wok-chop", "ann", "open-ann"))

        // The invite: a share link to the bargain.
        e.putReferralProgram("""{"url_template":"https://shop.example/s/{token}","link_lifetime_days":7}""")
        e.generateShareKey("k1")
        val link = e.createShareLink("ann", ShareTarget.BARGAIN, opened.id, "wechat", "share-1")
        assertEquals(ShareTarget.BARGAIN, link.target)
        assertEquals(opened.id, link.targetId)
        val resolved = e.resolveShareLink(link.token)
        assertEquals(ShareTarget.BARGAIN, resolved.target)
        assertEquals(opened.id, resolved.targetId)
        assertEquals("bargain", SocialCart.shareTargetName(ShareTarget.BARGAIN))

        // 1 + 999 % (2 × 9900 / 3 = 6600)
        random.push(999)
        val first = e.helpBargain(opened.id, "bo", "help-bo")
        assertEquals(1000L, first.amount)
        assertEquals(9000L, first.bargain.price)
        assertEquals(listOf(BargainHelp("bo", 1000, 9000, T0)), first.bargain.helps)
        assertEquals(BargainState.OPEN, first.bargain.state)
        // A retry returns the first result: the draw it made is wasted.
        random.push(5)
        assertEquals(first, e.helpBargain(opened.id, "bo", "help-bo"))
        // 2 left: 1 + 4449 % min(8900, 8899)
        clock.advance(MINUTE_MS)
        assertEquals(4450L, help(e, opened.id, "cy", 4449))
        // The opener and a friend who already helped are refused.
        expectError(ErrorCode.INVALID_STATE, "user_id") { help(e, opened.id, "ann", 1) }
        expectError(ErrorCode.INVALID_STATE, "user_id") { help(e, opened.id, "bo", 1) }
        // The last help lands on the floor, whatever the draw.
        random.push(77)
        val last = e.helpBargain(opened.id, "di", "help-di")
        assertEquals(4450L, last.amount)
        assertEquals(BargainState.FLOOR_REACHED, last.bargain.state)
        assertEquals(100L, last.bargain.price)
        assertEquals(
            listOf(BargainHelp("bo", 1000, 9000, T0), BargainHelp("cy", 4450, 4550, T0 + MINUTE_MS),
                BargainHelp("di", 4450, 100, T0 + MINUTE_MS)),
            last.bargain.helps)
        // Six draws: the three helps, the retry and the two refused helps each made one.
        assertEquals(6L, random.calls.get())
        assertEquals(3, count(e, "bargain.helped"))
        assertEquals(1, count(e, "bargain.floor_reached"))
        expectError(ErrorCode.INVALID_STATE, "bargain_id") { help(e, opened.id, "ed", 1) }

        // Only the opener buys, at the bargained price, once.
        expectError(ErrorCode.INVALID_STATE, "bargain_id") { buy(e, "bo", opened.id) }
        val order = buy(e, "ann", opened.id)
        assertEquals(100L, order.total)
        assertEquals("wok", order.lines.single().skuId)
        assertEquals(1L, order.lines.single().quantity)
        expectError(ErrorCode.INVALID_STATE, "bargain_id") { buy(e, "ann", opened.id) }
        assertEquals(OrderState.PAID, pay(e, order).state)
        val bought = e.bargain(opened.id)
        assertEquals(BargainState.BOUGHT, bought.state)
        assertEquals(order.id, bought.orderId)
        assertEquals(T0 + MINUTE_MS, bought.endedAtMs)
        assertEquals(1, count(e, "bargain.bought"))
        assertEquals("bought", SocialCart.bargainStateName(bought.state))

        assertEquals(listOf(bought), e.bargainsOfUser("ann", 10))
        assertEquals(emptyList<Bargain>(), e.bargainsOfUser("bo"))
    }

    @Test
    fun bargainsExpireAfterTheDeadlineAndTheReportCountsThem() {
        val e = bargainShop()
        val a = e.openBargain("wok-chop", "ann", "o-ann").id
        val b = e.openBargain("wok-chop", "bo", "o-bo").id
        val c = e.openBargain("wok-chop", "cy", "o-cy").id
        assertEquals(1L, help(e, a, "h1", 0))
        assertEquals(1L, help(e, a, "h2", 0))
        assertEquals(9898L, help(e, a, "h3", 0)) // the floor
        assertEquals(1L, help(e, b, "h1", 0))
        val order = buy(e, "bo", b)
        assertEquals(9999L, order.total)
        assertEquals(OrderState.PAID, pay(e, order).state)

        clock.advance(LIFETIME_MS)
        // Reads see the expiry at once; nothing is written until a sweep.
        assertEquals(BargainState.EXPIRED, e.bargain(a).state)
        assertEquals(BargainState.BOUGHT, e.bargain(b).state)
        val expired = e.bargain(c)
        assertEquals(BargainState.EXPIRED, expired.state)
        assertEquals(T0 + LIFETIME_MS, expired.endedAtMs)
        assertNull(expired.orderId)
        assertEquals(0, count(e, "bargain.expired"))
        assertEquals(false, e.sweep(100).more)
        assertEquals(2, count(e, "bargain.expired"))

        assertEquals(
            BargainReport(opened = 3, completed = 1, expired = 2, bought = 1, helps = 4, helpersPerCompletion = 400,
                conversionBps = 3333),
            e.bargainReport("wok-chop"))

        // Expired: no help, no purchase; the shopper may open another.
        expectError(ErrorCode.EXPIRED, "bargain_id") { help(e, c, "h9", 1) }
        expectError(ErrorCode.EXPIRED, "bargain_id") { buy(e, "cy", c) }
        val again = e.openBargain("wok-chop", "ann", "o-ann-2")
        assertNotEquals(a, again.id)
        assertEquals(listOf(again.id, a), e.bargainsOfUser("ann").map { it.id })
    }

    @Test
    fun theRequestsBargainReadsBackAndARefusedSettingChangesNothing() {
        fun readBack(request: CheckoutRequest): String? = request.withNative { Native.checkoutRequestBargainId(it) }
        assertEquals("", readBack(CheckoutRequest()))
        assertEquals("brg_x", readBack(CheckoutRequest(bargainId = "brg_x")))
        assertEquals("", Native.checkoutRequestBargainId(0))
        expectError(ErrorCode.INVALID_ARGUMENT, "request") { Native.checkoutRequestSetBargain(0, utf8("brg_x")) }
        val h = Native.checkoutRequestNew()
        try {
            Native.checkoutRequestSetBargain(h, utf8("brg_x"))
            expectError(ErrorCode.INVALID_ARGUMENT, "bargain_id") { Native.checkoutRequestSetBargain(h, utf8("")) }
            expectError(ErrorCode.INVALID_ARGUMENT, "bargain_id") {
                Native.checkoutRequestSetBargain(h, utf8("x".repeat(129)))
            }
            expectError(ErrorCode.INVALID_ARGUMENT, "bargain_id") { Native.checkoutRequestSetBargain(h, utf8("brg\u0000x")) }
            expectError(ErrorCode.INVALID_UTF8, "bargain_id") {
                Native.checkoutRequestSetBargain(h, byteArrayOf(0xC3.toByte()))
            }
            assertEquals("brg_x", Native.checkoutRequestBargainId(h))
            Native.checkoutRequestSetBargain(h, null)
            assertEquals("", Native.checkoutRequestBargainId(h))
        } finally {
            Native.checkoutRequestFree(h)
        }
        expectError(ErrorCode.INVALID_ARGUMENT, "bargain_id") { readBack(CheckoutRequest(bargainId = "")) }
    }

    @Test
    fun badCallsAreRefusedWithTheirFieldAndChangeNothing() {
        val e = bargainShop()
        val bid = e.openBargain("wok-chop", "ann", "o-ann").id
        assertEquals(1L, help(e, bid, "bo", 0))
        val seq = e.latestEventSeq()

        // Options: a null random function is refused.
        val options = Native.optionsNew()
        try {
            expectError(ErrorCode.INVALID_ARGUMENT, "fn") { Native.optionsSetRandom(options, null) }
        } finally {
            Native.optionsFree(options)
        }

        // A request is one kind of checkout.
        expectError(ErrorCode.INVALID_ARGUMENT, "request") {
            e.checkout("ann", CheckoutRequest(bargainId = bid, flashSale = FlashSaleChoice("any", T0)), "co-both")
        }
        expectError(ErrorCode.INVALID_ARGUMENT, "request") {
            e.checkout("ann", CheckoutRequest(bargainId = bid, group = GroupChoice.open("any")), "co-both-2")
        }
        expectError(ErrorCode.NOT_FOUND, "bargain_id") { buy(e, "ann", "brg_none") }
        expectError(ErrorCode.INVALID_STATE, "bargain_id") { buy(e, "bo", bid) }

        // Programs.
        expectError(ErrorCode.VALIDATION, null) { e.putBargainProgram("{") }
        expectError(ErrorCode.VALIDATION, "helpers") {
            e.putBargainProgram("""{"id":"p2","sku_id":"wok","floor_price":100,"helpers":101,""" +
                """"lifetime_minutes":60,"starts_at":0,"ends_at":10}""")
        }
        expectError(ErrorCode.VALIDATION, "sku_id") {
            e.putBargainProgram("""{"id":"p2","sku_id":"nope","floor_price":100,"helpers":3,""" +
                """"lifetime_minutes":60,"starts_at":0,"ends_at":10}""")
        }
        expectError(ErrorCode.VALIDATION, "floor_price") {
            e.putBargainProgram("""{"id":"p2","sku_id":"wok","floor_price":9998,"helpers":3,""" +
                """"lifetime_minutes":60,"starts_at":0,"ends_at":10}""")
        }
        expectError(ErrorCode.INVALID_ARGUMENT, "json") { Native.engineBargainProgramPut(e.handleForTests, null) }
        expectError(ErrorCode.INVALID_UTF8, "json") {
            Native.engineBargainProgramPut(e.handleForTests, byteArrayOf(0xC3.toByte()))
        }
        expectError(ErrorCode.NOT_FOUND, "program_id") { e.bargainProgram("none") }
        expectError(ErrorCode.INVALID_ARGUMENT, "program_id") { e.bargainProgram("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "program_id") { e.bargainProgram("x".repeat(129)) }
        expectError(ErrorCode.INVALID_ARGUMENT, "program_id") { Native.engineBargainProgramGet(e.handleForTests, null) }

        // Opening, helping, reading.
        expectError(ErrorCode.NOT_FOUND, "program_id") { e.openBargain("none", "cy", "o-1") }
        expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { e.openBargain("wok-chop", "", "o-1") }
        expectError(ErrorCode.INVALID_ARGUMENT, "idempotency_key") { e.openBargain("wok-chop", "cy", "") }
        expectError(ErrorCode.INVALID_STATE, "program_id") { e.openBargain("wok-chop", "ann", "o-ann-2") }
        expectError(ErrorCode.NOT_FOUND, "bargain_id") { help(e, "brg_none", "cy", 1) }
        expectError(ErrorCode.INVALID_ARGUMENT, "helper_user_id") { e.helpBargain(bid, "", "h-x") }
        expectError(ErrorCode.INVALID_ARGUMENT, "bargain_id") { e.helpBargain("", "cy", "h-x") }
        expectError(ErrorCode.INVALID_ARGUMENT, "idempotency_key") { e.helpBargain(bid, "cy", "") }
        expectError(ErrorCode.INVALID_STATE, "user_id") { help(e, bid, "ann", 1) }
        expectError(ErrorCode.NOT_FOUND, "bargain_id") { e.bargain("brg_none") }
        expectError(ErrorCode.INVALID_ARGUMENT, "bargain_id") { e.bargain("") }
        expectError(ErrorCode.INVALID_UTF8, "bargain_id") {
            Native.engineBargainGet(e.handleForTests, byteArrayOf(0xC3.toByte()))
        }
        expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { e.bargainsOfUser("") }
        for (bad in listOf(0, -1, 101)) {
            expectError(ErrorCode.INVALID_ARGUMENT, "limit") { e.bargainsOfUser("ann", bad) }
        }
        expectError(ErrorCode.NOT_FOUND, "program_id") { e.bargainReport("none") }
        expectError(ErrorCode.INVALID_ARGUMENT, "program_id") { e.bargainReport("") }
        assertEquals(seq, e.latestEventSeq())
        assertEquals(9999L, e.bargain(bid).price)

        // The NULL handle and indexes past the end read as nothing.
        val b = Native.engineBargainGet(e.handleForTests, utf8(bid))
        val list = Native.engineBargainsOfUser(e.handleForTests, utf8("ann"), 5)
        val report = Native.engineBargainReport(e.handleForTests, utf8("wok-chop"))
        try {
            assertEquals(1L, Native.bargainHelpCount(b))
            assertNull(Native.bargainHelpUserId(b, 1))
            assertEquals(0L, Native.bargainHelpAmount(b, 1))
            assertEquals(0L, Native.bargainHelpPriceAfter(b, -1))
            assertEquals(0L, Native.bargainHelpAtMs(b, 1))
            assertEquals(1L, Native.bargainsCount(list))
            assertNotEquals(0L, Native.bargainsAt(list, 0))
            assertEquals(0L, Native.bargainsAt(list, 1))
            assertEquals(0L, Native.bargainsAt(list, -1))
            assertEquals(1L, Native.bargainReportGet(report, 1))
            assertEquals(0L, Native.bargainReportGet(report, 0))
            assertEquals(0L, Native.bargainReportGet(report, 99))
        } finally {
            Native.bargainFree(b)
            Native.bargainsFree(list)
            Native.bargainReportFree(report)
        }
        assertNull(Native.bargainProgramId(0))
        assertNull(Native.bargainProgramSkuId(0))
        assertEquals(0L, Native.bargainProgramFloorPrice(0))
        assertEquals(0L, Native.bargainProgramHelpers(0))
        assertEquals(0L, Native.bargainProgramLifetimeMinutes(0))
        assertEquals(0L, Native.bargainProgramStartsAtMs(0))
        assertEquals(0L, Native.bargainProgramEndsAtMs(0))
        assertNull(Native.bargainId(0))
        assertNull(Native.bargainProgramIdOf(0))
        assertNull(Native.bargainUserId(0))
        assertNull(Native.bargainSkuId(0))
        assertEquals(0L, Native.bargainState(0))
        assertEquals(0L, Native.bargainStartPrice(0))
        assertEquals(0L, Native.bargainFloorPrice(0))
        assertEquals(0L, Native.bargainPrice(0))
        assertEquals(0L, Native.bargainHelpersNeeded(0))
        assertEquals(0L, Native.bargainOpenedAtMs(0))
        assertEquals(0L, Native.bargainDeadlineMs(0))
        assertEquals(0L, Native.bargainEndedAtMs(0))
        assertNull(Native.bargainOrderId(0))
        assertEquals(0L, Native.bargainHelpCount(0))
        assertEquals(0L, Native.bargainsCount(0))
        assertEquals(0L, Native.bargainsAt(0, 0))
        assertEquals(0L, Native.bargainReportGet(0, 1))
        Native.bargainProgramFree(0)
        Native.bargainFree(0)
        Native.bargainsFree(0)
        Native.bargainReportFree(0)
        assertEquals(
            listOf("open", "floor_reached", "bought", "expired", "unknown"),
            BargainState.values().map { SocialCart.bargainStateName(it) })
        assertEquals("unknown", Native.bargainStateName(0))
        assertEquals(BargainState.UNKNOWN, BargainState.of(9))
    }

    @Test
    fun aThrowingRandomSourceFallsBackToASecureDraw() {
        val e = open("throws.db", options().copy(random = { throw IllegalStateException("no entropy (expected by the test)") }))
        e.importProgram(BARGAIN_PROGRAM)
        val bid = e.openBargain("wok-chop", "ann", "o-ann").id
        val cut = e.helpBargain(bid, "bo", "h-bo").amount
        // Whatever the fallback drew, the cut keeps a unit for each help to come.
        assertTrue(cut in 1L..6600L)
        assertEquals(10000L - cut, e.bargain(bid).price)
    }

    @Test
    fun suspendingTwinsAndAClosedEngine(): Unit = runBlocking<Unit> {
        val e = bargainShop()
        val s = e.suspending
        s.putBargainProgram("""{"id":"wok-slow","sku_id":"wok","floor_price":5000,"helpers":2,""" +
            """"lifetime_minutes":60,"starts_at":0,"ends_at":1893456000000}""")
        assertEquals(BargainProgram("wok-slow", "wok", 5000, 2, 60, 0, 1_893_456_000_000L), s.bargainProgram("wok-slow"))
        val b = s.openBargain("wok-slow", "ann", "o-ann")
        assertEquals(T0 + 60 * MINUTE_MS, b.deadlineMs)
        random.push(9)
        val helped = s.helpBargain(b.id, "bo", "h-bo")
        assertEquals(10L, helped.amount)
        assertEquals(listOf(helped.bargain), s.bargainsOfUser("ann", 5))
        assertEquals(helped.bargain, s.bargain(b.id))
        assertEquals(1L, s.bargainReport("wok-slow").helps)
        expectError(ErrorCode.NOT_FOUND, "bargain_id") { s.bargain("brg_none") }
        e.close()
        expectError(ErrorCode.INVALID_STATE) { s.bargain(b.id) }
        expectError(ErrorCode.INVALID_STATE) { e.bargainReport("wok-slow") }
        expectError(ErrorCode.INVALID_STATE) { s.putBargainProgram("{}") }
        expectError(ErrorCode.INVALID_STATE) { s.helpBargain(b.id, "cy", "h-cy") }
    }
}
