import Foundation
import XCTest
@testable import SocialCart

final class CatalogTests: SocialCartTestCase {
    let teaCup = SCSku(
        id: "mug", merchantId: "m3", title: "Mug", currency: "CNY", listPriceMinor: 2500, stock: 7,
        maxPerOrder: 2, isActive: true, categories: ["teaware", "gifts", "teaware"])

    // sc_sku_new, sc_sku_set_*, sc_sku_add_category, sc_engine_sku_put,
    // sc_engine_sku_get and every sc_sku_* accessor.
    func testPutAndGetSku() throws {
        let engine = try makeEngine(program: nil)
        try engine.blocking.putSku(teaCup)
        let read = try engine.blocking.sku("mug")
        XCTAssertEqual(read.id, "mug")
        XCTAssertEqual(read.merchantId, "m3")
        XCTAssertEqual(read.title, "Mug")
        XCTAssertEqual(read.currency, "CNY")
        XCTAssertEqual(read.listPriceMinor, 2500)
        XCTAssertEqual(read.stockOnHand, 7)
        XCTAssertEqual(read.stockAvailable, 7)
        XCTAssertEqual(read.maxPerOrder, 2)
        XCTAssertTrue(read.isActive)
        XCTAssertEqual(read.categories, ["teaware", "gifts"], "a repeated category is ignored")
    }

    func testPutSkuReplacesAndUntrackedStock() throws {
        let engine = try makeEngine(program: nil)
        try engine.blocking.putSku(teaCup)
        var replaced = SCSku(id: "mug", merchantId: "m3", title: "Big mug", currency: "CNY", listPriceMinor: 2600)
        replaced.isActive = false
        try engine.blocking.putSku(replaced)
        let read = try engine.blocking.sku("mug")
        XCTAssertEqual(read.title, "Big mug")
        XCTAssertNil(read.stockOnHand)
        XCTAssertNil(read.stockAvailable)
        XCTAssertNil(read.maxPerOrder)
        XCTAssertFalse(read.isActive)
        XCTAssertEqual(read.categories, [])
    }

    func testPutSkuInAnotherCurrency() throws {
        let engine = try makeEngine()
        assertThrows(
            .currencyMismatch,
            try engine.blocking.putSku(SCSku(id: "usd", merchantId: "m", title: "U", currency: "USD", listPriceMinor: 100)))
        assertThrows(.notFound, try engine.blocking.sku("usd"))
    }

    func testPutSkuWithBadArgumentsNamesTheField() throws {
        let engine = try makeEngine(program: nil)
        assertThrows(
            .invalidArgument, field: "id",
            try engine.blocking.putSku(SCSku(id: "", merchantId: "m", title: "T", currency: "CNY", listPriceMinor: 1)))
        assertThrows(
            .invalidArgument, field: "list_price",
            try engine.blocking.putSku(SCSku(id: "a", merchantId: "m", title: "T", currency: "CNY", listPriceMinor: -1)))
        assertThrows(
            .invalidArgument, field: "merchant_id",
            try engine.blocking.putSku(SCSku(id: "a", merchantId: "", title: "T", currency: "CNY", listPriceMinor: 1)))
        assertThrows(
            .invalidArgument, field: "currency",
            try engine.blocking.putSku(SCSku(id: "a", merchantId: "m", title: "T", currency: "yen", listPriceMinor: 1)))
        XCTAssertEqual(try engine.blocking.catalog(), [])
    }

    /// docs/c-api.md: ids are at most 128 bytes; control, bidi and zero-width characters are
    /// refused; titles refuse controls and bidi overrides but keep other Unicode.
    func testIdRules() throws {
        let engine = try makeEngine(program: nil)
        let longest = String(repeating: "a", count: 128)
        try engine.blocking.putSku(SCSku(id: longest, merchantId: "m", title: "T", currency: "CNY", listPriceMinor: 1))
        XCTAssertEqual(try engine.blocking.sku(longest).id, longest)
        assertThrows(
            .invalidArgument, field: "id",
            try engine.blocking.putSku(SCSku(id: longest + "a", merchantId: "m", title: "T", currency: "CNY", listPriceMinor: 1)))
        assertThrows(
            .invalidArgument, field: "id",
            try engine.blocking.putSku(SCSku(id: "a\nb", merchantId: "m", title: "T", currency: "CNY", listPriceMinor: 1)))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.cart(user: "lin\u{7}"))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.cart(user: "lin\u{202E}"))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.cart(user: "lin\u{200B}"))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.cart(user: "lin\u{85}"))
        assertThrows(
            .invalidArgument, field: "title",
            try engine.blocking.putSku(SCSku(id: "a", merchantId: "m", title: "\u{1}Celadon", currency: "CNY", listPriceMinor: 1)))
        try engine.blocking.putSku(SCSku(id: "a", merchantId: "m", title: "\u{200F}\u{200D}茶", currency: "CNY", listPriceMinor: 1))
        XCTAssertEqual(try engine.blocking.sku("a").title, "\u{200F}\u{200D}茶")
    }

    // The builder alone: sc_sku_new + setters + accessors without an engine.
    func testValidatedFillsInDefaults() throws {
        let sku = try SCSku(id: "a", merchantId: "m", title: "A", currency: "JPY", listPriceMinor: 500).validated()
        XCTAssertNil(sku.stockOnHand)
        XCTAssertNil(sku.maxPerOrder)
        XCTAssertTrue(sku.isActive)
        let tracked = try teaCup.validated()
        XCTAssertEqual(tracked.stockOnHand, 7)
        XCTAssertEqual(tracked.stockAvailable, 7, "available equals on hand for a SKU never stored")
        XCTAssertEqual(tracked.maxPerOrder, 2)
        XCTAssertEqual(tracked.categories, ["teaware", "gifts"])
        var inactive = teaCup
        inactive.isActive = false
        XCTAssertFalse(try inactive.validated().isActive)
    }

    func testSetStockNegative() {
        var sku = teaCup
        sku.stockOnHand = -1
        assertThrows(.invalidArgument, try sku.validated())
    }

    func testSetMaxPerOrderBelowOne() {
        var sku = teaCup
        sku.maxPerOrder = 0
        assertThrows(.invalidArgument, try sku.validated())
    }

    func testAddEmptyCategory() {
        var sku = teaCup
        sku.categories = ["ok", ""]
        assertThrows(.invalidArgument, try sku.validated())
    }

    func testGetUnknownSku() throws {
        let engine = try makeEngine()
        assertThrows(.notFound, field: "sku_id", try engine.blocking.sku("nope"))
        assertThrows(.invalidArgument, field: "sku_id", try engine.blocking.sku("te\u{0}a"))
    }

    func testStockAvailableExcludesHolds() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 2)
        _ = try engine.blocking.checkout(user: "u1", idempotencyKey: "k1")
        let tea = try engine.blocking.sku("tea")
        XCTAssertEqual(tea.stockOnHand, 12)
        XCTAssertEqual(tea.stockAvailable, 10)
        XCTAssertEqual(try engine.blocking.catalog().first { $0.id == "tea" }?.stockAvailable, 10)
    }

    // sc_engine_catalog_list, sc_catalog_count, sc_catalog_at, sc_catalog_free
    func testCatalogIsOrderedById() throws {
        let engine = try makeEngine()
        let catalog = try engine.blocking.catalog()
        XCTAssertEqual(catalog.map(\.id), ["cake", "cup", "kettle", "tea"])
        let kettle = catalog[2]
        XCTAssertFalse(kettle.isActive)
        XCTAssertEqual(kettle.stockOnHand, 0)
        XCTAssertEqual(catalog[0].categories, ["food"])
        XCTAssertNil(catalog[0].stockOnHand)
        XCTAssertEqual(catalog[3].maxPerOrder, 5)
        XCTAssertEqual(catalog[3].categories, ["tea", "gifts"])
    }

    func testEmptyCatalog() throws {
        let engine = try makeEngine(program: nil)
        XCTAssertEqual(try engine.blocking.catalog(), [])
    }
}
