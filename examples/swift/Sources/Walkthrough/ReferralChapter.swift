import Foundation
import SocialCart

/// What the share-link chapter (27) leaves, for a test to check.
public struct ReferralOutcome: Sendable {
    /// Lin's first link (WeChat), signed by "shop-2026-12", and the link her friend opened
    /// by typing its short code.
    public let link: SCShareLink
    public let opened: SCShareLink
    /// Lin's second link (a QR code), signed by "shop-2027-01" after the rotation.
    public let second: SCShareLink
}

/// Chapter 27 of the walkthrough, as examples/walkthrough/referral_chapter.c tells it: the
/// shop signs share links with its own key; Lin shares the oolong tea on WeChat and prints
/// the short code on a poster; a friend types the code; a forged copy is refused; the shop
/// rotates its key, so the old key's links stop opening once it is retired; a week later
/// the new link has expired. Tokens and codes hold random bytes, so the story prints only
/// what does not change between runs: the start of the token and the claims it carries
/// (and the short code, which run-tests.sh masks before comparing with the C walkthrough).
func tellReferralChapter(engine: SCEngine, clock: StoryClock, story: Story) throws -> ReferralOutcome {
    let say = story.say
    clock.advance(minutes: 60 * 24)
    say("\n27. Lin shares the oolong tea with a friend on WeChat. The shop signs share links\n"
        + "    with its own key (a link lasts 7 days, with 5 minutes' tolerance between clocks).")
    try engine.blocking.putReferralProgram(
        json: #"{"url_template":"https://shop.example/s/{token}","link_lifetime_days":7,"clock_skew_seconds":300}"#)
    try engine.blocking.generateShareKey(id: "shop-2026-12")
    let link = try engine.blocking.createShareLink(
        sharer: "lin", target: .sku, targetId: "tea-oolong-250g", channel: "wechat", idempotencyKey: "lin-share-1")
    let prefix = "https://shop.example/s/".utf8.count
    say("    link: \(String(decoding: link.url.utf8.prefix(prefix + 20), as: UTF8.self))... "
        + "(a token of \(link.token.utf8.count) characters)")
    let displayCode = link.displayCode ?? ""
    say("    on the poster, a short code: \(displayCode)")

    say("    A friend types the code into the app (in lower case):")
    let typed = displayCode.lowercased()
    let opened = try engine.blocking.resolveShareLink(typed)
    story.printShareLink(opened)

    say("    A forwarded copy whose signature was altered is refused:")
    var forged = Array(link.token.utf8)
    let n = forged.count
    forged[n - 10] = forged[n - 10] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
    try story.expectRefusal(.linkTampered) {
        _ = try engine.blocking.resolveShareLink(String(decoding: forged, as: UTF8.self))
    }

    say("    The shop rotates its key: \"shop-2027-01\" signs from now on, and Lin's first link\n"
        + "    still opens until the old key is retired.")
    try engine.blocking.generateShareKey(id: "shop-2027-01")
    let second = try engine.blocking.createShareLink(
        sharer: "lin", target: .sku, targetId: "tea-oolong-250g", channel: "qr", idempotencyKey: "lin-share-2")
    story.printShareLink(second)
    _ = try engine.blocking.resolveShareLink(link.token)
    try engine.blocking.retireShareKey(id: "shop-2026-12")
    try story.expectRefusal(.linkUnknownKey) { _ = try engine.blocking.resolveShareLink(link.token) }

    say("    A week and ten minutes later the second link has expired:")
    clock.advance(minutes: 7 * 24 * 60 + 10)
    try story.expectRefusal(.expired) { _ = try engine.blocking.resolveShareLink(second.token) }

    return ReferralOutcome(link: link, opened: opened, second: second)
}

/// A UTC instant to the minute, e.g. "2027-01-09 09:00".
func utcDateTime(_ ms: Int64) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.calendar = Calendar(identifier: .gregorian)
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(ms / 1000)))
}

extension Story {
    /// A link's claims: who shared what, through which channel, signed by which key, until when.
    func printShareLink(_ link: SCShareLink) {
        say("    \(link.sharerId)'s link to \(link.target.name) \(link.targetId) via \(link.channel), "
            + "signed by \(link.keyId), valid until \(utcDateTime(link.expiresAtMs))")
    }
}
