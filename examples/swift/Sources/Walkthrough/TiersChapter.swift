import Foundation
import SocialCart

/// What the tier chapters (21–26) leave, for a test to check.
public struct TiersOutcome: Sendable {
    /// Chapter 21: Lin's member page once the programme starts (what she paid so far counts).
    public let pageAtStart: SCTierStatus
    /// Chapter 22: the cart quoted as Normal, the order once paid, and her page after it.
    public let normalQuote: SCQuote
    public let paid: SCOrder
    public let upgrades: [SCEvent]
    public let pageAfterPayment: SCTierStatus
    /// Chapter 23: the same cart quoted as Silver.
    public let silverQuote: SCQuote
    /// Chapter 24: the order after the return, and her page (still Silver).
    public let refunded: SCOrder
    public let pageAfterReturn: SCTierStatus
    /// Chapter 25: her page on New Year's morning, the review the sweep recorded, and the
    /// cart quoted again.
    public let pageAfterReview: SCTierStatus
    public let downgrades: [SCEvent]
    public let quoteAfterReview: SCQuote
    /// Chapter 26: the operator's report since the programme started.
    public let report: [SCTierReportRow]
}

/// Chapters 21–26 of the walkthrough, as examples/walkthrough/tiers_chapter.c tells them:
/// the operator starts a tier programme; Lin's member page counts what she has paid so far.
/// The order that crosses the Silver threshold upgrades her at once, and the same cart
/// quoted again gets the member price, free shipping and more points. A return does not
/// take Silver away before the quarter ends; the review at the quarter's end does.
func tellTiersChapter(
    engine: SCEngine, clock: StoryClock, story: Story, tiersPath: String
) throws -> TiersOutcome {
    let say = story.say
    clock.advance(minutes: 60 * 24)
    let started = clock.now
    let currency = try engine.blocking.sku("tea-oolong-250g").currency

    say("\n21. The next day the shops start member tiers (\((tiersPath as NSString).lastPathComponent)) on goods paid over 365\n"
        + "    days, reviewed each quarter: Silver from 500 yuan (5% member price, points x1.5,\n"
        + "    free shipping from 50), Gold from 2000. What Lin has paid so far already counts.")
    // tiers.json is a program document with a "tiers" section, imported like points.json
    // (SCEngine.Blocking.putTierProgram(json:) takes the "tiers" object alone).
    try engine.blocking.importProgram(contentsOf: URL(fileURLWithPath: tiersPath))
    let pageAtStart = try story.printTierPage("lin", currency: currency)

    say("\n22. Lin puts a pack of tea in her cart and pays for it: the payment crosses the\n"
        + "    Silver threshold and she is upgraded at once.")
    clock.advance(minutes: 60)
    try engine.blocking.addToCart(user: "lin", sku: "tea-oolong-250g", quantity: 1)
    let normalQuote = try story.printCartQuote("lin", as: "Normal")
    let order = try engine.blocking.checkout(user: "lin", idempotencyKey: "lin-checkout-5")
    let beforePay = try engine.blocking.latestEventSeq()
    let paid = try engine.blocking.pay(
        order: order.id, paymentRef: "wxpay-20261207-0005", amount: order.total, idempotencyKey: "lin-pay-5")
    say("    paid \(try paid.total.formatted()); earned \(paid.pointsEarned) points (at the tier she paid as)")
    let upgrades = try story.printTierEvents(after: beforePay)
    let pageAfterPayment = try story.printTierPage("lin", currency: currency)

    say("\n23. She wants another pack for her mother. The same cart, quoted as Silver: 5% off\n"
        + "    68.00 is 64.60, which ships free (Silver's threshold is 50, the shop's 199), and\n"
        + "    64.60 at x1.5 earns 96 points.")
    try engine.blocking.addToCart(user: "lin", sku: "tea-oolong-250g", quantity: 1)
    let silverQuote = try story.printCartQuote("lin", as: "Silver")

    say("\n24. Two days later she returns the first pack. Her spend falls below 500 yuan, but\n"
        + "    a tier only goes down at the review: she stays Silver until the quarter ends.")
    clock.advance(minutes: 2 * 60 * 24)
    let beforeRefund = try engine.blocking.latestEventSeq()
    let refunded = try engine.blocking.refundLine(
        order: paid.id, lineIndex: 0, quantity: 1, idempotencyKey: "lin-refund-5")
    try story.printOrder(refunded)
    _ = try story.printTierEvents(after: beforeRefund)
    let pageAfterReturn = try story.printTierPage("lin", currency: currency)

    say("\n25. The quarter ends. On New Year's morning her page already reads as reviewed;\n"
        + "    the app's sweep records the review, and the tea in her cart is back to list price.")
    let periodEnd = try engine.blocking.tierStatus(user: "lin").periodEndMs
    clock.advance(minutes: (periodEnd - clock.now) / 60_000 + 9 * 60)
    let pageAfterReview = try story.printTierPage("lin", currency: currency)
    let beforeSweep = try engine.blocking.latestEventSeq()
    while try engine.blocking.sweep(maxOrders: 100).more {}
    let downgrades = try story.printTierEvents(after: beforeSweep)
    let quoteAfterReview = try story.printCartQuote("lin", as: "Normal")

    say("\n26. The operator's tier report since the programme started:")
    let report = try story.printTierReport(fromMs: started, toMs: clock.now + 1)

    return TiersOutcome(
        pageAtStart: pageAtStart, normalQuote: normalQuote, paid: paid, upgrades: upgrades,
        pageAfterPayment: pageAfterPayment, silverQuote: silverQuote, refunded: refunded,
        pageAfterReturn: pageAfterReturn, pageAfterReview: pageAfterReview, downgrades: downgrades,
        quoteAfterReview: quoteAfterReview, report: report)
}

/// The tiers.json in the directory of `programPath` ("tiers.json" when the program path
/// names no directory), spelled the way `programPath` is.
public func tiersPathNextTo(_ programPath: String) -> String {
    ((programPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("tiers.json")
}

/// A UTC instant as a date, e.g. "2027-01-01".
private func utcDate(_ ms: Int64) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.calendar = Calendar(identifier: .gregorian)
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(ms / 1000)))
}

extension Story {
    /// The member page an app shows: the tier, the spend, what the next tier and the review need.
    @discardableResult
    func printTierPage(_ user: String, currency: String) throws -> SCTierStatus {
        let s = try engine.blocking.tierStatus(user: user)
        func money(_ minor: Int64) throws -> String {
            try SCMoney(minorUnits: minor, currency: currency).formatted()
        }
        var text = "    \(user)'s page: \(s.tierName) since \(utcDate(s.sinceMs)); "
            + "spend in the last 365 days \(try money(s.figure))"
        if let next = s.nextTierId { text += ", \(try money(s.toNext)) more to \(next)" }
        say(text)
        text = "      review on \(utcDate(s.periodEndMs)): spend \(try money(s.figureAtPeriodEnd)) "
            + "gives \(s.tierAtPeriodEnd)"
        if let toKeep = s.toKeep {
            text += toKeep > 0 ? "; \(try money(toKeep)) paid now keeps \(s.tierId)" : " (kept)"
        } else {
            text += "; it cannot be kept by paying now"
        }
        say(text)
        return s
    }

    /// The cart's quote in one or two lines: each line's adjustments, shipping, payable, points.
    func printCartQuote(_ user: String, as tier: String) throws -> SCQuote {
        let quote = try engine.blocking.quote(user: user)
        for line in quote.lines {
            var text = "    as \(pad(tier, 7)) \(line.quantity) x \(pad(line.skuId, 16)) \(try line.base.formatted())"
            for adjustment in line.adjustments {
                text += "  -\(try adjustment.amount.formatted()) \(adjustment.kind.rawValue) \(adjustment.source)"
            }
            say(text + "  = \(try line.net.formatted())")
        }
        say("               shipping \(try quote.shipping.formatted()), payable \(try quote.total.formatted()), "
            + "points to earn \(quote.pointsToEarn)")
        return quote
    }

    /// The tier events appended after `seq`, as a host listening to the log sees them.
    func printTierEvents(after seq: Int64) throws -> [SCEvent] {
        let events = try engine.blocking.readEvents(after: seq, limit: 100).filter { $0.type.hasPrefix("tier.") }
        for event in events { say("    event \(event.type) \(event.payload)") }
        return events
    }

    func printTierReport(fromMs: Int64, toMs: Int64) throws -> [SCTierReportRow] {
        let rows = try engine.blocking.tierReport(fromMs: fromMs, toMs: toMs)
        say("      \(pad("tier", 8)) \(lpad("members", 7)) \(lpad("upgrades", 8)) \(lpad("downgrades", 10))")
        for row in rows {
            say("      \(pad(row.tierId, 8)) \(lpad(String(row.members), 7)) \(lpad(String(row.upgrades), 8)) "
                + lpad(String(row.downgrades), 10))
        }
        return rows
    }
}
