// Chapter 30 of the Kotlin walkthrough: a flash sale, as examples/walkthrough/flashsale_chapter.c
// tells it. The tea house sells Tieguanyin at 29.90 instead of 68.00 in two daily slots, 10:00
// and 20:00 Beijing time, three tins a slot, one per order. The shop lists the next slot; when it
// starts, three shoppers take the three tins and a fourth is told they are gone; one of the three
// never pays, and when her window lapses the tin goes back and is sold again, selling the slot out.

import socialcart.CheckoutRequest
import socialcart.Engine
import socialcart.ErrorCode
import socialcart.FlashSaleChoice
import socialcart.Order
import socialcart.SocialCart

private const val SALE =
    "{\"id\":\"oolong-rush\",\"sku_id\":\"tea-oolong-250g\",\"sale_price\":2990,\"starts_at\":1795428000000," +
        "\"ends_at\":1830000000000,\"utc_offset_minutes\":480," +
        "\"slots\":[{\"start\":\"10:00\",\"minutes\":60},{\"start\":\"20:00\",\"minutes\":60}]," +
        "\"stock_per_slot\":3,\"max_units_per_order\":1,\"max_units_per_user_per_day\":2}"

/** A flash-sale checkout of one tin in the slot; the order. */
private fun buyTin(shop: Engine, user: String, slot: Long, key: String): Order {
    val order = shop.checkout(user, CheckoutRequest(flashSale = FlashSaleChoice("oolong-rush", slot, 1)), key)
    println("    $user takes a tin: ${SocialCart.formatMoney(order.total, "CNY")} with shipping, to pay by " +
        dateTime(order.payDeadlineMs))
    return order
}

/** A flash-sale checkout the story expects to be refused. */
private fun tryForTin(shop: Engine, user: String, slot: Long, key: String, expected: ErrorCode) {
    println("    $user tries for one:")
    refused(expected) { shop.checkout(user, CheckoutRequest(flashSale = FlashSaleChoice("oolong-rush", slot, 1)), key) }
}

private fun payTin(shop: Engine, order: Order, key: String) {
    val paid = shop.pay(order.id, "wxpay-flash", order.total, key)
    println("    ${paid.userId} pays: ${SocialCart.orderStateName(paid.state)}")
}

private fun printSlot(shop: Engine, clock: StoryClock) {
    val s = shop.flashSlots("oolong-rush", 1).first()
    val taken = s.stock - s.left
    val line = StringBuilder("    the ${dateTime(s.startsAtMs)} UTC slot: ${s.sold} sold, ${s.held} held, " +
        "${s.left} left (${taken * 100 / s.stock}% taken)")
    if (s.startsAtMs > clock.nowMs) line.append(", starts in ${(s.startsAtMs - clock.nowMs) / 60_000} min")
    println(line)
}

internal fun tellFlashSaleChapter(shop: Engine, clock: StoryClock) {
    clock.advanceMinutes(60)
    println("\n30. Flash sale. Tieguanyin at CNY 29.90 instead of 68.00, 10:00 and 20:00 Beijing time,\n" +
        "    three tins a slot, one per order.")
    shop.putFlashSale(SALE)
    printSlot(shop, clock)
    val slot = shop.flashSlots("oolong-rush", 1).first().startsAtMs
    clock.advanceMinutes((slot - clock.nowMs) / 60_000)

    println("    The slot opens:")
    val kai = buyTin(shop, "kai", slot, "kai-flash-1")
    val jun = buyTin(shop, "jun", slot, "jun-flash-1")
    buyTin(shop, "ana", slot, "ana-flash-1")
    printSlot(shop, clock)
    tryForTin(shop, "ren", slot, "ren-flash-1", ErrorCode.OUT_OF_STOCK)
    payTin(shop, kai, "pay-kai-flash-1")
    payTin(shop, jun, "pay-jun-flash-1")
    println("    Ana has not paid and tries for another:")
    tryForTin(shop, "ana", slot, "ana-flash-2", ErrorCode.INVALID_STATE)

    clock.advanceMinutes(16)
    println("    16 minutes later Ana's window has lapsed and her tin is back:")
    printSlot(shop, clock)
    val ren = buyTin(shop, "ren", slot, "ren-flash-2")
    payTin(shop, ren, "pay-ren-flash-2")

    val report = shop.flashReport("oolong-rush", slot)
    println("    The slot's figures: ${report.sold} of ${report.stock} sold, sold out after " +
        "${(report.sellOutMs ?: -1) / 60_000} min, ${report.ordersPaid} order(s) paid, ${report.ordersLapsed} lapsed")
}
