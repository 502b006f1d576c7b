internal import CSocialCart
import Foundation

/// An amount of money: whole minor units (cents, fen, yen) of an ISO 4217 currency.
/// The amount is an integer, never floating point; `formatted()` writes it for people
/// with the currency's minor-unit digits ("CNY 68.00").
public struct SCMoney: Sendable, Hashable, CustomStringConvertible {
    /// The amount in minor units of `currency` (6800 is CNY 68.00).
    public var minorUnits: Int64
    /// The ISO 4217 code, e.g. "CNY".
    public var currency: String

    public init(minorUnits: Int64, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// The amount for people, e.g. "CNY 68.00", "JPY 1200" (`sc_money_format`).
    /// - Throws: `.invalidArgument` unless the currency is an ISO 4217 code with a
    ///   minor unit.
    public func formatted() throws -> String {
        try SCLibrary.formatMoney(minorUnits, currency: currency)
    }

    /// `formatted()`, or "<minor units> <currency>" when the currency is not one the
    /// library formats.
    public var description: String {
        (try? formatted()) ?? "\(minorUnits) \(currency)"
    }
}

/// UTC milliseconds since the epoch, as the C API counts time.
@inline(__always)
func date(ms: Int64) -> Date {
    Date(timeIntervalSince1970: Double(ms) / 1000)
}

/// A `Date` as whole UTC milliseconds since the epoch (rounded down).
@inline(__always)
func milliseconds(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
}
