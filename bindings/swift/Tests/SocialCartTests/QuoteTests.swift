import XCTest
@testable import SocialCart

final class QuoteTests: SocialCartTestCase {
    // sc_engine_quote and every sc_quote_* accessor
    func testQuoteSelectedLines() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 2)
        try engine.blocking.addToCart(user: "u1", sku: "cup", quantity: 1)
        try engine.blocking.addToCart(user: "u1", sku: "cake", quantity: 1)
        try engine.blocking.selectCartLine(user: "u1", sku: "cake", selected: false)
        let quote = try engine.blocking.quote(user: "u1")
        XCTAssertEqual(quote.currency, "CNY")
        XCTAssertEqual(quote.lines.map(\.skuId), ["tea", "cup"])
        XCTAssertEqual(quote.lines[0].quantity, 2)
        XCTAssertEqual(quote.lines[0].unitPriceMinor, 6800)
        XCTAssertEqual(quote.lines[0].baseMinor, 13600)
        XCTAssertEqual(quote.lines[1].baseMinor, 3950)
        XCTAssertEqual(quote.subtotalMinor, 17550)
        XCTAssertEqual(quote.lines.map(\.netMinor).reduce(0, +), quote.totalMinor)
        XCTAssertLessThanOrEqual(quote.totalMinor, quote.subtotalMinor)
    }

    func testEmptyQuote() throws {
        let engine = try makeEngine()
        let quote = try engine.blocking.quote(user: "nobody")
        XCTAssertEqual(quote.lines, [])
        XCTAssertEqual(quote.subtotalMinor, 0)
        XCTAssertEqual(quote.totalMinor, 0)
        XCTAssertEqual(try makeEngine(program: nil).blocking.quote(user: "u").currency, "")
    }

    func testQuoteOverflow() throws {
        let engine = try makeEngine()
        try engine.blocking.putSku(SCSku(id: "gold", merchantId: "m", title: "Gold", currency: "CNY", listPriceMinor: Int64.max - 10))
        try engine.blocking.addToCart(user: "u1", sku: "gold")
        try engine.blocking.addToCart(user: "u1", sku: "cake")
        assertThrows(.overflow, try engine.blocking.quote(user: "u1"))
    }

    func testQuoteEmptyUserIdIsInvalid() throws {
        let engine = try makeEngine()
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.quote(user: ""))
    }
}
