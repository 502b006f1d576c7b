// Chapter 28 of the Kotlin walkthrough: share-to-earn, as examples/walkthrough/attribution_chapter.c
// tells it. The shop pays commission on referred orders at two levels. Lin (brought to the shop by
// Wei) shares the mooncake box; Bo opens it on his phone before he has an account, signs up on
// that phone, and buys. The order is credited to Lin, with Wei at level 2; the rewards vest after
// the cooling-off week; Lin opening her own link earns nothing, and the reason is recorded; Bo
// returns one box and half of each reward is clawed back. Opens and codes hold random ids, so the
// story prints what does not change between runs. Money is formatted by the library (integer
// minor units), the viral coefficient from its basis points with integer arithmetic.

import socialcart.Engine
import socialcart.RewardState
import socialcart.ShareTarget
import socialcart.SocialCart

private fun printRewards(shop: Engine, sharer: String) {
    for (r in shop.referralRewards(sharer)) {
        val state = when (r.state) {
            RewardState.PENDING -> "pending"
            RewardState.VESTED -> "vested"
            else -> "clawed back"
        }
        val line = StringBuilder("      ${r.sharerId}, level ${r.level}: ${SocialCart.formatMoney(r.amount, "CNY")}, $state")
        if (r.state == RewardState.PENDING) line.append(" until ${dateTime(r.vestsAtMs)}")
        if (r.clawedBack > 0) line.append(", ${SocialCart.formatMoney(r.clawedBack, "CNY")} clawed back")
        println(line)
    }
}

private fun openLink(shop: Engine, code: String, user: String?, device: String?, key: String) {
    val open = shop.openShareLink(code, user, device, key)
    val line = StringBuilder("    ${user ?: device} opens ${open.sharerId}'s link: ${open.outcome}")
    if (open.isBound) line.append(" until ${dateTime(open.boundUntilMs!!)}")
    println(line)
}

private fun makeLink(shop: Engine, sharer: String, channel: String, key: String): String =
    shop.createShareLink(sharer, ShareTarget.SKU, "mooncake-box", channel, key).code!!

internal fun tellAttributionChapter(shop: Engine, clock: StoryClock) {
    clock.advanceMinutes(60)
    println("\n28. Share-to-earn. A referred order pays its sharer 10% of what its goods paid, and\n" +
        "    whoever brought the sharer 3%, after a cooling-off week. An open binds the opener\n" +
        "    to the sharer for 7 days; the latest open wins.")
    shop.putReferralProgram("{\"url_template\":\"https://shop.example/s/{token}\"," +
        "\"link_lifetime_days\":7,\"clock_skew_seconds\":300," +
        "\"attribution\":{\"window_days\":7,\"model\":\"last_touch\"}," +
        "\"rewards\":{\"kind\":\"commission\",\"rates_bps\":[1000,300]," +
        "\"cooling_off_days\":7}}")
    val weiCode = makeLink(shop, "wei", "copy_link", "wei-share-1")
    println("    Wei brought Lin to the shop:")
    openLink(shop, weiCode, "lin", "lin-phone", "open-lin-1")

    val linCode = makeLink(shop, "lin", "wechat", "lin-share-3")
    println("    Lin shares the mooncake box on WeChat; Bo opens it on his phone before he has an\n" +
        "    account:")
    openLink(shop, linCode, null, "bo-phone", "open-bo-1")
    clock.advanceMinutes(20)
    println("    Bo signs up on that phone; the phone's binding carries over to him:")
    val binding = checkNotNull(shop.referralSignIn("bo", "bo-phone")) { "bo is not bound after the sign-in" }
    println("    bo is bound to ${binding.sharerId} until ${dateTime(binding.expiresAtMs)}")

    println("    Bo buys two mooncake boxes; the payment credits the order to Lin:")
    shop.addToCart("bo", "mooncake-box", 2)
    val order = shop.checkout("bo", "bo-checkout-1")
    val paid = shop.pay(order.id, "wxpay-20270102-0042", order.total, "bo-pay-1")
    val a = checkNotNull(shop.orderAttribution(paid.id)) { "order ${paid.id} was not credited" }
    println("    credited to ${a.sharerId} (opened via ${a.open.channel}), goods paid " +
        "${SocialCart.formatMoney(a.paid, "CNY")}; rewards:")
    printRewards(shop, "lin")
    printRewards(shop, "wei")

    println("    Lin opens her own link from her phone: no binding, and the reason is kept:")
    openLink(shop, linCode, "lin", "lin-phone", "open-lin-2")
    for (refusal in shop.referralRefusals("lin")) {
        println("    refused for lin: ${refusal.reason} (user ${refusal.userId})")
    }

    println("    A week later the cooling-off period is over:")
    clock.advanceMinutes(7 * 24 * 60)
    printRewards(shop, "lin")
    println("    Bo returns one box: half of each reward is clawed back, vested or not:")
    shop.refundLine(paid.id, 0, 1, "bo-refund-1")
    printRewards(shop, "lin")
    printRewards(shop, "wei")

    val stats = shop.referralStatsOfTarget(ShareTarget.SKU, "mooncake-box")
    val viral = stats.viralCoefficientBps
    val money = { minor: Long -> SocialCart.formatMoney(minor, "CNY") }
    println("    The mooncake box's share-to-earn figures: shares ${stats.shares} (sharers ${stats.sharers}) -> opens ${stats.opens}\n" +
        "    (bound ${stats.boundOpens}) -> orders ${stats.orders} -> paid ${stats.paidOrders}, goods paid ${money(stats.paidAmount)}; " +
        "commission pending ${money(stats.commissionPending)},\n" +
        "    vested ${money(stats.commissionVested)}, clawed back ${money(stats.commissionClawedBack)}; " +
        "refused ${stats.refusals}; viral coefficient ${viral / 10000}.${"%02d".format(viral % 10000 / 100)}")
}
