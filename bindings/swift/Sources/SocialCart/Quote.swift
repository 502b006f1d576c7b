internal import CSocialCart

/// What checkout would charge for the selected lines now.
public struct SCQuote: Sendable, Hashable {
    /// ("" while the catalog is empty).
    public var currency: String
    public var lines: [SCQuoteLine]
    /// Sum of the lines' base amounts, in minor units.
    public var subtotalMinor: Int64
    /// What the shopper would pay, in minor units.
    public var totalMinor: Int64
    /// Sum of the lines' base amounts.
    public var subtotal: SCMoney { SCMoney(minorUnits: subtotalMinor, currency: currency) }
    /// What the shopper would pay.
    public var total: SCMoney { SCMoney(minorUnits: totalMinor, currency: currency) }

    init(copying quote: OpaquePointer) {
        let code = copyString(sc_quote_currency(quote))
        currency = code
        subtotalMinor = sc_quote_subtotal(quote)
        totalMinor = sc_quote_total(quote)
        lines = (0..<sc_quote_line_count(quote)).map { i in
            SCQuoteLine(
                skuId: copyString(sc_quote_line_sku_id(quote, i)),
                quantity: sc_quote_line_quantity(quote, i),
                currency: code,
                unitPriceMinor: sc_quote_line_unit_price(quote, i),
                baseMinor: sc_quote_line_base(quote, i),
                netMinor: sc_quote_line_net(quote, i))
        }
    }
}

public struct SCQuoteLine: Sendable, Hashable {
    public var skuId: String
    public var quantity: Int64
    /// The quote's currency.
    public var currency: String
    /// List price per unit, in minor units.
    public var unitPriceMinor: Int64
    /// Unit price times quantity, in minor units.
    public var baseMinor: Int64
    /// What the line costs after every adjustment, in minor units.
    public var netMinor: Int64
    /// List price per unit.
    public var unitPrice: SCMoney { SCMoney(minorUnits: unitPriceMinor, currency: currency) }
    /// Unit price times quantity.
    public var base: SCMoney { SCMoney(minorUnits: baseMinor, currency: currency) }
    /// What the line costs after every adjustment.
    public var net: SCMoney { SCMoney(minorUnits: netMinor, currency: currency) }
}

extension SCEngine.Blocking {
    /// Prices the selected lines of the user's cart.
    /// - Throws: `.overflow` when a total would not fit in 64 bits.
    public func quote(user: String) throws -> SCQuote {
        try requireCString(user, field: "user_id")
        let raw = try withHandle { handle in try checkOut("sc_engine_quote") { out, err in sc_engine_quote(handle, user, out, err) } }
        defer { sc_quote_free(raw) }
        return SCQuote(copying: raw)
    }
}
