package socialcart

import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test

/**
 * Commission for two levels, 10% and 3% of what the goods paid, pending for 7 days after the
 * payment; the default attribution window of 7 days, last touch.
 */
private const val COMMISSION =
    """{"url_template":"https://shop.example/s/{token}",""" +
        """"rewards":{"kind":"commission","rates_bps":[1000,300],"cooling_off_days":7}}"""

/** [COMMISSION] for one level, with at most one attributed order per sharer per UTC day. */
private const val DAILY_CAP =
    """{"url_template":"https://shop.example/s/{token}",""" +
        """"rewards":{"kind":"commission","rates_bps":[1000],"cooling_off_days":7},""" +
        """"limits":{"per_sharer_per_day":1}}"""

/** Points for one level: 5% of what the goods paid, as points, vesting after 7 days. */
private const val POINTS =
    """{"url_template":"https://shop.example/s/{token}",""" +
        """"rewards":{"kind":"points","rates_bps":[500],"cooling_off_days":7}}"""

/**
 * One copy of the "thanks" coupon template per credited order, to the sharer (one level),
 * usable after 2 days' cooling-off ([THANKS] must be imported first).
 */
private const val COUPON_REWARDS =
    """{"url_template":"s/{token}","rewards":{"kind":"coupon",""" +
        """"coupon_template_ids":["thanks"],"cooling_off_days":2}}"""

/** The grant-mode template coupon rewards issue: 8.00 off, 30 days, at most 2 copies per user. */
private const val THANKS =
    """{"format":"socialcart.program/1","currency":"CNY","coupon_templates":[""" +
        """{"id":"thanks","title":"Thanks for sharing","kind":"fixed_amount","value":800,""" +
        """"issue_mode":"grant","per_user_limit":2,"validity":{"kind":"days_from_claim","days":30}}]}"""

/** First touch, a 2-day window, nobody rewarded. */
private const val FIRST_TOUCH =
    """{"url_template":"https://shop.example/s/{token}","attribution":{"window_days":2,"model":"first_touch"}}"""

private const val WEEK_MS = 7 * DAY_MS

/**
 * Share-to-earn past the link through the binding (include/socialcart/attribution.h): opens bind
 * an opener to a sharer, a device's binding carries over at sign-in, a paid order is credited and
 * rewards two levels, rewards vest and are clawed back in proportion on refund, fraud controls
 * refuse with their reasons, and the statistics count the funnel. Commission is
 * floor(paid × bps / 10000) per level.
 */
class AttributionTest : EngineTestBase() {
    private var orders = 0

    /**
     * Tea at 44.00 and a cup at 15.00, untracked; the program document [before], if any (e.g.
     * the coupon templates the program names); the program; a signing key.
     */
    private fun referralShop(program: String = COMMISSION, name: String = "cart.db", before: String? = null): Engine {
        val e = open(name)
        e.putSku(SkuSpec("tea", "m-tea", "Oolong tea", "CNY", 4400))
        e.putSku(SkuSpec("cup", "m-tea", "Celadon cup", "CNY", 1500))
        if (before != null) e.importProgram(before)
        e.putReferralProgram(program)
        e.generateShareKey("k1")
        return e
    }

    private fun link(e: Engine, sharer: String, target: String = "tea"): ShareLink =
        e.createShareLink(sharer, ShareTarget.SKU, target, "wechat", "link-$sharer-$target")

    /** Checks out what is in the user's cart plus quantity x sku, and pays the total. */
    private fun buy(e: Engine, user: String, sku: String, quantity: Long): Order {
        e.addToCart(user, sku, quantity)
        val n = ++orders
        val order = e.checkout(user, "co-$n")
        return e.pay(order.id, "pay-$n", order.total, "pay-$n")
    }

    private fun count(e: Engine, type: String): Int = e.readEvents(type, 0, 10_000).size

    @Test
    fun aDeviceOpenCarriesOverAndThePaidOrderRewardsTwoLevels() {
        val e = referralShop()
        // Mei brought Lin: Lin opened Mei's link by its short code, signed in.
        val meiLink = link(e, "mei")
        val linOpen = e.openShareLink(meiLink.displayCode!!, "lin", null, "o-lin")
        assertEquals(ShareOpen(linOpen.id, meiLink.code, "mei", ShareTarget.SKU, "tea", "wechat", "lin", null, T0,
            "bound", true, T0 + WEEK_MS), linOpen)
        assertTrue(linOpen.id, linOpen.id.startsWith("opn_"))
        assertEquals("mei", e.referralBindingOfUser("lin")!!.sharerId)

        // Lin shares tea; Bo opens it by its token on his phone before signing in.
        clock.advance(60_000)
        val linLink = link(e, "lin")
        val open = e.openShareLink(linLink.token, null, "phone-bo", "o-bo")
        assertEquals("bound", open.outcome)
        assertTrue(open.isBound)
        assertEquals(clock.now + WEEK_MS, open.boundUntilMs)
        assertEquals("lin", open.sharerId)
        assertNull(open.code)        // opened by the token
        assertNull(open.userId)      // by device only
        assertEquals("phone-bo", open.deviceId)
        assertEquals(clock.now, open.openedAtMs)
        assertNotEquals(linOpen.id, open.id)

        val device = e.referralBindingOfDevice("phone-bo")
        assertEquals(ReferralBinding(null, "phone-bo", "lin", open.id, clock.now, open.boundUntilMs!!), device)
        assertNull(e.referralBindingOfUser("bo"))

        // An hour later Bo signs in on the phone: the binding is his, its window still from the open.
        clock.advance(3_600_000)
        val carried = e.referralSignIn("bo", "phone-bo")
        assertNotNull(carried)
        assertEquals("lin", carried!!.sharerId)
        assertEquals("bo", carried.userId)
        assertNull(carried.deviceId)
        assertEquals(open.id, carried.openId)
        assertEquals(open.boundUntilMs!!, carried.expiresAtMs)
        assertEquals(carried, e.referralBindingOfUser("bo"))
        assertNull(e.referralBindingOfDevice("phone-bo"))
        // Again: nothing changes.
        val events = e.latestEventSeq()
        assertEquals(carried, e.referralSignIn("bo", "phone-bo"))
        assertEquals(events, e.latestEventSeq())

        // Bo buys two teas, 88.00, and pays: credited to Lin; Lin 10% = 8.80, Mei 3% = 2.64.
        val order = buy(e, "bo", "tea", 2)
        assertEquals(8800L, order.total)
        val paidAt = clock.now
        val a = e.orderAttribution(order.id)!!
        assertEquals(order.id, a.orderId)
        assertEquals("bo", a.buyerId)
        assertEquals("lin", a.sharerId)
        assertEquals("CNY", a.currency)
        assertEquals(8800L, a.paid)
        assertEquals(paidAt, a.attributedAtMs)
        assertEquals(open, a.open)
        assertEquals(listOf(
            ReferralReward(order.id, "lin", "bo", 1, RewardKind.COMMISSION, 880, null, 0, RewardState.PENDING, paidAt, paidAt + WEEK_MS),
            ReferralReward(order.id, "mei", "bo", 2, RewardKind.COMMISSION, 264, null, 0, RewardState.PENDING, paidAt, paidAt + WEEK_MS)
        ), a.rewards)
        assertEquals(listOf(a.rewards[0]), e.referralRewards("lin"))
        assertEquals(listOf(a.rewards[1]), e.referralRewards("mei"))
        assertEquals(emptyList<ReferralReward>(), e.referralRewards("bo"))

        val lin = e.referralStatsOfSharer("lin")
        assertEquals(1L, lin.shares)
        assertEquals(1L, lin.sharers)
        assertEquals(1L, lin.opens)
        assertEquals(1L, lin.boundOpens)
        assertEquals(1L, lin.orders)
        assertEquals(1L, lin.paidOrders)
        assertEquals(8800L, lin.paidAmount)
        assertEquals(1L, lin.convertedBuyers)
        assertEquals(0L, lin.refusals)
        assertEquals(880L, lin.commissionPending)
        assertEquals(0L, lin.commissionVested)
        assertEquals(0L, lin.pointsPending)
        assertEquals(10_000L, lin.viralCoefficientBps)

        // Seven days after the payment both rewards have vested.
        clock.advance(WEEK_MS)
        assertEquals(listOf(RewardState.VESTED, RewardState.VESTED), e.orderAttribution(order.id)!!.rewards.map { it.state })
        val vested = e.referralStatsOfSharer("lin")
        assertEquals(0L, vested.commissionPending)
        assertEquals(880L, vested.commissionVested)

        // One of the two teas refunded: half of each reward is clawed back; vested still.
        e.refundLine(order.id, 0, 1, "r1")
        val half = e.orderAttribution(order.id)!!
        assertEquals(listOf(440L, 132L), half.rewards.map { it.clawedBack })
        assertEquals(listOf(880L, 264L), half.rewards.map { it.amount })
        assertEquals(listOf(RewardState.VESTED, RewardState.VESTED), half.rewards.map { it.state })
        assertEquals(half.rewards, e.referralRewards("lin") + e.referralRewards("mei"))
        val linHalf = e.referralStatsOfSharer("lin")
        assertEquals(440L, linHalf.commissionVested)
        assertEquals(440L, linHalf.commissionClawedBack)
        // A retried refund claws back nothing more; the other tea takes the rest.
        e.refundLine(order.id, 0, 1, "r1")
        assertEquals(listOf(440L, 132L), e.orderAttribution(order.id)!!.rewards.map { it.clawedBack })
        e.refundLine(order.id, 0, 1, "r2")
        val whole = e.orderAttribution(order.id)!!
        assertEquals(listOf(880L, 264L), whole.rewards.map { it.clawedBack })
        assertEquals(listOf(RewardState.CLAWED_BACK, RewardState.CLAWED_BACK), whole.rewards.map { it.state })
        val linAfter = e.referralStatsOfSharer("lin")
        assertEquals(0L, linAfter.commissionVested)
        assertEquals(880L, linAfter.commissionClawedBack)

        // Every link: two sharers, one converted buyer; the links to the tea.
        val all = e.referralStats()
        assertEquals(2L, all.shares)
        assertEquals(2L, all.sharers)
        assertEquals(2L, all.opens)
        assertEquals(1L, all.convertedBuyers)
        assertEquals(5_000L, all.viralCoefficientBps)
        val tea = e.referralStatsOfTarget(ShareTarget.SKU, "tea")
        assertEquals(2L, tea.opens)
        assertEquals(1L, tea.paidOrders)
        assertEquals(880L + 264L, tea.commissionClawedBack)
        assertEquals(0L, e.referralStatsOfTarget(ShareTarget.SKU, "cup").opens)

        // The events: two opens, each bound; Bo's phone signed in and carried its binding over.
        assertEquals(2, count(e, "share_link.opened"))
        assertEquals(3, count(e, "referral.bound"))
        assertEquals(1, count(e, "referral.device_signed_in"))
        assertEquals(0, count(e, "referral.refused"))
    }

    @Test
    fun fraudControlsRefuseWithTheirReasonsAndCreditNobody() {
        val e = referralShop()
        val linLink = link(e, "lin")
        // Lin opens her own link: refused, not an error, and nobody is bound.
        val self = e.openShareLink(linLink.code!!, "lin", null, "o1")
        assertEquals("self_referral", self.outcome)
        assertFalse(self.isBound)
        assertNull(self.boundUntilMs)
        assertNull(e.referralBindingOfUser("lin"))
        // Her tablet is hers once she signs in on it; an open on it by device is hers too.
        assertNull(e.referralSignIn("lin", "tablet"))
        val tablet = e.openShareLink(linLink.code!!, null, "tablet", "o2")
        assertEquals("self_referral_device", tablet.outcome)
        assertFalse(tablet.isBound)
        // Lin is bound to Mei; Mei opening Lin's link would close the loop.
        clock.advance(60_000)
        assertEquals("bound", e.openShareLink(link(e, "mei").code!!, "lin", null, "o3").outcome)
        val cycle = e.openShareLink(linLink.code!!, "mei", null, "o4")
        assertEquals("cycle", cycle.outcome)
        assertNull(e.referralBindingOfUser("mei"))

        val refusals = e.referralRefusals("lin")
        assertEquals(listOf("self_referral", "self_referral_device", "cycle"), refusals.map { it.reason })
        assertEquals(ReferralRefusal("self_referral", "lin", null, self.id, null, T0), refusals[0])
        assertEquals(ReferralRefusal("self_referral_device", null, "tablet", tablet.id, null, T0), refusals[1])
        assertEquals(ReferralRefusal("cycle", "mei", null, cycle.id, null, T0 + 60_000), refusals[2])
        assertEquals(emptyList<ReferralRefusal>(), e.referralRefusals("mei"))

        // Mei's order is credited to nobody: no attribution, no reward.
        val order = buy(e, "mei", "tea", 1)
        assertNull(e.orderAttribution(order.id))
        assertEquals(emptyList<ReferralReward>(), e.referralRewards("lin"))
        val stats = e.referralStatsOfSharer("lin")
        assertEquals(3L, stats.refusals)
        assertEquals(3L, stats.opens)
        assertEquals(0L, stats.boundOpens)
        assertEquals(0L, stats.paidOrders)
        assertEquals(3, count(e, "referral.refused"))
    }

    @Test
    fun anOrderOverTheDailyCapIsRefusedWithItsOrder() {
        val e = referralShop(DAILY_CAP)
        val linLink = link(e, "lin")
        for (user in listOf("bo", "kai")) assertTrue(e.openShareLink(linLink.code!!, user, null, "o-$user").isBound)
        val first = buy(e, "bo", "tea", 1)
        assertEquals(listOf(440L), e.orderAttribution(first.id)!!.rewards.map { it.amount })
        clock.advance(1_000)
        val second = buy(e, "kai", "tea", 1)
        assertNull(e.orderAttribution(second.id))
        val refusal = e.referralRefusals("lin").single()
        assertEquals("daily_cap", refusal.reason)
        assertEquals(second.id, refusal.orderId)
        assertEquals("kai", refusal.userId)
        assertEquals(e.referralBindingOfUser("kai")!!.openId, refusal.openId)
        assertEquals(clock.now, refusal.atMs)
    }

    @Test
    fun firstTouchKeepsTheFirstSharerUntilTheWindowEnds() {
        val e = referralShop(FIRST_TOUCH)
        assertEquals("bound", e.openShareLink(link(e, "lin").code!!, "bo", null, "o1").outcome)
        clock.advance(DAY_MS)
        val kept = e.openShareLink(link(e, "lin").code!!, "bo", null, "o2")
        assertEquals("kept", kept.outcome)
        assertTrue(kept.isBound)
        val already = e.openShareLink(link(e, "mei").code!!, "bo", null, "o3")
        assertEquals("already_bound", already.outcome)
        assertFalse(already.isBound)
        assertEquals("lin", e.referralBindingOfUser("bo")!!.sharerId)
        assertEquals("already_bound", e.referralRefusals("mei").single().reason)
        // Two days after the first open its window has ended; an order then is credited to nobody.
        clock.advance(DAY_MS)
        assertNull(e.referralBindingOfUser("bo"))
        val order = buy(e, "bo", "tea", 1)
        assertNull(e.orderAttribution(order.id))
        // Without rewards an order is credited, and nobody is rewarded.
        assertEquals("bound", e.openShareLink(link(e, "mei").code!!, "bo", null, "o4").outcome)
        val credited = buy(e, "bo", "cup", 1)
        val a = e.orderAttribution(credited.id)!!
        assertEquals("mei", a.sharerId)
        assertEquals(1500L, a.paid)
        assertEquals(emptyList<ReferralReward>(), a.rewards)
    }

    @Test
    fun pointsRewardsArePoints() {
        val e = referralShop(POINTS)
        e.openShareLink(link(e, "lin").code!!, "bo", null, "o1")
        val order = buy(e, "bo", "tea", 2)
        val reward = e.orderAttribution(order.id)!!.rewards.single()
        assertEquals(RewardKind.POINTS, reward.kind)
        assertEquals(440L, reward.amount)   // 5% of 8800
        assertNull(reward.couponCode)       // "" from the library: only a coupon reward has one
        assertEquals(RewardState.PENDING, reward.state)
        val stats = e.referralStatsOfSharer("lin")
        assertEquals(440L, stats.pointsPending)
        assertEquals(0L, stats.commissionPending)
        clock.advance(WEEK_MS)
        assertEquals(440L, e.referralStatsOfSharer("lin").pointsVested)
        assertEquals(RewardState.VESTED, e.referralRewards("lin").single().state)
    }

    @Test
    fun couponRewardsIssueACouponAndAWholeRefundTakesItBack() {
        val e = referralShop(COUPON_REWARDS, before = THANKS)
        assertEquals("bound", e.openShareLink(link(e, "lin").code!!, "bo", null, "o1").outcome)

        // Each credited order earns Lin one copy, usable once the two days' cooling-off ends.
        val first = buy(e, "bo", "tea", 1)
        val reward = e.orderAttribution(first.id)!!.rewards.single()
        assertEquals(RewardKind.COUPON, reward.kind)
        assertEquals(1L, reward.amount)
        assertEquals("lin", reward.sharerId)
        assertEquals(RewardState.PENDING, reward.state)
        assertEquals(clock.now + 2 * DAY_MS, reward.vestsAtMs)
        val code = reward.couponCode
        assertNotNull(code)
        assertTrue(code!!, code.startsWith("cpn"))
        assertEquals(listOf(reward), e.referralRewards("lin"))
        val coupon = e.coupons("lin").single()
        assertEquals(code, coupon.code)
        assertEquals("thanks", coupon.templateId)
        assertEquals(clock.now + 2 * DAY_MS, coupon.validFromMs)
        val pending = e.referralStatsOfSharer("lin")
        assertEquals(1L, pending.couponsPending)
        assertEquals(0L, pending.couponsVested)
        assertEquals(0L, pending.commissionPending)
        assertEquals(0L, pending.pointsPending)

        buy(e, "bo", "cup", 1)
        // A third order finds Lin at the template's two copies per user: credited, no coupon.
        val third = buy(e, "bo", "cup", 1)
        val skipped = e.orderAttribution(third.id)!!
        assertEquals("lin", skipped.sharerId)
        assertEquals(emptyList<ReferralReward>(), skipped.rewards)
        assertEquals(1, count(e, "referral.reward_skipped"))
        assertEquals(2, e.coupons("lin").size)
        assertEquals(2L, e.referralStatsOfSharer("lin").couponsPending)

        // A partial refund keeps the coupon; the whole order refunded takes it back.
        clock.advance(2 * DAY_MS)
        assertEquals(2L, e.referralStatsOfSharer("lin").couponsVested)
        e.refundAmount(first.id, 1000, "rf-1")
        assertEquals(0L, e.referralStatsOfSharer("lin").couponsClawedBack)
        assertEquals(RewardState.VESTED, e.orderAttribution(first.id)!!.rewards.single().state)
        e.refundAmount(first.id, 3400, "rf-2")
        val stats = e.referralStatsOfSharer("lin")
        assertEquals(1L, stats.couponsClawedBack)
        assertEquals(1L, stats.couponsVested)
        assertEquals(0L, stats.couponsPending)
        val taken = e.orderAttribution(first.id)!!.rewards.single()
        assertEquals(RewardState.CLAWED_BACK, taken.state)
        assertEquals(1L, taken.clawedBack)
        assertEquals(code, taken.couponCode)
        assertEquals(listOf(code), e.coupons("lin", CouponState.REVOKED).map { it.code })
        assertEquals(1, count(e, "coupon.revoked"))
    }

    @Test
    fun opensAreIdempotentAndBadCallsChangeNothing() {
        assertEquals(listOf(1, 2, 3), listOf(RewardKind.POINTS, RewardKind.COMMISSION, RewardKind.COUPON).map { it.value })
        assertEquals(RewardKind.COMMISSION, RewardKind.of(2))
        assertEquals(RewardKind.COUPON, RewardKind.of(3))
        assertEquals(RewardKind.UNKNOWN, RewardKind.of(4))
        assertEquals(RewardKind.UNKNOWN, RewardKind.of(0))
        assertEquals(RewardKind.UNKNOWN, RewardKind.of(-1))
        assertEquals(listOf(1, 2, 3), listOf(RewardState.PENDING, RewardState.VESTED, RewardState.CLAWED_BACK).map { it.value })
        assertEquals(RewardState.CLAWED_BACK, RewardState.of(3))
        assertEquals(RewardState.UNKNOWN, RewardState.of(4))

        val e = open()
        // No program: nothing opens.
        expectError(ErrorCode.INVALID_STATE, "referral") { e.openShareLink("ABCD-EFGHJK", "bo", null, "o1") }
        e.putSku(SkuSpec("tea", "m-tea", "Oolong tea", "CNY", 4400))
        e.putReferralProgram(COMMISSION)
        e.generateShareKey("k1")
        val linLink = link(e, "lin")

        val first = e.openShareLink(linLink.code!!, "bo", "phone", "o1")
        clock.advance(1_000)
        assertEquals(first, e.openShareLink(linLink.code!!, "bo", "phone", "o1"))   // a retry
        assertEquals(1, count(e, "share_link.opened"))
        val events = e.latestEventSeq()

        expectError(ErrorCode.IDEMPOTENCY_CONFLICT, "idempotency_key") { e.openShareLink(linLink.code!!, "kai", null, "o1") }
        expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { e.openShareLink(linLink.code!!, null, null, "o2") }
        expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { e.openShareLink(linLink.code!!, "", null, "o2") }
        expectError(ErrorCode.INVALID_ARGUMENT, "device_id") { e.openShareLink(linLink.code!!, "bo", "", "o2") }
        expectError(ErrorCode.INVALID_ARGUMENT, "device_id") { e.openShareLink(linLink.code!!, "bo", "ph\u0000one", "o2") }
        expectError(ErrorCode.INVALID_ARGUMENT, "idempotency_key") { e.openShareLink(linLink.code!!, "bo", null, "") }
        expectError(ErrorCode.INVALID_ARGUMENT, "token") { e.openShareLink("", "bo", null, "o2") }
        expectError(ErrorCode.NOT_FOUND, "code") { e.openShareLink("ZZZZ-ZZZZZZ", "bo", null, "o3") }
        expectError(ErrorCode.LINK_MALFORMED, "code") { e.openShareLink("ZZZZ-ZZZZ", "bo", null, "o3") }
        expectError(ErrorCode.INVALID_UTF8) {
            Native.engineShareLinkOpen(e.handleForTests, utf8(linLink.code!!), byteArrayOf(0xC3.toByte()), null, utf8("o4"))
        }
        expectError(ErrorCode.INVALID_ARGUMENT, "device_id") { e.referralSignIn("bo", "") }
        expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { e.referralSignIn("", "phone") }
        expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { e.referralBindingOfUser("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "device_id") { e.referralBindingOfDevice("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "device_id") {
            Native.engineReferralBinding(e.handleForTests, utf8("bo"), utf8("phone"))
        }
        expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { Native.engineReferralBinding(e.handleForTests, null, null) }
        expectError(ErrorCode.NOT_FOUND, "order_id") { e.orderAttribution("ord_nope") }
        expectError(ErrorCode.INVALID_ARGUMENT, "order_id") { e.orderAttribution("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "sharer_id") { e.referralRewards("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "sharer_id") { e.referralRefusals("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "sharer_id") { e.referralStatsOfSharer("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "target") { e.referralStatsOfTarget(ShareTarget.UNKNOWN, "tea") }
        expectError(ErrorCode.INVALID_ARGUMENT, "target_id") { e.referralStatsOfTarget(ShareTarget.SKU, "") }
        expectError(ErrorCode.INVALID_ARGUMENT, "target") {
            Native.engineReferralStats(e.handleForTests, utf8("lin"), ShareTarget.SKU.value, utf8("tea"))
        }
        expectError(ErrorCode.INVALID_ARGUMENT, "target_id") {
            Native.engineReferralStats(e.handleForTests, null, ShareTarget.SKU.value, null)
        }
        assertEquals(events, e.latestEventSeq())

        // Nobody bound, nothing credited: null, not an error.
        assertNull(e.referralBindingOfUser("kai"))
        assertNull(e.referralBindingOfDevice("tablet"))
        assertEquals("phone", first.deviceId)
        assertEquals(first.id, e.referralBindingOfUser("bo")!!.openId)
        val unbound = buy(e, "kai", "tea", 1)
        assertNull(e.orderAttribution(unbound.id))

        // The sign-in with a NULL out (the header allows it) returns no handle.
        assertEquals(0L, Native.engineReferralSignIn(e.handleForTests, utf8("bo"), utf8("phone"), false))
        // Out of range in a list reads as NULL, and NULL reads as nothing.
        val refusals = Native.engineReferralRefusals(e.handleForTests, utf8("lin"))
        val rewards = Native.engineReferralRewards(e.handleForTests, utf8("lin"))
        val stats = Native.engineReferralStats(e.handleForTests, null, 0, null)
        try {
            assertEquals(0L, Native.referralRefusalsCount(refusals))
            assertNull(Native.referralRefusalsReason(refusals, 0))
            assertNull(Native.referralRefusalsUserId(refusals, -1))
            assertEquals(0L, Native.referralRefusalsAtMs(refusals, 0))
            assertEquals(0L, Native.referralRewardsCount(rewards))
            assertEquals(0L, Native.referralRewardsAt(rewards, 0))
            assertEquals(1L, Native.referralStatsGet(stats, 1))      // SC_REFERRAL_SHARES
            assertEquals(0L, Native.referralStatsGet(stats, 0))
            assertEquals(0L, Native.referralStatsGet(stats, 17))     // SC_REFERRAL_COUPONS_PENDING: none
            assertEquals(0L, Native.referralStatsGet(stats, 19))     // SC_REFERRAL_COUPONS_CLAWED_BACK: none
            assertEquals(0L, Native.referralStatsGet(stats, 20))     // past the last figure
        } finally {
            Native.referralRefusalsFree(refusals)
            Native.referralRewardsFree(rewards)
            Native.referralStatsFree(stats)
        }
        assertNull(Native.shareOpenId(0))
        assertFalse(Native.shareOpenIsBound(0))
        assertEquals(0L, Native.shareOpenTarget(0))
        assertEquals(0L, Native.shareOpenBoundUntilMs(0))
        assertNull(Native.referralBindingSharerId(0))
        assertNull(Native.orderAttributionSharerId(0))
        assertEquals(0L, Native.orderAttributionOpen(0))
        assertEquals(0L, Native.orderAttributionRewardCount(0))
        assertEquals(0L, Native.orderAttributionRewardAt(0, 0))
        assertEquals(0L, Native.referralRewardLevel(0))
        assertEquals(0L, Native.referralRewardKind(0))
        assertEquals(0L, Native.referralRewardState(0))
        assertNull(Native.referralRewardOrderId(0))
        assertNull(Native.referralRewardCouponCode(0))
        assertEquals(0L, Native.referralRefusalsCount(0))
        assertEquals(0L, Native.referralStatsGet(0, 1))
        Native.shareOpenFree(0)
        Native.referralBindingFree(0)
        Native.orderAttributionFree(0)
        Native.referralRewardsFree(0)
        Native.referralRefusalsFree(0)
        Native.referralStatsFree(0)
    }

    @Test
    fun suspendingTwinsAndAClosedEngine(): Unit = runBlocking<Unit> {
        val e = referralShop()
        val s = e.suspending
        val linLink = link(e, "lin")
        val open = s.openShareLink(linLink.token, null, "phone-bo", "o1")
        assertEquals("bound", open.outcome)
        assertEquals(clock.now + WEEK_MS, open.boundUntilMs)
        assertEquals("lin", s.referralBindingOfDevice("phone-bo")!!.sharerId)
        assertNull(s.referralBindingOfUser("bo"))
        val carried = s.referralSignIn("bo", "phone-bo")!!
        assertEquals(open.id, carried.openId)
        assertEquals(carried, s.referralBindingOfUser("bo"))
        assertEquals("self_referral", s.openShareLink(linLink.code!!, "lin", null, "o2").outcome)
        assertEquals(listOf("self_referral"), s.referralRefusals("lin").map { it.reason })
        val order = buy(e, "bo", "tea", 2)
        val a = s.orderAttribution(order.id)!!
        assertEquals(listOf(880L, 0L), listOf(a.rewards.single().amount, a.rewards.single().clawedBack))   // Lin has no referrer
        assertEquals(a.rewards, s.referralRewards("lin"))
        assertEquals(8800L, s.referralStatsOfSharer("lin").paidAmount)
        assertEquals(2L, s.referralStatsOfTarget(ShareTarget.SKU, "tea").opens)
        assertEquals(1L, s.referralStats().paidOrders)
        expectError(ErrorCode.NOT_FOUND, "code") { s.openShareLink("ZZZZ-ZZZZZZ", "bo", null, "o3") }
        e.close()
        expectError(ErrorCode.INVALID_STATE) { s.openShareLink(linLink.token, "kai", null, "o4") }
        expectError(ErrorCode.INVALID_STATE) { e.orderAttribution(order.id) }
        expectError(ErrorCode.INVALID_STATE) { s.referralStats() }
    }
}
