// Chapters 21–26 of the Kotlin walkthrough: member tiers, as examples/walkthrough/tiers_chapter.c
// tells them. The operator starts a tier programme; Lin's member page counts what she has paid
// so far. The order that crosses the Silver threshold upgrades her at once, and the same cart
// quoted again gets the member price, free shipping and more points. A return does not take
// Silver away before the quarter ends; the review at the quarter's end does. It prints the same
// figures as the C walkthrough.

import socialcart.Engine
import socialcart.SocialCart
import java.io.File
import java.time.Instant
import java.time.ZoneOffset

internal fun tellTiersChapter(shop: Engine, clock: StoryClock, tiersPath: String) {
    clock.advanceMinutes(60 * 24)
    val started = clock.nowMs
    val cur = shop.sku("tea-oolong-250g").currency

    println("\n21. The next day the shops start member tiers (${File(tiersPath).name}) on goods paid over 365\n" +
        "    days, reviewed each quarter: Silver from 500 yuan (5% member price, points x1.5,\n" +
        "    free shipping from 50), Gold from 2000. What Lin has paid so far already counts.")
    // A program document with a "tiers" section, imported as the C chapter does.
    shop.importProgram(File(tiersPath).readText(Charsets.UTF_8))
    printPage(shop, "lin", cur)

    println("\n22. Lin puts a pack of tea in her cart and pays for it: the payment crosses the\n" +
        "    Silver threshold and she is upgraded at once.")
    clock.advanceMinutes(60)
    shop.addToCart("lin", "tea-oolong-250g", 1)
    printCartQuote(shop, "lin", "Normal")
    val order = shop.checkout("lin", "lin-checkout-5")
    val beforePay = shop.latestEventSeq()
    val paid = shop.pay(order.id, "wxpay-20261207-0005", order.total, "lin-pay-5")
    println("    paid ${SocialCart.formatMoney(paid.total, cur)}; earned ${paid.pointsEarned} points " +
        "(at the tier she paid as)")
    printTierEvents(shop, beforePay)
    printPage(shop, "lin", cur)

    println("\n23. She wants another pack for her mother. The same cart, quoted as Silver: 5% off\n" +
        "    68.00 is 64.60, which ships free (Silver's threshold is 50, the shop's 199), and\n" +
        "    64.60 at x1.5 earns 96 points.")
    shop.addToCart("lin", "tea-oolong-250g", 1)
    printCartQuote(shop, "lin", "Silver")

    println("\n24. Two days later she returns the first pack. Her spend falls below 500 yuan, but\n" +
        "    a tier only goes down at the review: she stays Silver until the quarter ends.")
    clock.advanceMinutes(2 * 60 * 24)
    val beforeRefund = shop.latestEventSeq()
    printOrder(shop.refundLine(paid.id, 0, 1, "lin-refund-5"))
    printTierEvents(shop, beforeRefund)
    printPage(shop, "lin", cur)

    println("\n25. The quarter ends. On New Year's morning her page already reads as reviewed;\n" +
        "    the app's sweep records the review, and the tea in her cart is back to list price.")
    val periodEndMs = shop.tierStatus("lin").periodEndMs
    clock.advanceMinutes((periodEndMs - clock.nowMs) / 60_000 + 9 * 60)
    printPage(shop, "lin", cur)
    val beforeSweep = shop.latestEventSeq()
    do {
        val more = shop.sweep(maxOrders = 100).more
    } while (more)
    printTierEvents(shop, beforeSweep)
    printCartQuote(shop, "lin", "Normal")

    println("\n26. The operator's tier report since the programme started:")
    printTierReport(shop, started, clock.nowMs + 1)
}

/** A UTC instant as a date, e.g. "2027-01-01". */
private fun date(ms: Long): String = Instant.ofEpochMilli(ms).atOffset(ZoneOffset.UTC).toLocalDate().toString()

/** The member page an app shows: the tier, the spend, what the next tier and the review need. */
private fun printPage(shop: Engine, userId: String, cur: String) {
    val s = shop.tierStatus(userId)
    val money = { amount: Long -> SocialCart.formatMoney(amount, cur) }
    val next = if (s.nextTierId != null) ", ${money(s.toNext)} more to ${s.nextTierId}" else ""
    println("    $userId's page: ${s.tierName} since ${date(s.sinceMs)}; spend in the last 365 days ${money(s.figure)}$next")
    val toKeep = s.toKeep
    val keep = when {
        toKeep == null -> "; it cannot be kept by paying now"
        toKeep > 0 -> "; ${money(toKeep)} paid now keeps ${s.tierId}"
        else -> " (kept)"
    }
    println("      review on ${date(s.periodEndMs)}: spend ${money(s.figureAtPeriodEnd)} gives ${s.tierAtPeriodEnd}$keep")
}

/** The cart's quote in one or two lines: each line's adjustments, shipping, payable, points. */
private fun printCartQuote(shop: Engine, userId: String, tier: String) {
    val q = shop.quote(userId)
    val money = { amount: Long -> SocialCart.formatMoney(amount, q.currency) }
    for (line in q.lines) {
        val text = StringBuilder("    as %-7s %d x %-16s %s".format(tier, line.quantity, line.skuId, money(line.base)))
        for (a in line.adjustments) text.append("  -${money(a.amount)} ${a.rawKind} ${a.source}")
        println("$text  = ${money(line.net)}")
    }
    println("               shipping ${money(q.shipping)}, payable ${money(q.total)}, points to earn ${q.pointsToEarn}")
}

/** The tier events appended after [afterSeq], as a host listening to the log sees them. */
private fun printTierEvents(shop: Engine, afterSeq: Long) {
    for (e in shop.readEvents(afterSeq, 100)) {
        if (e.type.startsWith("tier.")) println("    event ${e.type} ${e.payload}")
    }
}

private fun printTierReport(shop: Engine, fromMs: Long, toMs: Long) {
    println("      %-8s %7s %8s %10s".format("tier", "members", "upgrades", "downgrades"))
    for (r in shop.tierReport(fromMs, toMs)) {
        println("      %-8s %7d %8d %10d".format(r.tierId, r.members, r.upgrades, r.downgrades))
    }
}
