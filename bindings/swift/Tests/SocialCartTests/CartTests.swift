import XCTest
@testable import SocialCart

final class CartTests: SocialCartTestCase {
    // sc_engine_cart_add, sc_engine_cart_get and every sc_cart_* accessor
    func testAddToCartMergesLines() throws {
        let engine = try makeEngine()
        try engine.addToCart(user: "u1", sku: "tea", quantity: 2)
        try engine.addToCart(user: "u1", sku: "cake")
        try engine.addToCart(user: "u1", sku: "tea", quantity: 1)
        let cart = try engine.cart(user: "u1")
        XCTAssertEqual(cart.userId, "u1")
        XCTAssertEqual(cart.currency, "CNY")
        XCTAssertEqual(cart.lines.map(\.skuId), ["tea", "cake"])
        let tea = cart.lines[0]
        XCTAssertEqual(tea.title, "Tea")
        XCTAssertEqual(tea.quantity, 3)
        XCTAssertTrue(tea.isSelected)
        XCTAssertEqual(tea.unitPrice, 6800)
        XCTAssertEqual(tea.addedPrice, 6800)
        XCTAssertEqual(tea.available, 12)
        XCTAssertEqual(tea.problems, [])
        XCTAssertNil(cart.lines[1].available, "untracked stock")
        XCTAssertFalse(cart.hasProblems)
    }

    func testAddToCartErrors() throws {
        let engine = try makeEngine()
        assertThrows(.invalidArgument, field: "quantity", try engine.addToCart(user: "u1", sku: "tea", quantity: 0))
        assertThrows(.invalidArgument, field: "quantity", try engine.addToCart(user: "u1", sku: "tea", quantity: -3))
        assertThrows(.notFound, field: "sku_id", try engine.addToCart(user: "u1", sku: "nope"))
        assertThrows(.skuInactive, try engine.addToCart(user: "u1", sku: "kettle"))
        assertThrows(.limitExceeded, try engine.addToCart(user: "u1", sku: "tea", quantity: 6))
        assertThrows(.outOfStock, try engine.addToCart(user: "u1", sku: "cup", quantity: 4))
        assertThrows(.invalidArgument, field: "user_id", try engine.addToCart(user: "u\u{0}1", sku: "tea"))
        XCTAssertEqual(try engine.cart(user: "u1").lines, [], "failing calls change nothing")
    }

    func testAddToCartOverflow() throws {
        let engine = try makeEngine()
        try engine.putSku(Sku(id: "grain", merchantId: "m", title: "Grain", currency: "CNY", listPrice: 1))
        try engine.addToCart(user: "u1", sku: "grain", quantity: Int64.max)
        assertThrows(.overflow, try engine.addToCart(user: "u1", sku: "grain", quantity: 1))
    }

    // sc_engine_cart_set_quantity
    func testSetCartQuantity() throws {
        let engine = try makeEngine()
        try engine.setCartQuantity(user: "u1", sku: "tea", quantity: 4)
        try engine.setCartQuantity(user: "u1", sku: "tea", quantity: 4)
        XCTAssertEqual(try engine.cart(user: "u1").lines.map(\.quantity), [4])
        try engine.setCartQuantity(user: "u1", sku: "tea", quantity: 1)
        XCTAssertEqual(try engine.cart(user: "u1").lines.map(\.quantity), [1])
    }

    func testSetCartQuantityErrors() throws {
        let engine = try makeEngine()
        try engine.addToCart(user: "u1", sku: "tea")
        assertThrows(.invalidArgument, field: "quantity", try engine.setCartQuantity(user: "u1", sku: "tea", quantity: 0))
        assertThrows(.limitExceeded, try engine.setCartQuantity(user: "u1", sku: "tea", quantity: 6))
        assertThrows(.notFound, try engine.setCartQuantity(user: "u1", sku: "nope", quantity: 1))
        XCTAssertEqual(try engine.cart(user: "u1").lines.map(\.quantity), [1])
    }

    // sc_engine_cart_remove
    func testRemoveFromCart() throws {
        let engine = try makeEngine()
        try engine.addToCart(user: "u1", sku: "tea")
        try engine.addToCart(user: "u1", sku: "cake")
        try engine.removeFromCart(user: "u1", sku: "tea")
        XCTAssertEqual(try engine.cart(user: "u1").lines.map(\.skuId), ["cake"])
    }

    func testRemoveMissingLine() throws {
        let engine = try makeEngine()
        try engine.addToCart(user: "u1", sku: "cake")
        assertThrows(.notFound, try engine.removeFromCart(user: "u1", sku: "tea"))
    }

    // sc_engine_cart_select
    func testSelectCartLine() throws {
        let engine = try makeEngine()
        try engine.addToCart(user: "u1", sku: "tea")
        try engine.addToCart(user: "u1", sku: "cake")
        try engine.selectCartLine(user: "u1", sku: "tea", selected: false)
        let cart = try engine.cart(user: "u1")
        XCTAssertEqual(cart.lines.map(\.isSelected), [false, true])
        XCTAssertEqual(try engine.quote(user: "u1").lines.map(\.skuId), ["cake"])
        try engine.selectCartLine(user: "u1", sku: "tea")
        XCTAssertEqual(try engine.cart(user: "u1").lines.map(\.isSelected), [true, true])
    }

    func testSelectMissingLine() throws {
        let engine = try makeEngine()
        assertThrows(.notFound, try engine.selectCartLine(user: "u1", sku: "tea", selected: true))
    }

    // sc_engine_cart_clear
    func testClearCart() throws {
        let engine = try makeEngine()
        try engine.addToCart(user: "u1", sku: "tea")
        try engine.clearCart(user: "u1")
        XCTAssertEqual(try engine.cart(user: "u1").lines, [])
        try engine.clearCart(user: "u1")  // an empty cart is not an error
    }

    func testClearCartEmptyUser() throws {
        let engine = try makeEngine()
        assertThrows(.invalidArgument, field: "user_id", try engine.clearCart(user: ""))
        assertThrows(.invalidArgument, field: "user_id", try engine.clearCart(user: "a\u{0}"))
    }

    // sc_engine_cart_merge
    func testMergeCart() throws {
        let engine = try makeEngine()
        try engine.addToCart(user: "guest", sku: "tea", quantity: 3)
        try engine.addToCart(user: "guest", sku: "cake", quantity: 1)
        try engine.addToCart(user: "u1", sku: "tea", quantity: 4)
        try engine.mergeCart(guest: "guest", into: "u1")
        let cart = try engine.cart(user: "u1")
        XCTAssertEqual(cart.lines.map(\.skuId), ["tea", "cake"])
        XCTAssertEqual(cart.lines[0].quantity, 5, "capped by the per-order maximum")
        XCTAssertEqual(cart.lines[1].quantity, 1)
        XCTAssertEqual(try engine.cart(user: "guest").lines, [])
    }

    func testMergeCartIntoItself() throws {
        let engine = try makeEngine()
        assertThrows(.invalidArgument, try engine.mergeCart(guest: "u1", into: "u1"))
    }

    func testUnknownUserHasAnEmptyCart() throws {
        let engine = try makeEngine()
        let cart = try engine.cart(user: "nobody")
        XCTAssertEqual(cart.userId, "nobody")
        XCTAssertEqual(cart.lines, [])
    }

    func testEmptyCatalogCartCurrency() throws {
        let engine = try makeEngine(program: nil)
        XCTAssertEqual(try engine.cart(user: "u").currency, "")
    }

    func testCartOfEmptyUserIdIsInvalid() throws {
        let engine = try makeEngine()
        assertThrows(.invalidArgument, field: "user_id", try engine.cart(user: ""))
    }

    // sc_cart_line_problems: each SC_LINE_* flag
    func testCartProblems() throws {
        let engine = try makeEngine()
        try engine.addToCart(user: "u1", sku: "tea", quantity: 4)
        try engine.addToCart(user: "u1", sku: "cup", quantity: 3)
        try engine.addToCart(user: "u1", sku: "cake", quantity: 1)
        var tea = try engine.sku("tea")
        tea.maxPerOrder = 3
        tea.listPrice = 7200
        try engine.putSku(tea)
        var cup = try engine.sku("cup")
        cup.stockOnHand = 1
        try engine.putSku(cup)
        var cake = try engine.sku("cake")
        cake.isActive = false
        try engine.putSku(cake)
        let cart = try engine.cart(user: "u1")
        XCTAssertTrue(cart.hasProblems)
        XCTAssertEqual(cart.lines[0].problems, [.overMax, .priceChanged])
        XCTAssertEqual(cart.lines[0].unitPrice, 7200)
        XCTAssertEqual(cart.lines[0].addedPrice, 6800)
        XCTAssertEqual(cart.lines[1].problems, [.outOfStock])
        XCTAssertEqual(cart.lines[1].available, 1)
        XCTAssertEqual(cart.lines[2].problems, [.inactive])
        XCTAssertEqual(CartLine.Problems([.overMax, .priceChanged]).description, "over max, price changed")
        XCTAssertEqual(CartLine.Problems().description, "ok")
        // Bringing the quantity within the maximum clears .overMax.
        try engine.setCartQuantity(user: "u1", sku: "tea", quantity: 3)
        XCTAssertFalse(try engine.cart(user: "u1").lines[0].problems.contains(.overMax))
    }
}
