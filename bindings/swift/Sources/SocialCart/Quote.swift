internal import CSocialCart

/// What checkout would charge for the selected lines now.
public struct Quote: Sendable, Hashable {
    /// ("" while the catalog is empty).
    public var currency: String
    public var lines: [QuoteLine]
    /// Sum of the lines' base amounts.
    public var subtotal: Int64
    /// What the shopper would pay.
    public var total: Int64

    init(copying quote: OpaquePointer) {
        currency = copyString(sc_quote_currency(quote))
        subtotal = sc_quote_subtotal(quote)
        total = sc_quote_total(quote)
        lines = (0..<sc_quote_line_count(quote)).map { i in
            QuoteLine(
                skuId: copyString(sc_quote_line_sku_id(quote, i)),
                quantity: sc_quote_line_quantity(quote, i),
                unitPrice: sc_quote_line_unit_price(quote, i),
                base: sc_quote_line_base(quote, i),
                net: sc_quote_line_net(quote, i))
        }
    }
}

public struct QuoteLine: Sendable, Hashable {
    public var skuId: String
    public var quantity: Int64
    /// List price per unit.
    public var unitPrice: Int64
    /// Unit price times quantity.
    public var base: Int64
    /// What the line costs after every adjustment.
    public var net: Int64
}

extension Engine {
    /// Prices the selected lines of the user's cart.
    /// - Throws: `.overflow` when a total would not fit in 64 bits.
    public func quote(user: String) throws -> Quote {
        try requireCString(user, field: "user_id")
        let raw = try checkOut("sc_engine_quote") { out, err in sc_engine_quote(handle, user, out, err) }
        defer { sc_quote_free(raw) }
        return Quote(copying: raw)
    }
}
