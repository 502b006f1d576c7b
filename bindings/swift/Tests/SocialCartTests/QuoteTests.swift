import XCTest
@testable import SocialCart

final class QuoteTests: SocialCartTestCase {
    // sc_engine_quote and every sc_quote_* accessor
    func testQuoteSelectedLines() throws {
        let engine = try makeEngine()
        try engine.addToCart(user: "u1", sku: "tea", quantity: 2)
        try engine.addToCart(user: "u1", sku: "cup", quantity: 1)
        try engine.addToCart(user: "u1", sku: "cake", quantity: 1)
        try engine.selectCartLine(user: "u1", sku: "cake", selected: false)
        let quote = try engine.quote(user: "u1")
        XCTAssertEqual(quote.currency, "CNY")
        XCTAssertEqual(quote.lines.map(\.skuId), ["tea", "cup"])
        XCTAssertEqual(quote.lines[0].quantity, 2)
        XCTAssertEqual(quote.lines[0].unitPrice, 6800)
        XCTAssertEqual(quote.lines[0].base, 13600)
        XCTAssertEqual(quote.lines[1].base, 3950)
        XCTAssertEqual(quote.subtotal, 17550)
        XCTAssertEqual(quote.lines.map(\.net).reduce(0, +), quote.total)
        XCTAssertLessThanOrEqual(quote.total, quote.subtotal)
    }

    func testEmptyQuote() throws {
        let engine = try makeEngine()
        let quote = try engine.quote(user: "nobody")
        XCTAssertEqual(quote.lines, [])
        XCTAssertEqual(quote.subtotal, 0)
        XCTAssertEqual(quote.total, 0)
        XCTAssertEqual(try makeEngine(program: nil).quote(user: "u").currency, "")
    }

    func testQuoteOverflow() throws {
        let engine = try makeEngine()
        try engine.putSku(Sku(id: "gold", merchantId: "m", title: "Gold", currency: "CNY", listPrice: Int64.max - 10))
        try engine.addToCart(user: "u1", sku: "gold")
        try engine.addToCart(user: "u1", sku: "cake")
        assertThrows(.overflow, try engine.quote(user: "u1"))
    }

    func testQuoteEmptyUserIdIsInvalid() throws {
        let engine = try makeEngine()
        assertThrows(.invalidArgument, field: "user_id", try engine.quote(user: ""))
    }
}
