internal import CSocialCart

/// Library-wide functions of socialcart.
public enum SCLibrary {
    /// The library's version, "MAJOR.MINOR.PATCH" (`sc_version`).
    public static var version: String { copyString(sc_version()) }

    /// The version of the header this binding was compiled against.
    public static let headerVersion: String = SOCIALCART_VERSION_STRING

    /// The ABI generation of the loaded library (`sc_abi_version`).
    public static var libraryABIVersion: Int32 { sc_abi_version() }

    /// The ABI generation of the header this binding was compiled against.
    public static let headerABIVersion: Int32 = Int32(SOCIALCART_ABI_VERSION)

    /// How many objects the library has handed out and not yet seen freed
    /// (`sc_live_object_count`). Tests use it to catch leaks.
    public static var liveObjectCount: Int64 { sc_live_object_count() }

    /// Checks once per process that the loaded library speaks the header's ABI.
    /// `SCEngine.init` calls it; call it yourself to fail early.
    public static func checkABI() throws {
        if let error = abiCheckResult { throw error }
    }

    private static let abiCheckResult: SCError? = {
        do {
            try checkABI(library: sc_abi_version(), header: Int32(SOCIALCART_ABI_VERSION))
            return nil
        } catch let error as SCError {
            return error
        } catch {
            return SCError(code: .internal, message: "\(error)")
        }
    }()

    /// The comparison behind `checkABI()`, separate so tests can feed it a mismatch.
    static func checkABI(library: Int32, header: Int32) throws {
        guard library == header else {
            throw SCError(
                code: .abiMismatch,
                message: "libsocialcart ABI mismatch: the loaded library is ABI \(library) "
                    + "(version \(copyString(sc_version()))), this binding was built against "
                    + "socialcart.h ABI \(header) (version \(SOCIALCART_VERSION_STRING)); "
                    + "rebuild the binding against the library's header or load the matching library")
        }
    }

    /// Formats an amount for people with the currency's minor-unit digits, e.g.
    /// "CNY 68.00", "JPY 1200", "CLF 1.2345" (`sc_money_format`).
    /// - Throws: `.invalidArgument` unless the currency is an ISO 4217 code with a
    ///   minor unit (see `currencyMinorUnits(_:)`).
    public static func formatMoney(_ amountMinor: Int64, currency: String) throws -> String {
        try requireCString(currency, field: "currency")
        var out: UnsafeMutablePointer<CChar>? = nil
        try check { sc_money_format(amountMinor, currency, &out, $0) }
        defer { sc_string_free(out) }
        return copyString(out)
    }

    /// The currency's minor-unit digits (CNY 2, JPY 0, BHD 3, CLF 4): how many
    /// decimal places one unit of an amount stands for (`sc_currency_minor_units`).
    /// - Throws: `.invalidArgument` (field "currency") unless the currency is an
    ///   active ISO 4217 code with a minor unit; XAU and other codes without one are refused.
    public static func currencyMinorUnits(_ currency: String) throws -> Int {
        try requireCString(currency, field: "currency")
        var digits: Int32 = 0
        try check { sc_currency_minor_units(currency, &digits, $0) }
        return Int(digits)
    }

    /// The library's stable name of a status code, e.g. "SC_ERR_NOT_FOUND"
    /// (`sc_status_name`); "SC_UNKNOWN_STATUS" for a value outside the list.
    public static func statusName(rawValue: Int32) -> String {
        copyString(sc_status_name(sc_status_t(rawValue: UInt32(bitPattern: rawValue))))
    }
}
