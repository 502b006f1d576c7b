import Foundation
import SocialCart
import Walkthrough
import XCTest

/// Runs the example's story so that it cannot rot.
final class WalkthroughTests: XCTestCase {
    func testTheStoryRunsToTheEnd() throws {
        let live = SCLibrary.liveObjectCount
        let program = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../walkthrough/program.json").standardizedFileURL.path
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("walkthrough-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var lines: [String] = []
        // No promotions path: the promotions.json next to program.json.
        let outcome = try runWalkthrough(
            programPath: program, databasePath: directory.appendingPathComponent("walkthrough.db").path,
            say: { lines.append($0) })
        let text = lines.joined(separator: "\n")
        let order = outcome.order

        XCTAssertEqual(order.state, .partiallyRefunded)
        XCTAssertEqual(order.paymentRef, "wxpay-20261123-0001")
        XCTAssertEqual(order.totalMinor, 28_800)
        XCTAssertEqual(order.refundedMinor, 4_200)
        XCTAssertEqual(order.lines.map(\.skuId), ["tea-oolong-250g", "cup-celadon"])
        // The same story as examples/walkthrough/walkthrough.c prints.
        for expected in [
            "    tea-oolong-250g  Tieguanyin oolong tea, 250 g          CNY 68.00  12 left",
            "    refused: SKU kettle-iron is not for sale (SC_ERR_SKU_INACTIVE)",
            "      [x] 2 x Celadon tea cup                       CNY 42.00  price changed (was CNY 39.50)",
            "    total payable CNY 288.00",
            "    cups available: 3 before checkout, 1 now (held for the order)",
            "(SC_ERR_AMOUNT_MISMATCH)",
            ": paid, total CNY 288.00",
            ": partially_refunded, total CNY 288.00, refunded CNY 42.00",
            "(SC_ERR_REFUND_EXCEEDS_PAID)",
            "the sweep settled 1 order(s); Wei's order is cancelled (payment window lapsed), cups available: 1",
            "(SC_ERR_EXPIRED)",
            "order.paid",
            "order.cancelled",
        ] {
            XCTAssertTrue(text.contains(expected), "missing: \(expected)\n\(text)")
        }
        try checkTheSale(outcome.sale, text: text, promotions: promotionsPathNextTo(program))
        try checkThePoints(outcome.points, text: text)
        XCTAssertTrue(pointsPathNextTo(program).hasSuffix("/examples/walkthrough/points.json"))
        try checkTheTiers(outcome.tiers, text: text)
        XCTAssertTrue(tiersPathNextTo(program).hasSuffix("/examples/walkthrough/tiers.json"))
        try checkTheShareLinks(outcome.referral, text: text)
        try checkShareToEarn(outcome.attribution, text: text)
        try checkGroupBuy(outcome.groupBuy, text: text)
        try checkFlashSale(outcome.flashSale, text: text)
        try checkBargain(outcome.bargain, text: text)
        XCTAssertEqual(SCLibrary.liveObjectCount, live, "the walkthrough leaked handles")
    }

    /// Chapters 11–15, the Mid-Autumn sale, against the figures of docs/pricing.md.
    private func checkTheSale(_ sale: SaleOutcome, text: String, promotions: String) throws {
        XCTAssertTrue(promotions.hasSuffix("/examples/walkthrough/promotions.json"), promotions)
        XCTAssertTrue(text.contains("11. The Mid-Autumn sale. The operator loads \(promotions):"))

        // Claims: the retried claim returns the same coupon.
        XCTAssertEqual(sale.claimed.map(\.templateId), ["teahouse-10", "platform-50", "platform-50"])
        XCTAssertEqual(sale.claimed[2].code, sale.claimed[1].code)
        XCTAssertNotEqual(sale.claimed[0].code, sale.claimed[1].code)
        XCTAssertEqual(sale.claimed[1].validUntilMs - sale.claimed[1].validFromMs, 7 * 86_400_000)
        XCTAssertEqual(sale.weiCoupon.templateId, "moonfest")
        XCTAssertEqual(sale.weiCoupon.ownerId, "wei")

        // Chapter 12: one box and one tea, 196 of goods: platform-50 needs 104 more.
        let first = sale.firstQuote
        XCTAssertEqual(first.coupons.map(\.templateId), ["teahouse-10"])
        XCTAssertEqual(first.totalMinor, 20_600)
        XCTAssertEqual(first.savedMinor, 1_000)
        XCTAssertEqual(first.shippingMinor, 2_000)
        let missing = try XCTUnwrap(first.explanations.first { $0.templateId == "platform-50" })
        XCTAssertEqual(missing.reason, .belowMinSpend)
        XCTAssertEqual(missing.missingMinor, 10_400)
        XCTAssertEqual(first.explanations.count, 1)

        // Chapter 13: two boxes: 20 off, platform-50 alone, the bakery ships free.
        let best = sale.bestQuote
        XCTAssertEqual(best.totalMinor, 26_400)
        XCTAssertEqual(best.savedMinor, 7_000)
        XCTAssertEqual(best.shippingMinor, 1_000)
        XCTAssertEqual(best.coupons.map(\.templateId), ["platform-50"])
        XCTAssertEqual(best.coupons.first?.code, sale.claimed[1].code)
        XCTAssertEqual(best.coupons.first?.amountMinor, 5_000)
        XCTAssertEqual(best.promotions.map(\.id), ["mid-autumn"])
        XCTAssertEqual(best.promotions.first?.amountMinor, 2_000)
        XCTAssertEqual(best.lines.map(\.netMinor), [20_069, 5_331])
        XCTAssertEqual(best.explanations.map(\.templateId), ["teahouse-10"])
        XCTAssertEqual(best.explanations.first?.reason, .notBetter)
        XCTAssertEqual(sale.pickupQuote.totalMinor, 25_400)
        XCTAssertEqual(sale.pickupQuote.shippingMinor, 0)

        // Chapter 14: checkout equals the quote; the coupon is held, then used.
        XCTAssertEqual(sale.order.totalMinor, best.totalMinor)
        XCTAssertEqual(sale.order.state, .created)
        XCTAssertEqual(sale.order.shippingMinor, 1_000)
        XCTAssertEqual(sale.order.lines.map(\.netMinor), best.lines.map(\.netMinor))
        XCTAssertEqual(sale.order.coupons.map(\.templateId), ["platform-50"])
        XCTAssertEqual(sale.order.coupons.first?.amountMinor, 5_000)
        func state(_ coupons: [SCCoupon], _ template: String) -> SCCouponState? {
            coupons.first { $0.templateId == template }?.state
        }
        XCTAssertEqual(state(sale.couponsAfterCheckout, "platform-50"), .held)
        XCTAssertEqual(state(sale.couponsAfterCheckout, "teahouse-10"), .available)
        XCTAssertEqual(state(sale.couponsAfterPayment, "platform-50"), .used)

        // Chapter 15: the goods refunded (not the shipping); the coupon is back.
        XCTAssertEqual(sale.refunded.state, .refunded)
        XCTAssertEqual(sale.refunded.refundedMinor, 25_400)
        XCTAssertEqual(sale.refunded.refundedMinor, sale.order.totalMinor - sale.order.shippingMinor)
        XCTAssertEqual(state(sale.couponsAfterRefund, "platform-50"), .available)
        XCTAssertEqual(state(sale.couponsAfterRefund, "teahouse-10"), .available)
        XCTAssertEqual(sale.report.map(\.templateId), ["moonfest", "platform-50", "teahouse-10"])
        let row = try XCTUnwrap(sale.report.first { $0.templateId == "platform-50" })
        XCTAssertEqual(row.totalQuantity, 500)
        XCTAssertEqual(row.claimed, 1)
        XCTAssertEqual(row.used, 1)
        XCTAssertEqual(row.returned, 1)
        XCTAssertEqual(row.held, 0)
        XCTAssertEqual(row.discountGivenMinor, 0)
        XCTAssertEqual(row.currency, "CNY")

        // The same lines as examples/walkthrough/pricing_chapter.c prints.
        for expected in [
            "    refused: this coupon is for new users, and the user has a paid order (SC_ERR_INVALID_STATE)",
            "      1 x tea-oolong-250g     CNY 68.00  -CNY 10.00 coupon teahouse-10  = CNY 58.00",
            "      not applied: platform-50: below_min_spend (spend CNY 104.00 more)",
            "      2 x mooncake-box       CNY 256.00  -CNY 15.80 mid-autumn  -CNY 39.51 coupon platform-50  = CNY 200.69",
            "      m-bakery     goods CNY 200.69, shipping CNY 0.00 (free)",
            "      payable CNY 264.00, saved CNY 70.00",
            "      not applied: teahouse-10: not_better",
            "    Collected from the shops instead: payable CNY 254.00",
            "    same as the quote: yes",
            "(platform-50) takes CNY 50.00",
            ": refunded, total CNY 264.00, refunded CNY 254.00",
            "      platform-50       500       1    1        1    0       CNY 0.00",
            "coupon.returned",
        ] {
            XCTAssertTrue(text.contains(expected), "missing: \(expected)\n\(text)")
        }
    }

    /// Chapters 16–20, points, with the figures examples/walkthrough/points_chapter.c prints
    /// (points.json: 1 point per yuan of goods paid, 100 points pay 1 yuan up to 30% of the
    /// goods in whole hundreds, a 7-day return window, sign-in 5, 5, 10, …, shares 10 points
    /// three times a day).
    private func checkThePoints(_ points: PointsOutcome, text: String) throws {
        func balance(_ available: Int64, _ pending: Int64 = 0, _ held: Int64 = 0) -> [Int64] {
            [available, pending, held, 0, available + pending + held]
        }
        func figures(_ b: SCPointsBalance) -> [Int64] { [b.available, b.pending, b.held, b.debt, b.total] }

        // Chapter 16: three days running, the third twice; three shares of 10.
        XCTAssertEqual(points.signIns.map(\.date), ["2026-11-26", "2026-11-27", "2026-11-28", "2026-11-28"])
        XCTAssertEqual(points.signIns.map(\.streak), [1, 2, 3, 3])
        XCTAssertEqual(points.signIns.map(\.points), [5, 5, 10, 10])
        XCTAssertEqual(points.signIns.map(\.isFirst), [true, true, true, false])
        XCTAssertEqual(figures(points.balanceAfterSharing), balance(50))

        // Chapter 17: two boxes, 236.00 paid (the bakery ships free): 236 points, pending.
        XCTAssertEqual(points.mooncakeQuote.totalMinor, 23_600)
        XCTAssertEqual(points.mooncakeQuote.pointsToEarn, 236)
        XCTAssertEqual(points.mooncakeQuote.pointsUsed, 0)
        XCTAssertEqual(points.mooncakes.state, .paid)
        XCTAssertEqual(points.mooncakes.pointsEarned, 236)
        XCTAssertEqual(figures(points.balanceAfterMooncakes), balance(50, 236))

        // Chapter 18: vested; 30% of 68.00 caps at 2000 points, she has 286: 200 pay 2.00.
        XCTAssertEqual(figures(points.balanceVested), balance(286))
        let quote = points.teaQuote
        XCTAssertEqual(quote.subtotalMinor - quote.discountMinor, 6_800)
        XCTAssertEqual(quote.pointsMax, 200)
        XCTAssertEqual(quote.pointsUsed, 200)
        XCTAssertEqual(quote.pointsAmountMinor, 200)
        XCTAssertEqual(quote.shippingMinor, 1_000)
        XCTAssertEqual(quote.totalMinor, 7_600)
        XCTAssertEqual(quote.pointsToEarn, 66)
        XCTAssertEqual(quote.lines.map { $0.adjustments.map(\.kind) }, [[.points]])
        XCTAssertEqual(quote.merchants.map(\.pointsAmountMinor), [200])
        XCTAssertEqual(points.tea.pointsUsed, 200)
        XCTAssertEqual(points.tea.pointsAmountMinor, 200)
        XCTAssertEqual(points.tea.totalMinor, quote.totalMinor)
        XCTAssertEqual(figures(points.balanceHeld), balance(86, 0, 200))
        XCTAssertEqual(figures(points.balancePaid), balance(86, 66))

        // Chapter 19: the refund gives back the 200 spent and takes back the 66 earned.
        XCTAssertEqual(points.refunded.state, .refunded)
        XCTAssertEqual(points.refunded.refundedMinor, 6_600)
        XCTAssertEqual(figures(points.balanceAfterReturn), balance(286))
        XCTAssertEqual(points.history.map(\.seq), Array((5...12).reversed()))
        XCTAssertEqual(
            points.history.map(\.kind), [.return, .reverse, .earn, .commit, .hold, .earn, .earn, .earn])
        XCTAssertEqual(points.history.map(\.effect), [200, -66, 66, -200, 0, 236, 10, 10])
        XCTAssertEqual(points.history[2].reference, "order:\(points.tea.id)")
        XCTAssertEqual(points.history[5].reference, "order:\(points.mooncakes.id)")

        // Chapter 20: the report since the programme started.
        let r = points.report
        XCTAssertEqual([r.members, r.available, r.pending, r.held, r.debt, r.liabilityPoints], [1, 286, 0, 0, 0, 286])
        XCTAssertEqual(r.liabilityAmount, SCMoney(minorUnits: 286, currency: "CNY"))
        XCTAssertEqual([r.earned, r.spent, r.expired, r.reversed, r.returned, r.adjusted], [352, 200, 0, 66, 200, 0])

        // The same lines as examples/walkthrough/points_chapter.c prints.
        for expected in [
            "16. The shops start a points programme (points.json): 1 point per yuan paid,",
            "    2026-11-28: day 3 of the streak, already signed in today, 10 points",
            "    refused: the daily cap of 3 for share is reached (SC_ERR_LIMIT_EXCEEDED)",
            "    payable CNY 236.00, points to earn 236",
            "    paid CNY 236.00; earned 236 points",
            "    lin's points: 50 available, 236 pending, 0 held",
            "    goods CNY 68.00, points 200 of at most 200 pay CNY 2.00, shipping CNY 10.00: payable CNY 76.00, earns 66",
            "    lin's points: 86 available, 0 pending, 200 held",
            ": refunded, total CNY 76.00, refunded CNY 66.00",
            "      #12  return     +200  \n      #11  reverse     -66  \n      #10  earn        +66  order:",
            "      #8   hold         +0  ",
            "      members 1; available 286, pending 0, held 0: a liability of 286 points, CNY 2.86",
            "      since the programme started: earned 352, spent 200, reversed 66, returned 200, expired 0",
            "points.signed_in",
            "points.committed",
        ] {
            XCTAssertTrue(text.contains(expected), "missing: \(expected)\n\(text)")
        }
    }

    /// Chapters 21–26, member tiers, with the figures examples/walkthrough/tiers_chapter.c
    /// prints (tiers.json: goods paid over 365 days, reviewed each quarter; Silver from
    /// 500.00 with 5% off, points x1.5 and free shipping from 50.00; Gold from 2000.00).
    private func checkTheTiers(_ tiers: TiersOutcome, text: String) throws {
        let newYear: Int64 = 1_798_761_600_000  // 2027-01-01 00:00 UTC, the quarter's review
        func page(_ s: SCTierStatus) -> [String] {
            [s.tierId, String(s.figure), s.nextTierId ?? "-", String(s.toNext), String(s.figureAtPeriodEnd),
             s.tierAtPeriodEnd, s.toKeep.map(String.init) ?? "-"]
        }

        // Chapter 21: what she paid so far (482.00) counts; 18.00 short of Silver.
        XCTAssertEqual(page(tiers.pageAtStart), ["normal", "48200", "silver", "1800", "48200", "normal", "0"])
        XCTAssertEqual(tiers.pageAtStart.periodEndMs, newYear)

        // Chapter 22: the tea, quoted and paid as Normal, crosses Silver at once.
        XCTAssertEqual(tiers.normalQuote.totalMinor, 7_800)
        XCTAssertEqual(tiers.normalQuote.shippingMinor, 1_000)
        XCTAssertEqual(tiers.normalQuote.pointsToEarn, 68)
        XCTAssertEqual(tiers.normalQuote.lines.map(\.adjustments), [[]])
        XCTAssertEqual(tiers.paid.state, .paid)
        XCTAssertEqual(tiers.paid.totalMinor, 7_800)
        XCTAssertEqual(tiers.paid.pointsEarned, 68)
        XCTAssertEqual(tiers.upgrades.map(\.type), ["tier.upgraded"])
        XCTAssertEqual(page(tiers.pageAfterPayment), ["silver", "55000", "gold", "145000", "55000", "silver", "0"])
        XCTAssertEqual(tiers.pageAfterPayment.memberPriceBps, 500)
        XCTAssertEqual(tiers.pageAfterPayment.pointsMultiplierBps, 15_000)
        XCTAssertEqual(tiers.pageAfterPayment.freeShippingOver, 5_000)

        // Chapter 23: the same cart as Silver: 3.40 member price, ships free, 96 points.
        let silver = tiers.silverQuote
        XCTAssertEqual(silver.lines.map { $0.adjustments.map(\.kind) }, [[.itemPrice]])
        XCTAssertEqual(silver.lines.first?.adjustments.first?.source, "silver")
        XCTAssertEqual(silver.lines.first?.adjustments.first?.amountMinor, 340)
        XCTAssertEqual(silver.lines.map(\.netMinor), [6_460])
        XCTAssertEqual(silver.shippingMinor, 0)
        XCTAssertEqual(silver.totalMinor, 6_460)
        XCTAssertEqual(silver.pointsToEarn, 96)

        // Chapter 24: the return leaves her Silver until the review; 18.00 paid would keep it.
        XCTAssertEqual(tiers.refunded.state, .refunded)
        XCTAssertEqual(tiers.refunded.refundedMinor, 6_800)
        XCTAssertEqual(page(tiers.pageAfterReturn), ["silver", "48200", "gold", "151800", "48200", "normal", "1800"])

        // Chapter 25: New Year's morning reads as reviewed; the sweep records the downgrade.
        XCTAssertEqual(page(tiers.pageAfterReview), ["normal", "48200", "silver", "1800", "48200", "normal", "0"])
        XCTAssertEqual(tiers.pageAfterReview.sinceMs, newYear)
        XCTAssertEqual(tiers.downgrades.map(\.type), ["tier.downgraded"])
        XCTAssertEqual(tiers.quoteAfterReview.totalMinor, 7_800)
        XCTAssertEqual(tiers.quoteAfterReview.pointsToEarn, 68)
        XCTAssertEqual(tiers.quoteAfterReview.lines.map(\.adjustments), [[]])

        // Chapter 26: one upgrade into Silver, one downgrade into Normal.
        XCTAssertEqual(tiers.report.map(\.tierId), ["normal", "silver", "gold"])
        XCTAssertEqual(tiers.report.map(\.members), [1, 0, 0])
        XCTAssertEqual(tiers.report.map(\.upgrades), [0, 1, 0])
        XCTAssertEqual(tiers.report.map(\.downgrades), [1, 0, 0])

        // The same lines as examples/walkthrough/tiers_chapter.c prints.
        for expected in [
            "21. The next day the shops start member tiers (tiers.json) on goods paid over 365",
            "    lin's page: Normal since 2026-12-07; spend in the last 365 days CNY 482.00, CNY 18.00 more to silver",
            "      review on 2027-01-01: spend CNY 482.00 gives normal (kept)",
            "    as Normal  1 x tea-oolong-250g  CNY 68.00  = CNY 68.00",
            "    paid CNY 78.00; earned 68 points (at the tier she paid as)",
            "    event tier.upgraded {\"at\":",
            "    as Silver  1 x tea-oolong-250g  CNY 68.00  -CNY 3.40 item_price silver  = CNY 64.60",
            "               shipping CNY 0.00, payable CNY 64.60, points to earn 96",
            "      review on 2027-01-01: spend CNY 482.00 gives normal; CNY 18.00 paid now keeps silver",
            "    lin's page: Normal since 2027-01-01; spend in the last 365 days CNY 482.00, CNY 18.00 more to silver",
            "    event tier.downgraded {\"at\":1798761600000,\"at_period_end\":true,",
            "      tier     members upgrades downgrades\n      normal         1        0          1",
            "\n\n27. Lin shares the oolong tea with a friend on WeChat.",
            "tier.upgraded",
        ] {
            XCTAssertTrue(text.contains(expected), "missing: \(expected)\n\(text)")
        }
    }

    /// Chapter 27, share links, with the claims examples/walkthrough/referral_chapter.c
    /// prints (a link lasts 7 days; the clock stands at 2027-01-02 09:00 when Lin shares).
    /// Tokens and codes are random: only their shape is checked.
    private func checkTheShareLinks(_ referral: ReferralOutcome, text: String) throws {
        let expiry: Int64 = 1_799_485_200_000  // 2027-01-09 09:00 UTC
        let link = referral.link
        XCTAssertTrue(link.url.hasPrefix("https://shop.example/s/"), link.url)
        XCTAssertEqual(link.url, "https://shop.example/s/" + link.token)
        XCTAssertEqual([link.keyId, link.sharerId, link.targetId, link.channel],
                       ["shop-2026-12", "lin", "tea-oolong-250g", "wechat"])
        XCTAssertEqual(link.target, .sku)
        XCTAssertEqual(link.expiresAtMs, expiry)
        let code = try XCTUnwrap(link.code)
        let displayCode = try XCTUnwrap(link.displayCode)
        XCTAssertEqual(code.count, 10)
        XCTAssertEqual(displayCode, String(code.prefix(4)) + "-" + String(code.suffix(6)))

        // The friend typed the code: the same claims, and the code is known.
        let opened = referral.opened
        XCTAssertEqual(opened.token, link.token)
        XCTAssertEqual(opened.code, code)
        XCTAssertEqual([opened.keyId, opened.sharerId, opened.targetId, opened.channel],
                       ["shop-2026-12", "lin", "tea-oolong-250g", "wechat"])
        XCTAssertEqual(opened.expiresAtMs, expiry)

        // After the rotation the second link is signed by the new key.
        let second = referral.second
        XCTAssertNotEqual(second.token, link.token)
        XCTAssertNotEqual(second.code, code)
        XCTAssertEqual([second.keyId, second.sharerId, second.targetId, second.channel],
                       ["shop-2027-01", "lin", "tea-oolong-250g", "qr"])
        XCTAssertEqual(second.expiresAtMs, expiry)

        // The same lines as examples/walkthrough/referral_chapter.c prints.
        for expected in [
            "27. Lin shares the oolong tea with a friend on WeChat. The shop signs share links\n"
                + "    with its own key (a link lasts 7 days, with 5 minutes' tolerance between clocks).",
            "    link: https://shop.example/s/\(link.token.prefix(20))... (a token of \(link.token.count) characters)",
            "    on the poster, a short code: \(displayCode)\n",
            "    lin's link to sku tea-oolong-250g via wechat, signed by shop-2026-12, valid until 2027-01-09 09:00",
            "    refused: the share link does not match its signature: it was altered or forged (SC_ERR_LINK_TAMPERED)",
            "    lin's link to sku tea-oolong-250g via qr, signed by shop-2027-01, valid until 2027-01-09 09:00",
            "    refused: the share link is signed under key id \"shop-2026-12\", which is not in force here "
                + "(SC_ERR_LINK_UNKNOWN_KEY)",
            "    refused: the share link has expired (SC_ERR_EXPIRED)",
            "\n\n28. Share-to-earn.",
            "share_key.retired",
        ] {
            XCTAssertTrue(text.contains(expected), "missing: \(expected)\n\(text)")
        }
    }

    /// Chapter 28, share-to-earn, with the figures examples/walkthrough/attribution_chapter.c
    /// prints: two boxes paid 236.00, so 23.60 (10%) to Lin and 7.08 (3%) to Wei, who
    /// brought her; they vest a week after the payment; one box returned claws back half of
    /// each. Open ids are random: only what they carry is checked.
    private func checkShareToEarn(_ a: AttributionOutcome, text: String) throws {
        let boundUntil: Int64 = 1_800_094_200_000  // 2027-01-16 10:10 UTC: the opens' 7 days
        let vests: Int64 = 1_800_095_400_000  // 2027-01-16 10:30 UTC: the payment's week

        // The opens: Lin bound to Wei, Bo's phone to Lin; Lin's own link refused.
        XCTAssertEqual([a.linOpensWei.sharerId, a.linOpensWei.channel, a.linOpensWei.outcome], ["wei", "copy_link", "bound"])
        XCTAssertEqual(a.linOpensWei.userId, "lin")
        XCTAssertEqual(a.linOpensWei.boundUntilMs, boundUntil)
        XCTAssertEqual([a.boPhoneOpensLin.sharerId, a.boPhoneOpensLin.channel, a.boPhoneOpensLin.outcome],
                       ["lin", "wechat", "bound"])
        XCTAssertNil(a.boPhoneOpensLin.userId)
        XCTAssertEqual(a.boPhoneOpensLin.deviceId, "bo-phone")
        XCTAssertEqual(a.boPhoneOpensLin.targetId, "mooncake-box")
        XCTAssertEqual(a.boPhoneOpensLin.boundUntilMs, boundUntil)
        XCTAssertTrue(a.boPhoneOpensLin.id.hasPrefix("opn_"), a.boPhoneOpensLin.id)
        XCTAssertEqual(a.linOpensOwn.outcome, "self_referral")
        XCTAssertFalse(a.linOpensOwn.isBound)
        XCTAssertNil(a.linOpensOwn.boundUntilMs)

        // Bo signed up on the phone: its binding, from the same open, is his.
        XCTAssertEqual(a.boBinding.userId, "bo")
        XCTAssertEqual(a.boBinding.sharerId, "lin")
        XCTAssertEqual(a.boBinding.openId, a.boPhoneOpensLin.id)
        XCTAssertEqual(a.boBinding.expiresAtMs, boundUntil)

        // The paid order, credited to Lin through the phone's open.
        XCTAssertEqual(a.paid.state, .paid)
        XCTAssertEqual(a.paid.paymentRef, "wxpay-20270102-0042")
        XCTAssertEqual(a.attribution.orderId, a.paid.id)
        XCTAssertEqual(a.attribution.buyerId, "bo")
        XCTAssertEqual(a.attribution.sharerId, "lin")
        XCTAssertEqual(a.attribution.currency, "CNY")
        XCTAssertEqual(a.attribution.paid, 23_600)
        XCTAssertEqual(a.attribution.open, a.boPhoneOpensLin)
        XCTAssertEqual(a.attribution.rewards.map(\.sharerId), ["lin", "wei"])
        XCTAssertEqual(a.attribution.rewards.map(\.level), [1, 2])
        XCTAssertEqual(a.attribution.rewards.map(\.kind), [.commission, .commission])
        XCTAssertEqual(a.attribution.rewards.map(\.amount), [2_360, 708])
        XCTAssertEqual(a.attribution.rewards.map(\.vestsAtMs), [vests, vests])
        XCTAssertEqual(a.linRewardsAtPayment, [a.attribution.rewards[0]])
        XCTAssertEqual(a.weiRewardsAtPayment, [a.attribution.rewards[1]])
        XCTAssertEqual(a.linRewardsAtPayment.map(\.state), [.pending])

        // The refusal kept for Lin.
        XCTAssertEqual(a.refusals.map(\.reason), ["self_referral"])
        XCTAssertEqual(a.refusals.first?.userId, "lin")
        XCTAssertEqual(a.refusals.first?.openId, a.linOpensOwn.id)
        XCTAssertNil(a.refusals.first?.orderId)

        // Vested a week later; one box of two returned claws back half of each.
        XCTAssertEqual(a.linRewardsVested.map(\.state), [.vested])
        XCTAssertEqual(a.refunded.state, .partiallyRefunded)
        XCTAssertEqual(a.refunded.refundedMinor, 11_800)
        XCTAssertEqual(a.linRewardsAfterReturn.map(\.clawedBack), [1_180])
        XCTAssertEqual(a.linRewardsAfterReturn.map(\.state), [.vested])
        XCTAssertEqual(a.weiRewardsAfterReturn.map(\.clawedBack), [354])
        XCTAssertEqual(a.weiRewardsAfterReturn.map(\.state), [.vested])

        // The mooncake box's figures.
        let s = a.stats
        XCTAssertEqual([s.shares, s.sharers, s.opens, s.boundOpens, s.orders, s.paidOrders], [2, 2, 3, 2, 1, 1])
        XCTAssertEqual(s.paidAmount, 23_600)
        XCTAssertEqual([s.commissionPending, s.commissionVested, s.commissionClawedBack], [0, 1_534, 1_534])
        XCTAssertEqual(s.refusals, 1)
        XCTAssertEqual(s.convertedBuyers, 1)
        XCTAssertEqual(s.viralCoefficientBps, 5_000)

        // The same lines as examples/walkthrough/attribution_chapter.c prints.
        for expected in [
            "28. Share-to-earn. A referred order pays its sharer 10% of what its goods paid, and\n"
                + "    whoever brought the sharer 3%, after a cooling-off week.",
            "    lin opens wei's link: bound until 2027-01-16 10:10",
            "    bo-phone opens lin's link: bound until 2027-01-16 10:10",
            "    bo is bound to lin until 2027-01-16 10:10",
            "    credited to lin (opened via wechat), goods paid CNY 236.00; rewards:",
            "      lin, level 1: CNY 23.60, pending until 2027-01-16 10:30\n"
                + "      wei, level 2: CNY 7.08, pending until 2027-01-16 10:30",
            "    lin opens lin's link: self_referral\n    refused for lin: self_referral (user lin)",
            "    A week later the cooling-off period is over:\n      lin, level 1: CNY 23.60, vested\n",
            "      lin, level 1: CNY 23.60, vested, CNY 11.80 clawed back\n"
                + "      wei, level 2: CNY 7.08, vested, CNY 3.54 clawed back",
            "    The mooncake box's share-to-earn figures: shares 2 (sharers 2) -> opens 3\n"
                + "    (bound 2) -> orders 1 -> paid 1, goods paid CNY 236.00; commission pending CNY 0.00,\n"
                + "    vested CNY 15.34, clawed back CNY 15.34; refused 1; viral coefficient 0.50",
            "\n\n29. Group-buy.",
            "referral.bound",
            "referral.refused",
        ] {
            XCTAssertTrue(text.contains(expected), "missing: \(expected)\n\(text)")
        }
    }

    /// Chapter 29, group-buy, with the figures examples/walkthrough/groupbuy_chapter.c
    /// prints: the mooncake box at 88.00 (instead of 128.00) for groups of three, a group
    /// living a day from its leader's payment; each member pays 98.00 (10.00 of it shipping).
    /// Group ids are random: only what they carry is checked.
    private func checkGroupBuy(_ g: GroupBuyOutcome, text: String) throws {
        let meiDeadline: Int64 = 1_800_185_400_000  // 2027-01-17 11:30 UTC: a day from Mei's payment
        let renDeadline: Int64 = 1_800_192_600_000  // 2027-01-17 13:30 UTC: a day from Ren's
        func figures(_ group: SCGroup) -> [Int64] { [group.paidMembers, group.size, group.seatsLeft] }

        // The campaign as put.
        XCTAssertEqual(g.campaign.id, "mooncake-trio")
        XCTAssertEqual(g.campaign.skuId, "mooncake-box")
        XCTAssertEqual([g.campaign.groupPrice, g.campaign.groupSize, g.campaign.lifetimeMinutes], [8_800, 3, 1_440])
        XCTAssertEqual(g.campaign.maxUnitsPerOrder, 2)
        XCTAssertEqual(g.campaign.leaderPricing, .groupPrice)

        // Mei's group: opened by her payment, joined through her invite, filled by Jun's.
        XCTAssertEqual([g.mei, g.kai, g.jun].map(\.userId), ["mei", "kai", "jun"])
        XCTAssertEqual([g.mei, g.kai, g.jun].map(\.totalMinor), [9_800, 9_800, 9_800])
        XCTAssertEqual([g.mei, g.kai, g.jun].map(\.shippingMinor), [1_000, 1_000, 1_000])
        XCTAssertEqual([g.mei, g.kai, g.jun].map(\.state), [.awaitingGroup, .awaitingGroup, .groupConfirmed])
        XCTAssertEqual(g.mei.paymentRef, "wxpay-group")
        let meiGroup = g.meiGroupOpened.id
        XCTAssertTrue(meiGroup.hasPrefix("grp_"), meiGroup)
        XCTAssertEqual(meiGroup.count, 30)
        XCTAssertEqual([g.meiGroupAfterKai.id, g.meiGroupFilled.id], [meiGroup, meiGroup])
        XCTAssertEqual(g.meiGroupOpened.campaignId, "mooncake-trio")
        XCTAssertEqual(g.meiGroupOpened.leaderUserId, "mei")
        XCTAssertEqual(g.meiGroupOpened.state, .open)
        XCTAssertEqual(figures(g.meiGroupOpened), [1, 3, 2])
        XCTAssertEqual(g.meiGroupOpened.deadlineMs, meiDeadline)
        XCTAssertEqual(g.meiGroupAfterKai.state, .open)
        XCTAssertEqual(figures(g.meiGroupAfterKai), [2, 3, 1])
        XCTAssertEqual(g.meiGroupFilled.state, .filled)
        XCTAssertEqual(figures(g.meiGroupFilled), [3, 3, 0])
        XCTAssertEqual(g.meiGroupFilled.seats.map(\.userId), ["mei", "kai", "jun"])
        XCTAssertEqual(g.meiGroupFilled.seats.map(\.orderId), [g.mei.id, g.kai.id, g.jun.id])
        XCTAssertEqual(g.meiGroupFilled.seats.map(\.state), [.paid, .paid, .paid])
        XCTAssertEqual(g.meiConfirmed.state, .groupConfirmed)

        // The invite: a share link to the group; Kai's open binds him to Mei, who is credited
        // with his order (10% of the 88.00 of goods).
        XCTAssertEqual(g.invite.target, .group)
        XCTAssertEqual(g.invite.targetId, meiGroup)
        XCTAssertEqual([g.invite.sharerId, g.invite.channel], ["mei", "wechat"])
        XCTAssertEqual(g.kaiOpen.target, .group)
        XCTAssertEqual(g.kaiOpen.targetId, meiGroup)
        XCTAssertEqual([g.kaiOpen.sharerId, g.kaiOpen.outcome], ["mei", "bound"])
        XCTAssertEqual(g.kaiOpen.userId, "kai")
        let attribution = try XCTUnwrap(g.kaiAttribution)
        XCTAssertEqual(attribution.orderId, g.kai.id)
        XCTAssertEqual(attribution.sharerId, "mei")
        XCTAssertEqual(attribution.paid, 8_800)
        XCTAssertEqual(attribution.rewards.map(\.amount), [880])
        XCTAssertEqual(attribution.rewards.map(\.state), [.pending])

        // Ren's group: two of three paid, failed at its deadline; each order refunded its goods.
        XCTAssertEqual([g.ren, g.ada].map(\.state), [.awaitingGroup, .awaitingGroup])
        XCTAssertEqual(g.renGroupOpen.leaderUserId, "ren")
        XCTAssertNotEqual(g.renGroupOpen.id, meiGroup)
        XCTAssertEqual(g.renGroupOpen.state, .open)
        XCTAssertEqual(figures(g.renGroupOpen), [2, 3, 1])
        XCTAssertEqual(g.renGroupOpen.deadlineMs, renDeadline)
        XCTAssertEqual(g.renGroupFailed.id, g.renGroupOpen.id)
        XCTAssertEqual(g.renGroupFailed.state, .failed)
        XCTAssertEqual(figures(g.renGroupFailed), [2, 3, 0])
        XCTAssertEqual(g.renGroupFailed.endedAtMs, renDeadline)
        XCTAssertEqual(g.failedOrders.map(\.id), [g.ren.id, g.ada.id])
        XCTAssertEqual(g.failedOrders.map(\.state), [.groupFailed, .groupFailed])
        XCTAssertEqual(g.failedOrders.map(\.refundedMinor), [0, 0])
        XCTAssertEqual(g.refundedOrders.map(\.state), [.refunded, .refunded])
        XCTAssertEqual(g.refundedOrders.map(\.refundedMinor), [8_800, 8_800])

        // The campaign's figures: one filled (in two hours), one failed; three boxes sold.
        let r = g.report
        XCTAssertEqual([r.opened, r.openNow, r.filled, r.virtuallyFilled, r.failed], [2, 0, 1, 0, 1])
        XCTAssertEqual(r.successRateBps, 5_000)
        XCTAssertEqual(r.averageFillMs, 120 * 60_000)
        XCTAssertEqual(r.unitsSold, 3)

        // The same lines as examples/walkthrough/groupbuy_chapter.c prints.
        for expected in [
            "29. Group-buy. Mooncake boxes at CNY 88.00 instead of 128.00 for groups of three; a group\n"
                + "    opens when its leader pays and has a day to fill.",
            "    mei pays CNY 98.00: awaiting_group\n"
                + "    the group led by mei is open: 1 of 3 paid, 2 more needed by 2027-01-17 11:30",
            "    the invite leads to Mei's group, and kai is bound\n    kai pays CNY 98.00: awaiting_group\n"
                + "    the group led by mei is open: 2 of 3 paid, 1 more needed by 2027-01-17 11:30",
            "    Kai's order is credited to mei, who earns CNY 8.80 pending",
            "    jun pays CNY 98.00: group_confirmed\n    the group led by mei is filled: 3 of 3 paid\n",
            "    Mei's order is now group_confirmed too: the bakery ships all three",
            "    Ana comes late:\n    refused: the group is already filled (SC_ERR_GROUP_FULL)",
            "    the group led by ren is open: 2 of 3 paid, 1 more needed by 2027-01-17 13:30\n"
                + "    the group led by ren is failed: 2 of 3 paid\n",
            "    ren's order: group_failed, CNY 88.00 due for the boxes -> refunded\n"
                + "    ada's order: group_failed, CNY 88.00 due for the boxes -> refunded",
            "    The campaign's figures: groups opened 2, filled 1, failed 1, success rate 50.00%,\n"
                + "    average time to fill 120 min, boxes sold 3",
            "group_campaign.put",
            "group.filled",
            "group.failed",
            "group.refund_due",
        ] {
            XCTAssertTrue(text.contains(expected), "missing: \(expected)\n\(text)")
        }
    }

    /// Chapter 30, the flash sale, against examples/walkthrough/flashsale_chapter.c.
    private func checkFlashSale(_ f: FlashSaleOutcome, text: String) throws {
        // The sale: 29.90 in the 10:00 and 20:00 slots of Beijing time (UTC+8), three tins a slot.
        XCTAssertEqual(f.sale.id, "oolong-rush")
        XCTAssertEqual(f.sale.skuId, "tea-oolong-250g")
        XCTAssertEqual(f.sale.salePrice, 2_990)
        XCTAssertEqual(f.sale.utcOffsetMinutes, 480)
        XCTAssertEqual(f.sale.slots.map(\.startMinute), [600, 1_200])
        XCTAssertEqual(
            [f.sale.stockPerSlot, f.sale.maxUnitsPerOrder, f.sale.maxUnitsPerUserPerDay], [3, 1, 2])

        // The slot: 10:00 Beijing time is 02:00 UTC on 2027-01-18.
        let slot: Int64 = 1_800_237_600_000
        XCTAssertEqual([f.slotBefore.startsAtMs, f.slotTaken.startsAtMs, f.slotReturned.startsAtMs], [slot, slot, slot])
        XCTAssertEqual(f.slotBefore.endsAtMs, slot + 3_600_000)
        func figures(_ s: SCFlashSlot) -> [Int64] { [s.sold, s.held, s.left] }
        XCTAssertEqual(figures(f.slotBefore), [0, 0, 3])
        XCTAssertEqual(figures(f.slotTaken), [0, 3, 0])
        XCTAssertEqual(figures(f.slotReturned), [2, 0, 1])
        XCTAssertNil(f.slotReturned.soldOutAtMs)

        // Kai, Jun and Ren paid 29.90 and 10.00 shipping; Ana never paid and her order lapsed.
        XCTAssertEqual([f.kai, f.jun, f.ren].map(\.userId), ["kai", "jun", "ren"])
        XCTAssertEqual([f.kai, f.jun, f.ren].map(\.totalMinor), [3_990, 3_990, 3_990])
        XCTAssertEqual([f.kai, f.jun, f.ren].map(\.state), [.paid, .paid, .paid])
        XCTAssertEqual(f.kai.lines.map(\.skuId), ["tea-oolong-250g"])
        XCTAssertEqual(f.ana.state, .cancelled)
        XCTAssertEqual(f.ana.cancelReason, .paymentLapsed)
        let r = f.report
        XCTAssertEqual([r.stock, r.sold, r.held, r.left], [3, 3, 0, 0])
        XCTAssertEqual([r.orders, r.ordersPaid, r.ordersLapsed, r.ordersCancelled], [4, 3, 1, 0])
        XCTAssertEqual(r.sellOutMs, 16 * 60_000)

        // The same lines as examples/walkthrough/flashsale_chapter.c prints.
        for expected in [
            "30. Flash sale. Tieguanyin at CNY 29.90 instead of 68.00, 10:00 and 20:00 Beijing time,\n"
                + "    three tins a slot, one per order.\n"
                + "    the 2027-01-18 02:00 UTC slot: 0 sold, 0 held, 3 left (0% taken), starts in 645 min\n",
            "    kai takes a tin: CNY 39.90 with shipping, to pay by 2027-01-18 02:15\n",
            "    the 2027-01-18 02:00 UTC slot: 0 sold, 3 held, 0 left (100% taken)\n"
                + "    ren tries for one:\n"
                + "    refused: the flash-sale slot has not that many units left (SC_ERR_OUT_OF_STOCK)\n"
                + "    kai pays: paid\n    jun pays: paid\n",
            "    Ana has not paid and tries for another:\n    ana tries for one:\n"
                + "    refused: the shopper has an unpaid flash-sale order (SC_ERR_INVALID_STATE)\n",
            "    16 minutes later Ana's window has lapsed and her tin is back:\n"
                + "    the 2027-01-18 02:00 UTC slot: 2 sold, 0 held, 1 left (66% taken)\n"
                + "    ren takes a tin: CNY 39.90 with shipping, to pay by 2027-01-18 02:31\n    ren pays: paid\n",
            "    The slot's figures: 3 of 3 sold, sold out after 16 min, 3 order(s) paid, 1 lapsed\n",
            "flash_sale.put",
            "flash_sale.ordered",
            "flash_slot.sold_out",
        ] {
            XCTAssertTrue(text.contains(expected), "missing: \(expected)\n\(text)")
        }
    }

    /// Chapter 31, the bargain, against examples/walkthrough/bargain_chapter.c: the cuts are
    /// those of the story's SplitMix64 source seeded with 20261203, each help (refused ones
    /// too) drawing once.
    private func checkBargain(_ b: BargainOutcome, text: String) throws {
        XCTAssertEqual(b.program.id, "mooncake-chop")
        XCTAssertEqual(b.program.skuId, "mooncake-box")
        XCTAssertEqual([b.program.floorPrice, b.program.helpers, b.program.lifetimeMinutes], [6_800, 3, 1_440])

        // Mei's bargain: opened at the list price, shared, helped to the floor, bought.
        let mei = b.meiOpened.id
        XCTAssertTrue(mei.hasPrefix("brg_"), mei)
        XCTAssertEqual(mei.count, 30)
        XCTAssertEqual(b.meiOpened.userId, "mei")
        XCTAssertEqual(b.meiOpened.state, .open)
        XCTAssertEqual([b.meiOpened.startPrice, b.meiOpened.price, b.meiOpened.floorPrice], [12_800, 12_800, 6_800])
        XCTAssertEqual(b.meiOpened.deadlineMs, b.meiOpened.openedAtMs + 24 * 3_600_000)
        XCTAssertEqual(b.invite.target, .bargain)
        XCTAssertEqual(b.invite.targetId, mei)
        XCTAssertEqual(b.kaiOpen.target, .bargain)
        XCTAssertEqual(b.kaiOpen.targetId, mei)
        XCTAssertEqual(b.cuts, [3_798, 741, 1_461])
        XCTAssertEqual(b.cuts.reduce(0, +), 12_800 - 6_800)
        XCTAssertEqual(b.meiOrder.userId, "mei")
        XCTAssertEqual(b.meiOrder.state, .paid)
        XCTAssertEqual(b.meiOrder.totalMinor, 7_800)  // 68.00 and 10.00 shipping
        XCTAssertEqual(b.meiOrder.lines.map(\.skuId), ["mooncake-box"])
        XCTAssertEqual(b.meiBought.id, mei)
        XCTAssertEqual(b.meiBought.state, .bought)
        XCTAssertEqual(b.meiBought.orderId, b.meiOrder.id)
        XCTAssertEqual(b.meiBought.helps.map(\.userId), ["kai", "jun", "ana"])
        XCTAssertEqual(b.meiBought.helps.map(\.amount), b.cuts)
        XCTAssertEqual(b.meiBought.helps.map(\.priceAfter), [9_002, 8_261, 6_800])

        // Ren's: one help, then expired at its deadline.
        XCTAssertNotEqual(b.renExpired.id, mei)
        XCTAssertEqual(b.renExpired.userId, "ren")
        XCTAssertEqual(b.renExpired.state, .expired)
        XCTAssertEqual(b.renExpired.price, 11_160)
        XCTAssertEqual(b.renExpired.endedAtMs, b.renExpired.deadlineMs)
        XCTAssertNil(b.renExpired.orderId)
        let r = b.report
        XCTAssertEqual([r.opened, r.completed, r.expired, r.bought, r.helps], [2, 1, 1, 1, 4])
        XCTAssertEqual(r.helpersPerCompletion, 400)
        XCTAssertEqual(r.conversionBps, 5_000)

        // The same lines as examples/walkthrough/bargain_chapter.c prints.
        for expected in [
            "31. Bargain. The mooncake box from CNY 128.00 down to 68.00 with three friends' help\n"
                + "    inside a day; each help cuts a random part of what is left.\n"
                + "    mei opens a bargain at CNY 128.00, down to CNY 68.00 with 3 friends' help by 2027-01-19 03:16\n"
                + "    Mei shares the invite; it leads Kai to Mei's bargain\n",
            "    mei tries to help:\n    refused: the opener cannot help their own bargain (SC_ERR_INVALID_STATE)\n"
                + "    kai helps: CNY 37.98 off, now CNY 90.02 (open)\n"
                + "    kai tries to help:\n    refused: one help per friend per bargain (SC_ERR_INVALID_STATE)\n"
                + "    jun helps: CNY 7.41 off, now CNY 82.61 (open)\n"
                + "    ana helps: CNY 14.61 off, now CNY 68.00 (floor_reached)\n",
            "    Mei buys the box at the bargained price: CNY 78.00 with shipping, paid\n"
                + "    Mei's bargain is bought after 3 helps\n",
            "    ada helps: CNY 16.40 off, now CNY 111.60 (open)\n"
                + "    a day later Ren's bargain is expired at CNY 111.60\n",
            "    The program's figures: opened 2, completed 1, bought 1, expired 1, helps 4,\n"
                + "    helpers per completion 4.00, conversion to paid 50.00%",
            "\n\n32. The event log, read from the start:\n",
            "bargain_program.put",
            "bargain.opened",
            "bargain.helped",
            "bargain.floor_reached",
            "bargain.bought",
            "bargain.expired",
        ] {
            XCTAssertTrue(text.contains(expected), "missing: \(expected)\n\(text)")
        }
    }
}
