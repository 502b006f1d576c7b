// Chapters 16–20 of the Kotlin walkthrough: points, as examples/walkthrough/points_chapter.c
// tells them. The operator starts a points programme; Lin signs in three days running and
// shares a link, buys mooncakes and sees the points they earn wait out the return window,
// spends points on tea at the next checkout, and returns the tea: the points she spent come
// back and those the tea earned are taken back. It prints the same figures as the C walkthrough.

import socialcart.CheckoutRequest
import socialcart.Engine
import socialcart.ErrorCode
import socialcart.PointsEntryKind
import socialcart.PointsUse
import socialcart.SocialCart
import java.io.File

internal fun tellPointsChapter(shop: Engine, clock: StoryClock, pointsPath: String) {
    val started = clock.nowMs
    println("\n16. The shops start a points programme (${File(pointsPath).name}): 1 point per yuan paid,\n" +
        "    100 points pay 1 yuan (up to 30% of the goods), order points count after the\n" +
        "    7-day return window, a daily sign-in streak and 10 points per shared link.")
    shop.importProgram(File(pointsPath).readText(Charsets.UTF_8))
    println("    Lin signs in three days running; her app signs in twice on the third day.")
    for (day in 0 until 3) {
        signIn(shop, "lin")
        if (day < 2) clock.advanceMinutes(60 * 24)
    }
    signIn(shop, "lin")
    println("    She shares the mooncake page four times; the fourth share is over the daily cap:")
    for (i in 1..3) shop.recordActivity("lin", "share", "mooncake-box", "lin-share-$i")
    refused(ErrorCode.LIMIT_EXCEEDED) { shop.recordActivity("lin", "share", "mooncake-box", "lin-share-4") }
    printBalance(shop, "lin")

    println("\n17. Lin buys two boxes of mooncakes. The quote says what they will earn; paying\n" +
        "    earns it, pending until the return window has passed.")
    shop.addToCart("lin", "mooncake-box", 2)
    val quote = shop.quote("lin")
    println("    payable ${SocialCart.formatMoney(quote.total, quote.currency)}, points to earn ${quote.pointsToEarn}")
    val mooncakes = shop.checkout("lin", "lin-checkout-3")
    val paid = shop.pay(mooncakes.id, "wxpay-20261128-0003", mooncakes.total, "lin-pay-3")
    println("    paid ${SocialCart.formatMoney(paid.total, paid.currency)}; earned ${paid.pointsEarned} points")
    printBalance(shop, "lin")

    println("\n18. Eight days later the points have vested. Lin adds a pack of tea and asks to\n" +
        "    pay with as many points as allowed: 30% of 68.00 would take 2000 points (whole\n" +
        "    hundreds); she has 286, so 200.")
    clock.advanceMinutes(8 * 60 * 24)
    printBalance(shop, "lin")
    shop.addToCart("lin", "tea-oolong-250g", 1)
    val most = CheckoutRequest(points = PointsUse.Most)
    val q = shop.quote("lin", most)
    val money = { amount: Long -> SocialCart.formatMoney(amount, q.currency) }
    println("    goods ${money(q.subtotal - q.discount)}, points ${q.pointsUsed} of at most ${q.pointsMax} " +
        "pay ${money(q.pointsAmount)}, shipping ${money(q.shipping)}: payable ${money(q.total)}, earns ${q.pointsToEarn}")
    val tea = shop.checkout("lin", most, "lin-checkout-4")
    println("    Checked out; the points are held until she pays:")
    printBalance(shop, "lin")
    shop.pay(tea.id, "wxpay-20261206-0004", tea.total, "lin-pay-4")
    println("    Paid:")
    printBalance(shop, "lin")

    println("\n19. The tea is not what she hoped; she returns it. The shop refunds the money;\n" +
        "    the engine gives back the points she spent and takes back those the tea earned.")
    printOrder(shop.refundLine(tea.id, 0, 1, "lin-refund-4"))
    printBalance(shop, "lin")
    println("    Her points history, newest first:")
    printPointsHistory(shop, "lin", 8)

    println("\n20. The operator's points report:")
    printPointsReport(shop, started, clock.nowMs + 1)
}

private fun signIn(shop: Engine, userId: String) {
    val s = shop.signIn(userId)
    println("    ${s.date}: day ${s.streak} of the streak, ${if (s.first) "+" else "already signed in today, "}${s.points} points")
}

private fun printBalance(shop: Engine, userId: String) {
    val b = shop.pointsBalance(userId)
    println("    $userId's points: ${b.available} available, ${b.pending} pending, ${b.held} held")
}

/** The member's newest entries, as a points page in an app shows them. */
private fun printPointsHistory(shop: Engine, userId: String, count: Int) {
    for (e in shop.pointsHistory(userId, null, count).items) {
        val about = if (e.kind == PointsEntryKind.EARN || e.kind == PointsEntryKind.ADJUST) e.reference else ""
        println("      #%-3d %-8s %+6d  %s".format(e.seq, SocialCart.pointsEntryKindName(e.kind), e.effect, about))
    }
}

private fun printPointsReport(shop: Engine, fromMs: Long, toMs: Long) {
    val r = shop.pointsReport(fromMs, toMs)
    println("      members ${r.members}; available ${r.available}, pending ${r.pending}, held ${r.held}: " +
        "a liability of ${r.liabilityPoints} points, ${SocialCart.formatMoney(r.liabilityAmount, r.currency)}")
    println("      since the programme started: earned ${r.earned}, spent ${r.spent}, reversed ${r.reversed}, " +
        "returned ${r.returned}, expired ${r.expired}")
}
