import XCTest
@testable import SocialCart

final class CartTests: SocialCartTestCase {
    // sc_engine_cart_add, sc_engine_cart_get and every sc_cart_* accessor
    func testAddToCartMergesLines() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 2)
        try engine.blocking.addToCart(user: "u1", sku: "cake")
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 1)
        let cart = try engine.blocking.cart(user: "u1")
        XCTAssertEqual(cart.userId, "u1")
        XCTAssertEqual(cart.currency, "CNY")
        XCTAssertEqual(cart.lines.map(\.skuId), ["tea", "cake"])
        let tea = cart.lines[0]
        XCTAssertEqual(tea.title, "Tea")
        XCTAssertEqual(tea.quantity, 3)
        XCTAssertTrue(tea.isSelected)
        XCTAssertEqual(tea.unitPriceMinor, 6800)
        XCTAssertEqual(tea.addedPriceMinor, 6800)
        XCTAssertEqual(tea.available, 12)
        XCTAssertEqual(tea.problems, [])
        XCTAssertNil(cart.lines[1].available, "untracked stock")
        XCTAssertFalse(cart.hasProblems)
    }

    func testAddToCartErrors() throws {
        let engine = try makeEngine()
        assertThrows(.invalidArgument, field: "quantity", try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 0))
        assertThrows(.invalidArgument, field: "quantity", try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: -3))
        assertThrows(.notFound, field: "sku_id", try engine.blocking.addToCart(user: "u1", sku: "nope"))
        assertThrows(.skuInactive, try engine.blocking.addToCart(user: "u1", sku: "kettle"))
        assertThrows(.limitExceeded, try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 6))
        assertThrows(.outOfStock, try engine.blocking.addToCart(user: "u1", sku: "cup", quantity: 4))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.addToCart(user: "u\u{0}1", sku: "tea"))
        XCTAssertEqual(try engine.blocking.cart(user: "u1").lines, [], "failing calls change nothing")
    }

    // sc_engine_cart_add_once
    func testAddToCartWithAKeyAddsOnce() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 2, idempotencyKey: "add-1")
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 2, idempotencyKey: "add-1")  // the retry
        XCTAssertEqual(try engine.blocking.cart(user: "u1").lines.map(\.quantity), [2])
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 1, idempotencyKey: "add-2")
        XCTAssertEqual(try engine.blocking.cart(user: "u1").lines.map(\.quantity), [3])
        assertThrows(.idempotencyConflict, field: "idempotency_key",
                     try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 4, idempotencyKey: "add-1"))
        assertThrows(.invalidArgument, field: "idempotency_key",
                     try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 1, idempotencyKey: ""))
        assertThrows(.invalidArgument, field: "quantity",
                     try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 0, idempotencyKey: "add-3"))
        XCTAssertEqual(try engine.blocking.cart(user: "u1").lines.map(\.quantity), [3], "failing calls change nothing")
    }

    func testAddToCartOverflow() throws {
        let engine = try makeEngine()
        try engine.blocking.putSku(SCSku(id: "grain", merchantId: "m", title: "Grain", currency: "CNY", listPriceMinor: 1))
        try engine.blocking.addToCart(user: "u1", sku: "grain", quantity: Int64.max)
        assertThrows(.overflow, try engine.blocking.addToCart(user: "u1", sku: "grain", quantity: 1))
    }

    // sc_engine_cart_set_quantity
    func testSetCartQuantity() throws {
        let engine = try makeEngine()
        try engine.blocking.setCartQuantity(user: "u1", sku: "tea", quantity: 4)
        try engine.blocking.setCartQuantity(user: "u1", sku: "tea", quantity: 4)
        XCTAssertEqual(try engine.blocking.cart(user: "u1").lines.map(\.quantity), [4])
        try engine.blocking.setCartQuantity(user: "u1", sku: "tea", quantity: 1)
        XCTAssertEqual(try engine.blocking.cart(user: "u1").lines.map(\.quantity), [1])
    }

    func testSetCartQuantityErrors() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "tea")
        assertThrows(.invalidArgument, field: "quantity", try engine.blocking.setCartQuantity(user: "u1", sku: "tea", quantity: 0))
        assertThrows(.limitExceeded, try engine.blocking.setCartQuantity(user: "u1", sku: "tea", quantity: 6))
        assertThrows(.notFound, try engine.blocking.setCartQuantity(user: "u1", sku: "nope", quantity: 1))
        XCTAssertEqual(try engine.blocking.cart(user: "u1").lines.map(\.quantity), [1])
    }

    // sc_engine_cart_remove
    func testRemoveFromCart() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "tea")
        try engine.blocking.addToCart(user: "u1", sku: "cake")
        try engine.blocking.removeFromCart(user: "u1", sku: "tea")
        XCTAssertEqual(try engine.blocking.cart(user: "u1").lines.map(\.skuId), ["cake"])
    }

    func testRemoveMissingLine() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "cake")
        assertThrows(.notFound, try engine.blocking.removeFromCart(user: "u1", sku: "tea"))
    }

    // sc_engine_cart_select
    func testSelectCartLine() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "tea")
        try engine.blocking.addToCart(user: "u1", sku: "cake")
        try engine.blocking.selectCartLine(user: "u1", sku: "tea", selected: false)
        let cart = try engine.blocking.cart(user: "u1")
        XCTAssertEqual(cart.lines.map(\.isSelected), [false, true])
        XCTAssertEqual(try engine.blocking.quote(user: "u1").lines.map(\.skuId), ["cake"])
        try engine.blocking.selectCartLine(user: "u1", sku: "tea")
        XCTAssertEqual(try engine.blocking.cart(user: "u1").lines.map(\.isSelected), [true, true])
    }

    func testSelectMissingLine() throws {
        let engine = try makeEngine()
        assertThrows(.notFound, try engine.blocking.selectCartLine(user: "u1", sku: "tea", selected: true))
    }

    // sc_engine_cart_clear
    func testClearCart() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "tea")
        try engine.blocking.clearCart(user: "u1")
        XCTAssertEqual(try engine.blocking.cart(user: "u1").lines, [])
        try engine.blocking.clearCart(user: "u1")  // an empty cart is not an error
    }

    func testClearCartEmptyUser() throws {
        let engine = try makeEngine()
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.clearCart(user: ""))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.clearCart(user: "a\u{0}"))
    }

    // sc_engine_cart_merge_guest
    func testMergeCart() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "guest", sku: "tea", quantity: 3)
        try engine.blocking.addToCart(user: "guest", sku: "cake", quantity: 1)
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 4)
        try engine.blocking.mergeCart(guest: "guest", into: "u1")
        let cart = try engine.blocking.cart(user: "u1")
        XCTAssertEqual(cart.lines.map(\.skuId), ["tea", "cake"])
        XCTAssertEqual(cart.lines[0].quantity, 5, "capped by the per-order maximum")
        XCTAssertEqual(cart.lines[1].quantity, 1)
        XCTAssertEqual(try engine.blocking.cart(user: "guest").lines, [])
    }

    func testMergeCartIntoItself() throws {
        let engine = try makeEngine()
        assertThrows(.invalidArgument, try engine.blocking.mergeCart(guest: "u1", into: "u1"))
    }

    func testUnknownUserHasAnEmptyCart() throws {
        let engine = try makeEngine()
        let cart = try engine.blocking.cart(user: "nobody")
        XCTAssertEqual(cart.userId, "nobody")
        XCTAssertEqual(cart.lines, [])
    }

    func testEmptyCatalogCartCurrency() throws {
        let engine = try makeEngine(program: nil)
        XCTAssertEqual(try engine.blocking.cart(user: "u").currency, "")
    }

    func testCartOfEmptyUserIdIsInvalid() throws {
        let engine = try makeEngine()
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.cart(user: ""))
    }

    // sc_cart_line_problems: each SC_LINE_* flag
    func testCartProblems() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 4)
        try engine.blocking.addToCart(user: "u1", sku: "cup", quantity: 3)
        try engine.blocking.addToCart(user: "u1", sku: "cake", quantity: 1)
        var tea = try engine.blocking.sku("tea")
        tea.maxPerOrder = 3
        tea.listPriceMinor = 7200
        try engine.blocking.putSku(tea)
        var cup = try engine.blocking.sku("cup")
        cup.stockOnHand = 1
        try engine.blocking.putSku(cup)
        var cake = try engine.blocking.sku("cake")
        cake.isActive = false
        try engine.blocking.putSku(cake)
        let cart = try engine.blocking.cart(user: "u1")
        XCTAssertTrue(cart.hasProblems)
        XCTAssertEqual(cart.lines[0].problems, [.overMax, .priceChanged])
        XCTAssertEqual(cart.lines[0].unitPriceMinor, 7200)
        XCTAssertEqual(cart.lines[0].addedPriceMinor, 6800)
        XCTAssertEqual(cart.lines[1].problems, [.outOfStock])
        XCTAssertEqual(cart.lines[1].available, 1)
        XCTAssertEqual(cart.lines[2].problems, [.inactive])
        XCTAssertEqual(SCCartLine.Problems([.overMax, .priceChanged]).description, "over max, price changed")
        XCTAssertEqual(SCCartLine.Problems().description, "ok")
        // Bringing the quantity within the maximum clears .overMax.
        try engine.blocking.setCartQuantity(user: "u1", sku: "tea", quantity: 3)
        XCTAssertFalse(try engine.blocking.cart(user: "u1").lines[0].problems.contains(.overMax))
    }
}
