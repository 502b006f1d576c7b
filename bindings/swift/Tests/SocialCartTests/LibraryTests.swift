import XCTest
@testable import SocialCart

final class LibraryTests: SocialCartTestCase {
    // sc_version, sc_abi_version
    func testVersionAndABIMatchTheHeader() throws {
        XCTAssertEqual(SCLibrary.version, SCLibrary.headerVersion)
        XCTAssertEqual(SCLibrary.version, "0.3.0")
        XCTAssertEqual(SCLibrary.libraryABIVersion, SCLibrary.headerABIVersion)
        XCTAssertEqual(SCLibrary.headerABIVersion, 2)
        XCTAssertNoThrow(try SCLibrary.checkABI())
    }

    func testABIMismatchIsAClearError() {
        // A binding built against ABI 2 meeting a library of ABI 1 (or a newer one).
        assertThrows(.abiMismatch, try SCLibrary.checkABI(library: 1, header: 2))
        assertThrows(.abiMismatch, try SCLibrary.checkABI(library: 3, header: 2))
        XCTAssertNoThrow(try SCLibrary.checkABI(library: 2, header: 2))
        do {
            try SCLibrary.checkABI(library: 7, header: 2)
            XCTFail("ABI 7 against a header of ABI 2 passed")
        } catch let error as SCError {
            XCTAssertTrue(error.message.contains("ABI 7"), error.message)
            XCTAssertTrue(error.message.contains("ABI 2"), error.message)
            XCTAssertEqual(error.code.rawValue, -1)
            XCTAssertFalse(error.isRetryable)
        } catch {
            XCTFail("\(error)")
        }
    }

    // sc_status_name
    func testStatusNames() {
        XCTAssertEqual(SCError.Code.notFound.name, "SC_ERR_NOT_FOUND")
        XCTAssertEqual(SCError.Code.invalidArgument.name, "SC_ERR_INVALID_ARGUMENT")
        XCTAssertEqual(SCError.Code.internal.name, "SC_ERR_INTERNAL")
        XCTAssertEqual(SCLibrary.statusName(rawValue: 0), "SC_OK")
        XCTAssertEqual(SCError.Code.linkTampered.name, "SC_ERR_LINK_TAMPERED")
        XCTAssertEqual(SCError.Code.groupFull.name, "SC_ERR_GROUP_FULL")
        for raw in Int32(1)...24 {
            let code = SCError.Code(rawValue: raw)
            XCTAssertEqual(code.rawValue, raw)
            if case .unknown = code { XCTFail("status \(raw) is not mapped") }
            XCTAssertTrue(code.name.hasPrefix("SC_ERR_"), code.name)
        }
    }

    func testUnknownStatusFallsBack() {
        XCTAssertEqual(SCError.Code(rawValue: 99), .unknown(99))
        XCTAssertEqual(SCError.Code(rawValue: 99).rawValue, 99)
        XCTAssertEqual(SCError.Code(rawValue: 99).name, "SC_UNKNOWN_STATUS")
    }

    // sc_money_format, sc_string_free
    func testFormatMoney() throws {
        XCTAssertEqual(try SCLibrary.formatMoney(6800, currency: "CNY"), "CNY 68.00")
        XCTAssertEqual(try SCLibrary.formatMoney(1200, currency: "JPY"), "JPY 1200")
        XCTAssertEqual(try SCLibrary.formatMoney(-5, currency: "USD"), "USD -0.05")
        XCTAssertEqual(try SCLibrary.formatMoney(0, currency: "CNY"), "CNY 0.00")
    }

    // sc_currency_minor_units
    func testCurrencyMinorUnitsComeFromIso4217() throws {
        XCTAssertEqual(try SCLibrary.currencyMinorUnits("CNY"), 2)
        XCTAssertEqual(try SCLibrary.currencyMinorUnits("JPY"), 0)
        XCTAssertEqual(try SCLibrary.currencyMinorUnits("BHD"), 3)
        XCTAssertEqual(try SCLibrary.currencyMinorUnits("CLF"), 4)
        XCTAssertEqual(try SCLibrary.formatMoney(12345, currency: "CLF"), "CLF 1.2345")
        assertThrows(.invalidArgument, field: "currency", try SCLibrary.currencyMinorUnits("ZZZ"))
        assertThrows(.invalidArgument, field: "currency", try SCLibrary.currencyMinorUnits("XAU"))
        assertThrows(.invalidArgument, field: "currency", try SCLibrary.currencyMinorUnits(""))
        assertThrows(.invalidArgument, field: "currency", try SCLibrary.currencyMinorUnits("CN\u{0}Y"))
    }

    func testFormatMoneyRejectsABadCurrency() {
        assertThrows(.invalidArgument, try SCLibrary.formatMoney(100, currency: "cny"))
        assertThrows(.invalidArgument, try SCLibrary.formatMoney(100, currency: ""))
        assertThrows(.invalidArgument, try SCLibrary.formatMoney(100, currency: "CNYX"))
        assertThrows(.invalidArgument, field: "currency", try SCLibrary.formatMoney(100, currency: "CN\u{0}Y"))
    }

    // sc_live_object_count
    func testLiveObjectCountSeesAnEngine() throws {
        let before = SCLibrary.liveObjectCount
        do {
            let engine = try SCEngine.Blocking.open(path: databasePath(), options: options())
            XCTAssertGreaterThan(SCLibrary.liveObjectCount, before)
            _ = try engine.blocking.catalog()
        }
        XCTAssertEqual(SCLibrary.liveObjectCount, before)
    }

    func testErrorDescription() {
        let error = SCError(code: .notFound, message: "no such SKU", field: "sku_id")
        XCTAssertEqual(error.description, "SC_ERR_NOT_FOUND: no such SKU (field: sku_id)")
    }
}
