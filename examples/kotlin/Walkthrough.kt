// The socialcart walkthrough through the Kotlin binding: the same story as
// examples/walkthrough/walkthrough.c. It loads the operator's program
// document, then follows Lin: browsing as a guest, signing in (the guest cart
// merges), changing quantities, seeing cart problems, checking out, paying and
// getting one line refunded; Wei's unpaid order lapses. Then the Mid-Autumn sale
// (PricingChapter.kt): promotions, coupons, the best-coupon choice and a coupon
// returned after a full refund; then points (PointsChapter.kt): sign-in, a shared
// link, points earned and vesting, spent at checkout and given back by a return; then
// member tiers (TiersChapter.kt): the payment that crosses the Silver threshold
// upgrades Lin at once and the same cart gets the member price, a return leaves her
// Silver until the quarter's review, which downgrades her; then a share link
// (ReferralChapter.kt): signed, typed as a short code, refused when forged, after its
// key is retired and once expired; then share-to-earn (AttributionChapter.kt): a device's
// open carried over at sign-in, the paid order credited to its sharer with two levels of
// commission, a self-referral refused with its reason, the rewards vesting and half clawed
// back by a return, and the figures; then group-buy (GroupBuyChapter.kt): a group filled
// through its invite (the joiner's order credited to the leader), a latecomer told the group is
// full, a group failing at its deadline and each member's order refunded in turn, and the
// campaign's figures; then a flash sale (FlashSaleChapter.kt): a slot selling out, the next
// buyer told so, and an unpaid tin lapsing back and sold again; then a bargain
// (BargainChapter.kt): friends' helps taking the mooncake box to its floor through the
// bargain's invite, the opener buying at that price, another bargain expiring, and the
// program's figures. It ends with the event log. The clock is injected and starts at a fixed
// time, and the random source (the bargain cuts) is the C story's seeded SplitMix64, so every
// run prints the same story, but for ids and the share links' short codes, which are random.
//
//   Walkthrough <path/to/examples/walkthrough/program.json> [promotions.json]
//
// promotions.json is looked for next to program.json unless given; points.json and
// tiers.json are always the ones next to program.json (as in the C walkthrough).
// bindings/kotlin/run-tests.sh runs it and checks its figures against the C
// walkthrough's, so it cannot rot.

import socialcart.Cart
import socialcart.CancelReason
import socialcart.Durability
import socialcart.Engine
import socialcart.EngineOptions
import socialcart.ErrorCode
import socialcart.LineProblem
import socialcart.Order
import socialcart.SkuSpec
import socialcart.SocialCart
import socialcart.SocialCartException
import java.io.File
import java.nio.file.Files
import java.time.Instant
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter
import kotlin.system.exitProcess

/** 2026-11-23 10:00:00 UTC, as in the C walkthrough. */
private const val STORY_START_MS = 1_795_428_000_000L

/** The story's clock: advanced by the story, never by sleeping. */
internal class StoryClock(var nowMs: Long) {
    fun advanceMinutes(minutes: Long) {
        nowMs += minutes * 60_000
    }
}

fun main(args: Array<String>) {
    if (args.size !in 1..2) {
        System.err.println("usage: Walkthrough <program.json> [promotions.json]")
        exitProcess(2)
    }
    val program = File(args[0]).readText(Charsets.UTF_8)
    val promotionsPath = if (args.size > 1) args[1] else File(File(args[0]).parentFile, "promotions.json").path
    val pointsPath = File(File(args[0]).parentFile, "points.json").path
    val tiersPath = File(File(args[0]).parentFile, "tiers.json").path
    val dir = Files.createTempDirectory("socialcart-walkthrough").toFile()
    try {
        tell(File(dir, "walkthrough.db").path, args[0], program, promotionsPath, pointsPath, tiersPath)
    } finally {
        dir.deleteRecursively()
    }
    if (SocialCart.liveObjectCount != 0L) {
        System.err.println("walkthrough: ${SocialCart.liveObjectCount} object(s) leaked")
        exitProcess(1)
    }
    println("\nThe end: every handle freed.")
}

/** Runs a call the story expects to be refused, and shows the refusal as an app would. */
internal inline fun refused(expected: ErrorCode, call: () -> Unit) {
    try {
        call()
    } catch (e: SocialCartException) {
        check(e.code == expected) { "expected $expected, got ${e.code}: ${e.message}" }
        println("    refused: ${e.message} (${SocialCart.statusName(e.code)})")
        return
    }
    error("expected $expected, but the call succeeded")
}

/** A UTC instant to the minute, e.g. "2027-01-09 09:00", as the C story's date_time. */
internal fun dateTime(ms: Long): String =
    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(Instant.ofEpochMilli(ms).atOffset(ZoneOffset.UTC))

private fun tell(
    dbPath: String,
    programPath: String,
    program: String,
    promotionsPath: String,
    pointsPath: String,
    tiersPath: String
) {
    val clock = StoryClock(STORY_START_MS)
    val random = StoryRandom()
    val options = EngineOptions(durability = Durability.FULL, clock = { clock.nowMs }, random = { random.next() })
    Engine.open(dbPath, options).use { shop ->
        println("socialcart ${SocialCart.version} walkthrough (Kotlin)\n")

        println("1. The operator loads the program document ($programPath).")
        shop.importProgram(program)
        for (sku in shop.catalog()) {
            val stock = if (sku.stockTracked) "${sku.stockAvailable} left" else "always in stock"
            println("    %-16s %-34s %12s  %s%s".format(sku.id, sku.title,
                SocialCart.formatMoney(sku.listPrice, sku.currency), stock, if (sku.active) "" else "  (not for sale)"))
        }

        println("\n2. Lin browses as a guest and puts a box of mooncakes in the cart.")
        shop.addToCart("guest-7f3a", "mooncake-box", 1)
        println("    The discontinued kettle cannot be added:")
        refused(ErrorCode.SKU_INACTIVE) { shop.addToCart("guest-7f3a", "kettle-iron", 1) }

        println("\n3. Lin signs in; the guest cart merges into hers.")
        shop.addToCart("lin", "tea-oolong-250g", 2)
        shop.mergeCart(userId = "lin", guestId = "guest-7f3a")
        printCart(shop.cart("lin"))

        println("\n4. She adds two celadon cups, then tries for six packs of tea (five is the limit).")
        shop.addToCart("lin", "cup-celadon", 2)
        refused(ErrorCode.LIMIT_EXCEEDED) { shop.setCartQuantity("lin", "tea-oolong-250g", 6) }
        println("    She settles on three, and keeps the mooncakes for later (unticked).")
        shop.setCartQuantity("lin", "tea-oolong-250g", 3)
        shop.selectCartLine("lin", "mooncake-box", false)

        println("\n5. Meanwhile the tea house raises the cup's price; Lin's cart says so.")
        clock.advanceMinutes(5)
        val cup = shop.sku("cup-celadon")
        shop.putSku(SkuSpec(cup.id, cup.merchantId, cup.title, cup.currency, 4200,
            stock = cup.stockOnHand, categories = cup.categories))
        printCart(shop.cart("lin"))

        println("\n6. The quote for the ticked lines:")
        val quote = shop.quote("lin")
        for (line in quote.lines) {
            println("    %d x %-16s %12s".format(line.quantity, line.skuId, SocialCart.formatMoney(line.net, quote.currency)))
        }
        println("    total payable ${SocialCart.formatMoney(quote.total, quote.currency)}")

        println("\n7. Checkout. The order holds the stock for the payment window.")
        val cupsBefore = shop.sku("cup-celadon").stockAvailable
        val order = shop.checkout("lin", "lin-checkout-1")
        printOrder(order)
        println("    cups available: $cupsBefore before checkout, ${shop.sku("cup-celadon").stockAvailable} now (held for the order)")
        val retried = shop.checkout("lin", "lin-checkout-1")
        println("    The app retries the checkout on a flaky network: same order ${retried.id} " +
            "(${if (retried.id == order.id) "no duplicate" else "DUPLICATE"})")
        printCart(shop.cart("lin"))

        println("\n8. Lin pays 9 minutes later, inside the 15-minute window.")
        clock.advanceMinutes(9)
        refused(ErrorCode.AMOUNT_MISMATCH) { shop.pay(order.id, "wxpay-20261123-0001", order.total - 1, "lin-pay-1") }
        val paid = shop.pay(order.id, "wxpay-20261123-0001", order.total, "lin-pay-1")
        printOrder(paid)
        println("    paid with reference ${paid.paymentRef}")

        println("\n9. One cup arrives chipped: the shop refunds that one cup.")
        clock.advanceMinutes(60 * 24 * 2)
        val cupLine = paid.lines.indexOfFirst { it.skuId == "cup-celadon" }
        printOrder(shop.refundLine(paid.id, cupLine, 1, "lin-refund-cup-1"))
        println("    Refunding two more cups than remain is refused:")
        refused(ErrorCode.REFUND_EXCEEDS_PAID) { shop.refundLine(paid.id, cupLine, 2, "lin-refund-cup-2") }

        println("\n10. Wei checks out the last cup but never pays. The hold lapses with the window.")
        shop.addToCart("wei", "cup-celadon", 1)
        val unpaid = shop.checkout("wei", "wei-checkout-1")
        println("    cups available while Wei's order waits: ${shop.sku("cup-celadon").stockAvailable}")
        clock.advanceMinutes(16)
        val swept = shop.sweep(maxOrders = 100)
        val lapsed = shop.order(unpaid.id)
        val why = if (lapsed.cancelReason == CancelReason.PAYMENT_LAPSED) "payment window lapsed" else "cancelled"
        println("    16 minutes later the sweep settled ${swept.settled} order(s); Wei's order is " +
            "${SocialCart.orderStateName(lapsed.state)} ($why), cups available: ${shop.sku("cup-celadon").stockAvailable}")
        refused(ErrorCode.EXPIRED) { shop.pay(unpaid.id, "wxpay-late", unpaid.total, "wei-pay-1") }

        tellPricingChapter(shop, clock, promotionsPath)
        tellPointsChapter(shop, clock, pointsPath)
        tellTiersChapter(shop, clock, tiersPath)
        tellReferralChapter(shop, clock)
        tellAttributionChapter(shop, clock)
        tellGroupBuyChapter(shop, clock)
        tellFlashSaleChapter(shop, clock)
        tellBargainChapter(shop, clock)

        println("\n32. The event log, read from the start:")
        var cursor = 0L
        while (true) {
            val events = shop.readEvents(cursor, 100)
            for (e in events) {
                println("    #%-3d T+%-5dmin %-18s %-30s %s".format(e.seq, (e.timeMs - STORY_START_MS) / 60_000,
                    e.type, e.subjectId, e.payload))
                cursor = e.seq
            }
            if (events.size < 100) break
        }
    }
}

private fun printCart(cart: Cart) {
    println("    cart of ${cart.userId}:")
    for (line in cart.lines) {
        val notes = StringBuilder()
        if (LineProblem.PRICE_CHANGED in line.problems) {
            notes.append("  price changed (was ${SocialCart.formatMoney(line.addedPrice, cart.currency)})")
        }
        if (LineProblem.OUT_OF_STOCK in line.problems) notes.append("  only ${line.available} left")
        if (LineProblem.INACTIVE in line.problems) notes.append("  no longer for sale")
        if (LineProblem.OVER_MAX in line.problems) notes.append("  over the per-order maximum")
        println("      [%s] %d x %-34s %12s%s".format(if (line.selected) "x" else " ", line.quantity, line.title,
            SocialCart.formatMoney(line.unitPrice, cart.currency), notes))
    }
}

internal fun printOrder(order: Order) {
    val money = { amount: Long -> SocialCart.formatMoney(amount, order.currency) }
    val refunded = if (order.refunded > 0) ", refunded ${money(order.refunded)}" else ""
    println("    order ${order.id}: ${SocialCart.orderStateName(order.state)}, total ${money(order.total)}$refunded")
    order.lines.forEachIndexed { i, line ->
        val r = if (line.refundedQuantity > 0) "  refunded ${line.refundedQuantity} unit(s), ${money(line.refundedAmount)}" else ""
        println("      line %d: %d x %-34s paid %12s%s".format(i, line.quantity, line.title, money(line.net), r))
    }
}
