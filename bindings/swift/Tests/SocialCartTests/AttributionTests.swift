import XCTest
@testable import SocialCart

/// Share-to-earn past the link through the binding (socialcart/attribution.h): opens and the
/// bindings they make (sc_engine_share_link_open, sc_share_open_*), sign-in carry-over and
/// bindings read back (sc_engine_referral_sign_in, sc_engine_referral_binding,
/// sc_referral_binding_*), order attribution with its rewards vesting and clawed back
/// (sc_engine_order_attribution, sc_order_attribution_*, sc_engine_referral_rewards,
/// sc_referral_rewards_*, sc_referral_reward_*), refusals (sc_engine_referral_refusals,
/// sc_referral_refusals_*) and statistics (sc_engine_referral_stats, sc_referral_stats_*).
/// The figures follow from the program below:
///
/// - an open binds for the attribution window, 7 days by default;
/// - commission per level = floor(goods paid x rates_bps / 10 000): 2 teas at 44.00 paid
///   88.00, so 880 for Lin (10 %) and 264 for Mei (3 %, Lin's own referrer);
/// - a reward vests cooling_off_days (7) after the payment;
/// - refunding one unit of two claws back half of each reward: 440 and 132.
final class AttributionTests: SocialCartTestCase {
    private let day: Int64 = 86_400_000
    private static let program = """
        {"url_template":"https://shop.example/s/{token}","link_lifetime_days":30,
         "rewards":{"kind":"commission","rates_bps":[1000,300],"cooling_off_days":7}}
        """

    /// A shop that sells tea at 44.00 and cups at 15.00, no shipping rules, the program
    /// above (or `program`) and a signing key; `templates`, a program document of coupon
    /// templates, is imported before the referral program (which may name them).
    private func shop(program: String = AttributionTests.program, templates: String? = nil) throws -> SCEngine {
        let engine = try makeEngine(program: nil)
        try engine.blocking.putSku(SCSku(id: "tea", merchantId: "m1", title: "Tea", currency: "CNY", listPriceMinor: 4400))
        try engine.blocking.putSku(SCSku(id: "cup", merchantId: "m1", title: "Cup", currency: "CNY", listPriceMinor: 1500))
        if let templates { try engine.blocking.importProgram(templates) }
        try engine.blocking.putReferralProgram(json: program)
        try engine.blocking.generateShareKey(id: "k1")
        return engine
    }

    private func link(_ engine: SCEngine, sharer: String, target: String = "tea") throws -> SCShareLink {
        try engine.blocking.createShareLink(
            sharer: sharer, target: .sku, targetId: target, channel: "wechat", idempotencyKey: "link-\(sharer)-\(target)")
    }

    /// Puts the SKU in the user's cart, checks out and pays.
    private func buy(_ engine: SCEngine, user: String, sku: String, quantity: Int64, key: String) throws -> SCOrder {
        try engine.blocking.addToCart(user: user, sku: sku, quantity: quantity)
        let order = try engine.blocking.checkout(user: user, idempotencyKey: "co-\(key)")
        return try engine.blocking.pay(order: order.id, paymentRef: "ref-\(key)", amount: order.total, idempotencyKey: "pay-\(key)")
    }

    // The whole story: a device's open, carried over at sign-in, a paid order credited to the
    // sharer and rewarding two levels, vesting, refunds clawing back, and the statistics.
    func testDeviceOpenSignInAttributionRewardsAndStats() async throws {
        let engine = try shop()
        let meiLink = try link(engine, sharer: "mei")
        let linLink = try link(engine, sharer: "lin")

        // Mei brought Lin: Lin, signed in, opens Mei's link by its short code.
        let linOpen = try await engine.openShareLink(XCTUnwrap(meiLink.displayCode), userId: "lin", idempotencyKey: "o-lin")
        XCTAssertEqual(linOpen.outcome, "bound")
        XCTAssertEqual(linOpen.sharerId, "mei")
        XCTAssertEqual(linOpen.userId, "lin")
        XCTAssertNil(linOpen.deviceId)
        XCTAssertEqual(try engine.blocking.referralBinding(userId: "lin")?.sharerId, "mei")

        // Bo opens Lin's link on his phone before signing in.
        clock.advance(ms: 1_000)
        let openedAt = clock.now
        let open = try await engine.openShareLink(XCTUnwrap(linLink.code), deviceId: "phone-bo", idempotencyKey: "o-bo")
        XCTAssertTrue(open.id.hasPrefix("opn_"), open.id)
        XCTAssertEqual(open.code, linLink.code)
        XCTAssertEqual(open.sharerId, "lin")
        XCTAssertEqual(open.target, .sku)
        XCTAssertEqual(open.targetId, "tea")
        XCTAssertEqual(open.channel, "wechat")
        XCTAssertNil(open.userId)
        XCTAssertEqual(open.deviceId, "phone-bo")
        XCTAssertEqual(open.openedAtMs, openedAt)
        XCTAssertEqual(open.openedAt, Date(timeIntervalSince1970: Double(openedAt) / 1000))
        XCTAssertEqual(open.outcome, "bound")
        XCTAssertTrue(open.isBound)
        XCTAssertEqual(open.boundUntilMs, openedAt + 7 * day)
        XCTAssertEqual(try XCTUnwrap(open.boundUntil).timeIntervalSince(open.openedAt), 7 * 86_400)
        XCTAssertEqual(try engine.blocking.readEvents(type: "share_link.opened").count, 2)

        // The device is bound; Bo, not signed in yet, is not.
        let readDevice = try await engine.referralBinding(deviceId: "phone-bo")
        let deviceBinding = try XCTUnwrap(readDevice)
        XCTAssertEqual(deviceBinding.sharerId, "lin")
        XCTAssertNil(deviceBinding.userId)
        XCTAssertEqual(deviceBinding.deviceId, "phone-bo")
        XCTAssertEqual(deviceBinding.openId, open.id)
        XCTAssertEqual(deviceBinding.boundAtMs, openedAt)
        XCTAssertEqual(deviceBinding.expiresAtMs, openedAt + 7 * day)
        XCTAssertEqual(deviceBinding.expiresAt, open.boundUntil)
        let boBefore = try await engine.referralBinding(userId: "bo")
        XCTAssertNil(boBefore)

        // Bo signs in an hour later: the binding carries over, its window still from the open.
        clock.advance(ms: 3_600_000)
        let carried = try XCTUnwrap(try engine.blocking.referralSignIn(userId: "bo", deviceId: "phone-bo"))
        XCTAssertEqual(carried.sharerId, "lin")
        XCTAssertEqual(carried.userId, "bo")
        XCTAssertNil(carried.deviceId)
        XCTAssertEqual(carried.openId, open.id)
        XCTAssertEqual(carried.expiresAtMs, openedAt + 7 * day)
        XCTAssertEqual(try engine.blocking.referralBinding(userId: "bo"), carried)
        XCTAssertNil(try engine.blocking.referralBinding(deviceId: "phone-bo"))
        // Again: nothing more.
        let again = try await engine.referralSignIn(userId: "bo", deviceId: "phone-bo")
        XCTAssertEqual(again, carried)

        // Bo buys two teas. Unpaid, the order is credited to no one yet.
        try engine.blocking.addToCart(user: "bo", sku: "tea", quantity: 2)
        let placed = try engine.blocking.checkout(user: "bo", idempotencyKey: "co-1")
        XCTAssertEqual(placed.totalMinor, 8800)
        XCTAssertNil(try engine.blocking.orderAttribution(orderId: placed.id))
        clock.advance(ms: 1_000)
        let paidAt = clock.now
        let order = try engine.blocking.pay(order: placed.id, paymentRef: "ref-1", amount: placed.total, idempotencyKey: "pay-1")

        let read = try await engine.orderAttribution(orderId: order.id)
        let attribution = try XCTUnwrap(read)
        XCTAssertEqual(attribution.orderId, order.id)
        XCTAssertEqual(attribution.buyerId, "bo")
        XCTAssertEqual(attribution.sharerId, "lin")
        XCTAssertEqual(attribution.currency, "CNY")
        XCTAssertEqual(attribution.paid, 8800)
        XCTAssertEqual(attribution.attributedAtMs, paidAt)
        XCTAssertEqual(attribution.attributedAt, Date(timeIntervalSince1970: Double(paidAt) / 1000))
        XCTAssertEqual(attribution.open, open)  // the open that bound the buyer, copied whole
        XCTAssertEqual(attribution.rewards.count, 2)
        let level1 = attribution.rewards[0]
        XCTAssertEqual(level1.orderId, order.id)
        XCTAssertEqual(level1.sharerId, "lin")
        XCTAssertEqual(level1.buyerId, "bo")
        XCTAssertEqual(level1.level, 1)
        XCTAssertEqual(level1.kind, .commission)
        XCTAssertEqual(level1.amount, 880)
        XCTAssertEqual(level1.clawedBack, 0)
        XCTAssertEqual(level1.state, .pending)
        XCTAssertEqual(level1.createdAtMs, paidAt)
        XCTAssertEqual(level1.vestsAtMs, paidAt + 7 * day)
        XCTAssertEqual(level1.vestsAt.timeIntervalSince(level1.createdAt), 7 * 86_400)
        let level2 = attribution.rewards[1]
        XCTAssertEqual(level2.sharerId, "mei")
        XCTAssertEqual(level2.buyerId, "bo")
        XCTAssertEqual(level2.level, 2)
        XCTAssertEqual(level2.kind, .commission)
        XCTAssertEqual(level2.amount, 264)
        XCTAssertEqual(level2.state, .pending)
        XCTAssertEqual(try engine.blocking.referralRewards(sharerId: "lin"), [level1])
        let meiRewards = try await engine.referralRewards(sharerId: "mei")
        XCTAssertEqual(meiRewards, [level2])
        XCTAssertEqual(try engine.blocking.referralRewards(sharerId: "bo"), [])

        var lin = try await engine.referralStats(sharerId: "lin")
        XCTAssertEqual(lin.shares, 1)
        XCTAssertEqual(lin.sharers, 1)
        XCTAssertEqual(lin.opens, 1)
        XCTAssertEqual(lin.boundOpens, 1)
        XCTAssertEqual(lin.orders, 1)
        XCTAssertEqual(lin.paidOrders, 1)
        XCTAssertEqual(lin.paidAmount, 8800)
        XCTAssertEqual(lin.convertedBuyers, 1)
        XCTAssertEqual(lin.refusals, 0)
        XCTAssertEqual(lin.commissionPending, 880)
        XCTAssertEqual(lin.commissionVested, 0)
        XCTAssertEqual(lin.commissionClawedBack, 0)
        XCTAssertEqual(lin.pointsPending, 0)
        XCTAssertEqual(lin.viralCoefficientBps, 10_000)
        // Mei's scope: her link and the level-2 reward; the order is Lin's, not hers.
        let mei = try engine.blocking.referralStats(sharerId: "mei")
        XCTAssertEqual(mei.shares, 1)
        XCTAssertEqual(mei.opens, 1)
        XCTAssertEqual(mei.paidOrders, 0)
        XCTAssertEqual(mei.commissionPending, 264)

        // Seven days after the payment the rewards vest.
        clock.advance(ms: 7 * day)
        XCTAssertEqual(try engine.blocking.orderAttribution(orderId: order.id)?.rewards.map(\.state), [.vested, .vested])
        lin = try engine.blocking.referralStats(sharerId: "lin")
        XCTAssertEqual(lin.commissionPending, 0)
        XCTAssertEqual(lin.commissionVested, 880)

        // One unit of two refunded: half of each reward comes back; they stay vested.
        try engine.blocking.refundLine(order: order.id, lineIndex: 0, quantity: 1, idempotencyKey: "r1")
        let half = try XCTUnwrap(try engine.blocking.orderAttribution(orderId: order.id))
        XCTAssertEqual(half.rewards.map(\.clawedBack), [440, 132])
        XCTAssertEqual(half.rewards.map(\.state), [.vested, .vested])
        XCTAssertEqual(half.rewards.map(\.amount), [880, 264])
        lin = try engine.blocking.referralStats(sharerId: "lin")
        XCTAssertEqual(lin.commissionVested, 440)
        XCTAssertEqual(lin.commissionClawedBack, 440)
        XCTAssertEqual(try engine.blocking.referralRewards(sharerId: "mei").first?.clawedBack, 132)
        // The other unit: nothing is left of either reward.
        try engine.blocking.refundLine(order: order.id, lineIndex: 0, quantity: 1, idempotencyKey: "r2")
        let whole = try XCTUnwrap(try engine.blocking.orderAttribution(orderId: order.id))
        XCTAssertEqual(whole.rewards.map(\.clawedBack), [880, 264])
        XCTAssertEqual(whole.rewards.map(\.state), [.clawedBack, .clawedBack])
        lin = try engine.blocking.referralStats(sharerId: "lin")
        XCTAssertEqual(lin.commissionVested, 0)
        XCTAssertEqual(lin.commissionClawedBack, 880)

        // Every link, and the links to the tea.
        let all = try await engine.referralStats()
        XCTAssertEqual(all.shares, 2)
        XCTAssertEqual(all.sharers, 2)
        XCTAssertEqual(all.opens, 2)
        XCTAssertEqual(all.paidOrders, 1)
        XCTAssertEqual(all.convertedBuyers, 1)
        XCTAssertEqual(all.viralCoefficientBps, 5_000)
        XCTAssertEqual(all.commissionClawedBack, 880 + 264)
        let tea = try await engine.referralStats(target: .sku, targetId: "tea")
        XCTAssertEqual(tea.shares, 2)
        XCTAssertEqual(tea.opens, 2)
        XCTAssertEqual(tea.paidOrders, 1)
        XCTAssertEqual(tea.paidAmount, 8800)
        XCTAssertEqual(tea.commissionClawedBack, 880 + 264)
        let cups = try engine.blocking.referralStats(target: .sku, targetId: "cup")
        XCTAssertEqual(cups.shares, 0)
        XCTAssertEqual(cups.opens, 0)

        // Lin opens his own link: refused, recorded, not an error.
        let now = clock.now
        let own = try engine.blocking.openShareLink(linLink.token, userId: "lin", idempotencyKey: "o-self")
        XCTAssertEqual(own.outcome, "self_referral")
        XCTAssertFalse(own.isBound)
        XCTAssertNil(own.boundUntilMs)
        XCTAssertNil(own.boundUntil)
        XCTAssertNil(own.code)  // opened by its token
        XCTAssertEqual(own.sharerId, "lin")
        let refusals = try await engine.referralRefusals(sharerId: "lin")
        XCTAssertEqual(refusals.count, 1)
        XCTAssertEqual(refusals.first?.reason, "self_referral")
        XCTAssertEqual(refusals.first?.userId, "lin")
        XCTAssertNil(refusals.first?.deviceId)
        XCTAssertEqual(refusals.first?.openId, own.id)
        XCTAssertNil(refusals.first?.orderId)
        XCTAssertEqual(refusals.first?.atMs, now)
        XCTAssertEqual(refusals.first?.time, Date(timeIntervalSince1970: Double(now) / 1000))
        XCTAssertEqual(try engine.blocking.referralRefusals(sharerId: "mei"), [])
        lin = try engine.blocking.referralStats(sharerId: "lin")
        XCTAssertEqual(lin.opens, 2)
        XCTAssertEqual(lin.boundOpens, 1)
        XCTAssertEqual(lin.refusals, 1)
        // Lin's own open bound him to no one: his open of Mei's link is past its 7-day window.
        XCTAssertGreaterThanOrEqual(now, linOpen.openedAtMs + 7 * day)
        XCTAssertNil(try engine.blocking.referralBinding(userId: "lin"))
        XCTAssertEqual(try engine.blocking.readEvents(type: "referral.refused").count, 1)
    }

    // The other refusals a sharer can read back: a device that signed in as the sharer, a
    // cycle, and an order past the daily cap (with its order id).
    func testRefusalsWithTheirReasons() throws {
        let engine = try shop(program: """
            {"url_template":"https://shop.example/s/{token}",
             "rewards":{"kind":"commission","rates_bps":[1000]},"limits":{"per_sharer_per_day":1}}
            """)
        let lin = try link(engine, sharer: "lin")
        // Lin's tablet: once signed in as Lin, its opens of Lin's links are self-referrals.
        XCTAssertNil(try engine.blocking.referralSignIn(userId: "lin", deviceId: "tablet"))
        let byTablet = try engine.blocking.openShareLink(lin.token, deviceId: "tablet", idempotencyKey: "o1")
        XCTAssertEqual(byTablet.outcome, "self_referral_device")
        XCTAssertFalse(byTablet.isBound)
        // Lin is bound to Mei; Mei opening Lin's link would close the loop.
        XCTAssertEqual(try engine.blocking.openShareLink(link(engine, sharer: "mei").token, userId: "lin", idempotencyKey: "o2").outcome, "bound")
        XCTAssertEqual(try engine.blocking.openShareLink(lin.token, userId: "mei", idempotencyKey: "o3").outcome, "cycle")
        XCTAssertNil(try engine.blocking.referralBinding(userId: "mei"))

        // Two buyers bound to Lin; the second order of the day is past the cap.
        let bo = try engine.blocking.openShareLink(lin.token, userId: "bo", idempotencyKey: "o4")
        let kai = try engine.blocking.openShareLink(lin.token, userId: "kai", idempotencyKey: "o5")
        XCTAssertTrue(bo.isBound && kai.isBound)
        let first = try buy(engine, user: "bo", sku: "tea", quantity: 1, key: "1")
        XCTAssertEqual(try engine.blocking.orderAttribution(orderId: first.id)?.rewards.map(\.amount), [440])
        let second = try buy(engine, user: "kai", sku: "cup", quantity: 1, key: "2")
        XCTAssertNil(try engine.blocking.orderAttribution(orderId: second.id))

        let refusals = try engine.blocking.referralRefusals(sharerId: "lin")
        XCTAssertEqual(refusals.map(\.reason), ["self_referral_device", "cycle", "daily_cap"])
        XCTAssertNil(refusals[0].userId)
        XCTAssertEqual(refusals[0].deviceId, "tablet")
        XCTAssertEqual(refusals[0].openId, byTablet.id)
        XCTAssertNil(refusals[0].orderId)
        XCTAssertEqual(refusals[1].userId, "mei")
        XCTAssertEqual(refusals[2].userId, "kai")
        XCTAssertEqual(refusals[2].orderId, second.id)
        XCTAssertEqual(refusals[2].openId, kai.id)
        let stats = try engine.blocking.referralStats(sharerId: "lin")
        XCTAssertEqual(stats.refusals, 3)
        XCTAssertEqual(stats.orders, 2)
        XCTAssertEqual(stats.paidOrders, 1)
        XCTAssertEqual(stats.paidAmount, 4400)
        XCTAssertEqual(stats.commissionPending, 440)
    }

    // First touch keeps the first sharer ("kept", "already_bound"); the window ends.
    func testFirstTouchAndTheWindow() throws {
        let engine = try shop(program: """
            {"url_template":"https://shop.example/s/{token}","attribution":{"window_days":2,"model":"first_touch"}}
            """)
        let lin = try link(engine, sharer: "lin")
        let first = try engine.blocking.openShareLink(lin.token, userId: "bo", idempotencyKey: "o1")
        XCTAssertEqual(first.outcome, "bound")
        XCTAssertEqual(first.boundUntilMs, first.openedAtMs + 2 * day)
        clock.advance(ms: day)
        let kept = try engine.blocking.openShareLink(lin.token, userId: "bo", idempotencyKey: "o2")
        XCTAssertEqual(kept.outcome, "kept")
        XCTAssertTrue(kept.isBound)
        let other = try engine.blocking.openShareLink(link(engine, sharer: "mei").token, userId: "bo", idempotencyKey: "o3")
        XCTAssertEqual(other.outcome, "already_bound")
        XCTAssertFalse(other.isBound)
        XCTAssertNil(other.boundUntilMs)
        XCTAssertEqual(try engine.blocking.referralBinding(userId: "bo")?.sharerId, "lin")
        XCTAssertEqual(try engine.blocking.referralRefusals(sharerId: "mei").map(\.reason), ["already_bound"])
        // The window of the first open ends: no binding, and an order is credited to no one.
        clock.advance(ms: day)
        XCTAssertNil(try engine.blocking.referralBinding(userId: "bo"))
        XCTAssertNil(try engine.blocking.orderAttribution(orderId: buy(engine, user: "bo", sku: "tea", quantity: 1, key: "1").id))
    }

    // Points rewards: the kind, the sharer's points ledger, and the statistics' points figures.
    func testPointsRewards() throws {
        let engine = try shop(program: """
            {"url_template":"https://shop.example/s/{token}",
             "rewards":{"kind":"points","rates_bps":[500],"cooling_off_days":7}}
            """)
        _ = try engine.blocking.openShareLink(link(engine, sharer: "lin").token, userId: "bo", idempotencyKey: "o1")
        let order = try buy(engine, user: "bo", sku: "tea", quantity: 1, key: "1")  // 44.00 -> 220 points
        let reward = try XCTUnwrap(try engine.blocking.orderAttribution(orderId: order.id)?.rewards.first)
        XCTAssertEqual(reward.kind, .points)
        XCTAssertEqual(reward.amount, 220)
        XCTAssertEqual(reward.state, .pending)
        XCTAssertEqual(try engine.blocking.pointsBalance(user: "lin").pending, 220)
        var stats = try engine.blocking.referralStats(sharerId: "lin")
        XCTAssertEqual(stats.pointsPending, 220)
        XCTAssertEqual(stats.commissionPending, 0)
        clock.advance(ms: 7 * day)
        XCTAssertEqual(try engine.blocking.pointsBalance(user: "lin").available, 220)
        stats = try engine.blocking.referralStats(sharerId: "lin")
        XCTAssertEqual(stats.pointsPending, 0)
        XCTAssertEqual(stats.pointsVested, 220)
        try engine.blocking.refundLine(order: order.id, lineIndex: 0, quantity: 1, idempotencyKey: "r1")
        stats = try engine.blocking.referralStats(sharerId: "lin")
        XCTAssertEqual(stats.pointsVested, 0)
        XCTAssertEqual(stats.pointsClawedBack, 220)
        XCTAssertEqual(try engine.blocking.referralRewards(sharerId: "lin").map(\.state), [.clawedBack])
    }

    // Coupon rewards (as tests/c/test_attribution.c's coupon case): each credited order
    // earns the sharer one copy of the grant-mode template, valid from the reward's vesting;
    // past the template's per-user limit the order is credited with no reward; a partial
    // refund keeps the coupon, the whole order refunded takes it back (revoked).
    func testCouponRewards() async throws {
        let engine = try shop(
            program: """
                {"url_template":"s/{token}","rewards":{"kind":"coupon",
                 "coupon_template_ids":["thanks"],"cooling_off_days":2}}
                """,
            templates: """
                {"format":"socialcart.program/1","currency":"CNY","coupon_templates":[
                 {"id":"thanks","title":"Thanks for sharing","kind":"fixed_amount","value":800,
                  "issue_mode":"grant","per_user_limit":2,"validity":{"kind":"days_from_claim","days":30}}]}
                """)
        _ = try await engine.openShareLink(link(engine, sharer: "lin").token, userId: "bo", idempotencyKey: "o1")

        // The first credited order: one copy for Lin, usable once the two days' cooling-off ends.
        let paidAt = clock.now
        let first = try buy(engine, user: "bo", sku: "tea", quantity: 1, key: "1")  // 44.00
        let read = try await engine.orderAttribution(orderId: first.id)
        let attribution = try XCTUnwrap(read)
        XCTAssertEqual(attribution.sharerId, "lin")
        XCTAssertEqual(attribution.rewards.count, 1)
        let reward = try XCTUnwrap(attribution.rewards.first)
        XCTAssertEqual(reward.kind, .coupon)
        XCTAssertEqual(reward.level, 1)
        XCTAssertEqual(reward.amount, 1)
        XCTAssertEqual(reward.state, .pending)
        XCTAssertEqual(reward.vestsAtMs, paidAt + 2 * day)
        let code = try XCTUnwrap(reward.couponCode)
        XCTAssertTrue(code.hasPrefix("cpn"), code)
        let coupons = try await engine.coupons(user: "lin")
        XCTAssertEqual(coupons.map(\.code), [code])
        XCTAssertEqual(coupons.first?.templateId, "thanks")
        XCTAssertEqual(coupons.first?.validFromMs, paidAt + 2 * day)
        XCTAssertEqual(try engine.blocking.referralRewards(sharerId: "lin"), [reward])
        var stats = try await engine.referralStats(sharerId: "lin")
        XCTAssertEqual(stats.couponsPending, 1)
        XCTAssertEqual(stats.couponsVested, 0)
        XCTAssertEqual(stats.couponsClawedBack, 0)
        XCTAssertEqual(stats.commissionPending, 0)
        XCTAssertEqual(stats.pointsPending, 0)

        // The second order earns the second copy; the third finds Lin at the template's two
        // copies per user: credited, no coupon.
        let second = try buy(engine, user: "bo", sku: "cup", quantity: 1, key: "2")
        let secondCode = try XCTUnwrap(try engine.blocking.orderAttribution(orderId: second.id)?.rewards.first?.couponCode)
        XCTAssertNotEqual(secondCode, code)
        let third = try buy(engine, user: "bo", sku: "cup", quantity: 1, key: "3")
        let credited = try XCTUnwrap(try engine.blocking.orderAttribution(orderId: third.id))
        XCTAssertEqual(credited.sharerId, "lin")
        XCTAssertEqual(credited.rewards, [])
        XCTAssertEqual(try engine.blocking.readEvents(type: "referral.reward_skipped").count, 1)
        XCTAssertEqual(try engine.blocking.coupons(user: "lin").count, 2)
        XCTAssertEqual(try engine.blocking.referralStats(sharerId: "lin").couponsPending, 2)

        // Two days on both vest; a partial refund keeps the coupon, the whole order refunded
        // takes it back.
        clock.advance(ms: 2 * day)
        stats = try engine.blocking.referralStats(sharerId: "lin")
        XCTAssertEqual(stats.couponsPending, 0)
        XCTAssertEqual(stats.couponsVested, 2)
        try engine.blocking.refundAmount(order: first.id, amountMinor: 1000, idempotencyKey: "rf-1")
        stats = try engine.blocking.referralStats(sharerId: "lin")
        XCTAssertEqual(stats.couponsClawedBack, 0)
        XCTAssertEqual(stats.couponsVested, 2)
        try engine.blocking.refundAmount(order: first.id, amountMinor: 3400, idempotencyKey: "rf-2")
        stats = try engine.blocking.referralStats(sharerId: "lin")
        XCTAssertEqual(stats.couponsClawedBack, 1)
        XCTAssertEqual(stats.couponsVested, 1)
        XCTAssertEqual(stats.couponsPending, 0)
        let revoked = try engine.blocking.coupons(user: "lin", state: .revoked)
        XCTAssertEqual(revoked.map(\.code), [code])
        XCTAssertEqual(try engine.blocking.orderAttribution(orderId: first.id)?.rewards.map(\.state), [.clawedBack])
        XCTAssertEqual(try engine.blocking.readEvents(type: "coupon.revoked").count, 1)
    }

    // A retried open returns the first one; the key with another opener is a conflict.
    func testOpensAreIdempotent() async throws {
        let engine = try shop()
        let lin = try link(engine, sharer: "lin")
        let first = try await engine.openShareLink(lin.token, userId: "bo", deviceId: "phone", idempotencyKey: "o1")
        XCTAssertEqual(first.userId, "bo")
        XCTAssertEqual(first.deviceId, "phone")
        clock.advance(ms: 1_000)
        let retried = try await engine.openShareLink(lin.token, userId: "bo", deviceId: "phone", idempotencyKey: "o1")
        XCTAssertEqual(retried, first)
        XCTAssertEqual(try engine.blocking.referralStats(sharerId: "lin").opens, 1)
        await assertThrowsAsync(.idempotencyConflict, field: "idempotency_key") {
            try await engine.openShareLink(lin.token, userId: "kai", idempotencyKey: "o1")
        }
        assertThrows(.idempotencyConflict, field: "idempotency_key",
                     try engine.blocking.openShareLink(lin.token, userId: "bo", idempotencyKey: "o1"))
        XCTAssertEqual(try engine.blocking.readEvents(type: "share_link.opened").count, 1)
    }

    // Bad input, each argument named by its field; reads of nothing are nil, not errors.
    func testBadInputAndNothingToRead() async throws {
        // No program yet.
        let bare = try makeEngine(program: nil)
        assertThrows(.invalidState, field: "referral",
                     try bare.blocking.openShareLink("ABCD-EFGHJK", userId: "bo", idempotencyKey: "o1"))
        assertThrows(.invalidState, field: "referral", try bare.blocking.referralSignIn(userId: "bo", deviceId: "phone"))

        let engine = try shop()
        let lin = try link(engine, sharer: "lin")
        let code = try XCTUnwrap(lin.code)
        // Neither a user nor a device.
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.openShareLink(code, idempotencyKey: "o1"))
        await assertThrowsAsync(.invalidArgument, field: "user_id") {
            try await engine.openShareLink(code, userId: nil, deviceId: nil, idempotencyKey: "o1")
        }
        // "" is not nil: an empty id is refused.
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.openShareLink(code, userId: "", idempotencyKey: "o1"))
        assertThrows(.invalidArgument, field: "device_id",
                     try engine.blocking.openShareLink(code, userId: "bo", deviceId: "", idempotencyKey: "o1"))
        // A NUL never reaches C.
        assertThrows(.invalidArgument, field: "device_id",
                     try engine.blocking.openShareLink(code, deviceId: "ph\u{0}one", idempotencyKey: "o1"))
        assertThrows(.invalidArgument, field: "idempotency_key",
                     try engine.blocking.openShareLink(code, userId: "bo", idempotencyKey: ""))
        assertThrows(.invalidArgument, field: "token", try engine.blocking.openShareLink("", userId: "bo", idempotencyKey: "o1"))
        // Links refused as resolveShareLink refuses them.
        assertThrows(.notFound, field: "code", try engine.blocking.openShareLink("ZZZZ-ZZZZZZ", userId: "bo", idempotencyKey: "o1"))
        var forged = Array(lin.token)
        forged[forged.count - 5] = forged[forged.count - 5] == "A" ? "B" : "A"
        assertThrows(.linkTampered, try engine.blocking.openShareLink(String(forged), userId: "bo", idempotencyKey: "o1"))
        // Nothing was opened.
        XCTAssertEqual(try engine.blocking.referralStats().opens, 0)
        XCTAssertEqual(try engine.blocking.readEvents(type: "share_link.opened").count, 0)

        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.referralSignIn(userId: "", deviceId: "phone"))
        assertThrows(.invalidArgument, field: "device_id", try engine.blocking.referralSignIn(userId: "bo", deviceId: ""))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.referralBinding(userId: ""))
        assertThrows(.invalidArgument, field: "device_id", try engine.blocking.referralBinding(deviceId: ""))
        assertThrows(.notFound, field: "order_id", try engine.blocking.orderAttribution(orderId: "ord_nope"))
        assertThrows(.invalidArgument, field: "order_id", try engine.blocking.orderAttribution(orderId: ""))
        assertThrows(.invalidArgument, field: "sharer_id", try engine.blocking.referralRewards(sharerId: ""))
        assertThrows(.invalidArgument, field: "sharer_id", try engine.blocking.referralRefusals(sharerId: ""))
        assertThrows(.invalidArgument, field: "sharer_id", try engine.blocking.referralStats(sharerId: ""))
        assertThrows(.invalidArgument, field: "target", try engine.blocking.referralStats(target: .unknown(9), targetId: "tea"))
        assertThrows(.invalidArgument, field: "target_id", try engine.blocking.referralStats(target: .sku, targetId: ""))

        // Nothing to read: nil and empty lists, zero figures.
        XCTAssertNil(try engine.blocking.referralBinding(userId: "nobody"))
        XCTAssertNil(try engine.blocking.referralBinding(deviceId: "no-device"))
        XCTAssertNil(try engine.blocking.referralSignIn(userId: "bo", deviceId: "phone"))
        let unattributed = try buy(engine, user: "bo", sku: "tea", quantity: 1, key: "1")
        let none = try await engine.orderAttribution(orderId: unattributed.id)
        XCTAssertNil(none)
        XCTAssertEqual(try engine.blocking.referralRewards(sharerId: "lin"), [])
        XCTAssertEqual(try engine.blocking.referralRefusals(sharerId: "lin"), [])
        let stats = try engine.blocking.referralStats(sharerId: "nobody")
        XCTAssertEqual(stats.shares, 0)
        XCTAssertEqual(stats.opens, 0)
        XCTAssertEqual(stats.viralCoefficientBps, 0)

        // After close, every call says so.
        engine.close()
        await assertThrowsAsync(.engineClosed) { try await engine.referralStats() }
        assertThrows(.engineClosed, try engine.blocking.openShareLink(code, userId: "bo", idempotencyKey: "o9"))
    }

    // The stable values of the two enums; values this binding does not know are kept.
    func testRewardEnums() {
        XCTAssertEqual([SCRewardKind.points, .commission, .coupon].map(\.rawValue), [1, 2, 3])
        XCTAssertEqual(
            (0...4).map { SCRewardKind(rawValue: $0) }, [.unknown(0), .points, .commission, .coupon, .unknown(4)])
        XCTAssertEqual([SCRewardState.pending, .vested, .clawedBack].map(\.rawValue), [1, 2, 3])
        XCTAssertEqual(
            (0...4).map { SCRewardState(rawValue: $0) }, [.unknown(0), .pending, .vested, .clawedBack, .unknown(4)])
    }
}
