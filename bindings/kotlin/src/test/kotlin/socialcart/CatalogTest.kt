package socialcart

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test

class CatalogTest : EngineTestBase() {
    private val teaSpec = SkuSpec("tea", "m-tea", "Oolong tea", "CNY", 6800, stock = 12, maxPerOrder = 5,
        categories = listOf("tea", "gifts"))

    @Test
    fun putSkuThenGetSku() {
        val e = open()
        e.putSku(teaSpec)
        val sku = e.sku("tea")
        assertEquals(Sku("tea", "m-tea", "Oolong tea", "CNY", 6800, true, 12, 12, 5, true, listOf("tea", "gifts")), sku)
    }

    @Test
    fun putSkuDefaultsAndReplace() {
        val e = open()
        e.putSku(SkuSpec("pot", "m", "Pot", "CNY", 0))
        val pot = e.sku("pot")
        assertFalse(pot.stockTracked)
        assertEquals(0L, pot.stockOnHand)
        assertEquals(-1L, pot.stockAvailable)
        assertNull(pot.maxPerOrder)
        assertTrue(pot.active)
        assertEquals(emptyList<String>(), pot.categories)
        e.putSku(SkuSpec("pot", "m", "Teapot", "CNY", 100, stock = 2, active = false, categories = listOf("a", "a")))
        val replaced = e.sku("pot")
        assertEquals("Teapot", replaced.title)
        assertEquals(2L, replaced.stockOnHand)
        assertFalse(replaced.active)
        assertEquals(listOf("a"), replaced.categories)
    }

    @Test
    fun putSkuRejectsBadDefinitions() {
        val e = open()
        // sc_sku_new: the field names the argument.
        for (bad in listOf(teaSpec.copy(id = ""), teaSpec.copy(merchantId = ""), teaSpec.copy(title = ""),
                teaSpec.copy(currency = "cny"), teaSpec.copy(listPrice = -1))) {
            val ex = expectError(ErrorCode.INVALID_ARGUMENT) { e.putSku(bad) }
            assertNotNull("field for $bad", ex.field)
        }
        expectError(ErrorCode.INVALID_ARGUMENT) { e.putSku(teaSpec.copy(stock = -1)) }
        expectError(ErrorCode.INVALID_ARGUMENT) { e.putSku(teaSpec.copy(maxPerOrder = 0)) }
        expectError(ErrorCode.INVALID_ARGUMENT) { e.putSku(teaSpec.copy(categories = listOf(""))) }
        expectError(ErrorCode.NOT_FOUND) { e.sku("tea") }
    }

    @Test
    fun idsRefuseInvisibleCharactersAndTitlesRefuseControls() {
        val e = open()
        // docs/c-api.md: controls, C1, bidi and zero-width characters in ids; controls and
        // bidi overrides in titles. Messages name the rule, never the text.
        for (bad in listOf("tea\u0085", "tea\u202e", "tea\u200b", "tea\u200e", "tea\ufeff")) {
            val ex = expectError(ErrorCode.INVALID_ARGUMENT, "id") { e.putSku(teaSpec.copy(id = bad)) }
            assertFalse(ex.message!!.contains("tea"))
            expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { e.cart(bad) }
        }
        expectError(ErrorCode.INVALID_ARGUMENT, "title") { e.putSku(teaSpec.copy(title = "\u0001Celadon")) }
        expectError(ErrorCode.INVALID_ARGUMENT, "title") { e.putSku(teaSpec.copy(title = "Celadon\u202e")) }
        expectError(ErrorCode.INVALID_ARGUMENT, "currency") { e.putSku(teaSpec.copy(currency = "XAU")) }
        e.putSku(teaSpec.copy(title = "\u200f\u200d茶"))
        assertEquals("\u200f\u200d茶", e.sku(teaSpec.id).title)
    }

    @Test
    fun skuBuilderErrorsOnNull() {
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.skuNew(null, utf8("m"), utf8("t"), utf8("CNY"), 1) }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.skuSetStock(0, 1) }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.skuSetMaxPerOrder(0, 1) }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.skuSetActive(0, true) }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.skuAddCategory(0, utf8("c")) }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.enginePutSku(0, 0) }
        // A SKU that was never stored reads back what was set.
        val h = Native.skuNew(utf8("x"), utf8("m"), utf8("X"), utf8("CNY"), 5)
        try {
            Native.skuSetStock(h, 4)
            Native.skuSetMaxPerOrder(h, 2)
            Native.skuSetActive(h, false)
            Native.skuAddCategory(h, utf8("c1"))
            assertEquals(Sku("x", "m", "X", "CNY", 5, true, 4, 4, 2, false, listOf("c1")), Snapshots.readSku(h))
        } finally {
            Native.skuFree(h)
        }
    }

    @Test
    fun putSkuInAnotherCurrencyIsAMismatch() {
        val e = openShop()
        expectError(ErrorCode.CURRENCY_MISMATCH) { e.putSku(SkuSpec("usd-thing", "m", "Thing", "USD", 100)) }
        expectError(ErrorCode.NOT_FOUND) { e.sku("usd-thing") }
    }

    @Test
    fun skuShowsHeldStock() {
        val e = openShop()
        placeOrder(e)
        val tea = e.sku("tea")
        assertEquals(12L, tea.stockOnHand)
        assertEquals(10L, tea.stockAvailable)
    }

    @Test
    fun skuUnknownIsNotFound() {
        val e = openShop()
        expectError(ErrorCode.NOT_FOUND) { e.sku("no-such-sku") }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineGetSku(0, utf8("tea")) }
    }

    @Test
    fun catalogIsOrderedById() {
        val e = openShop()
        val catalog = e.catalog()
        assertEquals(listOf("cup", "kettle", "mooncake", "tea"), catalog.map { it.id })
        val kettle = catalog[1]
        assertFalse(kettle.active)
        assertTrue(kettle.stockTracked)
        assertEquals(0L, kettle.stockOnHand)
        assertEquals(emptyList<String>(), kettle.categories)
        assertEquals(listOf("tea", "gifts"), catalog[3].categories)
        assertEquals(5L, catalog[3].maxPerOrder)
        assertFalse(catalog[2].stockTracked)
        assertEquals(0L, Native.catalogAt(0, 0))
    }

    @Test
    fun catalogErrors() {
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineCatalog(0) }
        val e = open()
        assertEquals(emptyList<Sku>(), e.catalog())
        e.close()
        expectError(ErrorCode.INVALID_STATE) { e.catalog() }
    }

    @Test
    fun importProgram() {
        val e = open()
        e.importProgram(PROGRAM)
        val tea = e.sku("tea")
        assertEquals(6800L, tea.listPrice)
        assertEquals("CNY", tea.currency)
        // SKUs not in a later document are kept; those in it are replaced.
        e.importProgram("""{"format":"socialcart.program/1","currency":"CNY","skus":[{"id":"tea","merchant_id":"m-tea","title":"Tea","list_price":7000}]}""")
        assertEquals(4, e.catalog().size)
        assertEquals(7000L, e.sku("tea").listPrice)
        assertFalse(e.sku("tea").stockTracked)
    }

    @Test
    fun importProgramValidationNamesTheField() {
        val e = openShop()
        val bad = """{"format":"socialcart.program/1","currency":"CNY","skus":[
            {"id":"a","merchant_id":"m","title":"A","list_price":1},
            {"id":"b","merchant_id":"m","title":"B","list_price":-5}]}"""
        expectError(ErrorCode.VALIDATION, "skus[1].list_price") { e.importProgram(bad) }
        expectError(ErrorCode.NOT_FOUND) { e.sku("a") } // all or nothing
        expectError(ErrorCode.VALIDATION) { e.importProgram("not json") }
        expectError(ErrorCode.VALIDATION) { e.importProgram("""{"format":"socialcart.program/999","currency":"CNY","skus":[]}""") }
        expectError(ErrorCode.CURRENCY_MISMATCH) {
            e.importProgram("""{"format":"socialcart.program/1","currency":"USD","skus":[{"id":"u","merchant_id":"m","title":"U","list_price":1}]}""")
        }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineImportProgram(0, utf8(PROGRAM)) }
    }

    @Test
    fun exportProgramRoundTrips() {
        val e = openShop()
        val json = e.exportProgram()
        assertTrue(json, json.contains("socialcart.program/1"))
        val copy = open("copy.db")
        copy.importProgram(json)
        assertEquals(e.catalog(), copy.catalog())
    }

    @Test
    fun exportProgramErrors() {
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineExportProgram(0) }
        val e = openShop()
        e.close()
        expectError(ErrorCode.INVALID_STATE) { e.exportProgram() }
    }
}
