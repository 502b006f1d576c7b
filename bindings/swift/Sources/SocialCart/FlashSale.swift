internal import CSocialCart
import Foundation

// Flash sales, 秒杀 (socialcart/flashsale.h): a SKU at a sale price inside daily time slots
// (e.g. 10:00, 12:00 and 20:00 in the operator's local time), each slot with its own sale
// stock. A shopper buys with a checkout whose request names the slot
// (`SCCheckoutRequest.flashSale`, an `SCFlashSaleChoice`): the slot's units are held by the
// order for its payment window, committed when it is paid and returned when it is cancelled
// or its window lapses, so a slot never sells more than its stock however many shoppers race
// for the last units (the losers get `.outOfStock`). A shopper may buy at most the sale's
// units per order and per local day, and not while an earlier flash-sale order of theirs is
// unpaid. docs/flash-sales.md describes every rule.
//
// Sales are put as JSON, one entry of the program document's "flash_sales": {"id", "sku_id",
// "sale_price", "starts_at", "ends_at", "utc_offset_minutes", "slots": [{"start": "HH:MM",
// "minutes"}], "stock_per_slot", "max_units_per_order", "max_units_per_user_per_day"}.

/// A flash-sale checkout: `quantity` units of the sale's SKU at the sale price, bought in the
/// slot that starts at `slotStartsAtMs` (`SCFlashSlot.startsAtMs`), instead of the cart.
public struct SCFlashSaleChoice: Sendable, Hashable {
    /// The sale.
    public var saleId: String
    /// When the slot starts (UTC ms since the epoch), as `SCFlashSlot.startsAtMs` gives it.
    public var slotStartsAtMs: Int64
    /// Units, at least 1.
    public var quantity: Int64

    public init(saleId: String, slotStartsAtMs: Int64, quantity: Int64 = 1) {
        self.saleId = saleId
        self.slotStartsAtMs = slotStartsAtMs
        self.quantity = quantity
    }
}

/// One daily slot of a sale, in the sale's local time.
public struct SCFlashSlotTime: Sendable, Hashable {
    /// When it starts, as a minute of the local day (600 = 10:00).
    public var startMinute: Int64
    /// How long it runs, in minutes.
    public var minutes: Int64

    public init(startMinute: Int64, minutes: Int64) {
        self.startMinute = startMinute
        self.minutes = minutes
    }
}

/// A flash sale's settings, as put.
public struct SCFlashSale: Sendable, Hashable, Identifiable {
    /// The sale's id.
    public var id: String
    /// The SKU it sells.
    public var skuId: String
    /// The sale price per unit, in minor units of the catalog's currency.
    public var salePrice: Int64
    /// When the sale starts: slots that start inside the window run (UTC ms since the epoch).
    public var startsAtMs: Int64
    /// When the sale ends: no slot runs past it (UTC ms since the epoch).
    public var endsAtMs: Int64
    /// The local time of its slots and days, as an offset from UTC in minutes.
    public var utcOffsetMinutes: Int64
    /// Units each slot may sell.
    public var stockPerSlot: Int64
    /// The most units one order may buy.
    public var maxUnitsPerOrder: Int64
    /// The most units one shopper may buy in a local day.
    public var maxUnitsPerUserPerDay: Int64
    /// The daily slots, by start.
    public var slots: [SCFlashSlotTime]

    /// When the sale starts.
    public var startsAt: Date { date(ms: startsAtMs) }
    /// When the sale ends.
    public var endsAt: Date { date(ms: endsAtMs) }
}

extension SCFlashSale {
    init(copying sale: OpaquePointer) {
        id = copyString(sc_flash_sale_id(sale))
        skuId = copyString(sc_flash_sale_sku_id(sale))
        salePrice = sc_flash_sale_price(sale)
        startsAtMs = sc_flash_sale_starts_at_ms(sale)
        endsAtMs = sc_flash_sale_ends_at_ms(sale)
        utcOffsetMinutes = sc_flash_sale_utc_offset_minutes(sale)
        stockPerSlot = sc_flash_sale_stock_per_slot(sale)
        maxUnitsPerOrder = sc_flash_sale_max_units_per_order(sale)
        maxUnitsPerUserPerDay = sc_flash_sale_max_units_per_user_per_day(sale)
        slots = (0..<sc_flash_sale_slot_count(sale)).map { i in
            SCFlashSlotTime(
                startMinute: sc_flash_sale_slot_start_minute(sale, i), minutes: sc_flash_sale_slot_minutes(sale, i))
        }
    }
}

/// A slot running now or to come, with its stock as of the read: what a flash-sale page shows
/// ("starts in 12 min", "83% sold").
public struct SCFlashSlot: Sendable, Hashable {
    /// Its sale.
    public var saleId: String
    /// The sale's SKU.
    public var skuId: String
    /// The sale price per unit, in minor units of the catalog's currency.
    public var salePrice: Int64
    /// When it starts (UTC ms since the epoch): the start names it in
    /// `SCFlashSaleChoice.slotStartsAtMs`.
    public var startsAtMs: Int64
    /// When it ends (UTC ms since the epoch).
    public var endsAtMs: Int64
    /// Units it may sell.
    public var stock: Int64
    /// Units paid for.
    public var sold: Int64
    /// Units held by unpaid orders inside their payment window.
    public var held: Int64
    /// Units a checkout may still take: stock − sold − held.
    public var left: Int64
    /// When its last unit was paid for (UTC ms since the epoch); nil until it sold out.
    public var soldOutAtMs: Int64?

    /// When it starts.
    public var startsAt: Date { date(ms: startsAtMs) }
    /// When it ends.
    public var endsAt: Date { date(ms: endsAtMs) }
    /// When its last unit was paid for; nil until it sold out.
    public var soldOutAt: Date? { soldOutAtMs.map { date(ms: $0) } }
}

extension SCFlashSlot {
    init(copying slot: OpaquePointer) {
        saleId = copyString(sc_flash_slot_sale_id(slot))
        skuId = copyString(sc_flash_slot_sku_id(slot))
        salePrice = sc_flash_slot_sale_price(slot)
        startsAtMs = sc_flash_slot_starts_at_ms(slot)
        endsAtMs = sc_flash_slot_ends_at_ms(slot)
        stock = sc_flash_slot_stock(slot)
        sold = sc_flash_slot_sold(slot)
        held = sc_flash_slot_held(slot)
        left = sc_flash_slot_left(slot)
        let soldOut = sc_flash_slot_sold_out_at_ms(slot)
        soldOutAtMs = soldOut == 0 ? nil : soldOut
    }
}

/// A slot's figures as of the read: what an operator judges it by.
public struct SCFlashReport: Sendable, Hashable {
    /// Units the slot may sell.
    public var stock: Int64
    /// Units paid for.
    public var sold: Int64
    /// Units held by unpaid orders inside their payment window.
    public var held: Int64
    /// stock − sold − held.
    public var left: Int64
    /// Flash-sale orders placed in the slot.
    public var orders: Int64
    /// Those paid.
    public var ordersPaid: Int64
    /// Those unpaid when their window ended: their units went back.
    public var ordersLapsed: Int64
    /// Those cancelled before payment.
    public var ordersCancelled: Int64
    /// From the slot's start to its last unit paid (ms); nil until it sold out.
    public var sellOutMs: Int64?
}

extension SCFlashReport {
    init(copying report: OpaquePointer) {
        stock = sc_flash_report_get(report, SC_FLASH_REPORT_STOCK)
        sold = sc_flash_report_get(report, SC_FLASH_REPORT_SOLD)
        held = sc_flash_report_get(report, SC_FLASH_REPORT_HELD)
        left = sc_flash_report_get(report, SC_FLASH_REPORT_LEFT)
        orders = sc_flash_report_get(report, SC_FLASH_REPORT_ORDERS)
        ordersPaid = sc_flash_report_get(report, SC_FLASH_REPORT_ORDERS_PAID)
        ordersLapsed = sc_flash_report_get(report, SC_FLASH_REPORT_ORDERS_LAPSED)
        ordersCancelled = sc_flash_report_get(report, SC_FLASH_REPORT_ORDERS_CANCELLED)
        // The library reads -1 until the slot sold out.
        let sellOut = sc_flash_report_get(report, SC_FLASH_REPORT_SELL_OUT_MS)
        sellOutMs = sellOut < 0 ? nil : sellOut
    }
}

extension CheckoutRequestHandle {
    /// - Throws: `.invalidArgument` (field "sale_id": empty, too long or a NUL character;
    ///   field "quantity": below 1), `.invalidUTF8`.
    func setFlashSale(_ choice: SCFlashSaleChoice?) throws {
        guard let choice else {
            try check { sc_checkout_request_set_flash_sale(raw, nil, 0, 0, $0) }
            return
        }
        try requireCString(choice.saleId, field: "sale_id")
        try check {
            sc_checkout_request_set_flash_sale(raw, choice.saleId, choice.slotStartsAtMs, choice.quantity, $0)
        }
    }

    /// The flash-sale choice the C request holds, read back (the tests check that what the
    /// value type asks for is what the library is given).
    var flashSale: SCFlashSaleChoice? {
        let saleId = copyString(sc_checkout_request_flash_sale_id(raw))
        guard !saleId.isEmpty else { return nil }
        return SCFlashSaleChoice(
            saleId: saleId, slotStartsAtMs: sc_checkout_request_flash_slot_starts_at_ms(raw),
            quantity: sc_checkout_request_flash_quantity(raw))
    }
}

extension SCEngine.Blocking {
    /// Puts a sale, one entry of the program document's "flash_sales" (see the top of this
    /// file), replacing the sale with its id. Putting the stored sale again changes nothing. A
    /// slot keeps the stock it had when its first order was placed; a new stock_per_slot
    /// applies to slots with no order yet. Event flash_sale.put.
    /// - Throws: `.validation` naming the field at fault (a setting out of range, overlapping
    ///   slots, e.g. "slots[1].minutes"; "sku_id": a SKU that does not exist; no field for
    ///   text that is not a JSON object), `.invalidArgument` (field "json"), `.invalidUTF8`.
    public func putFlashSale(json: String) throws {
        try requireCString(json, field: "json")
        try withHandle { handle in try check { sc_engine_flash_sale_put(handle, json, $0) } }
    }

    /// Reads a sale.
    /// - Throws: `.notFound` (field "sale_id"), `.invalidArgument` (field "sale_id"),
    ///   `.invalidUTF8`.
    public func flashSale(id: String) throws -> SCFlashSale {
        try requireCString(id, field: "sale_id")
        let raw = try withHandle { handle in try checkOut("sc_engine_flash_sale_get") { out, err in
            sc_engine_flash_sale_get(handle, id, out, err)
        } }
        defer { sc_flash_sale_free(raw) }
        return SCFlashSale(copying: raw)
    }

    /// Lists the slots running now or to come, earliest first, with their stock as of now.
    /// Units held by unpaid orders whose window has passed count as left.
    /// - Parameters:
    ///   - saleId: one sale, or nil for every sale's slots together.
    ///   - limit: 1 ... 100.
    /// - Throws: `.notFound` (field "sale_id"), `.invalidArgument` (field "sale_id" or
    ///   "limit"), `.invalidUTF8`.
    public func flashSlots(saleId: String? = nil, limit: Int = 20) throws -> [SCFlashSlot] {
        if let saleId { try requireCString(saleId, field: "sale_id") }
        // size_t in C: a negative limit would arrive as a huge one.
        guard limit >= 0 else {
            throw SCError(code: .invalidArgument, message: "limit is negative", field: "limit")
        }
        let raw = try withHandle { handle in try checkOut("sc_engine_flash_slots") { out, err in
            sc_engine_flash_slots(handle, saleId, limit, out, err)
        } }
        defer { sc_flash_slots_free(raw) }
        // Borrowed from the list: copied, never freed on their own.
        return (0..<sc_flash_slots_count(raw)).map { SCFlashSlot(copying: sc_flash_slots_at(raw, $0)!) }
    }

    /// Reads a slot's figures as of now.
    /// - Parameter slotStartsAtMs: the slot's start (UTC ms), as `SCFlashSlot.startsAtMs`.
    /// - Throws: `.notFound` (field "sale_id" or "slot_starts_at"), `.invalidArgument` (field
    ///   "sale_id"), `.invalidUTF8`.
    public func flashReport(saleId: String, slotStartsAtMs: Int64) throws -> SCFlashReport {
        try requireCString(saleId, field: "sale_id")
        let raw = try withHandle { handle in try checkOut("sc_engine_flash_report") { out, err in
            sc_engine_flash_report(handle, saleId, slotStartsAtMs, out, err)
        } }
        defer { sc_flash_report_free(raw) }
        return SCFlashReport(copying: raw)
    }
}

// The `async` forms (see Async.swift): each runs its `engine.blocking` twin off the
// caller's executor.
extension SCEngine {
    /// Puts a sale. The `async` form of `SCEngine.Blocking.putFlashSale(json:)`.
    public func putFlashSale(json: String) async throws {
        try await runBlocking { try self.blocking.putFlashSale(json: json) }
    }

    /// Reads a sale. The `async` form of `SCEngine.Blocking.flashSale(id:)`.
    public func flashSale(id: String) async throws -> SCFlashSale {
        try await runBlocking { try self.blocking.flashSale(id: id) }
    }

    /// Lists the slots running now or to come. The `async` form of
    /// `SCEngine.Blocking.flashSlots(saleId:limit:)`.
    public func flashSlots(saleId: String? = nil, limit: Int = 20) async throws -> [SCFlashSlot] {
        try await runBlocking { try self.blocking.flashSlots(saleId: saleId, limit: limit) }
    }

    /// Reads a slot's figures. The `async` form of
    /// `SCEngine.Blocking.flashReport(saleId:slotStartsAtMs:)`.
    public func flashReport(saleId: String, slotStartsAtMs: Int64) async throws -> SCFlashReport {
        try await runBlocking { try self.blocking.flashReport(saleId: saleId, slotStartsAtMs: slotStartsAtMs) }
    }
}
