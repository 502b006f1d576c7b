package socialcart

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test

class CartTest : EngineTestBase() {
    @Test
    fun addToCartMergesLines() {
        val e = openShop()
        e.addToCart("u1", "tea", 2)
        e.addToCart("u1", "mooncake", 1)
        e.addToCart("u1", "tea", 1)
        val cart = e.cart("u1")
        assertEquals("u1", cart.userId)
        assertEquals("CNY", cart.currency)
        assertEquals(listOf("tea", "mooncake"), cart.lines.map { it.skuId })
        val tea = cart.line("tea")!!
        assertEquals(CartLine("tea", "Oolong tea", 3, true, 6800, 6800, 12, emptySet()), tea)
        assertNull(cart.line("mooncake")!!.available) // untracked
    }

    @Test
    fun addToCartWithAKeyAddsOncePerKey() {
        val e = openShop()
        e.addToCart("u1", "tea", 2, "add-1")
        e.addToCart("u1", "tea", 2, "add-1") // the retry
        assertEquals(listOf(2L), e.cart("u1").lines.map { it.quantity })
        e.addToCart("u1", "tea", 1, "add-2")
        assertEquals(listOf(3L), e.cart("u1").lines.map { it.quantity })
        expectError(ErrorCode.IDEMPOTENCY_CONFLICT, "idempotency_key") { e.addToCart("u1", "tea", 4, "add-1") }
        expectError(ErrorCode.INVALID_ARGUMENT, "idempotency_key") { e.addToCart("u1", "tea", 1, "") }
        expectError(ErrorCode.INVALID_ARGUMENT, "quantity") { e.addToCart("u1", "tea", 0, "add-3") }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineCartAddOnce(0, utf8("u"), utf8("tea"), 1, utf8("k")) }
        assertEquals(listOf(3L), e.cart("u1").lines.map { it.quantity })
        e.addToCart("u1", "cup", idempotencyKey = "add-cup") // quantity 1 by default
        e.addToCart("u1", "cup", idempotencyKey = "add-cup")
        assertEquals(1L, e.cart("u1").line("cup")!!.quantity)
        e.addToCart("u1", "cup")
        assertEquals(2L, e.cart("u1").line("cup")!!.quantity)
    }

    @Test
    fun addToCartErrors() {
        val e = openShop()
        expectError(ErrorCode.NOT_FOUND) { e.addToCart("u1", "no-such-sku", 1) }
        expectError(ErrorCode.INVALID_ARGUMENT, "quantity") { e.addToCart("u1", "tea", 0) }
        expectError(ErrorCode.INVALID_ARGUMENT, "quantity") { e.addToCart("u1", "tea", -3) }
        expectError(ErrorCode.SKU_INACTIVE) { e.addToCart("u1", "kettle", 1) }
        expectError(ErrorCode.LIMIT_EXCEEDED) { e.addToCart("u1", "tea", 6) }
        expectError(ErrorCode.OUT_OF_STOCK) { e.addToCart("u1", "cup", 4) }
        e.addToCart("u1", "tea", 5)
        expectError(ErrorCode.LIMIT_EXCEEDED) { e.addToCart("u1", "tea", 1) }
        // A free SKU: the quantity itself overflows, not an amount.
        e.putSku(SkuSpec("sample", "m-tea", "Free sample", "CNY", 0))
        e.addToCart("u1", "sample", Long.MAX_VALUE)
        expectError(ErrorCode.OVERFLOW) { e.addToCart("u1", "sample", 1) }
        expectError(ErrorCode.INVALID_ARGUMENT) { e.addToCart("", "tea", 1) }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineCartAdd(0, utf8("u"), utf8("tea"), 1) }
        // Failed calls changed nothing.
        assertEquals(listOf(5L, Long.MAX_VALUE), e.cart("u1").lines.map { it.quantity })
    }

    @Test
    fun setCartQuantity() {
        val e = openShop()
        e.setCartQuantity("u1", "tea", 4) // creates the line
        e.setCartQuantity("u1", "tea", 4) // idempotent
        assertEquals(4L, e.cart("u1").line("tea")!!.quantity)
        e.setCartQuantity("u1", "tea", 1)
        assertEquals(1L, e.cart("u1").line("tea")!!.quantity)
    }

    @Test
    fun setCartQuantityErrors() {
        val e = openShop()
        e.addToCart("u1", "tea", 2)
        expectError(ErrorCode.INVALID_ARGUMENT, "quantity") { e.setCartQuantity("u1", "tea", 0) }
        expectError(ErrorCode.NOT_FOUND) { e.setCartQuantity("u1", "nope", 1) }
        expectError(ErrorCode.LIMIT_EXCEEDED) { e.setCartQuantity("u1", "tea", 6) }
        expectError(ErrorCode.OUT_OF_STOCK) { e.setCartQuantity("u1", "cup", 4) }
        expectError(ErrorCode.SKU_INACTIVE) { e.setCartQuantity("u1", "kettle", 1) }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineCartSetQuantity(0, utf8("u"), utf8("tea"), 1) }
        assertEquals(2L, e.cart("u1").line("tea")!!.quantity)
    }

    @Test
    fun removeFromCart() {
        val e = openShop()
        e.addToCart("u1", "tea", 2)
        e.addToCart("u1", "cup", 1)
        e.removeFromCart("u1", "tea")
        assertEquals(listOf("cup"), e.cart("u1").lines.map { it.skuId })
    }

    @Test
    fun removeFromCartErrors() {
        val e = openShop()
        expectError(ErrorCode.NOT_FOUND) { e.removeFromCart("u1", "tea") }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineCartRemove(0, utf8("u"), utf8("tea")) }
    }

    @Test
    fun selectCartLine() {
        val e = openShop()
        e.addToCart("u1", "tea", 1)
        e.addToCart("u1", "cup", 1)
        e.selectCartLine("u1", "cup", false)
        assertFalse(e.cart("u1").line("cup")!!.selected)
        assertEquals(listOf("tea"), e.quote("u1").lines.map { it.skuId })
        e.selectCartLine("u1", "cup", true)
        assertTrue(e.cart("u1").line("cup")!!.selected)
    }

    @Test
    fun selectCartLineErrors() {
        val e = openShop()
        expectError(ErrorCode.NOT_FOUND) { e.selectCartLine("u1", "tea", true) }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineCartSelect(0, utf8("u"), utf8("tea"), true) }
    }

    @Test
    fun clearCart() {
        val e = openShop()
        e.addToCart("u1", "tea", 1)
        e.clearCart("u1")
        assertEquals(emptyList<CartLine>(), e.cart("u1").lines)
        e.clearCart("u1") // an empty cart is not an error
    }

    @Test
    fun clearCartErrors() {
        val e = openShop()
        expectError(ErrorCode.INVALID_ARGUMENT) { e.clearCart("") }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineCartClear(0, utf8("u")) }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineCartClear(0, null) }
    }

    @Test
    fun mergeCartAddsUpAndCaps() {
        val e = openShop()
        e.addToCart("guest", "tea", 4)
        e.addToCart("guest", "cup", 1)
        e.addToCart("u1", "tea", 3)
        e.mergeCart("u1", "guest")
        val cart = e.cart("u1")
        assertEquals(5L, cart.line("tea")!!.quantity) // capped by max_per_order
        assertEquals(1L, cart.line("cup")!!.quantity)
        assertEquals(emptyList<CartLine>(), e.cart("guest").lines)
    }

    @Test
    fun mergeCartErrors() {
        val e = openShop()
        expectError(ErrorCode.INVALID_ARGUMENT) { e.mergeCart("u1", "u1") }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineCartMergeGuest(0, utf8("u"), utf8("g")) }
    }

    @Test
    fun cartShowsLineProblems() {
        val e = openShop()
        e.addToCart("u1", "tea", 5)
        e.addToCart("u1", "cup", 3)
        e.addToCart("u1", "mooncake", 1)
        assertTrue(e.cart("u1").lines.all { it.problems.isEmpty() })
        e.putSku(SkuSpec("tea", "m-tea", "Oolong tea", "CNY", 7200, stock = 12, maxPerOrder = 2))
        e.putSku(SkuSpec("cup", "m-tea", "Celadon cup", "CNY", 3950, stock = 1))
        e.putSku(SkuSpec("mooncake", "m-bakery", "Mooncakes", "CNY", 12800, active = false))
        val cart = e.cart("u1")
        val tea = cart.line("tea")!!
        assertEquals(setOf(LineProblem.OVER_MAX, LineProblem.PRICE_CHANGED), tea.problems)
        assertEquals(7200L, tea.unitPrice)
        assertEquals(6800L, tea.addedPrice)
        val cup = cart.line("cup")!!
        assertEquals(setOf(LineProblem.OUT_OF_STOCK), cup.problems)
        assertEquals(1L, cup.available)
        assertEquals(setOf(LineProblem.INACTIVE), cart.line("mooncake")!!.problems)
        // Adding again remembers the current price.
        e.setCartQuantity("u1", "tea", 1)
        e.addToCart("u1", "tea", 1)
        val again = e.cart("u1").line("tea")!!
        assertEquals(2L, again.quantity)
        assertEquals(7200L, again.addedPrice)
        assertEquals(emptySet<LineProblem>(), again.problems)
    }

    @Test
    fun cartGetErrors() {
        val e = openShop()
        assertEquals(Cart("nobody", "CNY", emptyList()), e.cart("nobody"))
        assertEquals("", open("empty.db").cart("u1").currency)
        expectError(ErrorCode.INVALID_ARGUMENT) { e.cart("") }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineCartGet(0, utf8("u1")) }
    }
}
