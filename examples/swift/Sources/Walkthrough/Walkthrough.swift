import Foundation
import SocialCart

/// 2026-11-23 10:00:00 UTC, as in the C walkthrough.
public let storyStartMs: Int64 = 1_795_428_000_000

/// The injected clock: it stands still unless the story moves it, so every run prints
/// the same story.
final class StoryClock: @unchecked Sendable {
    private let lock = NSLock()
    private var ms = storyStartMs
    var now: Int64 { lock.lock(); defer { lock.unlock() }; return ms }
    func advance(minutes: Int64) { lock.lock(); ms += minutes * 60_000; lock.unlock() }
}

/// What the story expected to be refused was not.
public struct StoryError: Error, CustomStringConvertible {
    public let description: String
}

/// What the story ends with, for a test to check.
public struct WalkthroughOutcome: Sendable {
    /// Lin's first order (chapters 7–9): paid, one cup refunded.
    public let order: SCOrder
    /// The Mid-Autumn sale (chapters 11–15).
    public let sale: SaleOutcome
    /// Points (chapters 16–20).
    public let points: PointsOutcome
    /// Member tiers (chapters 21–26).
    public let tiers: TiersOutcome
    /// Share links (chapter 27).
    public let referral: ReferralOutcome
    /// Share-to-earn (chapter 28).
    public let attribution: AttributionOutcome
    /// Group-buy (chapter 29).
    public let groupBuy: GroupBuyOutcome
    /// The flash sale (chapter 30).
    public let flashSale: FlashSaleOutcome
    /// The bargain (chapter 31).
    public let bargain: BargainOutcome
}

/// The walkthrough of examples/walkthrough/walkthrough.c, told through the Swift binding:
/// the operator loads the program document, then Lin browses as a guest, signs in (the
/// guest cart merges), changes quantities, sees her cart's problems, checks out, pays and
/// gets one line refunded; Wei's unpaid order lapses; the Mid-Autumn sale
/// (PricingChapter.swift); points (PointsChapter.swift, with the points.json next to
/// `programPath`); member tiers (TiersChapter.swift, with the tiers.json next to
/// `programPath`); a share link (ReferralChapter.swift): signed, typed as a short code,
/// refused when forged, after its key is retired and once expired; share-to-earn
/// (AttributionChapter.swift): an open binds, a device's binding carries over at sign-up,
/// the paid order is credited and rewarded at two levels, the rewards vest, a self-referral
/// is refused with its reason, a return claws back; group-buy (GroupBuyChapter.swift): a
/// group filled through its invite, a late joiner told it is full, a group failed at its
/// deadline and each member's order refunded, the campaign's figures; a flash sale
/// (FlashSaleChapter.swift): a slot sold out, a lapsed tin sold again, the slot's figures; a
/// bargain (BargainChapter.swift): helped to its floor through its invite with the story's
/// seeded random source and bought, another expired, the program's figures; the event log
/// ends the story.
///
/// - Parameters:
///   - programPath: examples/walkthrough/program.json.
///   - databasePath: a database file; any old copy is deleted first.
///   - promotionsPath: examples/walkthrough/promotions.json; nil for the promotions.json
///     next to `programPath` (in the same directory).
///   - say: receives each line of output.
/// - Returns: Lin's first order (paid, one cup refunded), what the sale left, what the
///   points chapters left, what the tier chapters left, Lin's share links, what the
///   share-to-earn chapter left, what the group-buy chapter left, what the flash sale left
///   and what the bargain chapter left.
@discardableResult
public func runWalkthrough(
    programPath: String, databasePath: String, promotionsPath: String? = nil,
    say: @escaping (String) -> Void = { print($0) }
) throws -> WalkthroughOutcome {
    for suffix in ["", "-wal", "-shm"] {  // every run tells the story from the start
        try? FileManager.default.removeItem(atPath: databasePath + suffix)
    }
    let clock = StoryClock()
    // The friends' bargain cuts (chapter 31) come from a seeded random source, as in C.
    let random = StoryRandom()
    let engine = try SCEngine.Blocking.open(
        path: databasePath, options: SCEngineOptions(clock: { clock.now }, random: { random.next() }))
    let story = Story(engine: engine, say: say)

    say("socialcart \(SCLibrary.version) walkthrough\n")

    say("1. The operator loads the program document (\(programPath)).")
    try engine.blocking.importProgram(contentsOf: URL(fileURLWithPath: programPath))
    try story.printCatalog()

    say("\n2. Lin browses as a guest and puts a box of mooncakes in the cart.")
    try engine.blocking.addToCart(user: "guest-7f3a", sku: "mooncake-box", quantity: 1)
    say("    The discontinued kettle cannot be added:")
    try story.expectRefusal(.skuInactive) { try engine.blocking.addToCart(user: "guest-7f3a", sku: "kettle-iron") }

    say("\n3. Lin signs in; the guest cart merges into hers.")
    try engine.blocking.addToCart(user: "lin", sku: "tea-oolong-250g", quantity: 2)
    try engine.blocking.mergeCart(guest: "guest-7f3a", into: "lin")
    try story.printCart("lin")

    say("\n4. She adds two celadon cups, then tries for six packs of tea (five is the limit).")
    try engine.blocking.addToCart(user: "lin", sku: "cup-celadon", quantity: 2)
    try story.expectRefusal(.limitExceeded) {
        try engine.blocking.setCartQuantity(user: "lin", sku: "tea-oolong-250g", quantity: 6)
    }
    say("    She settles on three, and keeps the mooncakes for later (unticked).")
    try engine.blocking.setCartQuantity(user: "lin", sku: "tea-oolong-250g", quantity: 3)
    try engine.blocking.selectCartLine(user: "lin", sku: "mooncake-box", selected: false)

    say("\n5. Meanwhile the tea house raises the cup's price; Lin's cart says so.")
    clock.advance(minutes: 5)
    var cup = try engine.blocking.sku("cup-celadon")
    cup.listPrice = SCMoney(minorUnits: 4200, currency: cup.currency)
    try engine.blocking.putSku(cup)
    try story.printCart("lin")

    say("\n6. The quote for the ticked lines:")
    let quote = try engine.blocking.quote(user: "lin")
    for line in quote.lines {
        say("    \(line.quantity) x \(pad(line.skuId, 16)) \(lpad(try line.net.formatted(), 12))")
    }
    say("    total payable \(try quote.total.formatted())")

    say("\n7. Checkout. The order holds the stock for the payment window.")
    let cupsBefore = try engine.blocking.sku("cup-celadon").stockAvailable ?? 0
    let order = try engine.blocking.checkout(user: "lin", idempotencyKey: "lin-checkout-1")
    try story.printOrder(order)
    say("    cups available: \(cupsBefore) before checkout, "
        + "\(try engine.blocking.sku("cup-celadon").stockAvailable ?? 0) now (held for the order)")
    let retried = try engine.blocking.checkout(user: "lin", idempotencyKey: "lin-checkout-1")
    say("    The app retries the checkout on a flaky network: same order \(retried.id) "
        + "(\(retried.id == order.id ? "no duplicate" : "DUPLICATE"))")
    try story.printCart("lin")

    say("\n8. Lin pays 9 minutes later, inside the 15-minute window.")
    clock.advance(minutes: 9)
    try story.expectRefusal(.amountMismatch) {
        try engine.blocking.pay(order: order.id, paymentRef: "wxpay-20261123-0001", amount: SCMoney(minorUnits: order.totalMinor - 1, currency: order.currency),
                       idempotencyKey: "lin-pay-1")
    }
    let paid = try engine.blocking.pay(
        order: order.id, paymentRef: "wxpay-20261123-0001", amount: order.total, idempotencyKey: "lin-pay-1")
    try story.printOrder(paid)
    say("    paid with reference \(paid.paymentRef ?? "-")")

    say("\n9. One cup arrives chipped: the shop refunds that one cup.")
    clock.advance(minutes: 60 * 24 * 2)
    let refunded = try engine.blocking.refundLine(order: paid.id, lineIndex: 1, quantity: 1, idempotencyKey: "lin-refund-cup-1")
    try story.printOrder(refunded)
    say("    Refunding two more cups than remain is refused:")
    try story.expectRefusal(.refundExceedsPaid) {
        try engine.blocking.refundLine(order: paid.id, lineIndex: 1, quantity: 2, idempotencyKey: "lin-refund-cup-2")
    }

    say("\n10. Wei checks out the last cup but never pays. The hold lapses with the window.")
    try engine.blocking.addToCart(user: "wei", sku: "cup-celadon", quantity: 1)
    let unpaid = try engine.blocking.checkout(user: "wei", idempotencyKey: "wei-checkout-1")
    say("    cups available while Wei's order waits: \(try engine.blocking.sku("cup-celadon").stockAvailable ?? 0)")
    clock.advance(minutes: 16)
    let swept = try engine.blocking.sweep(maxOrders: 100)
    let lapsed = try engine.blocking.order(unpaid.id)
    say("    16 minutes later the sweep settled \(swept.settled) order(s); Wei's order is \(lapsed.state.name) "
        + "(\(lapsed.cancelReason == .paymentLapsed ? "payment window lapsed" : "cancelled")), "
        + "cups available: \(try engine.blocking.sku("cup-celadon").stockAvailable ?? 0)")
    try story.expectRefusal(.expired) {
        try engine.blocking.pay(order: unpaid.id, paymentRef: "wxpay-late", amount: unpaid.total, idempotencyKey: "wei-pay-1")
    }

    let sale = try tellPricingChapter(
        engine: engine, clock: clock, story: story,
        promotionsPath: promotionsPath ?? promotionsPathNextTo(programPath))

    let points = try tellPointsChapter(
        engine: engine, clock: clock, story: story, pointsPath: pointsPathNextTo(programPath))

    let tiers = try tellTiersChapter(
        engine: engine, clock: clock, story: story, tiersPath: tiersPathNextTo(programPath))

    let referral = try tellReferralChapter(engine: engine, clock: clock, story: story)

    let attribution = try tellAttributionChapter(engine: engine, clock: clock, story: story)

    let groupBuy = try tellGroupBuyChapter(engine: engine, clock: clock, story: story)

    let flashSale = try tellFlashSaleChapter(engine: engine, clock: clock, story: story)

    let bargain = try tellBargainChapter(engine: engine, clock: clock, story: story)

    say("\n32. The event log, read from the start:")
    var cursor: Int64 = 0
    while true {
        let events = try engine.blocking.readEvents(after: cursor, limit: 100)
        for event in events {
            say("    #\(pad(String(event.seq), 3)) T+\(pad(String((event.timeMs - storyStartMs) / 60_000), 5))min "
                + "\(pad(event.type, 18)) \(pad(event.subjectId, 30)) \(event.payload)")
            cursor = event.seq
        }
        if events.count < 100 { break }
    }
    return WalkthroughOutcome(
        order: refunded, sale: sale, points: points, tiers: tiers, referral: referral, attribution: attribution,
        groupBuy: groupBuy, flashSale: flashSale, bargain: bargain)
}

/// The promotions.json in the directory of `programPath` ("promotions.json" when the
/// program path names no directory), spelled the way `programPath` is.
public func promotionsPathNextTo(_ programPath: String) -> String {
    ((programPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("promotions.json")
}

struct Story {
    let engine: SCEngine
    let say: (String) -> Void

    func printCatalog() throws {
        for sku in try engine.blocking.catalog() {
            let stock = sku.stockAvailable.map { "\($0) left" } ?? "always in stock"
            say("    \(pad(sku.id, 16)) \(pad(sku.title, 34)) \(lpad(try sku.listPrice.formatted(), 12))  "
                + "\(stock)\(sku.isActive ? "" : "  (not for sale)")")
        }
    }

    func printCart(_ user: String) throws {
        let cart = try engine.blocking.cart(user: user)
        say("    cart of \(cart.userId):")
        for line in cart.lines {
            var text = "      [\(line.isSelected ? "x" : " ")] \(line.quantity) x \(pad(line.title, 34)) "
                + lpad(try line.unitPrice.formatted(), 12)
            if line.problems.contains(.priceChanged) {
                text += "  price changed (was \(try line.addedPrice.formatted()))"
            }
            if line.problems.contains(.outOfStock) { text += "  only \(line.available ?? 0) left" }
            if line.problems.contains(.inactive) { text += "  no longer for sale" }
            if line.problems.contains(.overMax) { text += "  over the per-order maximum" }
            say(text)
        }
    }

    func printOrder(_ order: SCOrder) throws {
        var text = "    order \(order.id): \(order.state.name), total \(try order.total.formatted())"
        if order.refundedMinor > 0 { text += ", refunded \(try order.refunded.formatted())" }
        say(text)
        for (i, line) in order.lines.enumerated() {
            var text = "      line \(i): \(line.quantity) x \(pad(line.title, 34)) paid "
                + lpad(try line.net.formatted(), 12)
            if line.refundedQuantity > 0 {
                text += "  refunded \(line.refundedQuantity) unit(s), \(try line.refundedAmount.formatted())"
            }
            say(text)
        }
    }

    /// Shows an error the story expects, as a shopper's app would.
    func expectRefusal(_ expected: SCError.Code, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as SCError where error.code == expected {
            say("    refused: \(error.message) (\(error.code.name))")
            return
        }
        throw StoryError(description: "expected \(expected.name), but the call succeeded")
    }
}

func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
}

func lpad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
}

/// Money in yuan for people, e.g. "CNY 23.60" (`sc_money_format`: integer minor units), as
/// story.c's money() prints it.
func cny(_ minor: Int64) throws -> String {
    try SCMoney(minorUnits: minor, currency: "CNY").formatted()
}

/// A number below 100 with two digits, as "%02lld" prints it.
func twoDigits(_ n: Int64) -> String {
    n < 10 && n >= 0 ? "0\(n)" : "\(n)"
}
