import Foundation
import SocialCart

/// What the group-buy chapter (29) leaves, for a test to check.
public struct GroupBuyOutcome: Sendable {
    /// The campaign as put.
    public let campaign: SCGroupCampaign
    /// The paid orders of Mei's group: Mei opened it, Kai and Jun joined.
    public let mei: SCOrder
    public let kai: SCOrder
    public let jun: SCOrder
    /// Mei's group once she paid, after Kai paid, and once Jun filled it.
    public let meiGroupOpened: SCGroup
    public let meiGroupAfterKai: SCGroup
    public let meiGroupFilled: SCGroup
    /// Mei's invite (a share link to her group) and Kai's open of it.
    public let invite: SCShareLink
    public let kaiOpen: SCShareOpen
    /// Kai's order's attribution; nil if it was credited to nobody.
    public let kaiAttribution: SCOrderAttribution?
    /// Mei's order once the group filled.
    public let meiConfirmed: SCOrder
    /// The paid orders of Ren's group: Ren opened it, Ada joined.
    public let ren: SCOrder
    public let ada: SCOrder
    /// Ren's group with two of three paid, and after its deadline.
    public let renGroupOpen: SCGroup
    public let renGroupFailed: SCGroup
    /// Ren's and Ada's orders at the deadline, and after each was refunded.
    public let failedOrders: [SCOrder]
    public let refundedOrders: [SCOrder]
    /// The campaign's figures at the end.
    public let report: SCGroupReport
}

/// The campaign: the mooncake box at 88.00 for groups of three, a group living a day.
private let mooncakeTrio =
    #"{"id":"mooncake-trio","sku_id":"mooncake-box","group_price":8800,"group_size":3,"#
    + #""lifetime_minutes":1440,"starts_at":1795428000000,"ends_at":1830000000000,"#
    + #""limits":{"max_units_per_order":2}}"#

/// Chapter 29 of the walkthrough, as examples/walkthrough/groupbuy_chapter.c tells it:
/// group-buy. The bakery sells the mooncake box to groups of three at 88.00 instead of
/// 128.00, a group living a day from its leader's payment. Mei opens a group and shares its
/// invite; Kai and Jun open the invite, join and pay, and the third payment fills the group.
/// Ren opens another; only Ada joins; at the deadline the group fails, each paid member's
/// own order is due a refund, and the shop refunds them one by one. Group ids are random,
/// so the story prints what does not change.
func tellGroupBuyChapter(engine: SCEngine, clock: StoryClock, story: Story) throws -> GroupBuyOutcome {
    let say = story.say
    clock.advance(minutes: 60)
    say("\n29. Group-buy. Mooncake boxes at CNY 88.00 instead of 128.00 for groups of three; a group\n"
        + "    opens when its leader pays and has a day to fill.")
    try engine.blocking.putGroupCampaign(json: mooncakeTrio)
    let campaign = try engine.blocking.groupCampaign(id: "mooncake-trio")

    let mei = try story.buyInGroup(user: "mei", .open(campaignId: "mooncake-trio", quantity: 1), key: "mei-group-1")
    let meiGroup = try story.groupOf(mei)
    let meiGroupOpened = try story.printGroup(meiGroup)

    say("    Mei shares the group's invite; Kai opens it and joins:")
    let invite = try engine.blocking.createShareLink(
        sharer: "mei", target: .group, targetId: meiGroup, channel: "wechat", idempotencyKey: "mei-invite-1")
    guard let inviteCode = invite.code else {
        throw StoryError(description: "mei's invite has no short code")
    }
    clock.advance(minutes: 30)
    let kaiOpen = try engine.blocking.openShareLink(
        inviteCode, userId: "kai", deviceId: "kai-phone", idempotencyKey: "open-kai-1")
    let toGroup = kaiOpen.target == .group && kaiOpen.targetId == meiGroup
    say("    the invite leads to \(toGroup ? "Mei's group" : "somewhere else"), and kai is \(kaiOpen.outcome)")
    let kai = try story.buyInGroup(user: "kai", .join(groupId: meiGroup, quantity: 1), key: "kai-group-1")
    let meiGroupAfterKai = try story.printGroup(meiGroup)
    let attribution = try engine.blocking.orderAttribution(orderId: kai.id)
    let earned = attribution?.rewards.first?.amount ?? 0
    say("    Kai's order is credited to \(attribution?.sharerId ?? "nobody"), who earns \(try cny(earned)) pending")

    clock.advance(minutes: 90)
    say("    Jun opens the invite too and takes the last seat:")
    _ = try engine.blocking.openShareLink(inviteCode, userId: "jun", deviceId: "jun-phone", idempotencyKey: "open-jun-1")
    let jun = try story.buyInGroup(user: "jun", .join(groupId: meiGroup, quantity: 1), key: "jun-group-1")
    let meiGroupFilled = try story.printGroup(meiGroup)
    let meiConfirmed = try engine.blocking.order(mei.id)
    say("    Mei's order is now \(meiConfirmed.state.name) too: the bakery ships all three")
    say("    Ana comes late:")
    try story.expectRefusal(.groupFull) {
        _ = try engine.blocking.checkout(
            user: "ana", request: SCCheckoutRequest(group: .join(groupId: meiGroup, quantity: 1)),
            idempotencyKey: "ana-group-1")
    }

    say("    Ren opens another group; only Ada joins before the day is out:")
    let ren = try story.buyInGroup(user: "ren", .open(campaignId: "mooncake-trio", quantity: 1), key: "ren-group-1")
    let renGroup = try story.groupOf(ren)
    clock.advance(minutes: 45)
    let ada = try story.buyInGroup(user: "ada", .join(groupId: renGroup, quantity: 1), key: "ada-group-1")
    let renGroupOpen = try story.printGroup(renGroup)
    clock.advance(minutes: 24 * 60)
    try engine.blocking.sweep(maxOrders: 100)
    let renGroupFailed = try story.printGroup(renGroup)
    say("    each paid member's own order is due a refund, and the shop refunds them one by one:")
    var failedOrders: [SCOrder] = []
    var refundedOrders: [SCOrder] = []
    for order in [ren, ada] {
        let seen = try engine.blocking.order(order.id)
        let due = seen.totalMinor - seen.shippingMinor - seen.refundedMinor
        var text = "    \(seen.userId)'s order: \(seen.state.name), \(try cny(due)) due for the boxes"
        let refunded = try engine.blocking.refundAmount(
            order: seen.id, amountMinor: due, idempotencyKey: "refund-group-\(seen.userId)")
        text += " -> \(refunded.state.name)"
        say(text)
        failedOrders.append(seen)
        refundedOrders.append(refunded)
    }

    let report = try engine.blocking.groupReport(campaignId: "mooncake-trio")
    let rate = report.successRateBps
    say("    The campaign's figures: groups opened \(report.opened), filled \(report.filled), failed \(report.failed), "
        + "success rate \(rate / 100).\(twoDigits(rate % 100))%,\n"
        + "    average time to fill \(report.averageFillMs / 60_000) min, boxes sold \(report.unitsSold)")

    return GroupBuyOutcome(
        campaign: campaign, mei: mei, kai: kai, jun: jun, meiGroupOpened: meiGroupOpened,
        meiGroupAfterKai: meiGroupAfterKai, meiGroupFilled: meiGroupFilled, invite: invite, kaiOpen: kaiOpen,
        kaiAttribution: attribution, meiConfirmed: meiConfirmed, ren: ren, ada: ada, renGroupOpen: renGroupOpen,
        renGroupFailed: renGroupFailed, failedOrders: failedOrders, refundedOrders: refundedOrders, report: report)
}

extension Story {
    /// A group checkout and its payment; returns the paid order.
    fileprivate func buyInGroup(user: String, _ choice: SCGroupChoice, key: String) throws -> SCOrder {
        let order = try engine.blocking.checkout(
            user: user, request: SCCheckoutRequest(group: choice), idempotencyKey: key)
        let paid = try engine.blocking.pay(
            order: order.id, paymentRef: "wxpay-group", amountMinor: order.totalMinor, idempotencyKey: "pay-\(key)")
        say("    \(user) pays \(try cny(paid.totalMinor)): \(paid.state.name)")
        return paid
    }

    /// Says who leads the group, where it is and, while it is open, how many more it needs
    /// by when; returns the group as read.
    @discardableResult
    fileprivate func printGroup(_ id: String) throws -> SCGroup {
        let g = try engine.blocking.group(id: id)
        var text = "    the group led by \(g.leaderUserId) is \(g.state.name): \(g.paidMembers) of \(g.size) paid"
        if g.state == .open {
            text += ", \(g.seatsLeft) more needed by \(utcDateTime(g.deadlineMs ?? 0))"
        }
        say(text)
        return g
    }

    /// The id of the group an order holds a seat in.
    fileprivate func groupOf(_ order: SCOrder) throws -> String {
        guard let g = try engine.blocking.groupOfOrder(orderId: order.id) else {
            throw StoryError(description: "\(order.userId)'s order \(order.id) is not a group order")
        }
        return g.id
    }
}
