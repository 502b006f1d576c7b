package socialcart

import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test

/** Strings cross JNI as standard UTF-8 bytes, not JNI's modified UTF-8. */
class Utf8Test : EngineTestBase() {
    private val title = "Tieguanyin 铁观音 🍵 tea"
    private val user = "用户-🙂"

    @Test
    fun nonBmpTextRoundTrips() {
        val e = open()
        e.putSku(SkuSpec("tea-🍵", "m-茶", title, "CNY", 6800, categories = listOf("🍵")))
        val sku = e.sku("tea-🍵")
        assertEquals(title, sku.title)
        assertEquals("m-茶", sku.merchantId)
        assertEquals(listOf("🍵"), sku.categories)
        e.addToCart(user, "tea-🍵", 1)
        val cart = e.cart(user)
        assertEquals(user, cart.userId)
        assertEquals(title, cart.lines[0].title)
        val order = e.checkout(user, "键-🔑")
        assertEquals(user, order.userId)
        assertEquals(title, order.lines[0].title)
        val paid = e.pay(order.id, "ref-💳", order.total, "k")
        assertEquals("ref-💳", paid.paymentRef)
        assertTrue(e.exportProgram().contains(title) || e.exportProgram().contains("\\ud83c"))
    }

    @Test
    fun nonBmpTextInAProgram() {
        val e = open()
        e.importProgram("""{"format":"socialcart.program/1","currency":"CNY","skus":[{"id":"t","merchant_id":"m","title":"$title","list_price":1}]}""")
        assertEquals(title, e.sku("t").title)
        val copy = open("copy.db")
        copy.importProgram(e.exportProgram())
        assertEquals(title, copy.sku("t").title)
    }

    @Test
    fun invalidUtf8ReachesTheLibrarysCheck() {
        val e = openShop()
        val h = e.handleForTests
        val bad = byteArrayOf('u'.toByte(), 0xFF.toByte())
        val surrogate = byteArrayOf(0xED.toByte(), 0xA0.toByte(), 0x80.toByte()) // CESU/modified UTF-8 style
        expectError(ErrorCode.INVALID_UTF8) { Native.skuNew(bad, utf8("m"), utf8("t"), utf8("CNY"), 1) }
        expectError(ErrorCode.INVALID_UTF8) { Native.skuNew(utf8("id"), utf8("m"), surrogate, utf8("CNY"), 1) }
        expectError(ErrorCode.INVALID_UTF8) { Native.engineCartAdd(h, bad, utf8("tea"), 1) }
        expectError(ErrorCode.INVALID_UTF8) { Native.engineCartAdd(h, surrogate, utf8("tea"), 1) }
        val sku = Native.skuNew(utf8("x"), utf8("m"), utf8("X"), utf8("CNY"), 1)
        try {
            expectError(ErrorCode.INVALID_UTF8) { Native.skuAddCategory(sku, bad) }
        } finally {
            Native.skuFree(sku)
        }
    }

    @Test
    fun aNulCharacterIsRejectedBeforeC() {
        val e = openShop()
        val ex = expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { e.addToCart("u\u0000evil", "tea", 1) }
        assertTrue(ex.message.contains("NUL"))
        expectError(ErrorCode.INVALID_ARGUMENT, "sku_id") { e.sku("tea\u0000") }
        expectError(ErrorCode.INVALID_ARGUMENT, "currency") { SocialCart.formatMoney(1, "CN\u0000") }
        assertEquals(emptyList<CartLine>(), e.cart("u").lines)
    }
}
