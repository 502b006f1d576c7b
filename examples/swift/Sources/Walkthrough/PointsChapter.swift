import Foundation
import SocialCart

/// What the points chapters (16–20) leave, for a test to check.
public struct PointsOutcome: Sendable {
    /// Chapter 16: Lin's sign-ins: three days running, then again on the third day.
    public let signIns: [SCSignIn]
    /// Chapter 16: her balance after the sign-ins and the shares.
    public let balanceAfterSharing: SCPointsBalance
    /// Chapter 17: the mooncakes' quote, and the order once paid.
    public let mooncakeQuote: SCQuote
    public let mooncakes: SCOrder
    /// Chapter 17: her balance right after paying (the order's points pending).
    public let balanceAfterMooncakes: SCPointsBalance
    /// Chapter 18: eight days later, the points vested.
    public let balanceVested: SCPointsBalance
    /// Chapter 18: the tea's quote with as many points as allowed, and the order.
    public let teaQuote: SCQuote
    public let tea: SCOrder
    /// Chapter 18: her balance while the tea's points are held, then once it is paid.
    public let balanceHeld: SCPointsBalance
    public let balancePaid: SCPointsBalance
    /// Chapter 19: the tea order after its refund, her balance and her newest entries.
    public let refunded: SCOrder
    public let balanceAfterReturn: SCPointsBalance
    public let history: [SCPointsEntry]
    /// Chapter 20: the operator's report since the programme started.
    public let report: SCPointsReport
}

/// Chapters 16–20 of the walkthrough, as examples/walkthrough/points_chapter.c tells them:
/// the operator starts a points programme; Lin signs in three days running and shares a
/// link, buys mooncakes and sees the points they earn wait out the return window, spends
/// points on tea at the next checkout, and returns the tea: the points she spent come back
/// and those the tea earned are taken back. The operator reads the report.
func tellPointsChapter(
    engine: SCEngine, clock: StoryClock, story: Story, pointsPath: String
) throws -> PointsOutcome {
    let say = story.say
    let started = clock.now
    say("\n16. The shops start a points programme (\((pointsPath as NSString).lastPathComponent)): 1 point per yuan paid,\n"
        + "    100 points pay 1 yuan (up to 30% of the goods), order points count after the\n"
        + "    7-day return window, a daily sign-in streak and 10 points per shared link.")
    try engine.blocking.importProgram(contentsOf: URL(fileURLWithPath: pointsPath))
    say("    Lin signs in three days running; her app signs in twice on the third day.")
    var signIns: [SCSignIn] = []
    for day in 0..<3 {
        signIns.append(try story.signIn("lin"))
        if day < 2 { clock.advance(minutes: 60 * 24) }
    }
    signIns.append(try story.signIn("lin"))
    say("    She shares the mooncake page four times; the fourth share is over the daily cap:")
    for key in ["lin-share-1", "lin-share-2", "lin-share-3"] {
        try engine.blocking.recordActivity(user: "lin", activity: "share", reference: "mooncake-box", idempotencyKey: key)
    }
    try story.expectRefusal(.limitExceeded) {
        try engine.blocking.recordActivity(
            user: "lin", activity: "share", reference: "mooncake-box", idempotencyKey: "lin-share-4")
    }
    let balanceAfterSharing = try story.printBalance("lin")

    say("\n17. Lin buys two boxes of mooncakes. The quote says what they will earn; paying\n"
        + "    earns it, pending until the return window has passed.")
    try engine.blocking.addToCart(user: "lin", sku: "mooncake-box", quantity: 2)
    let mooncakeQuote = try engine.blocking.quote(user: "lin")
    say("    payable \(try mooncakeQuote.total.formatted()), points to earn \(mooncakeQuote.pointsToEarn)")
    let unpaid = try engine.blocking.checkout(user: "lin", idempotencyKey: "lin-checkout-3")
    let mooncakes = try engine.blocking.pay(
        order: unpaid.id, paymentRef: "wxpay-20261128-0003", amount: unpaid.total, idempotencyKey: "lin-pay-3")
    say("    paid \(try mooncakes.total.formatted()); earned \(mooncakes.pointsEarned) points")
    let balanceAfterMooncakes = try story.printBalance("lin")

    say("\n18. Eight days later the points have vested. Lin adds a pack of tea and asks to\n"
        + "    pay with as many points as allowed: 30% of 68.00 would take 2000 points (whole\n"
        + "    hundreds); she has 286, so 200.")
    clock.advance(minutes: 8 * 60 * 24)
    let balanceVested = try story.printBalance("lin")
    try engine.blocking.addToCart(user: "lin", sku: "tea-oolong-250g", quantity: 1)
    let most = SCCheckoutRequest(points: .most)
    let teaQuote = try engine.blocking.quote(user: "lin", request: most)
    let goods = SCMoney(minorUnits: teaQuote.subtotalMinor - teaQuote.discountMinor, currency: teaQuote.currency)
    say("    goods \(try goods.formatted()), points \(teaQuote.pointsUsed) of at most \(teaQuote.pointsMax) "
        + "pay \(try teaQuote.pointsAmount.formatted()), shipping \(try teaQuote.shipping.formatted()): "
        + "payable \(try teaQuote.total.formatted()), earns \(teaQuote.pointsToEarn)")
    let tea = try engine.blocking.checkout(user: "lin", request: most, idempotencyKey: "lin-checkout-4")
    say("    Checked out; the points are held until she pays:")
    let balanceHeld = try story.printBalance("lin")
    try engine.blocking.pay(order: tea.id, paymentRef: "wxpay-20261206-0004", amount: tea.total, idempotencyKey: "lin-pay-4")
    say("    Paid:")
    let balancePaid = try story.printBalance("lin")

    say("\n19. The tea is not what she hoped; she returns it. The shop refunds the money;\n"
        + "    the engine gives back the points she spent and takes back those the tea earned.")
    let refunded = try engine.blocking.refundLine(order: tea.id, lineIndex: 0, quantity: 1, idempotencyKey: "lin-refund-4")
    try story.printOrder(refunded)
    let balanceAfterReturn = try story.printBalance("lin")
    say("    Her points history, newest first:")
    let history = try story.printHistory("lin", count: 8)

    say("\n20. The operator's points report:")
    let report = try story.printPointsReport(fromMs: started, toMs: clock.now + 1)

    return PointsOutcome(
        signIns: signIns, balanceAfterSharing: balanceAfterSharing, mooncakeQuote: mooncakeQuote,
        mooncakes: mooncakes, balanceAfterMooncakes: balanceAfterMooncakes, balanceVested: balanceVested,
        teaQuote: teaQuote, tea: tea, balanceHeld: balanceHeld, balancePaid: balancePaid, refunded: refunded,
        balanceAfterReturn: balanceAfterReturn, history: history, report: report)
}

/// The points.json in the directory of `programPath` ("points.json" when the program path
/// names no directory), spelled the way `programPath` is.
public func pointsPathNextTo(_ programPath: String) -> String {
    ((programPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("points.json")
}

extension Story {
    @discardableResult
    func printBalance(_ user: String) throws -> SCPointsBalance {
        let balance = try engine.blocking.pointsBalance(user: user)
        say("    \(user)'s points: \(balance.available) available, \(balance.pending) pending, \(balance.held) held")
        return balance
    }

    func signIn(_ user: String) throws -> SCSignIn {
        let signIn = try engine.blocking.signIn(user: user)
        say("    \(signIn.date): day \(signIn.streak) of the streak, "
            + "\(signIn.isFirst ? "+" : "already signed in today, ")\(signIn.points) points")
        return signIn
    }

    /// The member's newest entries, as a points page in an app shows them.
    func printHistory(_ user: String, count: Int) throws -> [SCPointsEntry] {
        let entries = try engine.blocking.pointsHistory(user: user, limit: count).items
        for entry in entries {
            let effect = entry.effect >= 0 ? "+\(entry.effect)" : String(entry.effect)
            let about = entry.kind == .earn || entry.kind == .adjust ? entry.reference : ""
            say("      #\(pad(String(entry.seq), 3)) \(pad(entry.kind.name, 8)) \(lpad(effect, 6))  \(about)")
        }
        return entries
    }

    func printPointsReport(fromMs: Int64, toMs: Int64) throws -> SCPointsReport {
        let r = try engine.blocking.pointsReport(fromMs: fromMs, toMs: toMs)
        say("      members \(r.members); available \(r.available), pending \(r.pending), held \(r.held): "
            + "a liability of \(r.liabilityPoints) points, \(try r.liabilityAmount.formatted())")
        say("      since the programme started: earned \(r.earned), spent \(r.spent), reversed \(r.reversed), "
            + "returned \(r.returned), expired \(r.expired)")
        return r
    }
}
