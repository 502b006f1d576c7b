package socialcart

import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertTrue
import org.junit.Test

class SuspendingTest : EngineTestBase() {
    @Test
    fun everySuspendingCallSucceeds(): Unit = runBlocking<Unit> {
        val e = Engine.openSuspending(dbPath(), options())
        try {
            val s = e.suspending
            s.importProgram(PROGRAM)
            s.putSku(SkuSpec("pot", "m-tea", "Teapot", "CNY", 9900, stock = 4))
            assertEquals(9900L, s.sku("pot").listPrice)
            assertEquals(5, s.catalog().size)
            assertTrue(s.exportProgram().contains("pot"))
            s.addToCart("guest", "tea", 1)
            s.mergeCart("u1", "guest")
            s.addToCart("u1", "pot", 1)
            s.setCartQuantity("u1", "pot", 2)
            s.addToCart("u1", "cup", 1)
            s.removeFromCart("u1", "cup")
            s.addToCart("u1", "mooncake", 1)
            s.selectCartLine("u1", "mooncake", false)
            assertEquals(listOf("tea", "pot", "mooncake"), s.cart("u1").lines.map { it.skuId })
            val quote = s.quote("u1")
            assertEquals(6800L + 2 * 9900L, quote.total)
            val order = s.checkout("u1", "co")
            assertEquals(quote.total, order.total)
            assertEquals(order, s.order(order.id))
            s.clearCart("u1")
            val paid = s.pay(order.id, "ref", order.total, "pay")
            assertEquals(OrderState.PAID, paid.state)
            assertEquals(OrderState.PARTIALLY_REFUNDED, s.refundLine(order.id, 1, 1, "r1").state)
            assertEquals(OrderState.PARTIALLY_REFUNDED, s.refundAmount(order.id, 100, "r2").state)
            s.addToCart("u2", "tea", 1)
            val other = s.checkout("u2", "co2")
            assertEquals(OrderState.CANCELLED, s.cancel(other.id).state)
            assertEquals(SweepResult(0, false), s.sweep(10))
            assertEquals(CompactResult(0, 0, false), s.compact(10))
            val events = s.readEvents(0, 10_000)
            assertTrue(events.any { it.type == "order.paid" })
        } finally {
            e.close()
        }
    }

    @Test
    fun suspendingCallsThrowTheSameErrors(): Unit = runBlocking<Unit> {
        expectError(ErrorCode.STORAGE) { Engine.openSuspending(dbPath("missing/dir/x.db"), options()) }
        val e = Engine.openSuspending(dbPath(), options())
        try {
            val s = e.suspending
            s.importProgram(PROGRAM)
            var caller: Thread? = null
            val callerName = Thread.currentThread().name
            e.subscribe { _ -> caller = Thread.currentThread() }
            s.addToCart("u1", "tea", 1)
            assertNotEquals(callerName, caller!!.name) // ran on an IO thread
            expectError(ErrorCode.VALIDATION) { s.importProgram("{}") }
            expectError(ErrorCode.CURRENCY_MISMATCH) { s.putSku(SkuSpec("x", "m", "X", "USD", 1)) }
            expectError(ErrorCode.NOT_FOUND) { s.sku("nope") }
            expectError(ErrorCode.NOT_FOUND) { s.addToCart("u1", "nope", 1) }
            expectError(ErrorCode.INVALID_ARGUMENT, "quantity") { s.addToCart("u1", "tea", 0) }
            expectError(ErrorCode.INVALID_ARGUMENT, "quantity") { s.setCartQuantity("u1", "tea", 0) }
            expectError(ErrorCode.NOT_FOUND) { s.removeFromCart("u1", "cup") }
            expectError(ErrorCode.NOT_FOUND) { s.selectCartLine("u1", "cup", true) }
            expectError(ErrorCode.INVALID_ARGUMENT) { s.clearCart("") }
            expectError(ErrorCode.INVALID_ARGUMENT) { s.mergeCart("u1", "u1") }
            expectError(ErrorCode.INVALID_ARGUMENT) { s.cart("") }
            expectError(ErrorCode.INVALID_ARGUMENT) { s.quote("") }
            expectError(ErrorCode.CART_EMPTY) { s.checkout("u3", "k") }
            expectError(ErrorCode.NOT_FOUND) { s.order("nope") }
            val order = s.checkout("u1", "co")
            expectError(ErrorCode.AMOUNT_MISMATCH) { s.pay(order.id, "ref", order.total + 1, "p") }
            expectError(ErrorCode.INVALID_STATE) { s.refundLine(order.id, 0, 1, "r") }
            expectError(ErrorCode.INVALID_STATE) { s.refundAmount(order.id, 1, "r") }
            s.pay(order.id, "ref", order.total, "p2")
            expectError(ErrorCode.INVALID_STATE) { s.cancel(order.id) }
            expectError(ErrorCode.INVALID_ARGUMENT) { s.readEvents(-1, 10) }
            expectError(ErrorCode.INVALID_ARGUMENT, "max_orders") { s.sweep(0) }
            expectError(ErrorCode.INVALID_ARGUMENT, "max_rows") { s.compact(0) }
            e.close()
            expectError(ErrorCode.INVALID_STATE) { s.sweep() }
            expectError(ErrorCode.INVALID_STATE) { s.compact() }
            expectError(ErrorCode.INVALID_STATE) { s.catalog() }
            expectError(ErrorCode.INVALID_STATE) { s.exportProgram() }
        } finally {
            e.close()
        }
    }
}
