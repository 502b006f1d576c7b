package socialcart

import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertNull
import org.junit.Test

private const val HOUR_MS = 3_600_000L

/** Midnight UTC, 2026-01-01: the sale's first day; the clock starts here. */
private const val DAY0 = 1_767_225_600_000L

/** The slots of the first day, at 10:00 and 20:00 UTC. */
private const val SLOT_10 = DAY0 + 10 * HOUR_MS
private const val SLOT_20 = DAY0 + 20 * HOUR_MS

/** Tea listed at 44.00, 19.90 in the sale; 3 units a slot; 2 per order, 3 a day; for a week. */
private const val FLASH_PROGRAM =
    """{"format":"socialcart.program/1","currency":"CNY","skus":[""" +
        """{"id":"tea","merchant_id":"m1","title":"Tea","list_price":4400,"stock":50}],""" +
        """"flash_sales":[{"id":"tea-rush","sku_id":"tea","sale_price":1990,"starts_at":1767225600000,""" +
        """"ends_at":1767830400000,"slots":[{"start":"10:00","minutes":60},{"start":"20:00","minutes":60}],""" +
        """"stock_per_slot":3,"max_units_per_order":2,"max_units_per_user_per_day":3}]}"""

/**
 * Flash sales (秒杀) through the binding (include/socialcart/flashsale.h), after
 * tests/c/test_flashsale.c: a sale imported with the program document, its slots listed before
 * and while they run, units bought at the sale price and held for the payment window,
 * OUT_OF_STOCK for the next buyer, a lapsed unit sold again, the slot selling out and its report;
 * the request's flash-sale slot read back, and bad calls refused with their field, changing
 * nothing. Time moves only by the injected clock.
 */
class FlashSaleTest : EngineTestBase() {
    private var keys = 0

    /** An engine with [FLASH_PROGRAM] imported, the clock at [DAY0]. */
    private fun flashShop(name: String = "cart.db"): Engine {
        clock.now = DAY0
        val e = open(name)
        e.importProgram(FLASH_PROGRAM)
        return e
    }

    private fun request(quantity: Long, slot: Long = SLOT_10, sale: String = "tea-rush"): CheckoutRequest =
        CheckoutRequest(flashSale = FlashSaleChoice(sale, slot, quantity))

    private fun buy(e: Engine, user: String, quantity: Long, slot: Long = SLOT_10, sale: String = "tea-rush"): Order =
        e.checkout(user, request(quantity, slot, sale), "co-${++keys}")

    private fun pay(e: Engine, order: Order): Order {
        val k = "pay-${++keys}"
        return e.pay(order.id, k, order.total, k)
    }

    private fun count(e: Engine, type: String): Int = e.readEvents(type, 0, 10_000).size

    @Test
    fun aSlotSellsAtTheSalePriceSellsOutAndAnUnpaidUnitGoesBack() {
        val e = flashShop()
        assertEquals(
            FlashSale("tea-rush", "tea", 1990, DAY0, DAY0 + 7 * DAY_MS, 0, 3, 2, 3,
                listOf(FlashSlotTime(10 * 60, 60), FlashSlotTime(20 * 60, 60))),
            e.flashSale("tea-rush"))

        // Before the first slot: today's two slots and tomorrow's first are to come, full.
        val coming = e.flashSlots("tea-rush", 3)
        assertEquals(listOf(SLOT_10, SLOT_20, SLOT_10 + DAY_MS), coming.map { it.startsAtMs })
        assertEquals(FlashSlot("tea-rush", "tea", 1990, SLOT_10, SLOT_10 + HOUR_MS, 3, 0, 0, 3, null), coming[0])
        assertEquals(coming.take(1), e.flashSlots(limit = 1))
        expectError(ErrorCode.INVALID_STATE, "slot_starts_at") { buy(e, "ann", 1) }

        // 10:00: the quote prices the flash line as the checkout will; Ann takes two at 19.90.
        clock.now = SLOT_10
        assertEquals(2 * 1990L, e.quote("ann", request(2)).total)
        val ann = buy(e, "ann", 2)
        assertEquals(OrderState.CREATED, ann.state)
        assertEquals(2 * 1990L, ann.total)
        assertEquals("tea", ann.lines.single().skuId)
        assertEquals(2L, ann.lines.single().quantity)
        // Bo takes the last unit; his cart is not the sale's, it stays as it is.
        e.addToCart("bo", "tea", 1)
        val bo = buy(e, "bo", 1)
        assertEquals(1990L, bo.total)
        assertEquals(listOf("tea"), e.cart("bo").lines.map { it.skuId })
        // Cy is told it is sold out.
        val soldOut = expectError(ErrorCode.OUT_OF_STOCK, "quantity") { buy(e, "cy", 1) }
        assertFalse(soldOut.retryable)
        val running = e.flashSlots(limit = 1).single()
        assertEquals(SLOT_10, running.startsAtMs)
        assertEquals(3L, running.held)
        assertEquals(0L, running.sold)
        assertEquals(0L, running.left)
        assertNull(running.soldOutAtMs)

        // Ann pays; Bo does not, and past his window his unit is Cy's to buy.
        assertEquals(OrderState.PAID, pay(e, ann).state)
        clock.advance(WINDOW_MS + 1)
        assertEquals(OrderState.CANCELLED, e.order(bo.id).state)
        assertEquals(1L, e.flashReport("tea-rush", SLOT_10).left)
        val cy = buy(e, "cy", 1)
        assertEquals(0, count(e, "flash_slot.sold_out"))
        pay(e, cy)
        assertEquals(1, count(e, "flash_slot.sold_out"))
        assertEquals(3, count(e, "flash_sale.ordered"))

        // Sold out WINDOW_MS + 1 after it started: the last unit paid then.
        assertEquals(
            FlashReport(stock = 3, sold = 3, held = 0, left = 0, orders = 3, ordersPaid = 2, ordersLapsed = 1,
                ordersCancelled = 0, sellOutMs = WINDOW_MS + 1),
            e.flashReport("tea-rush", SLOT_10))
        val soldOutSlot = e.flashSlots("tea-rush", 1).single()
        assertEquals(FlashSlot("tea-rush", "tea", 1990, SLOT_10, SLOT_10 + HOUR_MS, 3, 3, 0, 0, clock.now), soldOutSlot)
        assertEquals(
            FlashReport(stock = 3, sold = 0, held = 0, left = 3, orders = 0, ordersPaid = 0, ordersLapsed = 0,
                ordersCancelled = 0, sellOutMs = null),
            e.flashReport("tea-rush", SLOT_20))

        // 20:00: Ann bought two today, so a third is in her daily cap and a fourth is not.
        clock.now = SLOT_20
        expectError(ErrorCode.LIMIT_EXCEEDED, "quantity") { buy(e, "ann", 2, SLOT_20) }
        val third = buy(e, "ann", 1, SLOT_20)
        assertEquals(OrderState.CANCELLED, e.cancel(third.id).state)
        val evening = e.flashReport("tea-rush", SLOT_20)
        assertEquals(1L, evening.ordersCancelled)
        assertEquals(3L, evening.left)
    }

    @Test
    fun theRequestsFlashSaleSlotReadsBackAndARefusedSettingChangesNothing() {
        fun readBack(request: CheckoutRequest): Triple<String?, Long, Long> = request.withNative { h ->
            Triple(Native.checkoutRequestFlashSaleId(h), Native.checkoutRequestFlashSlotStartsAtMs(h),
                Native.checkoutRequestFlashQuantity(h))
        }
        assertEquals(Triple("", 0L, 0L), readBack(CheckoutRequest()))
        assertEquals(Triple("tea-rush", SLOT_10, 2L), readBack(request(2)))
        assertEquals(FlashSaleChoice("tea-rush", SLOT_10, 1), FlashSaleChoice("tea-rush", SLOT_10))
        // NULL reads as no flash sale.
        assertEquals("", Native.checkoutRequestFlashSaleId(0))
        assertEquals(0L, Native.checkoutRequestFlashSlotStartsAtMs(0))
        assertEquals(0L, Native.checkoutRequestFlashQuantity(0))
        expectError(ErrorCode.INVALID_ARGUMENT, "request") {
            Native.checkoutRequestSetFlashSale(0, utf8("tea-rush"), SLOT_10, 1)
        }
        // A refused setting leaves the request unchanged.
        val h = Native.checkoutRequestNew()
        try {
            Native.checkoutRequestSetFlashSale(h, utf8("tea-rush"), SLOT_10, 2)
            expectError(ErrorCode.INVALID_ARGUMENT, "sale_id") { Native.checkoutRequestSetFlashSale(h, utf8(""), SLOT_10, 1) }
            expectError(ErrorCode.INVALID_ARGUMENT, "sale_id") {
                Native.checkoutRequestSetFlashSale(h, utf8("x".repeat(129)), SLOT_10, 1)
            }
            expectError(ErrorCode.INVALID_ARGUMENT, "sale_id") {
                Native.checkoutRequestSetFlashSale(h, utf8("tea\u0000rush"), SLOT_10, 1)
            }
            expectError(ErrorCode.INVALID_UTF8, "sale_id") {
                Native.checkoutRequestSetFlashSale(h, byteArrayOf(0xC3.toByte()), SLOT_10, 1)
            }
            expectError(ErrorCode.INVALID_ARGUMENT, "quantity") {
                Native.checkoutRequestSetFlashSale(h, utf8("tea-rush"), SLOT_10, 0)
            }
            assertEquals("tea-rush", Native.checkoutRequestFlashSaleId(h))
            assertEquals(SLOT_10, Native.checkoutRequestFlashSlotStartsAtMs(h))
            assertEquals(2L, Native.checkoutRequestFlashQuantity(h))
            // Back to the cart: the slot and quantity go with it.
            Native.checkoutRequestSetFlashSale(h, null, 0, 0)
            assertEquals("", Native.checkoutRequestFlashSaleId(h))
            assertEquals(0L, Native.checkoutRequestFlashSlotStartsAtMs(h))
            assertEquals(0L, Native.checkoutRequestFlashQuantity(h))
        } finally {
            Native.checkoutRequestFree(h)
        }
        // Through CheckoutRequest, the same refusals.
        expectError(ErrorCode.INVALID_ARGUMENT, "quantity") { readBack(request(0)) }
        expectError(ErrorCode.INVALID_ARGUMENT, "sale_id") { readBack(request(1, sale = "")) }
    }

    @Test
    fun badCallsAreRefusedWithTheirFieldAndChangeNothing() {
        val e = flashShop()
        clock.now = SLOT_10
        val seq = e.latestEventSeq()

        // Checkouts the rules refuse; a request is one kind of checkout.
        expectError(ErrorCode.NOT_FOUND, "sale_id") { buy(e, "ann", 1, sale = "none") }
        expectError(ErrorCode.NOT_FOUND, "slot_starts_at") { buy(e, "ann", 1, SLOT_10 + 1) }
        expectError(ErrorCode.LIMIT_EXCEEDED, "quantity") { buy(e, "ann", 3) }
        expectError(ErrorCode.INVALID_ARGUMENT, "request") {
            e.checkout("ann", request(1).copy(group = GroupChoice.open("any")), "co-both")
        }
        expectError(ErrorCode.INVALID_ARGUMENT, "request") {
            e.quote("ann", request(1).copy(group = GroupChoice.open("any")))
        }

        // Sales.
        expectError(ErrorCode.NOT_FOUND, "sale_id") { e.flashSale("none") }
        expectError(ErrorCode.INVALID_ARGUMENT, "sale_id") { e.flashSale("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "sale_id") { e.flashSale("tea\u0000rush") }
        expectError(ErrorCode.INVALID_ARGUMENT, "sale_id") { Native.engineFlashSaleGet(e.handleForTests, null) }
        expectError(ErrorCode.INVALID_UTF8, "sale_id") {
            Native.engineFlashSaleGet(e.handleForTests, byteArrayOf(0xC3.toByte()))
        }
        expectError(ErrorCode.VALIDATION, null) { e.putFlashSale("[") }
        expectError(ErrorCode.VALIDATION, "sku_id") {
            e.putFlashSale("""{"id":"f2","sku_id":"nope","sale_price":1,"starts_at":0,"ends_at":10,""" +
                """"slots":[{"start":"10:00","minutes":60}],"stock_per_slot":1}""")
        }
        expectError(ErrorCode.VALIDATION, "slots[1].minutes") {
            e.putFlashSale("""{"id":"f2","sku_id":"tea","sale_price":1,"starts_at":0,"ends_at":10,""" +
                """"slots":[{"start":"10:00","minutes":60},{"start":"23:00","minutes":700}],"stock_per_slot":1}""")
        }
        expectError(ErrorCode.INVALID_ARGUMENT, "json") { Native.engineFlashSalePut(e.handleForTests, null) }
        expectError(ErrorCode.INVALID_UTF8, "json") {
            Native.engineFlashSalePut(e.handleForTests, byteArrayOf(0xC3.toByte()))
        }

        // Slots and the report.
        expectError(ErrorCode.NOT_FOUND, "sale_id") { e.flashSlots("none", 5) }
        expectError(ErrorCode.INVALID_ARGUMENT, "sale_id") { e.flashSlots("", 5) }
        for (bad in listOf(0, -1, 101)) {
            expectError(ErrorCode.INVALID_ARGUMENT, "limit") { e.flashSlots(limit = bad) }
            expectError(ErrorCode.INVALID_ARGUMENT, "limit") { e.flashSlots("tea-rush", bad) }
        }
        expectError(ErrorCode.NOT_FOUND, "sale_id") { e.flashReport("none", SLOT_10) }
        expectError(ErrorCode.NOT_FOUND, "slot_starts_at") { e.flashReport("tea-rush", SLOT_10 + 1) }
        expectError(ErrorCode.INVALID_ARGUMENT, "sale_id") { Native.engineFlashReport(e.handleForTests, null, SLOT_10) }
        expectError(ErrorCode.INVALID_UTF8, "sale_id") {
            Native.engineFlashReport(e.handleForTests, byteArrayOf(0xC3.toByte()), SLOT_10)
        }
        assertEquals(seq, e.latestEventSeq())
        assertEquals(3L, e.flashReport("tea-rush", SLOT_10).left)

        // One unpaid flash-sale order at a time; past its end the slot is expired.
        buy(e, "ann", 1)
        expectError(ErrorCode.INVALID_STATE, "user_id") { buy(e, "ann", 1) }
        clock.advance(HOUR_MS)
        expectError(ErrorCode.EXPIRED, "slot_starts_at") { buy(e, "bo", 1) }

        // The NULL handle and indexes past the end read as nothing.
        val sale = Native.engineFlashSaleGet(e.handleForTests, utf8("tea-rush"))
        val list = Native.engineFlashSlots(e.handleForTests, null, 2)
        val report = Native.engineFlashReport(e.handleForTests, utf8("tea-rush"), SLOT_10)
        try {
            assertEquals(2L, Native.flashSaleSlotCount(sale))
            assertEquals(-1L, Native.flashSaleSlotStartMinute(sale, 2))
            assertEquals(0L, Native.flashSaleSlotMinutes(sale, 2))
            assertEquals(-1L, Native.flashSaleSlotStartMinute(sale, -1))
            assertEquals(2L, Native.flashSlotsCount(list))
            assertNotEquals(0L, Native.flashSlotsAt(list, 1))
            assertEquals(0L, Native.flashSlotsAt(list, 2))
            assertEquals(0L, Native.flashSlotsAt(list, -1))
            assertEquals(3L, Native.flashReportGet(report, 1))     // SC_FLASH_REPORT_STOCK
            assertEquals(-1L, Native.flashReportGet(report, 9))    // SC_FLASH_REPORT_SELL_OUT_MS
            assertEquals(0L, Native.flashReportGet(report, 0))
            assertEquals(0L, Native.flashReportGet(report, 99))
        } finally {
            Native.flashSaleFree(sale)
            Native.flashSlotsFree(list)
            Native.flashReportFree(report)
        }
        assertNull(Native.flashSaleId(0))
        assertNull(Native.flashSaleSkuId(0))
        assertEquals(0L, Native.flashSalePrice(0))
        assertEquals(0L, Native.flashSaleStartsAtMs(0))
        assertEquals(0L, Native.flashSaleEndsAtMs(0))
        assertEquals(0L, Native.flashSaleUtcOffsetMinutes(0))
        assertEquals(0L, Native.flashSaleStockPerSlot(0))
        assertEquals(0L, Native.flashSaleMaxUnitsPerOrder(0))
        assertEquals(0L, Native.flashSaleMaxUnitsPerUserPerDay(0))
        assertEquals(0L, Native.flashSaleSlotCount(0))
        assertEquals(-1L, Native.flashSaleSlotStartMinute(0, 0))
        assertEquals(0L, Native.flashSaleSlotMinutes(0, 0))
        assertEquals(0L, Native.flashSlotsCount(0))
        assertEquals(0L, Native.flashSlotsAt(0, 0))
        assertNull(Native.flashSlotSaleId(0))
        assertNull(Native.flashSlotSkuId(0))
        assertEquals(0L, Native.flashSlotSalePrice(0))
        assertEquals(0L, Native.flashSlotStartsAtMs(0))
        assertEquals(0L, Native.flashSlotEndsAtMs(0))
        assertEquals(0L, Native.flashSlotStock(0))
        assertEquals(0L, Native.flashSlotSold(0))
        assertEquals(0L, Native.flashSlotHeld(0))
        assertEquals(0L, Native.flashSlotLeft(0))
        assertEquals(0L, Native.flashSlotSoldOutAtMs(0))
        assertEquals(0L, Native.flashReportGet(0, 2))
        Native.flashSaleFree(0)
        Native.flashSlotsFree(0)
        Native.flashReportFree(0)
    }

    @Test
    fun suspendingTwinsAndAClosedEngine(): Unit = runBlocking<Unit> {
        val e = flashShop()
        val s = e.suspending
        s.putFlashSale(
            """{"id":"tea-late","sku_id":"tea","sale_price":990,"starts_at":1767225600000,""" +
                """"ends_at":1767830400000,"utc_offset_minutes":480,"slots":[{"start":"22:00","minutes":30}],""" +
                """"stock_per_slot":5,"max_units_per_order":2,"max_units_per_user_per_day":2}""")
        val late = s.flashSale("tea-late")
        assertEquals(480L, late.utcOffsetMinutes)
        assertEquals(listOf(FlashSlotTime(22 * 60, 30)), late.slots)
        // 22:00 at UTC+8 is 14:00 UTC.
        val first = s.flashSlots("tea-late", 1).single()
        assertEquals(DAY0 + 14 * HOUR_MS, first.startsAtMs)
        assertEquals(DAY0 + 14 * HOUR_MS + 30 * 60_000L, first.endsAtMs)
        assertEquals(5L, first.left)
        assertEquals(listOf(SLOT_10, first.startsAtMs), s.flashSlots(null, 2).map { it.startsAtMs })
        clock.now = first.startsAtMs
        val order = s.checkout("ann", CheckoutRequest(flashSale = FlashSaleChoice("tea-late", first.startsAtMs, 2)), "co-ann")
        assertEquals(2 * 990L, order.total)
        assertEquals(2L, s.flashReport("tea-late", first.startsAtMs).held)
        expectError(ErrorCode.NOT_FOUND, "sale_id") { s.flashSale("none") }
        e.close()
        expectError(ErrorCode.INVALID_STATE) { s.flashSale("tea-late") }
        expectError(ErrorCode.INVALID_STATE) { e.flashSlots() }
        expectError(ErrorCode.INVALID_STATE) { s.putFlashSale("{}") }
        expectError(ErrorCode.INVALID_STATE) { s.flashReport("tea-late", first.startsAtMs) }
    }
}
