import Foundation
import XCTest
@testable import SocialCart

/// Flash sales through the binding (socialcart/flashsale.h): the checkout request's flash-sale
/// choice (sc_checkout_request_set_flash_sale and its getters), sales put and read
/// (sc_engine_flash_sale_put, sc_engine_flash_sale_get, sc_flash_sale_*), the slot listing
/// (sc_engine_flash_slots, sc_flash_slots_*, sc_flash_slot_*) and the slot report
/// (sc_engine_flash_report, sc_flash_report_*). The stories follow tests/c/test_flashsale.c.
/// The figures:
///
/// - tea lists at 44.00 (50 in stock); the sale "tea-rush" sells it at 19.90 in two daily slots,
///   10:00 and 20:00 UTC, an hour each, 3 units a slot, at most 2 an order and 3 a day;
/// - the test clock starts at midnight UTC, 2026-01-01, when the sale starts; it runs 7 days;
/// - the payment window is a minute (`makeEngine`'s), so an unpaid order's units come back a
///   minute later.
final class FlashSaleTests: SocialCartTestCase {
    private let minute: Int64 = 60_000
    private let hour: Int64 = 3_600_000
    private let day: Int64 = 86_400_000
    private var keys = 0

    private var slot10: Int64 { t0 + 10 * hour }
    private var slot20: Int64 { t0 + 20 * hour }
    private let t0: Int64 = 1_767_225_600_000

    private static let shop = """
        {"format":"socialcart.program/1","currency":"CNY","skus":[
         {"id":"tea","merchant_id":"m1","title":"Tea","list_price":4400,"stock":50}],
         "flash_sales":[{"id":"tea-rush","sku_id":"tea","sale_price":1990,"starts_at":1767225600000,
          "ends_at":1767830400000,"slots":[{"start":"10:00","minutes":60},{"start":"20:00","minutes":60}],
          "stock_per_slot":3,"max_units_per_order":2,"max_units_per_user_per_day":3}]}
        """

    /// A sale entry for `putFlashSale(json:)`, with the given slots and extra settings.
    private func sale(
        id: String = "f2", sku: String = "tea",
        slots: String = #"[{"start":"10:00","minutes":60}]"#, extra: String = ""
    ) -> String {
        """
        {"id":"\(id)","sku_id":"\(sku)","sale_price":990,"starts_at":\(t0),"ends_at":\(t0 + 2 * day),
         "slots":\(slots),"stock_per_slot":5\(extra)}
        """
    }

    private func shop() throws -> SCEngine {
        XCTAssertEqual(clock.now, t0)
        return try makeEngine(program: Self.shop)
    }

    private func checkout(
        _ engine: SCEngine, _ user: String, slot: Int64, quantity: Int64 = 1, sale: String = "tea-rush"
    ) throws -> SCOrder {
        keys += 1
        return try engine.blocking.checkout(
            user: user,
            request: SCCheckoutRequest(
                flashSale: SCFlashSaleChoice(saleId: sale, slotStartsAtMs: slot, quantity: quantity)),
            idempotencyKey: "co-\(keys)")
    }

    @discardableResult
    private func pay(_ engine: SCEngine, _ order: SCOrder) throws -> SCOrder {
        keys += 1
        return try engine.blocking.pay(
            order: order.id, paymentRef: "ref-\(keys)", amount: order.total, idempotencyKey: "pay-\(keys)")
    }

    private func count(_ engine: SCEngine, _ type: String) throws -> Int {
        try engine.blocking.readEvents(type: type).count
    }

    // MARK: Buying, lapsing, selling out

    func testBuyAtTheSalePriceSellOutLapseAndTheReport() async throws {
        let engine = try shop()

        // The sale, as the program document put it.
        let sale = try await engine.flashSale(id: "tea-rush")
        XCTAssertEqual(sale, SCFlashSale(
            id: "tea-rush", skuId: "tea", salePrice: 1990, startsAtMs: t0, endsAtMs: t0 + 7 * day,
            utcOffsetMinutes: 0, stockPerSlot: 3, maxUnitsPerOrder: 2, maxUnitsPerUserPerDay: 3,
            slots: [SCFlashSlotTime(startMinute: 600, minutes: 60), SCFlashSlotTime(startMinute: 1200, minutes: 60)]))
        XCTAssertEqual(sale.startsAt, Date(timeIntervalSince1970: Double(t0) / 1000))
        XCTAssertEqual(sale.endsAt.timeIntervalSince(sale.startsAt), 7 * 86_400)

        // Before the first slot: both of today's slots are to come, full, then tomorrow's.
        let coming = try await engine.flashSlots(saleId: "tea-rush", limit: 3)
        XCTAssertEqual(coming.map(\.startsAtMs), [slot10, slot20, slot10 + day])
        let first = try XCTUnwrap(coming.first)
        XCTAssertEqual(first, SCFlashSlot(
            saleId: "tea-rush", skuId: "tea", salePrice: 1990, startsAtMs: slot10, endsAtMs: slot10 + hour,
            stock: 3, sold: 0, held: 0, left: 3, soldOutAtMs: nil))
        XCTAssertEqual(first.endsAt.timeIntervalSince(first.startsAt), 3600)
        XCTAssertNil(first.soldOutAt)
        XCTAssertEqual(try engine.blocking.flashSlots(limit: 1).map(\.startsAtMs), [slot10])
        assertThrows(.invalidState, field: "slot_starts_at", try checkout(engine, "ann", slot: slot10))

        // 10:00: Ann takes two at 19.90 (the quote agrees), Bo the last one; Cy is told it is
        // sold out.
        clock.advance(ms: 10 * hour)
        let request = SCCheckoutRequest(
            flashSale: SCFlashSaleChoice(saleId: "tea-rush", slotStartsAtMs: slot10, quantity: 2))
        let quote = try await engine.quote(user: "ann", request: request)
        XCTAssertEqual(quote.totalMinor, 2 * 1990)
        let ann = try checkout(engine, "ann", slot: slot10, quantity: 2)
        XCTAssertEqual(ann.totalMinor, 3980)
        XCTAssertEqual(ann.lines.map(\.skuId), ["tea"])
        XCTAssertEqual(ann.lines[0].quantity, 2)
        let bo = try checkout(engine, "bo", slot: slot10)
        do {
            _ = try checkout(engine, "cy", slot: slot10)
            XCTFail("a fourth unit sold in a slot of three")
        } catch let error as SCError {
            XCTAssertEqual(error.code, .outOfStock)
            XCTAssertEqual(error.code.name, "SC_ERR_OUT_OF_STOCK")
            XCTAssertEqual(error.field, "quantity")
        }
        let running = try XCTUnwrap(try engine.blocking.flashSlots(limit: 1).first)
        XCTAssertEqual(running.startsAtMs, slot10)
        XCTAssertEqual(running.held, 3)
        XCTAssertEqual(running.left, 0)
        try pay(engine, ann)

        // Bo does not pay: his window passes and his unit is Cy's to buy.
        clock.advance(ms: minute + 1)
        XCTAssertEqual(try engine.blocking.flashReport(saleId: "tea-rush", slotStartsAtMs: slot10).left, 1)
        XCTAssertEqual(try engine.blocking.order(bo.id).state, .cancelled)
        let cy = try checkout(engine, "cy", slot: slot10)
        XCTAssertEqual(try count(engine, "flash_slot.sold_out"), 0)
        let paid = try pay(engine, cy)
        XCTAssertEqual(paid.state, .paid)
        XCTAssertEqual(try count(engine, "flash_slot.sold_out"), 1)
        XCTAssertEqual(try count(engine, "flash_sale.ordered"), 3)

        // The slot's figures: sold out a minute and a millisecond after it started.
        let report = try await engine.flashReport(saleId: "tea-rush", slotStartsAtMs: slot10)
        XCTAssertEqual(report, SCFlashReport(
            stock: 3, sold: 3, held: 0, left: 0, orders: 3, ordersPaid: 2, ordersLapsed: 1, ordersCancelled: 0,
            sellOutMs: minute + 1))
        XCTAssertNil(try engine.blocking.flashReport(saleId: "tea-rush", slotStartsAtMs: slot20).sellOutMs)
        // The listing still shows the running slot, sold out at Cy's payment.
        let soldOut = try XCTUnwrap(try engine.blocking.flashSlots(saleId: "tea-rush", limit: 1).first)
        XCTAssertEqual(soldOut.startsAtMs, slot10)
        XCTAssertEqual(soldOut.sold, 3)
        XCTAssertEqual(soldOut.left, 0)
        XCTAssertEqual(soldOut.soldOutAtMs, slot10 + minute + 1)
        XCTAssertEqual(soldOut.soldOutAt, Date(timeIntervalSince1970: Double(slot10 + minute + 1) / 1000))

        // Ann bought two today: a third at 20:00 is in her cap, a fourth is not.
        clock.advance(ms: 10 * hour)
        assertThrows(.limitExceeded, field: "quantity", try checkout(engine, "ann", slot: slot20, quantity: 2))
        let third = try checkout(engine, "ann", slot: slot20)
        XCTAssertEqual(third.totalMinor, 1990)
        try engine.blocking.cancel(order: third.id)
        let evening = try engine.blocking.flashReport(saleId: "tea-rush", slotStartsAtMs: slot20)
        XCTAssertEqual(evening.ordersCancelled, 1)
        XCTAssertEqual(evening.left, 3)

        // Past the slot's end.
        clock.advance(ms: hour)
        assertThrows(.expired, field: "slot_starts_at", try checkout(engine, "bo", slot: slot20))
    }

    func testASalePutReplacesTheStoredOneAndReadsBack() async throws {
        let engine = try shop()
        let json = sale(
            slots: #"[{"start":"08:00","minutes":90},{"start":"12:00","minutes":30}]"#,
            extra: #","utc_offset_minutes":480,"max_units_per_order":1,"max_units_per_user_per_day":2"#)
        try await engine.putFlashSale(json: json)
        let f2 = try engine.blocking.flashSale(id: "f2")
        XCTAssertEqual(f2.skuId, "tea")
        XCTAssertEqual(f2.salePrice, 990)
        XCTAssertEqual(f2.startsAtMs, t0)
        XCTAssertEqual(f2.endsAtMs, t0 + 2 * day)
        XCTAssertEqual(f2.utcOffsetMinutes, 480)
        XCTAssertEqual(f2.stockPerSlot, 5)
        XCTAssertEqual(f2.maxUnitsPerOrder, 1)
        XCTAssertEqual(f2.maxUnitsPerUserPerDay, 2)
        XCTAssertEqual(f2.slots, [
            SCFlashSlotTime(startMinute: 8 * 60, minutes: 90), SCFlashSlotTime(startMinute: 12 * 60, minutes: 30),
        ])

        // Putting the stored sale again changes nothing; a new setting replaces it.
        let puts = try count(engine, "flash_sale.put")
        try engine.blocking.putFlashSale(json: json)
        XCTAssertEqual(try count(engine, "flash_sale.put"), puts)
        try engine.blocking.putFlashSale(json: json.replacingOccurrences(of: #""stock_per_slot":5"#, with: #""stock_per_slot":7"#))
        XCTAssertEqual(try engine.blocking.flashSale(id: "f2").stockPerSlot, 7)
        XCTAssertEqual(try count(engine, "flash_sale.put"), puts + 1)

        // Every sale's slots together, earliest first: f2's 08:00 local is 00:00 UTC, running
        // now, before tea-rush's 10:00.
        let all = try engine.blocking.flashSlots(limit: 100)
        XCTAssertEqual(all.first?.saleId, "f2")
        XCTAssertEqual(all.first?.startsAtMs, t0)
        XCTAssertEqual(all.first?.stock, 7)
        XCTAssertEqual(all.map(\.startsAtMs), all.map(\.startsAtMs).sorted())
        XCTAssertEqual(Set(all.map(\.saleId)), ["f2", "tea-rush"])
        XCTAssertEqual(try engine.blocking.flashSlots(saleId: "f2", limit: 100).count, all.filter { $0.saleId == "f2" }.count)
    }

    // MARK: The request and bad input

    func testTheRequestCarriesTheFlashSaleChoiceToTheLibrary() throws {
        let choice = SCFlashSaleChoice(saleId: "tea-rush", slotStartsAtMs: 1_767_261_600_000, quantity: 2)
        XCTAssertNil(SCCheckoutRequest().flashSale)
        XCTAssertEqual(SCFlashSaleChoice(saleId: "s", slotStartsAtMs: 5).quantity, 1)
        XCTAssertNil(try CheckoutRequestHandle(SCCheckoutRequest()).flashSale)
        let handle = try CheckoutRequestHandle(SCCheckoutRequest(coupons: .best, flashSale: choice))
        XCTAssertEqual(handle.flashSale, choice)
        XCTAssertEqual(handle.group, .none)

        // The request is unchanged on error.
        assertThrows(.invalidArgument, field: "quantity", try handle.setFlashSale(
            SCFlashSaleChoice(saleId: "tea-rush", slotStartsAtMs: 1, quantity: 0)))
        assertThrows(.invalidArgument, field: "sale_id", try handle.setFlashSale(
            SCFlashSaleChoice(saleId: "", slotStartsAtMs: 1)))
        assertThrows(.invalidArgument, field: "sale_id", try handle.setFlashSale(
            SCFlashSaleChoice(saleId: String(repeating: "x", count: 129), slotStartsAtMs: 1)))
        assertThrows(.invalidArgument, field: "sale_id", try handle.setFlashSale(
            SCFlashSaleChoice(saleId: "tea\u{0}", slotStartsAtMs: 1)))
        XCTAssertEqual(handle.flashSale, choice)

        // Back to the cart.
        try handle.setFlashSale(nil)
        XCTAssertNil(handle.flashSale)

        assertThrows(.invalidArgument, field: "quantity", try CheckoutRequestHandle(SCCheckoutRequest(
            flashSale: SCFlashSaleChoice(saleId: "tea-rush", slotStartsAtMs: 1, quantity: -1))))
        assertThrows(.invalidArgument, field: "sale_id", try CheckoutRequestHandle(SCCheckoutRequest(
            flashSale: SCFlashSaleChoice(saleId: "", slotStartsAtMs: 1))))
    }

    func testBadInputIsRefusedWithTheFieldAtFault() async throws {
        let engine = try shop()
        clock.advance(ms: 10 * hour)

        // A request is one kind of checkout: a group choice and a flash sale together are refused.
        let both = SCCheckoutRequest(
            group: .open(campaignId: "any"),
            flashSale: SCFlashSaleChoice(saleId: "tea-rush", slotStartsAtMs: slot10))
        assertThrows(.invalidArgument, field: "request", try engine.blocking.checkout(
            user: "ann", request: both, idempotencyKey: "both"))
        await assertThrowsAsync(.invalidArgument, field: "request") {
            try await engine.quote(user: "ann", request: both)
        }

        // Checkouts the rules refuse.
        assertThrows(.notFound, field: "sale_id", try checkout(engine, "ann", slot: slot10, sale: "none"))
        assertThrows(.notFound, field: "slot_starts_at", try checkout(engine, "ann", slot: slot10 + 1))
        assertThrows(.limitExceeded, field: "quantity", try checkout(engine, "ann", slot: slot10, quantity: 3))
        _ = try checkout(engine, "ann", slot: slot10)
        // One unpaid flash-sale order at a time.
        assertThrows(.invalidState, field: "user_id", try checkout(engine, "ann", slot: slot10))

        // Sales.
        assertThrows(.notFound, field: "sale_id", try engine.blocking.flashSale(id: "none"))
        await assertThrowsAsync(.notFound, field: "sale_id") { try await engine.flashSale(id: "none") }
        assertThrows(.invalidArgument, field: "sale_id", try engine.blocking.flashSale(id: ""))
        assertThrows(.invalidArgument, field: "sale_id", try engine.blocking.flashSale(id: "tea\u{0}"))
        let bad: [(String, String)] = [
            (sale(slots: #"[{"start":"10:00","minutes":60},{"start":"23:00","minutes":700}]"#), "slots[1].minutes"),
            (sale(slots: #"[{"start":"20:00","minutes":60},{"start":"10:00","minutes":60}]"#), "slots[1].start"),
            (sale(slots: #"[{"start":"25:00","minutes":60}]"#), "slots[0].start"),
            (sale(slots: "[]"), "slots"),
            (sale(extra: #","max_units_per_order":2,"max_units_per_user_per_day":1"#), "max_units_per_user_per_day"),
            (sale(sku: "nope"), "sku_id"),
        ]
        for (json, field) in bad {
            assertThrows(.validation, field: field, try engine.blocking.putFlashSale(json: json))
        }
        await assertThrowsAsync(.validation, field: "sku_id") {
            try await engine.putFlashSale(json: self.sale(sku: "nope"))
        }
        assertThrows(.validation, try engine.blocking.putFlashSale(json: "["))
        assertThrows(.invalidArgument, field: "json", try engine.blocking.putFlashSale(json: "{\u{0}}"))
        // Nothing was put.
        assertThrows(.notFound, field: "sale_id", try engine.blocking.flashSale(id: "f2"))

        // Slots: limits 1 ... 100, an unknown or empty sale.
        for limit in [0, 101, -1] {
            assertThrows(.invalidArgument, field: "limit", try engine.blocking.flashSlots(limit: limit))
            assertThrows(.invalidArgument, field: "limit", try engine.blocking.flashSlots(saleId: "tea-rush", limit: limit))
        }
        await assertThrowsAsync(.invalidArgument, field: "limit") { try await engine.flashSlots(limit: 0) }
        XCTAssertEqual(try engine.blocking.flashSlots(limit: 100).count, 14)  // 7 days × 2, the first running
        assertThrows(.notFound, field: "sale_id", try engine.blocking.flashSlots(saleId: "none"))
        assertThrows(.invalidArgument, field: "sale_id", try engine.blocking.flashSlots(saleId: ""))
        assertThrows(.invalidArgument, field: "sale_id", try engine.blocking.flashSlots(saleId: "a\u{0}"))

        // The report: an unknown sale or slot, an empty sale id.
        assertThrows(.notFound, field: "sale_id", try engine.blocking.flashReport(saleId: "none", slotStartsAtMs: slot10))
        assertThrows(.notFound, field: "slot_starts_at",
                     try engine.blocking.flashReport(saleId: "tea-rush", slotStartsAtMs: slot10 + 1))
        await assertThrowsAsync(.notFound, field: "slot_starts_at") {
            try await engine.flashReport(saleId: "tea-rush", slotStartsAtMs: self.slot10 + 1)
        }
        assertThrows(.invalidArgument, field: "sale_id", try engine.blocking.flashReport(saleId: "", slotStartsAtMs: slot10))
    }
}
