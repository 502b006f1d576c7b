package socialcart

import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertTrue
import org.junit.Test

/** Engine.sweep and Engine.compact: one page at a time, with the injected clock. */
class HousekeepingTest : EngineTestBase() {
    private val hourMs = 3_600_000L

    @Test
    fun sweepSettlesOnePageAtATime() {
        val e = openShop()
        val orders = listOf("u1", "u2", "u3").map { user ->
            e.addToCart(user, "cup", 1)
            e.checkout(user, "k-$user")
        }
        assertEquals(0L, e.sku("cup").stockAvailable)
        assertEquals(SweepResult(0, false), e.sweep(2))
        clock.advance(WINDOW_MS + 1)
        val before = e.readEvents(0, 10_000).last().seq
        assertEquals(SweepResult(2, true), e.sweep(2))
        assertEquals(SweepResult(1, false), e.sweep(2))
        assertEquals(SweepResult(0, false), e.sweep(2))
        // The sweeps wrote one order.cancelled event per order.
        val cancelled = e.readEvents(before, 10_000).filter { it.type == "order.cancelled" }
        assertEquals(orders.map { it.id }.toSet(), cancelled.map { it.subjectId }.toSet())
        assertEquals(3, cancelled.size)
        for (o in orders) assertEquals(CancelReason.PAYMENT_LAPSED, e.order(o.id).cancelReason)
        assertEquals(3L, e.sku("cup").stockAvailable)
    }

    @Test
    fun compactRemovesEventsPastTheRetention() {
        val e = open(options = options().copy(eventRetentionMs = hourMs))
        e.importProgram(PROGRAM)
        e.addToCart("u1", "mooncake", 1)
        val old = e.readEvents(0, 10_000)
        assertTrue(old.size > 1)
        assertEquals(CompactResult(0, 0, false), e.compact())
        clock.advance(2 * hourMs)
        e.addToCart("u2", "tea", 1)
        assertEquals(CompactResult(old.size.toLong(), 0, false), e.compact(100))
        val left = e.readEvents(0, 10_000)
        assertEquals(listOf("cart.line_added"), left.map { it.type })
        assertEquals("u2", left[0].subjectId)
        assertEquals(old.last().seq + 1, left[0].seq)
        assertEquals(CompactResult(0, 0, false), e.compact())
    }

    @Test
    fun compactPagesThroughTheLogAndKeepsTheNewestEvent() {
        val e = open(options = options().copy(eventRetentionMs = hourMs))
        e.importProgram(PROGRAM)
        assertEquals(5, e.readEvents(0, 10_000).size)
        clock.advance(hourMs + 1)
        assertEquals(CompactResult(3, 0, true), e.compact(3))
        assertEquals(4L, e.readEvents(0, 10_000).first().seq)
        // The newest event stays however old, so the next one is numbered after it.
        assertEquals(CompactResult(1, 0, false), e.compact(3))
        assertEquals(listOf(5L), e.readEvents(0, 10_000).map { it.seq })
        e.addToCart("u1", "tea", 1)
        assertEquals(listOf(5L, 6L), e.readEvents(0, 10_000).map { it.seq })
    }

    @Test
    fun compactForgetsIdempotencyKeysPastTheRetention() {
        val e = open(options = options().copy(idempotencyRetentionMs = hourMs))
        e.importProgram(PROGRAM)
        e.addToCart("u1", "mooncake", 1)
        val first = e.checkout("u1", "K")
        e.addToCart("u2", "tea", 1)
        expectError(ErrorCode.IDEMPOTENCY_CONFLICT) { e.checkout("u2", "K") }
        clock.advance(hourMs + 1)
        // Still remembered until compacted.
        expectError(ErrorCode.IDEMPOTENCY_CONFLICT) { e.checkout("u2", "K") }
        assertEquals(CompactResult(0, 1, false), e.compact())
        val second = e.checkout("u2", "K")
        assertNotEquals(first.id, second.id)
        assertEquals("u2", second.userId)
        assertEquals(listOf("tea"), second.lines.map { it.skuId })
        assertEquals(OrderState.CREATED, second.state)
        assertEquals("u1", e.order(first.id).userId)
    }
}
