import Foundation
import SocialCart

/// What the flash-sale chapter (30) leaves, for a test to check.
public struct FlashSaleOutcome: Sendable {
    /// The sale as put.
    public let sale: SCFlashSale
    /// The slot the story sells in, before it starts, with its three tins taken, and once
    /// Ana's tin came back.
    public let slotBefore: SCFlashSlot
    public let slotTaken: SCFlashSlot
    public let slotReturned: SCFlashSlot
    /// The paid orders: Kai's, Jun's and Ren's; and Ana's, never paid.
    public let kai: SCOrder
    public let jun: SCOrder
    public let ren: SCOrder
    public let ana: SCOrder
    /// The slot's figures at the end.
    public let report: SCFlashReport
}

/// The sale: Tieguanyin at 29.90 in two daily slots, 10:00 and 20:00 Beijing time (UTC+8),
/// three tins a slot, one an order, two a shopper a day.
private let oolongRush =
    #"{"id":"oolong-rush","sku_id":"tea-oolong-250g","sale_price":2990,"starts_at":1795428000000,"#
    + #""ends_at":1830000000000,"utc_offset_minutes":480,"#
    + #""slots":[{"start":"10:00","minutes":60},{"start":"20:00","minutes":60}],"#
    + #""stock_per_slot":3,"max_units_per_order":1,"max_units_per_user_per_day":2}"#

/// Chapter 30 of the walkthrough, as examples/walkthrough/flashsale_chapter.c tells it: a
/// flash sale. The tea house sells Tieguanyin at 29.90 instead of 68.00 in two daily slots,
/// 10:00 and 20:00 Beijing time, three tins a slot, one per order. The shop lists the next
/// slot; when it starts, three shoppers take the three tins and a fourth is told they are
/// gone; one of the three never pays, and when her window lapses the tin goes back and is
/// sold again, selling the slot out.
func tellFlashSaleChapter(engine: SCEngine, clock: StoryClock, story: Story) throws -> FlashSaleOutcome {
    let say = story.say
    clock.advance(minutes: 60)
    say("\n30. Flash sale. Tieguanyin at CNY 29.90 instead of 68.00, 10:00 and 20:00 Beijing time,\n"
        + "    three tins a slot, one per order.")
    try engine.blocking.putFlashSale(json: oolongRush)
    let sale = try engine.blocking.flashSale(id: "oolong-rush")
    let slotBefore = try story.printSlot(clock: clock)
    let slot = slotBefore.startsAtMs
    clock.advance(minutes: (slot - clock.now) / 60_000)

    say("    The slot opens:")
    let kai = try story.buyTin(user: "kai", slot: slot, key: "kai-flash-1")
    let jun = try story.buyTin(user: "jun", slot: slot, key: "jun-flash-1")
    let ana = try story.buyTin(user: "ana", slot: slot, key: "ana-flash-1")
    let slotTaken = try story.printSlot(clock: clock)
    try story.refuseTin(user: "ren", slot: slot, key: "ren-flash-1", .outOfStock)
    let kaiPaid = try story.payTin(kai, key: "pay-kai-flash-1")
    let junPaid = try story.payTin(jun, key: "pay-jun-flash-1")
    say("    Ana has not paid and tries for another:")
    try story.refuseTin(user: "ana", slot: slot, key: "ana-flash-2", .invalidState)

    clock.advance(minutes: 16)
    say("    16 minutes later Ana's window has lapsed and her tin is back:")
    let slotReturned = try story.printSlot(clock: clock)
    let ren = try story.buyTin(user: "ren", slot: slot, key: "ren-flash-2")
    let renPaid = try story.payTin(ren, key: "pay-ren-flash-2")

    let report = try engine.blocking.flashReport(saleId: "oolong-rush", slotStartsAtMs: slot)
    say("    The slot's figures: \(report.sold) of \(report.stock) sold, sold out after "
        + "\((report.sellOutMs ?? 0) / 60_000) min, \(report.ordersPaid) order(s) paid, \(report.ordersLapsed) lapsed")

    return FlashSaleOutcome(
        sale: sale, slotBefore: slotBefore, slotTaken: slotTaken, slotReturned: slotReturned, kai: kaiPaid,
        jun: junPaid, ren: renPaid, ana: try engine.blocking.order(ana.id), report: report)
}

extension Story {
    /// A flash-sale checkout of one tin in the slot.
    fileprivate func buyTin(user: String, slot: Int64, key: String) throws -> SCOrder {
        let order = try engine.blocking.checkout(
            user: user, request: tinRequest(slot), idempotencyKey: key)
        say("    \(user) takes a tin: \(try cny(order.totalMinor)) with shipping, to pay by "
            + utcDateTime(order.payDeadlineMs))
        return order
    }

    /// A flash-sale checkout the story expects refused.
    fileprivate func refuseTin(user: String, slot: Int64, key: String, _ expected: SCError.Code) throws {
        say("    \(user) tries for one:")
        try expectRefusal(expected) {
            _ = try engine.blocking.checkout(user: user, request: tinRequest(slot), idempotencyKey: key)
        }
    }

    private func tinRequest(_ slot: Int64) -> SCCheckoutRequest {
        SCCheckoutRequest(flashSale: SCFlashSaleChoice(saleId: "oolong-rush", slotStartsAtMs: slot, quantity: 1))
    }

    fileprivate func payTin(_ order: SCOrder, key: String) throws -> SCOrder {
        let paid = try engine.blocking.pay(
            order: order.id, paymentRef: "wxpay-flash", amountMinor: order.totalMinor, idempotencyKey: key)
        say("    \(paid.userId) pays: \(paid.state.name)")
        return paid
    }

    /// Says how the sale's next (or running) slot stands, as a flash-sale page would; returns
    /// the slot as read.
    @discardableResult
    fileprivate func printSlot(clock: StoryClock) throws -> SCFlashSlot {
        guard let s = try engine.blocking.flashSlots(saleId: "oolong-rush", limit: 1).first else {
            throw StoryError(description: "the sale has no slot to come")
        }
        let taken = s.stock - s.left
        var text = "    the \(utcDateTime(s.startsAtMs)) UTC slot: \(s.sold) sold, \(s.held) held, \(s.left) left "
            + "(\(taken * 100 / s.stock)% taken)"
        if s.startsAtMs > clock.now { text += ", starts in \((s.startsAtMs - clock.now) / 60_000) min" }
        say(text)
        return s
    }
}
