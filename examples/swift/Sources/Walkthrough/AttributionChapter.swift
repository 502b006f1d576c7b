import Foundation
import SocialCart

/// What the share-to-earn chapter (28) leaves, for a test to check.
public struct AttributionOutcome: Sendable {
    /// The opens: Lin's of Wei's link, Bo's phone's of Lin's link, Lin's of her own link.
    public let linOpensWei: SCShareOpen
    public let boPhoneOpensLin: SCShareOpen
    public let linOpensOwn: SCShareOpen
    /// Bo's binding once he signed up on the phone.
    public let boBinding: SCReferralBinding
    /// Bo's order once paid, its attribution, and the order after one box came back.
    public let paid: SCOrder
    public let attribution: SCOrderAttribution
    public let refunded: SCOrder
    /// Lin's rewards when the order was paid, after the cooling-off week and after the
    /// return; Wei's when the order was paid and after the return.
    public let linRewardsAtPayment: [SCReferralReward]
    public let weiRewardsAtPayment: [SCReferralReward]
    public let linRewardsVested: [SCReferralReward]
    public let linRewardsAfterReturn: [SCReferralReward]
    public let weiRewardsAfterReturn: [SCReferralReward]
    /// The refusals kept for Lin.
    public let refusals: [SCReferralRefusal]
    /// The mooncake box's figures at the end.
    public let stats: SCReferralStats
}

/// Chapter 28 of the walkthrough, as examples/walkthrough/attribution_chapter.c tells it:
/// share-to-earn. The shop pays commission on referred orders at two levels. Lin (brought
/// to the shop by Wei) shares the mooncake box; Bo opens it on his phone before he has an
/// account, signs up on that phone, and buys. The order is credited to Lin, with Wei at
/// level 2; the rewards vest after the cooling-off week; Lin opening her own link earns
/// nothing, and the reason is recorded; Bo returns one box and half of each reward is
/// clawed back. Opens and codes hold random ids, so the story prints what does not change
/// between runs.
func tellAttributionChapter(engine: SCEngine, clock: StoryClock, story: Story) throws -> AttributionOutcome {
    let say = story.say
    clock.advance(minutes: 60)
    say("\n28. Share-to-earn. A referred order pays its sharer 10% of what its goods paid, and\n"
        + "    whoever brought the sharer 3%, after a cooling-off week. An open binds the opener\n"
        + "    to the sharer for 7 days; the latest open wins.")
    try engine.blocking.putReferralProgram(
        json: #"{"url_template":"https://shop.example/s/{token}","#
            + #""link_lifetime_days":7,"clock_skew_seconds":300,"#
            + #""attribution":{"window_days":7,"model":"last_touch"},"#
            + #""rewards":{"kind":"commission","rates_bps":[1000,300],"#
            + #""cooling_off_days":7}}"#)
    let weiCode = try story.makeMooncakeLink(sharer: "wei", channel: "copy_link", idempotencyKey: "wei-share-1")
    say("    Wei brought Lin to the shop:")
    let linOpensWei = try story.openLink(weiCode, user: "lin", device: "lin-phone", idempotencyKey: "open-lin-1")

    let linCode = try story.makeMooncakeLink(sharer: "lin", channel: "wechat", idempotencyKey: "lin-share-3")
    say("    Lin shares the mooncake box on WeChat; Bo opens it on his phone before he has an\n"
        + "    account:")
    let boPhoneOpensLin = try story.openLink(linCode, user: nil, device: "bo-phone", idempotencyKey: "open-bo-1")
    clock.advance(minutes: 20)
    say("    Bo signs up on that phone; the phone's binding carries over to him:")
    guard let binding = try engine.blocking.referralSignIn(userId: "bo", deviceId: "bo-phone") else {
        throw StoryError(description: "bo is not bound after signing in on bo-phone")
    }
    say("    bo is bound to \(binding.sharerId) until \(utcDateTime(binding.expiresAtMs))")

    say("    Bo buys two mooncake boxes; the payment credits the order to Lin:")
    try engine.blocking.addToCart(user: "bo", sku: "mooncake-box", quantity: 2)
    let order = try engine.blocking.checkout(user: "bo", idempotencyKey: "bo-checkout-1")
    let paid = try engine.blocking.pay(
        order: order.id, paymentRef: "wxpay-20270102-0042", amount: order.total, idempotencyKey: "bo-pay-1")
    guard let attribution = try engine.blocking.orderAttribution(orderId: paid.id) else {
        throw StoryError(description: "Bo's order \(paid.id) was not credited to anyone")
    }
    say("    credited to \(attribution.sharerId) (opened via \(attribution.open.channel)), "
        + "goods paid \(try cny(attribution.paid)); rewards:")
    let linRewardsAtPayment = try story.printRewards(sharer: "lin")
    let weiRewardsAtPayment = try story.printRewards(sharer: "wei")

    say("    Lin opens her own link from her phone: no binding, and the reason is kept:")
    let linOpensOwn = try story.openLink(linCode, user: "lin", device: "lin-phone", idempotencyKey: "open-lin-2")
    let refusals = try engine.blocking.referralRefusals(sharerId: "lin")
    for refusal in refusals {
        say("    refused for lin: \(refusal.reason) (user \(refusal.userId ?? "(null)"))")
    }

    say("    A week later the cooling-off period is over:")
    clock.advance(minutes: 7 * 24 * 60)
    let linRewardsVested = try story.printRewards(sharer: "lin")
    say("    Bo returns one box: half of each reward is clawed back, vested or not:")
    let refunded = try engine.blocking.refundLine(
        order: paid.id, lineIndex: 0, quantity: 1, idempotencyKey: "bo-refund-1")
    let linRewardsAfterReturn = try story.printRewards(sharer: "lin")
    let weiRewardsAfterReturn = try story.printRewards(sharer: "wei")

    let stats = try engine.blocking.referralStats(target: .sku, targetId: "mooncake-box")
    let viral = stats.viralCoefficientBps
    say("    The mooncake box's share-to-earn figures: shares \(stats.shares) (sharers \(stats.sharers)) -> opens \(stats.opens)\n"
        + "    (bound \(stats.boundOpens)) -> orders \(stats.orders) -> paid \(stats.paidOrders), "
        + "goods paid \(try cny(stats.paidAmount)); commission pending \(try cny(stats.commissionPending)),\n"
        + "    vested \(try cny(stats.commissionVested)), clawed back \(try cny(stats.commissionClawedBack)); "
        + "refused \(stats.refusals); viral coefficient \(viral / 10_000).\(twoDigits(viral % 10_000 / 100))")

    return AttributionOutcome(
        linOpensWei: linOpensWei, boPhoneOpensLin: boPhoneOpensLin, linOpensOwn: linOpensOwn,
        boBinding: binding, paid: paid, attribution: attribution, refunded: refunded,
        linRewardsAtPayment: linRewardsAtPayment, weiRewardsAtPayment: weiRewardsAtPayment,
        linRewardsVested: linRewardsVested, linRewardsAfterReturn: linRewardsAfterReturn,
        weiRewardsAfterReturn: weiRewardsAfterReturn, refusals: refusals, stats: stats)
}

extension Story {
    /// Lists a sharer's rewards at either level, as of now.
    @discardableResult
    fileprivate func printRewards(sharer: String) throws -> [SCReferralReward] {
        let rewards = try engine.blocking.referralRewards(sharerId: sharer)
        for r in rewards {
            let state: String
            switch r.state {
            case .pending: state = "pending"
            case .vested: state = "vested"
            default: state = "clawed back"
            }
            var text = "      \(r.sharerId), level \(r.level): \(try cny(r.amount)), \(state)"
            if r.state == .pending { text += " until \(utcDateTime(r.vestsAtMs))" }
            if r.clawedBack > 0 { text += ", \(try cny(r.clawedBack)) clawed back" }
            say(text)
        }
        return rewards
    }

    /// Opens a link by its short code as a user (or, with `user` nil, a device) and says
    /// what the open did.
    fileprivate func openLink(
        _ code: String, user: String?, device: String?, idempotencyKey: String
    ) throws -> SCShareOpen {
        let open = try engine.blocking.openShareLink(
            code, userId: user, deviceId: device, idempotencyKey: idempotencyKey)
        var text = "    \(user ?? device ?? "(null)") opens \(open.sharerId)'s link: \(open.outcome)"
        if open.isBound, let until = open.boundUntilMs { text += " until \(utcDateTime(until))" }
        say(text)
        return open
    }

    /// A share link to the mooncake box; returns its short code.
    fileprivate func makeMooncakeLink(sharer: String, channel: String, idempotencyKey: String) throws -> String {
        let link = try engine.blocking.createShareLink(
            sharer: sharer, target: .sku, targetId: "mooncake-box", channel: channel, idempotencyKey: idempotencyKey)
        guard let code = link.code else {
            throw StoryError(description: "\(sharer)'s share link has no short code")
        }
        return code
    }
}
