import Foundation
import SocialCart

/// What the bargain chapter (31) leaves, for a test to check.
public struct BargainOutcome: Sendable {
    /// The program as put.
    public let program: SCBargainProgram
    /// Mei's bargain as opened, the invite to it and Kai's open of the invite.
    public let meiOpened: SCBargain
    public let invite: SCShareLink
    public let kaiOpen: SCShareOpen
    /// The amounts Kai's, Jun's and Ana's helps cut, in that order.
    public let cuts: [Int64]
    /// Mei's order at the bargained price, paid, and her bargain once bought.
    public let meiOrder: SCOrder
    public let meiBought: SCBargain
    /// Ren's bargain a day after it opened.
    public let renExpired: SCBargain
    /// The program's figures at the end.
    public let report: SCBargainReport
}

/// The program: the mooncake box from 128.00 down to 68.00 with three helps, a bargain
/// living a day.
private let mooncakeChop =
    #"{"id":"mooncake-chop","sku_id":"mooncake-box","floor_price":6800,"helpers":3,"#
    + #""lifetime_minutes":1440,"starts_at":1795428000000,"ends_at":1830000000000}"#

/// The story's random source, as story.c's story_random: SplitMix64 from the seed 20261203,
/// so every run cuts the same amounts.
final class StoryRandom: @unchecked Sendable {
    static let seed: UInt64 = 20_261_203
    private let lock = NSLock()
    private var state = StoryRandom.seed

    func next() -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// Chapter 31 of the walkthrough, as examples/walkthrough/bargain_chapter.c tells it: a
/// bargain. The bakery lets a shopper bargain the mooncake box down from 128.00 to 68.00
/// with three friends' help inside a day. Mei opens one and shares its invite; she cannot
/// help herself, Kai helps once and not twice, Jun and Ana's helps land it exactly on the
/// floor, and Mei buys at 68.00. Ren's bargain gets one help and expires. The cuts come from
/// the story's seeded random source (`StoryRandom`), so every run cuts the same. Bargain ids
/// are random, so the story prints what does not change.
func tellBargainChapter(engine: SCEngine, clock: StoryClock, story: Story) throws -> BargainOutcome {
    let say = story.say
    clock.advance(minutes: 60)
    say("\n31. Bargain. The mooncake box from CNY 128.00 down to 68.00 with three friends' help\n"
        + "    inside a day; each help cuts a random part of what is left.")
    try engine.blocking.putBargainProgram(json: mooncakeChop)
    let program = try engine.blocking.bargainProgram(id: "mooncake-chop")

    let meiOpened = try story.openBargain(user: "mei", key: "mei-chop-1")
    let mei = meiOpened.id
    let invite = try engine.blocking.createShareLink(
        sharer: "mei", target: .bargain, targetId: mei, channel: "wechat", idempotencyKey: "mei-chop-invite")
    guard let inviteCode = invite.code else {
        throw StoryError(description: "mei's invite has no short code")
    }
    let kaiOpen = try engine.blocking.openShareLink(
        inviteCode, userId: "kai", deviceId: "kai-phone", idempotencyKey: "open-kai-chop")
    let toBargain = kaiOpen.target == .bargain && kaiOpen.targetId == mei
    say("    Mei shares the invite; it leads Kai to \(toBargain ? "Mei's bargain" : "somewhere else")")
    var cuts: [Int64] = []
    try story.refuseHelp(mei, friend: "mei", key: "help-mei-mei", .invalidState)
    cuts.append(try story.help(mei, friend: "kai", key: "help-mei-kai"))
    try story.refuseHelp(mei, friend: "kai", key: "help-mei-kai-2", .invalidState)
    clock.advance(minutes: 40)
    cuts.append(try story.help(mei, friend: "jun", key: "help-mei-jun"))
    clock.advance(minutes: 25)
    cuts.append(try story.help(mei, friend: "ana", key: "help-mei-ana"))

    let order = try engine.blocking.checkout(
        user: "mei", request: SCCheckoutRequest(bargainId: mei), idempotencyKey: "mei-chop-buy")
    let paid = try engine.blocking.pay(
        order: order.id, paymentRef: "wxpay-chop", amountMinor: order.totalMinor, idempotencyKey: "pay-mei-chop")
    say("    Mei buys the box at the bargained price: \(try cny(paid.totalMinor)) with shipping, \(paid.state.name)")
    let meiBought = try engine.blocking.bargain(id: mei)
    say("    Mei's bargain is \(meiBought.state.name) after \(meiBought.helps.count) helps")

    let ren = try story.openBargain(user: "ren", key: "ren-chop-1").id
    _ = try story.help(ren, friend: "ada", key: "help-ren-ada")
    clock.advance(minutes: 24 * 60)
    try engine.blocking.sweep(maxOrders: 100)
    let renExpired = try engine.blocking.bargain(id: ren)
    say("    a day later Ren's bargain is \(renExpired.state.name) at \(try cny(renExpired.price))")

    let report = try engine.blocking.bargainReport(programId: "mooncake-chop")
    let per = report.helpersPerCompletion
    let conversion = report.conversionBps
    say("    The program's figures: opened \(report.opened), completed \(report.completed), "
        + "bought \(report.bought), expired \(report.expired), helps \(report.helps),\n"
        + "    helpers per completion \(per / 100).\(twoDigits(per % 100)), "
        + "conversion to paid \(conversion / 100).\(twoDigits(conversion % 100))%")

    return BargainOutcome(
        program: program, meiOpened: meiOpened, invite: invite, kaiOpen: kaiOpen, cuts: cuts, meiOrder: paid,
        meiBought: meiBought, renExpired: renExpired, report: report)
}

extension Story {
    /// Opens a bargain of the program and says where it starts, where it can go and by when.
    fileprivate func openBargain(user: String, key: String) throws -> SCBargain {
        let b = try engine.blocking.openBargain(programId: "mooncake-chop", userId: user, idempotencyKey: key)
        say("    \(user) opens a bargain at \(try cny(b.price)), down to \(try cny(b.floorPrice)) with "
            + "\(b.helpersNeeded) friends' help by \(utcDateTime(b.deadlineMs))")
        return b
    }

    /// A friend's help; says the cut and returns it.
    fileprivate func help(_ bargain: String, friend: String, key: String) throws -> Int64 {
        let result = try engine.blocking.helpBargain(bargainId: bargain, helperUserId: friend, idempotencyKey: key)
        say("    \(friend) helps: \(try cny(result.amount)) off, now \(try cny(result.bargain.price)) "
            + "(\(result.bargain.state.name))")
        return result.amount
    }

    /// A help the story expects refused.
    fileprivate func refuseHelp(_ bargain: String, friend: String, key: String, _ expected: SCError.Code) throws {
        say("    \(friend) tries to help:")
        try expectRefusal(expected) {
            _ = try engine.blocking.helpBargain(bargainId: bargain, helperUserId: friend, idempotencyKey: key)
        }
    }
}
