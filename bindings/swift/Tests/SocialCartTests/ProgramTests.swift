import Foundation
import XCTest
@testable import SocialCart

final class ProgramTests: SocialCartTestCase {
    // sc_engine_program_import
    func testImportProgram() throws {
        let engine = try makeEngine(program: nil)
        try engine.blocking.importProgram(sampleProgram)
        let tea = try engine.blocking.sku("tea")
        XCTAssertEqual(tea.title, "Tea")
        XCTAssertEqual(tea.listPriceMinor, 6800)
        XCTAssertEqual(tea.currency, "CNY")
        XCTAssertEqual(tea.stockOnHand, 12)
        XCTAssertEqual(tea.maxPerOrder, 5)
        XCTAssertEqual(tea.categories, ["tea", "gifts"])
        // SKUs not in a later document are kept.
        try engine.blocking.importProgram(#"{"format":"socialcart.program/1","currency":"CNY","skus":[{"id":"new","merchant_id":"m","title":"N","list_price":1}]}"#)
        XCTAssertEqual(try engine.blocking.catalog().count, 5)
    }

    func testImportProgramFromAFile() throws {
        let url = directory.appendingPathComponent("program.json")
        try sampleProgram.write(to: url, atomically: true, encoding: .utf8)
        let engine = try makeEngine(program: nil)
        try engine.blocking.importProgram(contentsOf: url)
        XCTAssertEqual(try engine.blocking.catalog().count, 4)
    }

    func testImportProgramFromABadFile() throws {
        let engine = try makeEngine(program: nil)
        assertThrows(.invalidArgument, field: "url", try engine.blocking.importProgram(contentsOf: directory.appendingPathComponent("missing.json")))
        let url = directory.appendingPathComponent("latin1.json")
        try Data([0x7B, 0xFF, 0xFE, 0x7D]).write(to: url)
        assertThrows(.invalidUTF8, try engine.blocking.importProgram(contentsOf: url))
    }

    func testImportInvalidProgramNamesTheField() throws {
        let engine = try makeEngine(program: nil)
        let bad = #"{"format":"socialcart.program/1","currency":"CNY","skus":[{"id":"a","merchant_id":"m","title":"A","list_price":1},{"id":"b","merchant_id":"m","title":"B","list_price":-5}]}"#
        assertThrows(.validation, field: "skus[1].list_price", try engine.blocking.importProgram(bad))
        XCTAssertEqual(try engine.blocking.catalog(), [], "a failing import changes nothing")
        assertThrows(.validation, field: "format", try engine.blocking.importProgram(#"{"format":"nope/9","currency":"CNY","skus":[]}"#))
        assertThrows(.validation, try engine.blocking.importProgram("not json"))
    }

    func testImportInAnotherCurrency() throws {
        let engine = try makeEngine()
        assertThrows(
            .currencyMismatch,
            try engine.blocking.importProgram(#"{"format":"socialcart.program/1","currency":"USD","skus":[{"id":"u","merchant_id":"m","title":"U","list_price":1}]}"#))
    }

    // sc_engine_program_export, sc_string_free
    func testExportRoundTrips() throws {
        let engine = try makeEngine()
        let json = try engine.blocking.exportProgram()
        XCTAssertTrue(json.contains("socialcart.program/1"), json)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        XCTAssertEqual(object?["currency"] as? String, "CNY")
        let copy = try makeEngine(program: json)
        XCTAssertEqual(try copy.blocking.catalog(), try engine.blocking.catalog())
    }

    func testExportEmptyCatalogImports() throws {
        let engine = try makeEngine(program: nil)
        let json = try engine.blocking.exportProgram()
        XCTAssertFalse(json.isEmpty)
    }
}
