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
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineQuote(0, utf8("u1")) }
    }
}
