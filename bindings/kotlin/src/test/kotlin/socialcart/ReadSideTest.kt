package socialcart

import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import java.io.File
import java.util.Collections

/** The read side: paged orders and catalog, an order by its checkout key, events by type, refund records, the log. */
class ReadSideTest : EngineTestBase() {
    private fun orderOf(e: Engine, user: String, key: String): Order {
        e.addToCart(user, "mooncake", 1)
        return e.checkout(user, key)
    }

    @Test
    fun ordersArePagedNewestFirstAndStable() {
        val e = openShop()
        val placed = ArrayList<Order>()
        for (i in 0 until 5) {
            clock.advance(1000)
            placed.add(orderOf(e, "u1", "k$i"))
        }
        orderOf(e, "u2", "other")
        e.pay(placed[0].id, "ref", placed[0].total, "p")
        e.cancel(placed[1].id)

        val seen = ArrayList<Order>()
        var cursor: String? = null
        var pages = 0
        do {
            val page = e.orders("u1", cursor = cursor, limit = 2)
            assertTrue(page.items.size <= 2)
            seen.addAll(page.items)
            cursor = page.nextCursor
            pages++
            // A newer order placed between pages never shows on a later page.
            if (pages == 1) orderOf(e, "u1", "late")
        } while (cursor != null && pages < 10)
        assertEquals(3, pages)
        assertEquals(placed.reversed().map { it.id }, seen.map { it.id })

        assertEquals(listOf(placed[0].id), e.orders("u1", OrderState.PAID).items.map { it.id })
        assertEquals(listOf(placed[1].id), e.orders("u1", OrderState.CANCELLED).items.map { it.id })
        val window = e.orders("u1", createdFromMs = placed[1].createdAtMs, createdBeforeMs = placed[3].createdAtMs)
        assertEquals(listOf(placed[2].id, placed[1].id), window.items.map { it.id })
        assertNull(window.nextCursor)

        // Lapsed unpaid orders read as cancelled.
        clock.advance(WINDOW_MS)
        assertEquals(0, e.orders("u1", OrderState.CREATED).items.size)
        assertEquals(5, e.orders("u1", OrderState.CANCELLED, limit = 1000).items.size)

        val first = e.orders("u1", limit = 1)
        assertNotNull(first.nextCursor)
        expectError(ErrorCode.INVALID_ARGUMENT, "cursor") { e.orders("u2", cursor = first.nextCursor) }
        expectError(ErrorCode.INVALID_ARGUMENT, "cursor") { e.orders("u1", cursor = "nonsense") }
        expectError(ErrorCode.INVALID_ARGUMENT, "cursor") { e.orders("u1", cursor = "a\u0000b") }
        expectError(ErrorCode.INVALID_ARGUMENT, "limit") { e.orders("u1", limit = 0) }
        expectError(ErrorCode.INVALID_ARGUMENT, "limit") { e.orders("u1", limit = -1) }
        expectError(ErrorCode.INVALID_ARGUMENT, "limit") { e.orders("u1", limit = 1001) }
        expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { e.orders("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "from_ms") { e.orders("u1", createdFromMs = -1) }
        expectError(ErrorCode.INVALID_ARGUMENT, "to_ms") { e.orders("u1", createdFromMs = 5, createdBeforeMs = 4) }
        expectError(ErrorCode.INVALID_ARGUMENT, "state") { e.orders("u1", OrderState.UNKNOWN) }
    }

    @Test
    fun catalogPagesByMerchantAndCategory() {
        val e = openShop()
        e.addToCart("u1", "tea", 2)
        e.checkout("u1", "k")
        val first = e.catalogByMerchant("m-tea", limit = 2)
        assertEquals(listOf("cup", "kettle"), first.items.map { it.id })
        val second = e.catalogByMerchant("m-tea", first.nextCursor, 2)
        assertEquals(listOf("tea"), second.items.map { it.id })
        assertNull(second.nextCursor)
        assertEquals(10L, second.items[0].stockAvailable)
        assertEquals(e.sku("tea"), second.items[0])
        assertEquals(listOf("tea"), e.catalogByCategory("gifts").items.map { it.id })
        assertEquals(0, e.catalogByCategory("nothing").items.size)
        expectError(ErrorCode.INVALID_ARGUMENT, "cursor") { e.catalogByCategory("gifts", first.nextCursor) }
        expectError(ErrorCode.INVALID_ARGUMENT, "merchant_id") { e.catalogByMerchant("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "limit") { e.catalogByCategory("gifts", limit = 0) }
    }

    @Test
    fun orderByUserAndCheckoutKey() {
        val e = openShop()
        val order = orderOf(e, "u1", "tap")
        assertEquals(order, e.order("u1", "tap"))
        clock.advance(WINDOW_MS)
        val lapsed = e.order("u1", "tap")
        assertEquals(OrderState.CANCELLED, lapsed.state)
        assertEquals(CancelReason.PAYMENT_LAPSED, lapsed.cancelReason)
        expectError(ErrorCode.NOT_FOUND, "idempotency_key") { e.order("u2", "tap") }
        expectError(ErrorCode.NOT_FOUND, "idempotency_key") { e.order("u1", "other") }
        expectError(ErrorCode.INVALID_ARGUMENT, "idempotency_key") { e.order("u1", "") }
    }

    @Test
    fun eventsByTypeAndLatestSeq() {
        val e = open()
        assertEquals(0L, e.latestEventSeq())
        e.importProgram(PROGRAM)
        val all = e.readEvents()
        assertEquals(all.last().seq, e.latestEventSeq())
        val puts = e.readEvents("sku.put")
        assertEquals(all.filter { it.type == "sku.put" }, puts)
        assertEquals(listOf(puts[1]), e.readEvents("sku.put", puts[0].seq, 1))
        assertEquals(0, e.readEvents("no.such").size)
        expectError(ErrorCode.INVALID_ARGUMENT, "type") { e.readEvents("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "after_seq") { e.readEvents("sku.put", -1) }
        expectError(ErrorCode.INVALID_ARGUMENT, "limit") { e.readEvents("sku.put", 0, 0) }
    }

    @Test
    fun refundRecordsCarryTheirSplit() {
        val e = openShop()
        e.addToCart("u1", "tea", 3)
        e.addToCart("u1", "mooncake", 1)
        val order = e.checkout("u1", "k")
        e.pay(order.id, "ref", order.total, "p")
        clock.advance(1000)
        e.refundLine(order.id, 0, 2, "r1")
        clock.advance(1000)
        val refunded = e.refundAmount(order.id, 1001, "r2")
        assertEquals(2, refunded.refunds.size)
        assertEquals(clock.now - 1000, refunded.refunds[0].timeMs)
        assertEquals(listOf(RefundLine(0, 2, 13600)), refunded.refunds[0].lines)
        assertEquals(clock.now, refunded.refunds[1].timeMs)
        assertEquals(1001L, refunded.refunds[1].lines.map { it.amount }.sum())
        assertEquals(listOf(0L, 0L), refunded.refunds[1].lines.map { it.quantity })
        for ((index, line) in refunded.lines.withIndex()) {
            val parts = refunded.refunds.flatMap { it.lines }.filter { it.lineIndex == index }
            assertEquals(line.refundedAmount, parts.map { it.amount }.sum())
        }
        assertEquals(refunded, e.order(order.id))
    }

    @Test
    fun logCallbackReceivesSettledDeadlinesAndStorageErrors() {
        val lines = Collections.synchronizedList(ArrayList<Pair<LogLevel, String>>())
        val logging = options().copy(log = { level, message -> lines.add(Pair(level, message)) }, logLevel = LogLevel.DEBUG)
        val e = open("log.db", logging)
        e.importProgram(PROGRAM)
        orderOf(e, "shopper-1", "k1")
        orderOf(e, "shopper-2", "k2")
        clock.advance(WINDOW_MS)
        assertEquals(2L, e.sweep(10).settled)
        assertEquals(listOf(Pair(LogLevel.INFO, "settled 2 lapsed orders")), ArrayList(lines))

        // Below the level: nothing.
        val quiet = Collections.synchronizedList(ArrayList<String>())
        val e2 = open("quiet.db", options().copy(log = { _, m -> quiet.add(m) }, logLevel = LogLevel.ERROR))
        e2.importProgram(PROGRAM)
        orderOf(e2, "shopper-1", "k1")
        clock.advance(WINDOW_MS)
        assertEquals(1L, e2.sweep(10).settled)
        assertTrue(quiet.isEmpty())

        // A callback that throws never breaks the call.
        val e3 = open("throws.db", options().copy(log = { _, _ -> throw IllegalStateException("host bug") }))
        e3.importProgram(PROGRAM)
        orderOf(e3, "shopper-1", "k1")
        clock.advance(WINDOW_MS)
        assertEquals(1L, e3.sweep(10).settled)

        // A file that is not a database: the storage error is logged.
        val bad = File(dir, "not-a-db.sqlite")
        bad.writeText("not a database ".repeat(400))
        val errors = Collections.synchronizedList(ArrayList<LogLevel>())
        expectError(ErrorCode.STORAGE) {
            Engine.open(bad.path, options().copy(log = { level, _ -> errors.add(level) })).close()
        }
        assertEquals(listOf(LogLevel.ERROR), ArrayList(errors))
    }

    @Test
    fun suspendingReads(): Unit = runBlocking<Unit> {
        val e = openShop()
        val s = e.suspending
        s.addToCart("u1", "mooncake", 1)
        val order = s.checkout("u1", "k")
        assertEquals(order, s.order("u1", "k"))
        assertEquals(listOf(order), s.orders("u1").items)
        assertEquals(listOf("mooncake"), s.catalogByMerchant("m-bakery").items.map { it.id })
        assertEquals(listOf("cup"), s.catalogByCategory("teaware").items.map { it.id })
        assertEquals(listOf(order.id), s.readEvents("order.created").map { it.subjectId })
        assertEquals(s.readEvents().last().seq, s.latestEventSeq())
    }
}
