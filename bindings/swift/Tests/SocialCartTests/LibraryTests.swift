import XCTest
@testable import SocialCart

final class LibraryTests: SocialCartTestCase {
    // sc_version, sc_abi_version
    func testVersionAndABIMatchTheHeader() throws {
        XCTAssertEqual(SocialCart.version, SocialCart.headerVersion)
        XCTAssertEqual(SocialCart.version, "0.1.0")
        XCTAssertEqual(SocialCart.libraryABIVersion, SocialCart.headerABIVersion)
        XCTAssertEqual(SocialCart.headerABIVersion, 1)
        XCTAssertNoThrow(try SocialCart.checkABI())
    }

    func testABIMismatchIsAClearError() {
        assertThrows(.abiMismatch, try SocialCart.checkABI(library: 2, header: 1))
        do {
            try SocialCart.checkABI(library: 7, header: 1)
        } catch let error as SocialCartError {
            XCTAssertTrue(error.message.contains("ABI 7"), error.message)
            XCTAssertTrue(error.message.contains("ABI 1"), error.message)
            XCTAssertEqual(error.code.rawValue, -1)
            XCTAssertFalse(error.isRetryable)
        } catch {
            XCTFail("\(error)")
        }
    }

    // sc_status_name
    func testStatusNames() {
        XCTAssertEqual(SocialCartError.Code.notFound.name, "SC_ERR_NOT_FOUND")
        XCTAssertEqual(SocialCartError.Code.invalidArgument.name, "SC_ERR_INVALID_ARGUMENT")
        XCTAssertEqual(SocialCartError.Code.internal.name, "SC_ERR_INTERNAL")
        XCTAssertEqual(SocialCart.statusName(rawValue: 0), "SC_OK")
        for raw in Int32(1)...20 {
            let code = SocialCartError.Code(rawValue: raw)
            XCTAssertEqual(code.rawValue, raw)
            if case .unknown = code { XCTFail("status \(raw) is not mapped") }
            XCTAssertTrue(code.name.hasPrefix("SC_ERR_"), code.name)
        }
    }

    func testUnknownStatusFallsBack() {
        XCTAssertEqual(SocialCartError.Code(rawValue: 99), .unknown(99))
        XCTAssertEqual(SocialCartError.Code(rawValue: 99).rawValue, 99)
        XCTAssertEqual(SocialCartError.Code(rawValue: 99).name, "SC_UNKNOWN_STATUS")
    }

    // sc_money_format, sc_string_free
    func testFormatMoney() throws {
        XCTAssertEqual(try SocialCart.formatMoney(6800, currency: "CNY"), "CNY 68.00")
        XCTAssertEqual(try SocialCart.formatMoney(1200, currency: "JPY"), "JPY 1200")
        XCTAssertEqual(try SocialCart.formatMoney(-5, currency: "USD"), "USD -0.05")
        XCTAssertEqual(try SocialCart.formatMoney(0, currency: "CNY"), "CNY 0.00")
    }

    func testFormatMoneyRejectsABadCurrency() {
        assertThrows(.invalidArgument, try SocialCart.formatMoney(100, currency: "cny"))
        assertThrows(.invalidArgument, try SocialCart.formatMoney(100, currency: ""))
        assertThrows(.invalidArgument, try SocialCart.formatMoney(100, currency: "CNYX"))
        assertThrows(.invalidArgument, field: "currency", try SocialCart.formatMoney(100, currency: "CN\u{0}Y"))
    }

    // sc_live_object_count
    func testLiveObjectCountSeesAnEngine() throws {
        let before = SocialCart.liveObjectCount
        do {
            let engine = try Engine(path: databasePath(), options: options())
            XCTAssertGreaterThan(SocialCart.liveObjectCount, before)
            _ = try engine.catalog()
        }
        XCTAssertEqual(SocialCart.liveObjectCount, before)
    }

    func testErrorDescription() {
        let error = SocialCartError(code: .notFound, message: "no such SKU", field: "sku_id")
        XCTAssertEqual(error.description, "SC_ERR_NOT_FOUND: no such SKU (field: sku_id)")
    }
}
