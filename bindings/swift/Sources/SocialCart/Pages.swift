internal import CSocialCart

/// One page of a paged read: its items and the opaque cursor of the next page.
///
/// Pass `nextCursor` back unchanged to read the next page; it is `nil` on the last
/// page. Pages are keyset pages: items added while you page never repeat or skip an
/// item that sorts before the cursor. A cursor belongs to its query and database; any
/// other text is `.invalidArgument` (field "cursor").
public struct SCPage<Item: Sendable & Hashable>: Sendable, Hashable {
    public var items: [Item]
    public var nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

/// "" from the library means "no next page".
func cursorOrNil(_ p: UnsafePointer<CChar>?) -> String? {
    let cursor = copyString(p)
    return cursor.isEmpty ? nil : cursor
}

extension SCEngine.Blocking {
    /// Reads one page of a shopper's orders, newest first, each as of now.
    /// - Parameters:
    ///   - state: only orders in this state as a read sees it now (a lapsed unpaid order
    ///     is `.cancelled`); `nil` for every state.
    ///   - createdFromMs, createdBeforeMs: only orders created in
    ///     `createdFromMs ..< createdBeforeMs`.
    ///   - cursor: `nil` for the first page, else the previous page's `nextCursor`.
    ///   - limit: 1 ... 1000.
    /// - Throws: `.invalidArgument` (field "user_id", "state", "from_ms", "to_ms",
    ///   "cursor" or "limit").
    public func orders(
        user: String, state: SCOrderState? = nil, createdFromMs: Int64 = 0, createdBeforeMs: Int64 = .max,
        cursor: String? = nil, limit: Int = 50
    ) throws -> SCPage<SCOrder> {
        try requireCString(user, field: "user_id")
        if let cursor { try requireCString(cursor, field: "cursor") }
        guard limit >= 0 else {
            throw SCError(code: .invalidArgument, message: "limit is negative", field: "limit")
        }
        let raw = try withHandle { handle in try checkOut("sc_engine_order_list_by_user") { out, err in
            sc_engine_order_list_by_user(
                handle, user, sc_order_state_t(rawValue: state?.rawValue ?? 0), createdFromMs, createdBeforeMs,
                cursor, limit, out, err)
        } }
        defer { sc_orders_free(raw) }
        return SCPage(
            items: (0..<sc_orders_count(raw)).map { SCOrder(copying: sc_orders_at(raw, $0)!) },
            nextCursor: cursorOrNil(sc_orders_next_cursor(raw)))
    }

    /// Reads one page of a merchant's SKUs, ordered by SKU id, each with its stock
    /// available now (as `catalog()` reports it).
    /// - Throws: `.invalidArgument` (field "merchant_id", "cursor" or "limit").
    public func catalog(merchant: String, cursor: String? = nil, limit: Int = 50) throws -> SCPage<SCSku> {
        try requireCString(merchant, field: "merchant_id")
        return try withHandle { handle in try skuPage("sc_engine_catalog_list_by_merchant", cursor: cursor, limit: limit) { cursor, out, err in
            sc_engine_catalog_list_by_merchant(handle, merchant, cursor, limit, out, err)
        } }
    }

    /// Reads one page of the SKUs in a category, ordered by SKU id.
    /// - Throws: `.invalidArgument` (field "category_id", "cursor" or "limit").
    public func catalog(category: String, cursor: String? = nil, limit: Int = 50) throws -> SCPage<SCSku> {
        try requireCString(category, field: "category_id")
        return try withHandle { handle in try skuPage("sc_engine_catalog_list_by_category", cursor: cursor, limit: limit) { cursor, out, err in
            sc_engine_catalog_list_by_category(handle, category, cursor, limit, out, err)
        } }
    }

    private func skuPage(
        _ function: StaticString, cursor: String?, limit: Int,
        _ body: (String?, UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<OpaquePointer?>) -> sc_status_t
    ) throws -> SCPage<SCSku> {
        if let cursor { try requireCString(cursor, field: "cursor") }
        guard limit >= 0 else {
            throw SCError(code: .invalidArgument, message: "limit is negative", field: "limit")
        }
        let raw = try checkOut(function) { out, err in body(cursor, out, err) }
        defer { sc_catalog_free(raw) }
        return SCPage(
            items: (0..<sc_catalog_count(raw)).map { SCSku(copying: sc_catalog_at(raw, $0)) },
            nextCursor: cursorOrNil(sc_catalog_next_cursor(raw)))
    }
}
