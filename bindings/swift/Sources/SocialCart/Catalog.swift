internal import CSocialCart

/// A SKU: a definition to store with `SCEngine.putSku(_:)` or a snapshot read from the
/// engine.
public struct SCSku: Sendable, Hashable {
    public var id: String
    public var merchantId: String
    public var title: String
    /// ISO 4217 code of the list price.
    public var currency: String
    /// The list price in minor units of `currency` (>= 0).
    public var listPriceMinor: Int64
    /// The list price with its currency.
    public var listPrice: SCMoney {
        get { SCMoney(minorUnits: listPriceMinor, currency: currency) }
        set {
            listPriceMinor = newValue.minorUnits
            currency = newValue.currency
        }
    }
    /// Units on hand; `nil` when stock is not tracked.
    public var stockOnHand: Int64?
    /// Units on hand less those held by unpaid orders, as of the read; `nil` when
    /// stock is not tracked. Ignored by `putSku`.
    public var stockAvailable: Int64?
    /// The per-order maximum; `nil` when there is none.
    public var maxPerOrder: Int64?
    /// Whether the SKU can be bought.
    public var isActive: Bool
    /// Category ids.
    public var categories: [String]

    /// A SKU definition priced at `listPrice`.
    public init(
        id: String, merchantId: String, title: String, listPrice: SCMoney,
        stock: Int64? = nil, maxPerOrder: Int64? = nil, isActive: Bool = true,
        categories: [String] = []
    ) {
        self.init(
            id: id, merchantId: merchantId, title: title, currency: listPrice.currency,
            listPriceMinor: listPrice.minorUnits, stock: stock, maxPerOrder: maxPerOrder,
            isActive: isActive, categories: categories)
    }

    /// A SKU definition with the list price in raw minor units of `currency`.
    public init(
        id: String, merchantId: String, title: String, currency: String, listPriceMinor: Int64,
        stock: Int64? = nil, maxPerOrder: Int64? = nil, isActive: Bool = true,
        categories: [String] = []
    ) {
        self.id = id
        self.merchantId = merchantId
        self.title = title
        self.currency = currency
        self.listPriceMinor = listPriceMinor
        self.stockOnHand = stock
        self.stockAvailable = stock
        self.maxPerOrder = maxPerOrder
        self.isActive = isActive
        self.categories = categories
    }

    /// Copies a borrowed `sc_sku`.
    init(copying sku: OpaquePointer?) {
        let tracked = sc_sku_stock_tracked(sku)
        let max = sc_sku_max_per_order(sku)
        let count = sc_sku_category_count(sku)
        self.init(
            id: copyString(sc_sku_id(sku)),
            merchantId: copyString(sc_sku_merchant_id(sku)),
            title: copyString(sc_sku_title(sku)),
            currency: copyString(sc_sku_currency(sku)),
            listPriceMinor: sc_sku_list_price(sku),
            stock: tracked ? sc_sku_stock_on_hand(sku) : nil,
            maxPerOrder: max == 0 ? nil : max,
            isActive: sc_sku_active(sku),
            categories: (0..<count).map { copyString(sc_sku_category_at(sku, $0)) })
        self.stockAvailable = tracked ? sc_sku_stock_available(sku) : nil
    }
}

/// An `sc_sku` being filled in: one thread, freed on deinit.
final class SkuHandle {
    let raw: OpaquePointer

    init(id: String, merchantId: String, title: String, currency: String, listPrice: Int64) throws {
        try requireCString(id, field: "id")
        try requireCString(merchantId, field: "merchant_id")
        try requireCString(title, field: "title")
        try requireCString(currency, field: "currency")
        raw = try checkOut("sc_sku_new") { out, err in
            sc_sku_new(id, merchantId, title, currency, listPrice, out, err)
        }
    }

    /// Builds the C definition of a `SCSku`.
    convenience init(_ sku: SCSku) throws {
        try self.init(
            id: sku.id, merchantId: sku.merchantId, title: sku.title, currency: sku.currency,
            listPrice: sku.listPriceMinor)
        if let stock = sku.stockOnHand { try setStock(stock) }
        if let max = sku.maxPerOrder { try setMaxPerOrder(max) }
        try setActive(sku.isActive)
        for category in sku.categories { try addCategory(category) }
    }

    deinit { sc_sku_free(raw) }

    func setStock(_ onHand: Int64) throws {
        try check { sc_sku_set_stock(raw, onHand, $0) }
    }

    func setMaxPerOrder(_ max: Int64) throws {
        try check { sc_sku_set_max_per_order(raw, max, $0) }
    }

    func setActive(_ active: Bool) throws {
        try check { sc_sku_set_active(raw, active, $0) }
    }

    func addCategory(_ id: String) throws {
        try requireCString(id, field: "category_id")
        try check { sc_sku_add_category(raw, id, $0) }
    }

    /// What the library made of the definition.
    var snapshot: SCSku { SCSku(copying: raw) }
}
