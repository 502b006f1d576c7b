// Chapter 29 of the Kotlin walkthrough: group-buy, as examples/walkthrough/groupbuy_chapter.c
// tells it. The bakery sells the mooncake box to groups of three at 88.00 instead of 128.00, a
// group living a day from its leader's payment. Mei opens a group and shares its invite; Kai and
// Jun open the invite, join and pay, and the third payment fills the group. Ren opens another;
// only Ada joins; at the deadline the group fails, each paid member's own order is due a refund,
// and the shop refunds them one by one. Group ids are random, so the story prints what does not
// change. Money is formatted by the library (integer minor units), the success rate from its
// basis points with integer arithmetic.

import socialcart.CheckoutRequest
import socialcart.Engine
import socialcart.ErrorCode
import socialcart.GroupChoice
import socialcart.GroupState
import socialcart.Order
import socialcart.ShareTarget
import socialcart.SocialCart

private const val CAMPAIGN =
    "{\"id\":\"mooncake-trio\",\"sku_id\":\"mooncake-box\",\"group_price\":8800,\"group_size\":3," +
        "\"lifetime_minutes\":1440,\"starts_at\":1795428000000,\"ends_at\":1830000000000," +
        "\"limits\":{\"max_units_per_order\":2}}"

/** A group checkout and its payment; the paid order. */
private fun buyInGroup(shop: Engine, user: String, choice: GroupChoice, key: String): Order {
    val order = shop.checkout(user, CheckoutRequest(group = choice), key)
    val paid = shop.pay(order.id, "wxpay-group", order.total, "pay-$key")
    println("    $user pays ${SocialCart.formatMoney(paid.total, "CNY")}: ${SocialCart.orderStateName(paid.state)}")
    return paid
}

private fun printGroup(shop: Engine, groupId: String) {
    val g = shop.group(groupId)
    val line = StringBuilder("    the group led by ${g.leaderUserId} is ${SocialCart.groupStateName(g.state)}: " +
        "${g.paidMembers} of ${g.size} paid")
    if (g.state == GroupState.OPEN) line.append(", ${g.seatsLeft} more needed by ${dateTime(g.deadlineMs)}")
    println(line)
}

private fun groupOf(shop: Engine, order: Order): String =
    checkNotNull(shop.groupOfOrder(order.id)) { "order ${order.id} holds no seat in a group" }.id

internal fun tellGroupBuyChapter(shop: Engine, clock: StoryClock) {
    clock.advanceMinutes(60)
    println("\n29. Group-buy. Mooncake boxes at CNY 88.00 instead of 128.00 for groups of three; a group\n" +
        "    opens when its leader pays and has a day to fill.")
    shop.putGroupCampaign(CAMPAIGN)

    val mei = buyInGroup(shop, "mei", GroupChoice.open("mooncake-trio"), "mei-group-1")
    val meiGroup = groupOf(shop, mei)
    printGroup(shop, meiGroup)

    println("    Mei shares the group's invite; Kai opens it and joins:")
    val invite = shop.createShareLink("mei", ShareTarget.GROUP, meiGroup, "wechat", "mei-invite-1").code!!
    clock.advanceMinutes(30)
    val open = shop.openShareLink(invite, "kai", "kai-phone", "open-kai-1")
    val toGroup = open.target == ShareTarget.GROUP && open.targetId == meiGroup
    println("    the invite leads to ${if (toGroup) "Mei's group" else "somewhere else"}, and kai is ${open.outcome}")
    val kai = buyInGroup(shop, "kai", GroupChoice.join(meiGroup), "kai-group-1")
    printGroup(shop, meiGroup)
    val a = shop.orderAttribution(kai.id)
    println("    Kai's order is credited to ${a?.sharerId ?: "nobody"}, who earns " +
        "${SocialCart.formatMoney(a?.rewards?.firstOrNull()?.amount ?: 0, "CNY")} pending")

    clock.advanceMinutes(90)
    println("    Jun opens the invite too and takes the last seat:")
    shop.openShareLink(invite, "jun", "jun-phone", "open-jun-1")
    buyInGroup(shop, "jun", GroupChoice.join(meiGroup), "jun-group-1")
    printGroup(shop, meiGroup)
    val seen = shop.order(mei.id)
    println("    Mei's order is now ${SocialCart.orderStateName(seen.state)} too: the bakery ships all three")
    println("    Ana comes late:")
    val late = CheckoutRequest(group = GroupChoice.join(meiGroup))
    refused(ErrorCode.GROUP_FULL) { shop.checkout("ana", late, "ana-group-1") }

    println("    Ren opens another group; only Ada joins before the day is out:")
    val ren = buyInGroup(shop, "ren", GroupChoice.open("mooncake-trio"), "ren-group-1")
    val renGroup = groupOf(shop, ren)
    clock.advanceMinutes(45)
    val ada = buyInGroup(shop, "ada", GroupChoice.join(renGroup), "ada-group-1")
    printGroup(shop, renGroup)
    clock.advanceMinutes(24 * 60)
    shop.sweep(maxOrders = 100)
    printGroup(shop, renGroup)
    println("    each paid member's own order is due a refund, and the shop refunds them one by one:")
    for (order in listOf(ren, ada)) {
        val member = shop.order(order.id)
        val due = member.total - member.shipping - member.refunded
        print("    ${member.userId}'s order: ${SocialCart.orderStateName(member.state)}, " +
            "${SocialCart.formatMoney(due, "CNY")} due for the boxes")
        val refunded = shop.refundAmount(member.id, due, "refund-group-${member.userId}")
        println(" -> ${SocialCart.orderStateName(refunded.state)}")
    }

    val report = shop.groupReport("mooncake-trio")
    val rate = report.successRateBps
    println("    The campaign's figures: groups opened ${report.opened}, filled ${report.filled}, " +
        "failed ${report.failed}, success rate ${rate / 100}.${"%02d".format(rate % 100)}%,\n" +
        "    average time to fill ${report.averageFillMs / 60_000} min, boxes sold ${report.unitsSold}")
}
