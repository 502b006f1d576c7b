// Chapter 27 of the Kotlin walkthrough: share links, as examples/walkthrough/referral_chapter.c
// tells it. The shop signs share links with its own key; Lin shares the oolong tea on WeChat and
// prints the short code on a poster; a friend types the code; a forged copy is refused; the shop
// rotates its key, so the old key's links stop opening once it is retired; a week later the new
// link has expired. Tokens and codes hold random bytes, so the story prints only what does not
// change between runs: the start of the token and the claims it carries (the short code on the
// poster is the one exception: bindings/kotlin/run-tests.sh numbers it, as it numbers ids).

import socialcart.Engine
import socialcart.ErrorCode
import socialcart.ShareLink
import socialcart.ShareTarget
import socialcart.SocialCart

internal fun tellReferralChapter(shop: Engine, clock: StoryClock) {
    clock.advanceMinutes(60 * 24)
    println("\n27. Lin shares the oolong tea with a friend on WeChat. The shop signs share links\n" +
        "    with its own key (a link lasts 7 days, with 5 minutes' tolerance between clocks).")
    shop.putReferralProgram("{\"url_template\":\"https://shop.example/s/{token}\"," +
        "\"link_lifetime_days\":7,\"clock_skew_seconds\":300}")
    shop.generateShareKey("shop-2026-12")
    val link = shop.createShareLink("lin", ShareTarget.SKU, "tea-oolong-250g", "wechat", "lin-share-1")
    val url = link.url
    val prefix = "https://shop.example/s/".length
    println("    link: ${url.take(prefix)}${url.drop(prefix).take(20)}... (a token of ${link.token.length} characters)")
    println("    on the poster, a short code: ${link.displayCode}")

    println("    A friend types the code into the app (in lower case):")
    // Only A-Z is lowered, as the C chapter does; the code is ASCII.
    val typed = link.displayCode!!.map { if (it in 'A'..'Z') it + ('a' - 'A') else it }.joinToString("")
    printLink(shop.resolveShareLink(typed))

    println("    A forwarded copy whose signature was altered is refused:")
    val forged = link.token.toCharArray()
    val n = forged.size
    forged[n - 10] = if (forged[n - 10] == 'A') 'B' else 'A'
    refused(ErrorCode.LINK_TAMPERED) { shop.resolveShareLink(String(forged)) }

    println("    The shop rotates its key: \"shop-2027-01\" signs from now on, and Lin's first link\n" +
        "    still opens until the old key is retired.")
    shop.generateShareKey("shop-2027-01")
    val second = shop.createShareLink("lin", ShareTarget.SKU, "tea-oolong-250g", "qr", "lin-share-2")
    printLink(second)
    shop.resolveShareLink(link.token)
    shop.retireShareKey("shop-2026-12")
    refused(ErrorCode.LINK_UNKNOWN_KEY) { shop.resolveShareLink(link.token) }

    println("    A week and ten minutes later the second link has expired:")
    clock.advanceMinutes(7 * 24 * 60 + 10)
    refused(ErrorCode.EXPIRED) { shop.resolveShareLink(second.token) }
}

private fun printLink(link: ShareLink) {
    println("    ${link.sharerId}'s link to ${SocialCart.shareTargetName(link.target)} ${link.targetId} via " +
        "${link.channel}, signed by ${link.keyId}, valid until ${dateTime(link.expiresAtMs)}")
}
