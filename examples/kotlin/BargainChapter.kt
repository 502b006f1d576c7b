// Chapter 31 of the Kotlin walkthrough: a bargain, as examples/walkthrough/bargain_chapter.c
// tells it. The bakery lets a shopper bargain the mooncake box down from 128.00 to 68.00 with
// three friends' help inside a day. Mei opens one and shares its invite; she cannot help herself,
// Kai helps once and not twice, Jun and Ana's helps land it exactly on the floor, and Mei buys at
// 68.00. Ren's bargain gets one help and expires. The cuts come from the story's seeded random
// source (StoryRandom, the same SplitMix64 as the C story's), so every run cuts the same.

import socialcart.CheckoutRequest
import socialcart.Engine
import socialcart.ErrorCode
import socialcart.ShareTarget
import socialcart.SocialCart

private const val PROGRAM =
    "{\"id\":\"mooncake-chop\",\"sku_id\":\"mooncake-box\",\"floor_price\":6800,\"helpers\":3," +
        "\"lifetime_minutes\":1440,\"starts_at\":1795428000000,\"ends_at\":1830000000000}"

/** A friend's help; prints the cut. */
private fun help(shop: Engine, bargainId: String, friend: String, key: String) {
    val r = shop.helpBargain(bargainId, friend, key)
    println("    $friend helps: ${SocialCart.formatMoney(r.amount, "CNY")} off, now " +
        "${SocialCart.formatMoney(r.bargain.price, "CNY")} (${SocialCart.bargainStateName(r.bargain.state)})")
}

/** A help the story expects to be refused. */
private fun tryToHelp(shop: Engine, bargainId: String, friend: String, key: String, expected: ErrorCode) {
    println("    $friend tries to help:")
    refused(expected) { shop.helpBargain(bargainId, friend, key) }
}

private fun openBargain(shop: Engine, user: String, key: String): String {
    val b = shop.openBargain("mooncake-chop", user, key)
    println("    $user opens a bargain at ${SocialCart.formatMoney(b.price, "CNY")}, down to " +
        "${SocialCart.formatMoney(b.floorPrice, "CNY")} with ${b.helpersNeeded} friends' help by ${dateTime(b.deadlineMs)}")
    return b.id
}

internal fun tellBargainChapter(shop: Engine, clock: StoryClock) {
    clock.advanceMinutes(60)
    println("\n31. Bargain. The mooncake box from CNY 128.00 down to 68.00 with three friends' help\n" +
        "    inside a day; each help cuts a random part of what is left.")
    shop.putBargainProgram(PROGRAM)

    val mei = openBargain(shop, "mei", "mei-chop-1")
    val invite = shop.createShareLink("mei", ShareTarget.BARGAIN, mei, "wechat", "mei-chop-invite").code!!
    val open = shop.openShareLink(invite, "kai", "kai-phone", "open-kai-chop")
    val toBargain = open.target == ShareTarget.BARGAIN && open.targetId == mei
    println("    Mei shares the invite; it leads Kai to ${if (toBargain) "Mei's bargain" else "somewhere else"}")
    tryToHelp(shop, mei, "mei", "help-mei-mei", ErrorCode.INVALID_STATE)
    help(shop, mei, "kai", "help-mei-kai")
    tryToHelp(shop, mei, "kai", "help-mei-kai-2", ErrorCode.INVALID_STATE)
    clock.advanceMinutes(40)
    help(shop, mei, "jun", "help-mei-jun")
    clock.advanceMinutes(25)
    help(shop, mei, "ana", "help-mei-ana")

    val order = shop.checkout("mei", CheckoutRequest(bargainId = mei), "mei-chop-buy")
    val paid = shop.pay(order.id, "wxpay-chop", order.total, "pay-mei-chop")
    println("    Mei buys the box at the bargained price: ${SocialCart.formatMoney(paid.total, "CNY")} with shipping, " +
        SocialCart.orderStateName(paid.state))
    val bought = shop.bargain(mei)
    println("    Mei's bargain is ${SocialCart.bargainStateName(bought.state)} after ${bought.helps.size} helps")

    val ren = openBargain(shop, "ren", "ren-chop-1")
    help(shop, ren, "ada", "help-ren-ada")
    clock.advanceMinutes(24 * 60)
    shop.sweep(maxOrders = 100)
    val expired = shop.bargain(ren)
    println("    a day later Ren's bargain is ${SocialCart.bargainStateName(expired.state)} at " +
        SocialCart.formatMoney(expired.price, "CNY"))

    val report = shop.bargainReport("mooncake-chop")
    val per = report.helpersPerCompletion
    val conversion = report.conversionBps
    println("    The program's figures: opened ${report.opened}, completed ${report.completed}, " +
        "bought ${report.bought}, expired ${report.expired}, helps ${report.helps},\n" +
        "    helpers per completion ${per / 100}.${"%02d".format(per % 100)}, " +
        "conversion to paid ${conversion / 100}.${"%02d".format(conversion % 100)}%")
}

/**
 * The story's random source (the friends' bargain cuts): SplitMix64 from [STORY_RANDOM_SEED], the
 * C story's story_random, so every run cuts the same amounts in C and in Kotlin.
 */
internal class StoryRandom(private var state: Long = STORY_RANDOM_SEED) {
    @Synchronized
    fun next(): Long {
        state += -0x61c8864680b583ebL // 0x9e3779b97f4a7c15
        var z = state
        z = (z xor (z ushr 30)) * -0x40a7b892e31b1a47L // 0xbf58476d1ce4e5b9
        z = (z xor (z ushr 27)) * -0x6b2fb644ecceee15L // 0x94d049bb133111eb
        return z xor (z ushr 31)
    }
}

internal const val STORY_RANDOM_SEED = 20261203L
