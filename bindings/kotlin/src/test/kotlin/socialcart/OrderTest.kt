package socialcart

import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test

class OrderTest : EngineTestBase() {
    @Test
    fun checkoutPlacesAnOrder() {
        val e = openShop()
        e.addToCart("u1", "cup", 1)
        e.selectCartLine("u1", "cup", false)
        clock.advance(500)
        val order = placeOrder(e)
        assertEquals("u1", order.userId)
        assertEquals(OrderState.CREATED, order.state)
        assertEquals(CancelReason.NONE, order.cancelReason)
        assertEquals("CNY", order.currency)
        assertEquals(26400L, order.subtotal)
        assertEquals(26400L, order.total)
        assertEquals(0L, order.refunded)
        assertEquals(T0 + 500, order.createdAtMs)
        assertEquals(T0 + 500 + WINDOW_MS, order.payDeadlineMs)
        assertNull(order.paidAtMs)
        assertNull(order.paymentRef)
        assertEquals(emptyList<Refund>(), order.refunds)
        assertEquals(OrderLine("tea", "Oolong tea", "m-tea", 2, 6800, 13600, 13600, 0, 0), order.lines[0])
        assertEquals("mooncake", order.lines[1].skuId)
        // Ordered lines left the cart; the unselected one stayed.
        assertEquals(listOf("cup"), e.cart("u1").lines.map { it.skuId })
        // Stock is held.
        assertEquals(10L, e.sku("tea").stockAvailable)
        // A retry with the same key returns the same order and changes nothing.
        assertEquals(order, e.checkout("u1", "co-u1"))
        assertEquals(10L, e.sku("tea").stockAvailable)
    }

    @Test
    fun checkoutErrors() {
        val e = openShop()
        expectError(ErrorCode.CART_EMPTY) { e.checkout("u1", "k1") }
        e.addToCart("u1", "cup", 1)
        e.selectCartLine("u1", "cup", false)
        expectError(ErrorCode.CART_EMPTY) { e.checkout("u1", "k1") }
        e.selectCartLine("u1", "cup", true)
        // The SKU went inactive after it was added.
        e.putSku(SkuSpec("cup", "m-tea", "Celadon cup", "CNY", 3950, stock = 3, active = false))
        expectError(ErrorCode.SKU_INACTIVE) { e.checkout("u1", "k2") }
        // Stock fell below the line.
        e.putSku(SkuSpec("cup", "m-tea", "Celadon cup", "CNY", 3950, stock = 3))
        e.setCartQuantity("u1", "cup", 3)
        e.putSku(SkuSpec("cup", "m-tea", "Celadon cup", "CNY", 3950, stock = 2))
        expectError(ErrorCode.OUT_OF_STOCK) { e.checkout("u1", "k3") }
        e.clearCart("u1")
        // The per-order maximum fell below the line.
        e.addToCart("u1", "tea", 5)
        e.putSku(SkuSpec("tea", "m-tea", "Oolong tea", "CNY", 6800, stock = 12, maxPerOrder = 2))
        expectError(ErrorCode.LIMIT_EXCEEDED) { e.checkout("u1", "k4") }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineCheckout(0, utf8("u1"), 0, utf8("k")) }
        // Nothing was ordered.
        assertEquals(12L, e.sku("tea").stockAvailable)
    }

    @Test
    fun checkoutKeyOfAnotherUserConflicts() {
        val e = openShop()
        placeOrder(e, "u1", "shared-key")
        e.addToCart("u2", "tea", 1)
        expectError(ErrorCode.IDEMPOTENCY_CONFLICT) { e.checkout("u2", "shared-key") }
    }

    @Test
    fun orderGet() {
        val e = openShop()
        val order = placeOrder(e)
        assertEquals(order, e.order(order.id))
    }

    @Test
    fun orderGetErrors() {
        val e = openShop()
        expectError(ErrorCode.NOT_FOUND) { e.order("no-such-order") }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineOrderGet(0, utf8("o")) }
    }

    @Test
    fun orderGetSettlesTheDeadline() {
        val e = openShop()
        val order = placeOrder(e)
        clock.advance(WINDOW_MS + 1)
        val lapsed = e.order(order.id)
        assertEquals(OrderState.CANCELLED, lapsed.state)
        assertEquals(CancelReason.PAYMENT_LAPSED, lapsed.cancelReason)
        assertEquals(12L, e.sku("tea").stockAvailable)
    }

    @Test
    fun pay() {
        val e = openShop()
        val order = placeOrder(e)
        clock.advance(1000)
        val paid = e.pay(order.id, "pay-ref-1", order.total, "pay-1")
        assertEquals(OrderState.PAID, paid.state)
        assertEquals(T0 + 1000, paid.paidAtMs)
        assertEquals("pay-ref-1", paid.paymentRef)
        // Stock left the warehouse.
        val tea = e.sku("tea")
        assertEquals(10L, tea.stockOnHand)
        assertEquals(10L, tea.stockAvailable)
        // A retry with the same key and arguments returns the paid order again.
        assertEquals(paid, e.pay(order.id, "pay-ref-1", order.total, "pay-1"))
        assertEquals(10L, e.sku("tea").stockOnHand)
    }

    @Test
    fun payErrors() {
        val e = openShop()
        val order = placeOrder(e)
        expectError(ErrorCode.AMOUNT_MISMATCH) { e.pay(order.id, "ref", order.total - 1, "p1") }
        expectError(ErrorCode.AMOUNT_MISMATCH) { e.pay(order.id, "ref", order.total + 1, "p2") }
        expectError(ErrorCode.NOT_FOUND) { e.pay("no-such-order", "ref", 1, "p3") }
        expectError(ErrorCode.INVALID_ARGUMENT) { e.pay(order.id, "", order.total, "p4") }
        e.pay(order.id, "ref", order.total, "p5")
        expectError(ErrorCode.IDEMPOTENCY_CONFLICT) { e.pay(order.id, "other-ref", order.total, "p5") }
        expectError(ErrorCode.INVALID_STATE) { e.pay(order.id, "ref", order.total, "p6") }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineOrderPay(0, utf8("o"), utf8("r"), 1, utf8("k"), true) }
    }

    @Test
    fun payAfterTheWindowIsExpired() {
        val e = openShop()
        val order = placeOrder(e)
        clock.advance(WINDOW_MS + 1)
        expectError(ErrorCode.EXPIRED) { e.pay(order.id, "ref", order.total, "late") }
        val after = e.order(order.id)
        assertEquals(OrderState.CANCELLED, after.state)
        assertEquals(CancelReason.PAYMENT_LAPSED, after.cancelReason)
    }

    @Test
    fun cancel() {
        val e = openShop()
        val order = placeOrder(e)
        val cancelled = e.cancel(order.id)
        assertEquals(OrderState.CANCELLED, cancelled.state)
        assertEquals(CancelReason.REQUESTED, cancelled.cancelReason)
        assertEquals(12L, e.sku("tea").stockAvailable)
        assertEquals(cancelled, e.cancel(order.id)) // retries are safe
        expectError(ErrorCode.INVALID_STATE) { e.pay(order.id, "ref", order.total, "k") }
    }

    @Test
    fun cancelErrors() {
        val e = openShop()
        expectError(ErrorCode.NOT_FOUND) { e.cancel("no-such-order") }
        val order = placeOrder(e)
        e.pay(order.id, "ref", order.total, "k")
        expectError(ErrorCode.INVALID_STATE) { e.cancel(order.id) }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineOrderCancel(0, utf8("o"), true) }
    }

    @Test
    fun refundLine() {
        val e = openShop()
        val order = placeOrder(e)
        e.pay(order.id, "ref", order.total, "k")
        val once = e.refundLine(order.id, 0, 1, "r1")
        assertEquals(OrderState.PARTIALLY_REFUNDED, once.state)
        assertEquals(6800L, once.refunded)
        assertEquals(1L, once.lines[0].refundedQuantity)
        assertEquals(6800L, once.lines[0].refundedAmount)
        assertEquals(1, once.refunds.size)
        assertEquals(6800L, once.refunds[0].amount)
        assertTrue(once.refunds[0].id.isNotEmpty())
        // A retry refunds nothing more.
        assertEquals(once, e.refundLine(order.id, 0, 1, "r1"))
        // Refunding every unit returns exactly the line's net.
        val all = e.refundLine(order.id, 0, 1, "r2")
        assertEquals(all.lines[0].net, all.lines[0].refundedAmount)
        assertEquals(2, all.refunds.size)
    }

    @Test
    fun refundLineErrors() {
        val e = openShop()
        val order = placeOrder(e)
        expectError(ErrorCode.INVALID_STATE) { e.refundLine(order.id, 0, 1, "r0") }
        e.pay(order.id, "ref", order.total, "k")
        expectError(ErrorCode.INVALID_ARGUMENT) { e.refundLine(order.id, 5, 1, "r1") }
        expectError(ErrorCode.INVALID_ARGUMENT) { e.refundLine(order.id, -1, 1, "r1") }
        expectError(ErrorCode.INVALID_ARGUMENT) { e.refundLine(order.id, 0, 0, "r1") }
        expectError(ErrorCode.REFUND_EXCEEDS_PAID) { e.refundLine(order.id, 0, 3, "r1") }
        e.refundLine(order.id, 0, 2, "r2")
        expectError(ErrorCode.REFUND_EXCEEDS_PAID) { e.refundLine(order.id, 0, 1, "r3") }
        expectError(ErrorCode.IDEMPOTENCY_CONFLICT) { e.refundLine(order.id, 1, 1, "r2") }
        expectError(ErrorCode.NOT_FOUND) { e.refundLine("no-such-order", 0, 1, "r4") }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineOrderRefundLine(0, utf8("o"), 0, 1, utf8("k"), true) }
    }

    @Test
    fun refundAmount() {
        val e = openShop()
        val order = placeOrder(e)
        e.pay(order.id, "ref", order.total, "k")
        val part = e.refundAmount(order.id, 1001, "a1")
        assertEquals(OrderState.PARTIALLY_REFUNDED, part.state)
        assertEquals(1001L, part.refunded)
        assertEquals(1001L, part.lines.map { it.refundedAmount }.sum())
        assertEquals(part, e.refundAmount(order.id, 1001, "a1"))
        val rest = e.refundAmount(order.id, order.total - 1001, "a2")
        assertEquals(OrderState.REFUNDED, rest.state)
        assertEquals(order.total, rest.refunded)
        assertNotEquals(rest.refunds[0].id, rest.refunds[1].id)
    }

    @Test
    fun refundAmountErrors() {
        val e = openShop()
        val order = placeOrder(e)
        expectError(ErrorCode.INVALID_STATE) { e.refundAmount(order.id, 1, "a0") }
        e.pay(order.id, "ref", order.total, "k")
        expectError(ErrorCode.INVALID_ARGUMENT) { e.refundAmount(order.id, 0, "a1") }
        expectError(ErrorCode.REFUND_EXCEEDS_PAID) { e.refundAmount(order.id, order.total + 1, "a1") }
        e.refundAmount(order.id, 100, "a2")
        expectError(ErrorCode.IDEMPOTENCY_CONFLICT) { e.refundAmount(order.id, 200, "a2") }
        expectError(ErrorCode.NOT_FOUND) { e.refundAmount("no-such-order", 1, "a3") }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineOrderRefundAmount(0, utf8("o"), 1, utf8("k"), true) }
    }

    @Test
    fun orderChangesWithoutOutputParameter() {
        val e = openShop()
        val h = e.handleForTests
        val a = placeOrder(e)
        assertEquals(0L, Native.engineOrderPay(h, utf8(a.id), utf8("ref"), a.total, utf8("k"), false))
        assertEquals(0L, Native.engineOrderRefundLine(h, utf8(a.id), 0, 1, utf8("r1"), false))
        assertEquals(0L, Native.engineOrderRefundAmount(h, utf8(a.id), 1, utf8("r2"), false))
        val paid = e.order(a.id)
        assertEquals(OrderState.PARTIALLY_REFUNDED, paid.state)
        assertEquals(6801L, paid.refunded)
        val b = placeOrder(e, "u2")
        assertEquals(0L, Native.engineOrderCancel(h, utf8(b.id), false))
        assertEquals(OrderState.CANCELLED, e.order(b.id).state)
    }
}
