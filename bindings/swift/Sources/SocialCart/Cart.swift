internal import CSocialCart

/// A user's cart as read from the engine.
public struct SCCart: Sendable, Hashable {
    public var userId: String
    /// The catalog's currency ("" while the catalog is empty).
    public var currency: String
    /// Lines in the order they were first added.
    public var lines: [SCCartLine]

    /// Whether every line can be bought as it is.
    public var hasProblems: Bool { lines.contains { !$0.problems.isEmpty } }

    init(copying cart: OpaquePointer) {
        userId = copyString(sc_cart_user_id(cart))
        let code = copyString(sc_cart_currency(cart))
        currency = code
        lines = (0..<sc_cart_line_count(cart)).map { i in
            let available = sc_cart_line_available(cart, i)
            return SCCartLine(
                skuId: copyString(sc_cart_line_sku_id(cart, i)),
                title: copyString(sc_cart_line_title(cart, i)),
                quantity: sc_cart_line_quantity(cart, i),
                isSelected: sc_cart_line_selected(cart, i),
                currency: code,
                unitPriceMinor: sc_cart_line_unit_price(cart, i),
                addedPriceMinor: sc_cart_line_added_price(cart, i),
                available: available < 0 ? nil : available,
                problems: SCCartLine.Problems(rawValue: sc_cart_line_problems(cart, i)))
        }
    }
}

public struct SCCartLine: Sendable, Hashable {
    /// What the engine sees wrong with a line (`SC_LINE_*`).
    public struct Problems: OptionSet, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// The SKU is no longer buyable.
        public static let inactive = Problems(rawValue: UInt32(SC_LINE_INACTIVE))
        /// Tracked stock available is below the line's quantity.
        public static let outOfStock = Problems(rawValue: UInt32(SC_LINE_OUT_OF_STOCK))
        /// The quantity is above the SKU's per-order maximum.
        public static let overMax = Problems(rawValue: UInt32(SC_LINE_OVER_MAX))
        /// The list price differs from the price when the line was added.
        public static let priceChanged = Problems(rawValue: UInt32(SC_LINE_PRICE_CHANGED))

        public var description: String {
            var names: [String] = []
            if contains(.inactive) { names.append("inactive") }
            if contains(.outOfStock) { names.append("out of stock") }
            if contains(.overMax) { names.append("over max") }
            if contains(.priceChanged) { names.append("price changed") }
            let known: Problems = [.inactive, .outOfStock, .overMax, .priceChanged]
            let rest = rawValue & ~known.rawValue
            if rest != 0 { names.append("0x" + String(rest, radix: 16)) }
            return names.isEmpty ? "ok" : names.joined(separator: ", ")
        }
    }

    public var skuId: String
    /// The SKU's current title.
    public var title: String
    /// Units on the line (>= 1).
    public var quantity: Int64
    /// Whether the line goes to checkout.
    public var isSelected: Bool
    /// The cart's currency.
    public var currency: String
    /// The SKU's current list price per unit, in minor units.
    public var unitPriceMinor: Int64
    /// The list price per unit when the line was last added, in minor units.
    public var addedPriceMinor: Int64
    /// The SKU's current list price per unit.
    public var unitPrice: SCMoney { SCMoney(minorUnits: unitPriceMinor, currency: currency) }
    /// The list price per unit when the line was last added.
    public var addedPrice: SCMoney { SCMoney(minorUnits: addedPriceMinor, currency: currency) }
    /// Tracked stock available now; `nil` when the SKU's stock is untracked.
    public var available: Int64?
    public var problems: Problems
}

extension SCEngine.Blocking {
    /// Adds units of a SKU to the user's cart (merging into its line, which becomes
    /// selected). Not idempotent: a host that retries should use `setCartQuantity`.
    /// - Throws: `.invalidArgument` (field "quantity" for quantity < 1), `.notFound`,
    ///   `.skuInactive`, `.limitExceeded`, `.outOfStock`, `.overflow`.
    public func addToCart(user: String, sku: String, quantity: Int64 = 1) throws {
        try requireCString(user, field: "user_id")
        try requireCString(sku, field: "sku_id")
        try withHandle { handle in try check { sc_engine_cart_add(handle, user, sku, quantity, $0) } }
    }

    /// `addToCart` under an idempotency key: a retry with the same key (after a network
    /// error, or a `.storage` error whose outcome is unknown) adds nothing more.
    /// - Throws: as `addToCart`; `.idempotencyConflict` when the key was used for other
    ///   arguments.
    public func addToCart(user: String, sku: String, quantity: Int64 = 1, idempotencyKey: String) throws {
        try requireCString(user, field: "user_id")
        try requireCString(sku, field: "sku_id")
        try requireCString(idempotencyKey, field: "idempotency_key")
        try withHandle { handle in try check { sc_engine_cart_add_once(handle, user, sku, quantity, idempotencyKey, $0) } }
    }

    /// Sets the quantity of the line for a SKU (creating it if absent). Idempotent.
    public func setCartQuantity(user: String, sku: String, quantity: Int64) throws {
        try requireCString(user, field: "user_id")
        try requireCString(sku, field: "sku_id")
        try withHandle { handle in try check { sc_engine_cart_set_quantity(handle, user, sku, quantity, $0) } }
    }

    /// Removes the line for a SKU.
    /// - Throws: `.notFound` when the cart has no such line.
    public func removeFromCart(user: String, sku: String) throws {
        try requireCString(user, field: "user_id")
        try requireCString(sku, field: "sku_id")
        try withHandle { handle in try check { sc_engine_cart_remove(handle, user, sku, $0) } }
    }

    /// Ticks or unticks a line; only selected lines go to checkout.
    /// - Throws: `.notFound` when the cart has no such line.
    public func selectCartLine(user: String, sku: String, selected: Bool = true) throws {
        try requireCString(user, field: "user_id")
        try requireCString(sku, field: "sku_id")
        try withHandle { handle in try check { sc_engine_cart_select(handle, user, sku, selected, $0) } }
    }

    /// Empties the user's cart.
    public func clearCart(user: String) throws {
        try requireCString(user, field: "user_id")
        try withHandle { handle in try check { sc_engine_cart_clear(handle, user, $0) } }
    }

    /// Moves a guest's cart into a user's cart at sign-in.
    /// - Throws: `.invalidArgument` when guest and user are the same id.
    public func mergeCart(guest: String, into user: String) throws {
        try requireCString(guest, field: "guest_id")
        try requireCString(user, field: "user_id")
        try withHandle { handle in try check { sc_engine_cart_merge_guest(handle, user, guest, $0) } }
    }

    /// Reads the user's cart with each line's problems.
    public func cart(user: String) throws -> SCCart {
        try requireCString(user, field: "user_id")
        let raw = try withHandle { handle in try checkOut("sc_engine_cart_get") { out, err in
            sc_engine_cart_get(handle, user, out, err)
        } }
        defer { sc_cart_free(raw) }
        return SCCart(copying: raw)
    }
}
