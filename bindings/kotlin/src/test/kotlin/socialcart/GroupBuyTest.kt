package socialcart

import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import java.util.Collections
import java.util.concurrent.CountDownLatch
import java.util.concurrent.atomic.AtomicInteger

private const val MINUTE_MS = 60_000L

/** A group's lifetime in the campaigns below: 24 hours from the leader's payment. */
private const val LIFETIME_MS = 24 * 60 * MINUTE_MS

/**
 * The mid-autumn campaign: the box (list price 128.00) at 99.00 in groups of [size], each alive
 * 24 hours from its leader's payment; the campaign ran from a minute before T0 for ten days; at
 * most 2 units per order; [extra] adds members such as `,"stock":4`.
 */
private fun midAutumn(size: Int = 3, limits: String = """{"max_units_per_order":2}""", extra: String = ""): String =
    """{"id":"mid-autumn","sku_id":"box","group_price":9900,"group_size":$size,"lifetime_minutes":1440,""" +
        """"starts_at":${T0 - MINUTE_MS},"ends_at":${T0 + 10 * DAY_MS},"limits":$limits$extra}"""

/** The last C++ test's program document: every setting of a campaign given. */
private const val FULL_PROGRAM =
    """{"format":"socialcart.program/1","currency":"CNY",""" +
        """"skus":[{"id":"box","merchant_id":"m1","title":"Box","list_price":12800}],""" +
        """"group_buy":{"campaigns":[{"id":"c1","sku_id":"box","group_price":9900,"group_size":3,""" +
        """"lifetime_minutes":1440,"starts_at":0,"ends_at":4102444800000,""" +
        """"leader":{"pricing":"leader_price","price":8800},""" +
        """"limits":{"max_units_per_order":2,"max_units_per_user":4,"new_users_only":true},""" +
        """"stock":50,"virtual_fill":{"min_real_members":2}}]}}"""

/**
 * Group-buy (拼团) through the binding (include/socialcart/groupbuy.h), after
 * tests/cpp/test_group_buy.cpp: a leader's paid checkout opens a group, friends join through the
 * same checkout with the group's id, the N-th payment fills it and confirms every member's order;
 * the last seat is never sold twice (GROUP_FULL); at the deadline an unfilled group fails with a
 * group.refund_due event per paid member's order, or is filled virtually; discovery, the
 * campaign's settings and report, and bad calls. Time moves only by the injected clock.
 */
class GroupBuyTest : EngineTestBase() {
    private var keys = 0

    /** The box (tracked, 100) and tea, and the campaign; unpaid orders lapse after [window]. */
    private fun groupShop(campaign: String = midAutumn(), name: String = "cart.db", window: Long = WINDOW_MS): Engine {
        val e = open(name, options(window))
        e.putSku(SkuSpec("box", "m-bakery", "Mooncake box", "CNY", 12800, stock = 100))
        e.putSku(SkuSpec("tea", "m-tea", "Oolong tea", "CNY", 4400))
        e.putGroupCampaign(campaign)
        return e
    }

    private fun checkout(e: Engine, user: String, choice: GroupChoice): Order =
        e.checkout(user, CheckoutRequest(group = choice), "co-${++keys}")

    private fun pay(e: Engine, order: Order): Order {
        val k = "pay-${++keys}"
        return e.pay(order.id, k, order.total, k)
    }

    /** Opens a group of mid-autumn for user, pays: the group's id. */
    private fun lead(e: Engine, user: String): String {
        val order = pay(e, checkout(e, user, GroupChoice.open("mid-autumn")))
        assertEquals(OrderState.AWAITING_GROUP, order.state)
        return e.groupOfOrder(order.id)!!.id
    }

    private fun join(e: Engine, user: String, groupId: String): Order =
        pay(e, checkout(e, user, GroupChoice.join(groupId)))

    private fun count(e: Engine, type: String): Int = e.readEvents(type, 0, 10_000).size

    @Test
    fun aLeaderOpensFriendsJoinAndTheLastPaymentFillsTheGroup() {
        val e = groupShop(window = 15 * MINUTE_MS)
        // The quote prices the group line as the checkout will: 2 boxes at the group price.
        val opening = CheckoutRequest(group = GroupChoice.open("mid-autumn", 2))
        assertEquals(2 * 9900L, e.quote("ann", opening).total)
        val lead = e.checkout("ann", opening, "ann-co")
        assertEquals(OrderState.CREATED, lead.state)
        assertEquals(2 * 9900L, lead.total)
        assertEquals(12800L, lead.lines.single().unitPrice)
        assertEquals(2 * 9900L, lead.lines.single().net)
        assertEquals("box", lead.lines.single().skuId)

        // The group is pending until the leader pays: nobody can join it yet.
        val pending = e.groupOfOrder(lead.id)!!
        val gid = pending.id
        assertTrue(gid, gid.startsWith("grp_"))
        assertEquals(Group(gid, "mid-autumn", "ann", GroupState.PENDING, 3, 0, 2, 0, T0, 0, 0, 0,
            listOf(GroupSeat(lead.id, "ann", 1, 2, SeatState.RESERVED, 0))), pending)
        assertEquals(pending, e.group(gid))
        expectError(ErrorCode.INVALID_STATE, "group_id") { checkout(e, "bo", GroupChoice.join(gid)) }

        // Five minutes later Ann pays: her order waits for the group, which opens for 24 hours.
        clock.advance(5 * MINUTE_MS)
        val paid = e.pay(lead.id, "wx-ann", lead.total, "ann-pay")
        assertEquals(OrderState.AWAITING_GROUP, paid.state)
        val opened = e.group(gid)
        assertEquals(GroupState.OPEN, opened.state)
        assertEquals(T0 + 5 * MINUTE_MS, opened.openedAtMs)
        assertEquals(T0 + 5 * MINUTE_MS + LIFETIME_MS, opened.deadlineMs)
        assertEquals(2L, opened.seatsLeft)
        assertEquals(1L, opened.paidMembers)
        assertEquals(0L, opened.endedAtMs)
        assertEquals(GroupSeat(lead.id, "ann", 1, 2, SeatState.PAID, T0 + 5 * MINUTE_MS), opened.seats.single())
        assertEquals(listOf(opened), e.openGroups("mid-autumn", 10))

        // Bo joins at the group price; the cart is not the group's, it stays as it is.
        e.addToCart("bo", "tea", 1)
        val bo = join(e, "bo", gid)
        assertEquals(9900L, bo.total)
        assertEquals(OrderState.AWAITING_GROUP, bo.state)
        assertEquals(listOf("tea"), e.cart("bo").lines.map { it.skuId })
        assertEquals(1L, e.group(gid).seatsLeft)
        // Not one's own group, nor a second seat.
        expectError(ErrorCode.INVALID_STATE, "group_id") { checkout(e, "ann", GroupChoice.join(gid)) }
        expectError(ErrorCode.INVALID_STATE, "group_id") { checkout(e, "bo", GroupChoice.join(gid)) }

        // Cy's payment is the third: the group fills and every member's order is confirmed.
        clock.advance(MINUTE_MS)
        val cy = join(e, "cy", gid)
        assertEquals(OrderState.GROUP_CONFIRMED, cy.state)
        assertEquals(OrderState.GROUP_CONFIRMED, e.order(lead.id).state)
        assertEquals(OrderState.GROUP_CONFIRMED, e.order(bo.id).state)
        val filled = e.group(gid)
        assertEquals(GroupState.FILLED, filled.state)
        assertEquals(3L, filled.paidMembers)
        assertEquals(0L, filled.seatsLeft)
        assertEquals(0L, filled.virtualMembers)
        assertEquals(clock.now, filled.endedAtMs)
        assertEquals(listOf("ann", "bo", "cy"), filled.seats.map { it.userId })
        assertEquals(listOf(1L, 2L, 3L), filled.seats.map { it.position })
        assertEquals(listOf(lead.id, bo.id, cy.id), filled.seats.map { it.orderId })
        assertTrue(filled.seats.all { it.state == SeatState.PAID && it.paidAtMs > 0 })
        assertEquals(filled, e.groupOfOrder(cy.id))
        assertEquals(emptyList<Group>(), e.openGroups("mid-autumn", 10))

        // A fourth shopper finds it full.
        expectError(ErrorCode.GROUP_FULL, "group_id") { checkout(e, "di", GroupChoice.join(gid)) }
        assertEquals(1, count(e, "group.filled"))
        assertEquals(3, count(e, "group.seat_paid"))

        // A refund after the fill does not un-fill it.
        assertEquals(OrderState.REFUNDED, e.refundLine(bo.id, 0, 1, "r1").state)
        assertEquals(GroupState.FILLED, e.group(gid).state)

        // A cart order is not a group order.
        val teaOrder = e.checkout("bo", "tea-co")
        assertNull(e.groupOfOrder(teaOrder.id))
        assertEquals(listOf(gid), e.groupsOfUser("bo", 10).map { it.id })

        // Filled a minute after it opened; units sold are the paid seats' (2 + 1 + 1): Bo's refund
        // after the fill does not take his unit out of the figure, nor him out of the paid members.
        assertEquals(3L, e.group(gid).paidMembers)
        val report = e.groupReport("mid-autumn")
        assertEquals(GroupReport(opened = 1, openNow = 0, filled = 1, virtuallyFilled = 0, failed = 0,
            successRateBps = 10_000, averageFillMs = MINUTE_MS, unitsSold = 4), report)
    }

    @Test
    fun theLeadersPriceAndTheRequestsGroupChoice() {
        val e = groupShop(midAutumn(extra = ""","leader":{"pricing":"leader_price","price":8800}"""))
        val lead = checkout(e, "ann", GroupChoice.open("mid-autumn", 2))
        assertEquals(2 * 8800L, lead.total)
        pay(e, lead)
        val gid = e.groupOfOrder(lead.id)!!.id
        assertEquals(9900L, join(e, "bo", gid).total)

        // What CheckoutRequest puts in the C request, read back by the request's getters.
        fun readBack(request: CheckoutRequest): Triple<Long, String?, Long> = request.withNative { h ->
            Triple(Native.checkoutRequestGroupMode(h), Native.checkoutRequestGroupTarget(h),
                Native.checkoutRequestGroupQuantity(h))
        }
        assertEquals(Triple(0L, "", 0L), readBack(CheckoutRequest()))
        assertEquals(Triple(1L, "mid-autumn", 2L), readBack(CheckoutRequest(group = GroupChoice.open("mid-autumn", 2))))
        assertEquals(Triple(2L, gid, 1L), readBack(CheckoutRequest(group = GroupChoice.join(gid))))
        assertEquals(GroupChoice.Open("mid-autumn", 1), GroupChoice.open("mid-autumn"))
        assertEquals(GroupChoice.Join(gid, 3), GroupChoice.join(gid, 3))
        // NULL reads as no group.
        assertEquals(0L, Native.checkoutRequestGroupMode(0))
        assertEquals("", Native.checkoutRequestGroupTarget(0))
        assertEquals(0L, Native.checkoutRequestGroupQuantity(0))
        // A refused choice leaves the request unchanged.
        val h = Native.checkoutRequestNew()
        try {
            Native.checkoutRequestSetGroup(h, GROUP_MODE_JOIN, utf8(gid), 2)
            expectError(ErrorCode.INVALID_ARGUMENT, "quantity") { Native.checkoutRequestSetGroup(h, GROUP_MODE_OPEN, utf8("c"), 0) }
            expectError(ErrorCode.INVALID_ARGUMENT, "id") { Native.checkoutRequestSetGroup(h, GROUP_MODE_OPEN, null, 1) }
            expectError(ErrorCode.INVALID_ARGUMENT, "id") { Native.checkoutRequestSetGroup(h, GROUP_MODE_JOIN, utf8(""), 1) }
            expectError(ErrorCode.INVALID_ARGUMENT, "mode") { Native.checkoutRequestSetGroup(h, 3, utf8("c"), 1) }
            expectError(ErrorCode.INVALID_UTF8, "id") {
                Native.checkoutRequestSetGroup(h, GROUP_MODE_OPEN, byteArrayOf(0xC3.toByte()), 1)
            }
            assertEquals(2L, Native.checkoutRequestGroupMode(h))
            assertEquals(gid, Native.checkoutRequestGroupTarget(h))
            assertEquals(2L, Native.checkoutRequestGroupQuantity(h))
            // Back to the cart: the target and quantity go with it.
            Native.checkoutRequestSetGroup(h, GROUP_MODE_NONE, null, 0)
            assertEquals(0L, Native.checkoutRequestGroupMode(h))
            assertEquals("", Native.checkoutRequestGroupTarget(h))
            assertEquals(0L, Native.checkoutRequestGroupQuantity(h))
        } finally {
            Native.checkoutRequestFree(h)
        }
    }

    @Test
    fun anUnpaidSeatHoldsThePlaceForItsWindowThenFreesIt() {
        val e = groupShop(midAutumn(size = 2))
        val gid = lead(e, "ann")
        val bo = checkout(e, "bo", GroupChoice.join(gid))
        assertEquals(bo.createdAtMs + WINDOW_MS, bo.payDeadlineMs)
        assertEquals(0L, e.group(gid).seatsLeft)
        assertEquals(SeatState.RESERVED, e.group(gid).seats[1].state)
        // The reserved seat is the last: a third shopper is refused, and the group is not listed.
        val full = expectError(ErrorCode.GROUP_FULL, "group_id") { checkout(e, "cy", GroupChoice.join(gid)) }
        assertFalse(full.retryable)
        assertEquals(emptyList<Group>(), e.openGroups("mid-autumn", 10))

        // Bo's window lapses: the seat reads released at once, and the next joiner takes it.
        clock.advance(WINDOW_MS)
        val lapsed = e.group(gid)
        assertEquals(1L, lapsed.seatsLeft)
        assertEquals(SeatState.RELEASED, lapsed.seats[1].state)
        assertEquals(listOf(gid), e.openGroups("mid-autumn", 10).map { it.id })
        val cy = join(e, "cy", gid)
        assertEquals(OrderState.GROUP_CONFIRMED, cy.state)
        assertEquals(OrderState.CANCELLED, e.order(bo.id).state)
        assertEquals(1, count(e, "group.seat_released"))
        assertEquals(listOf(SeatState.PAID, SeatState.RELEASED, SeatState.PAID), e.group(gid).seats.map { it.state })

        // Close to the deadline, a joiner's payment window ends with the group.
        val late = groupShop(name = "late.db")
        val g2 = lead(late, "ann")
        clock.advance(LIFETIME_MS - WINDOW_MS / 2)
        val di = checkout(late, "di", GroupChoice.join(g2))
        assertEquals(late.group(g2).deadlineMs, di.payDeadlineMs)
    }

    @Test
    fun anUnfilledGroupFailsAtItsDeadlineAndEachPaidOrderIsDueARefund() {
        val e = groupShop()
        val gid = lead(e, "ann")
        val annOrder = e.group(gid).seats[0].orderId
        val bo = join(e, "bo", gid)
        val cyUnpaid = checkout(e, "cy", GroupChoice.join(gid))
        val deadline = e.group(gid).deadlineMs
        assertEquals(T0 + LIFETIME_MS, deadline)

        // A minute before the deadline it is still open.
        clock.advance(LIFETIME_MS - MINUTE_MS)
        assertEquals(GroupState.OPEN, e.group(gid).state)
        assertEquals(OrderState.AWAITING_GROUP, e.order(bo.id).state)

        // At the deadline a read sees the failure before any write settles it.
        clock.advance(MINUTE_MS)
        val failed = e.group(gid)
        assertEquals(GroupState.FAILED, failed.state)
        assertEquals(deadline, failed.endedAtMs)
        assertEquals(0L, failed.seatsLeft)
        assertEquals(OrderState.GROUP_FAILED, e.order(bo.id).state)
        assertEquals(OrderState.GROUP_FAILED, e.order(annOrder).state)
        assertEquals(OrderState.CANCELLED, e.order(cyUnpaid.id).state)
        assertEquals(0, count(e, "group.failed"))
        assertEquals(0, count(e, "group.refund_due"))

        // The sweep records it: one refund-due event per paid member's own order.
        // It counts Cy's lapsed order as settled, not the group (SweepResult counts orders only).
        assertEquals(SweepResult(settled = 1, more = false), e.sweep(100))
        assertEquals(1, count(e, "group.failed"))
        val due = e.readEvents("group.refund_due", 0, 10)
        assertEquals(2, due.size)
        for (event in due) {
            assertTrue(event.payload, "\"order_id\":\"${event.subjectId}\"" in event.payload)
            assertTrue(event.payload, "\"amount\":9900" in event.payload)
            assertTrue(event.payload, "\"group_id\":\"$gid\"" in event.payload)
        }
        assertEquals(setOf(annOrder, bo.id), due.map { it.subjectId }.toSet())
        assertEquals(GroupState.FAILED, e.group(gid).state)
        assertEquals(listOf(SeatState.PAID, SeatState.PAID, SeatState.RELEASED), e.group(gid).seats.map { it.state })
        assertEquals(emptyList<Group>(), e.openGroups("mid-autumn", 10))
        expectError(ErrorCode.INVALID_STATE, "group_id") { checkout(e, "di", GroupChoice.join(gid)) }

        // The host refunds each order through its provider and confirms; a retry changes nothing.
        assertEquals(OrderState.REFUNDED, e.refundAmount(annOrder, 9900, "r-ann").state)
        assertEquals(OrderState.REFUNDED, e.refundAmount(bo.id, 9900, "r-bo").state)
        assertEquals(OrderState.REFUNDED, e.refundAmount(bo.id, 9900, "r-bo").state)
        assertEquals(2, count(e, "order.refunded"))
        assertEquals(GroupState.FAILED, e.group(gid).state)            // refunds after the end change no seat
        assertEquals(listOf(SeatState.PAID, SeatState.PAID, SeatState.RELEASED), e.group(gid).seats.map { it.state })
        assertFalse(e.sweep(100).more)
        assertEquals(1, count(e, "group.failed"))
        assertEquals(GroupReport(opened = 1, openNow = 0, filled = 0, virtuallyFilled = 0, failed = 1,
            successRateBps = 0, averageFillMs = 0, unitsSold = 0), e.groupReport("mid-autumn"))
    }

    @Test
    fun virtualFillCompletesAGroupWithEnoughPaidMembersAtItsDeadline() {
        val e = groupShop(midAutumn(size = 4, extra = ""","virtual_fill":{"min_real_members":2}"""))
        val fullEnough = lead(e, "ann")
        val bo = join(e, "bo", fullEnough)
        clock.advance(MINUTE_MS)
        val tooFew = lead(e, "cy")
        clock.advance(LIFETIME_MS)

        val g = e.group(fullEnough)
        assertEquals(GroupState.FILLED, g.state)
        assertEquals(2L, g.virtualMembers)
        assertEquals(2L, g.paidMembers)
        assertEquals(T0 + LIFETIME_MS, g.endedAtMs)
        assertEquals(GroupState.FAILED, e.group(tooFew).state)
        assertEquals(OrderState.GROUP_CONFIRMED, e.order(bo.id).state)
        // The sweep records both groups' ends; it counts no order, as none lapsed.
        assertEquals(SweepResult(settled = 0, more = false), e.sweep(100))
        val filled = e.readEvents("group.filled", 0, 10)
        assertEquals(1, filled.size)
        assertTrue(filled[0].payload, "\"virtual_members\":2" in filled[0].payload)
        assertEquals(1, count(e, "group.refund_due"))   // Cy's order alone
        assertEquals(GroupReport(opened = 2, openNow = 0, filled = 1, virtuallyFilled = 1, failed = 1,
            successRateBps = 5000, averageFillMs = LIFETIME_MS, unitsSold = 2), e.groupReport("mid-autumn"))
    }

    @Test
    fun aMemberRefundedWhileTheGroupIsOpenFreesTheSeatAndALeaderHandsOver() {
        val e = groupShop(midAutumn(size = 4))
        val gid = lead(e, "ann")
        clock.advance(MINUTE_MS)
        val bo = join(e, "bo", gid)
        clock.advance(MINUTE_MS)
        val cy = join(e, "cy", gid)
        assertEquals(1L, e.group(gid).seatsLeft)
        // A partial refund keeps the seat; the whole order refunded gives it up.
        e.refundAmount(cy.id, 100, "r-cy-1")
        assertEquals(1L, e.group(gid).seatsLeft)
        e.refundAmount(cy.id, 9800, "r-cy-2")
        assertEquals(2L, e.group(gid).seatsLeft)
        assertEquals(SeatState.LEFT, e.group(gid).seats[2].state)
        val annOrder = e.group(gid).seats[0].orderId
        e.refundAmount(annOrder, 9900, "r-ann")
        val g = e.group(gid)
        assertEquals("bo", g.leaderUserId)
        assertEquals(3L, g.seatsLeft)
        assertEquals(1L, g.paidMembers)
        assertEquals(GroupState.OPEN, g.state)
        assertEquals(2, count(e, "group.member_left"))
        assertEquals(1, count(e, "group.leader_changed"))
        // Ann may join the group she left, as anyone may; when Bo leaves she leads it.
        join(e, "ann", gid)
        e.refundAmount(bo.id, 9900, "r-bo")
        assertEquals("ann", e.group(gid).leaderUserId)
        e.refundAmount(e.group(gid).seats.last().orderId, 9900, "r-ann-2")
        assertEquals(GroupState.CANCELLED, e.group(gid).state)
        assertEquals("cancelled", SocialCart.groupStateName(e.group(gid).state))
    }

    @Test
    fun limitsPerOrderAndShopperOneLiveGroupNewShoppersTheWindowAndStock() {
        val e = groupShop(midAutumn(size = 5,
            limits = """{"max_units_per_order":2,"max_units_per_user":3,"new_users_only":true}""",
            extra = ""","stock":4"""))
        expectError(ErrorCode.LIMIT_EXCEEDED, "quantity") { checkout(e, "ann", GroupChoice.open("mid-autumn", 3)) }
        expectError(ErrorCode.NOT_FOUND, "campaign_id") { checkout(e, "ann", GroupChoice.open("nope")) }
        expectError(ErrorCode.NOT_FOUND, "group_id") { checkout(e, "ann", GroupChoice.join("grp_nope")) }
        val lead = checkout(e, "ann", GroupChoice.open("mid-autumn", 2))
        expectError(ErrorCode.INVALID_STATE, "campaign_id") { checkout(e, "ann", GroupChoice.open("mid-autumn")) }
        pay(e, lead)
        val gid = e.groupOfOrder(lead.id)!!.id
        // Bo has paid an order: a new-users-only group is not his to join.
        e.addToCart("bo", "tea", 1)
        pay(e, e.checkout("bo", "tea-1"))
        expectError(ErrorCode.INVALID_STATE, "user_id") { checkout(e, "bo", GroupChoice.join(gid)) }
        // The campaign's stock: 2 of 4 sold; 2 more fit, not 3.
        join(e, "cy", gid)
        expectError(ErrorCode.OUT_OF_STOCK) { checkout(e, "di", GroupChoice.join(gid, 2)) }
        join(e, "di", gid)
        // Less stock than the campaign sold is refused.
        val less = midAutumn(size = 5,
            limits = """{"max_units_per_order":2,"max_units_per_user":3,"new_users_only":true}""",
            extra = ""","stock":3""")
        expectError(ErrorCode.VALIDATION, "stock") { e.putGroupCampaign(less) }
        assertEquals(4L, e.groupCampaign("mid-autumn").stock)
        // A failed group gives its units back to the campaign.
        clock.advance(LIFETIME_MS)
        e.sweep(100)
        e.putGroupCampaign(less)
        assertEquals(3L, e.groupCampaign("mid-autumn").stock)
        // Past the campaign's end.
        clock.advance(10 * DAY_MS)
        expectError(ErrorCode.EXPIRED, "campaign_id") { checkout(e, "eve", GroupChoice.open("mid-autumn")) }
    }

    @Test
    fun openGroupsListTheFewestSeatsLeftFirstAndAShoppersGroupsNewestFirst() {
        val e = groupShop(midAutumn(size = 4))
        val a = lead(e, "ann")
        clock.advance(MINUTE_MS)
        val b = lead(e, "bo")
        join(e, "cy", b)
        clock.advance(MINUTE_MS)
        val c = lead(e, "di")
        val listed = e.openGroups("mid-autumn", 10)
        assertEquals(listOf(b, a, c), listed.map { it.id })          // 2 seats left, then 3 by deadline
        assertEquals(listOf(2L, 3L, 3L), listed.map { it.seatsLeft })
        assertEquals(listOf(b), e.openGroups("mid-autumn", 1).map { it.id })
        assertEquals(listed, e.openGroups("mid-autumn", 100))
        assertEquals(listed, e.openGroups("mid-autumn"))
        assertEquals(listOf(b), e.groupsOfUser("cy", 10).map { it.id })
        // Cy leads a group too: it is the newest of his.
        clock.advance(MINUTE_MS)
        val d = lead(e, "cy")
        assertEquals(listOf(d, b), e.groupsOfUser("cy", 10).map { it.id })
        assertEquals(listOf(d), e.groupsOfUser("cy", 1).map { it.id })
        assertEquals(emptyList<Group>(), e.groupsOfUser("nobody", 10))
        val report = e.groupReport("mid-autumn")
        assertEquals(4L, report.opened)
        assertEquals(4L, report.openNow)
        assertEquals(0L, report.successRateBps)                     // none ended yet
    }

    @Test
    fun exactlyNWhenShoppersRaceForTheLastSeat() {
        val e = groupShop()
        val threads = 8
        for (round in 0 until 3) {
            val gid = lead(e, "leader-$round")
            join(e, "first-$round", gid)
            val won = AtomicInteger()
            val full = AtomicInteger()
            val other = Collections.synchronizedList(ArrayList<Throwable>())
            val go = CountDownLatch(1)
            val racers = (0 until threads).map { t ->
                Thread {
                    go.await()
                    val user = "racer-$round-$t"
                    try {
                        e.checkout(user, CheckoutRequest(group = GroupChoice.join(gid)), "race-$user")
                        won.incrementAndGet()
                    } catch (x: SocialCartException) {
                        if (x.code == ErrorCode.GROUP_FULL) full.incrementAndGet() else other.add(x)
                    } catch (x: Throwable) {
                        other.add(x)
                    }
                }.apply { start() }
            }
            go.countDown()
            racers.forEach { it.join() }
            assertEquals(emptyList<Throwable>(), other.toList())
            assertEquals(1, won.get())
            assertEquals(threads - 1, full.get())
            val g = e.group(gid)
            assertEquals(0L, g.seatsLeft)
            assertEquals(3, g.seats.count { it.state == SeatState.PAID || it.state == SeatState.RESERVED })
        }
    }

    @Test
    fun aLapsedLeadersOrderCancelsThePendingGroupAndARetriedCheckoutMakesOneSeat() {
        val e = groupShop()
        val request = CheckoutRequest(group = GroupChoice.open("mid-autumn"))
        val first = e.checkout("ann", request, "same")
        assertEquals(first, e.checkout("ann", request, "same"))
        expectError(ErrorCode.IDEMPOTENCY_CONFLICT) {
            e.checkout("ann", CheckoutRequest(group = GroupChoice.open("mid-autumn", 2)), "same")
        }
        val gid = e.groupOfOrder(first.id)!!.id
        assertEquals(1, e.group(gid).seats.size)
        clock.advance(WINDOW_MS)
        assertEquals(GroupState.CANCELLED, e.group(gid).state)
        e.sweep(100)
        assertEquals(1, count(e, "group.cancelled"))
        // Ann may lead another group now.
        assertNotEquals(gid, lead(e, "ann"))
    }

    @Test
    fun aCampaignReadsBackEverySettingAndBadCampaignsAreRefusedWithTheirField() {
        val e = open()
        e.importProgram(FULL_PROGRAM)
        assertEquals(GroupCampaign(id = "c1", skuId = "box", groupPrice = 9900, groupSize = 3, lifetimeMinutes = 1440,
            startsAtMs = 0, endsAtMs = 4_102_444_800_000, leaderPricing = LeaderPricing.LEADER_PRICE,
            leaderPrice = 8800, maxUnitsPerOrder = 2, maxUnitsPerUser = 4, stock = 50, newUsersOnly = true,
            virtualFillMinMembers = 2), e.groupCampaign("c1"))
        assertTrue(e.exportProgram(), "\"group_buy\"" in e.exportProgram())

        // The least a campaign says: the defaults read as none (0, -1) and the group price.
        val plain = """{"id":"c2","sku_id":"box","group_price":9900,"group_size":2,"lifetime_minutes":60,""" +
            """"starts_at":0,"ends_at":4102444800000}"""
        e.putGroupCampaign(plain)
        val c2 = e.groupCampaign("c2")
        assertEquals(LeaderPricing.GROUP_PRICE, c2.leaderPricing)
        assertEquals(0L, c2.leaderPrice)
        assertEquals(1L, c2.maxUnitsPerOrder)
        assertEquals(0L, c2.maxUnitsPerUser)
        assertEquals(-1L, c2.stock)
        assertFalse(c2.newUsersOnly)
        assertEquals(0L, c2.virtualFillMinMembers)
        val puts = count(e, "group_campaign.put")
        e.putGroupCampaign(plain)                                       // the same campaign: nothing
        assertEquals(puts, count(e, "group_campaign.put"))
        e.putGroupCampaign(plain.replace("\"group_size\":2", "\"group_size\":5"))
        assertEquals(puts + 1, count(e, "group_campaign.put"))
        assertEquals(5L, e.groupCampaign("c2").groupSize)
        e.putGroupCampaign(plain.replace("}", ""","leader":{"pricing":"free"}}"""))
        assertEquals(LeaderPricing.FREE, e.groupCampaign("c2").leaderPricing)

        val before = e.groupCampaign("c2")
        fun refused(json: String, field: String) {
            expectError(ErrorCode.VALIDATION, field) { e.putGroupCampaign(json) }
        }
        refused(plain.replace("\"group_size\":2", "\"group_size\":1"), "group_size")
        refused(plain.replace("\"group_size\":2", "\"group_size\":101"), "group_size")
        refused(plain.replace("\"lifetime_minutes\":60", "\"lifetime_minutes\":0"), "lifetime_minutes")
        refused(plain.replace("\"group_price\":9900", "\"group_price\":-1"), "group_price")
        refused(plain.replace("\"sku_id\":\"box\"", "\"sku_id\":\"nope\""), "sku_id")
        refused(plain.replace("\"sku_id\":\"box\",", ""), "sku_id")
        refused(plain.replace("}", ""","leader":{"pricing":"cheap"}}"""), "leader.pricing")
        refused(plain.replace("}", ""","virtual_fill":{"min_real_members":2}}"""), "virtual_fill.min_real_members")
        refused(plain.replace("}", ""","colour":"red"}"""), "colour")
        expectError(ErrorCode.VALIDATION) { e.putGroupCampaign("not json") }
        expectError(ErrorCode.INVALID_ARGUMENT, "json") { Native.engineGroupbuyCampaignPut(e.handleForTests, null) }
        expectError(ErrorCode.INVALID_UTF8, "json") {
            Native.engineGroupbuyCampaignPut(e.handleForTests, byteArrayOf('{'.toByte(), 0xC3.toByte(), '}'.toByte()))
        }
        assertEquals(before, e.groupCampaign("c2"))                     // every refusal changed nothing
        assertEquals(puts + 2, count(e, "group_campaign.put"))
    }

    @Test
    fun badCallsAreRefusedWithTheirFieldAndChangeNothing() {
        val e = groupShop()
        val gid = lead(e, "ann")
        val seq = e.latestEventSeq()
        expectError(ErrorCode.INVALID_ARGUMENT, "campaign_id") { e.groupCampaign("") }
        expectError(ErrorCode.NOT_FOUND, "campaign_id") { e.groupCampaign("nope") }
        expectError(ErrorCode.INVALID_ARGUMENT, "group_id") { e.group("") }
        expectError(ErrorCode.NOT_FOUND, "group_id") { e.group("grp_nope") }
        expectError(ErrorCode.INVALID_ARGUMENT, "order_id") { e.groupOfOrder("") }
        expectError(ErrorCode.NOT_FOUND, "order_id") { e.groupOfOrder("ord_nope") }
        expectError(ErrorCode.INVALID_ARGUMENT, "campaign_id") { e.openGroups("", 5) }
        expectError(ErrorCode.NOT_FOUND, "campaign_id") { e.openGroups("nope", 5) }
        expectError(ErrorCode.INVALID_ARGUMENT, "limit") { e.openGroups("mid-autumn", 0) }
        expectError(ErrorCode.INVALID_ARGUMENT, "limit") { e.openGroups("mid-autumn", 101) }
        expectError(ErrorCode.INVALID_ARGUMENT, "limit") { e.openGroups("mid-autumn", -1) }
        expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { e.groupsOfUser("", 5) }
        expectError(ErrorCode.INVALID_ARGUMENT, "limit") { e.groupsOfUser("ann", 0) }
        expectError(ErrorCode.INVALID_ARGUMENT, "limit") { e.groupsOfUser("ann", 101) }
        expectError(ErrorCode.INVALID_ARGUMENT, "campaign_id") { e.groupReport("") }
        expectError(ErrorCode.NOT_FOUND, "campaign_id") { e.groupReport("nope") }
        // The request's own checks, from quote and checkout alike.
        expectError(ErrorCode.INVALID_ARGUMENT, "id") { checkout(e, "bo", GroupChoice.join("")) }
        expectError(ErrorCode.INVALID_ARGUMENT, "id") { e.quote("bo", CheckoutRequest(group = GroupChoice.open(""))) }
        expectError(ErrorCode.INVALID_ARGUMENT, "quantity") { checkout(e, "bo", GroupChoice.join(gid, 0)) }
        expectError(ErrorCode.INVALID_ARGUMENT, "quantity") { checkout(e, "bo", GroupChoice.open("mid-autumn", -1)) }
        expectError(ErrorCode.INVALID_ARGUMENT) { checkout(e, "bo", GroupChoice.join("grp\u0000x")) }
        expectError(ErrorCode.INVALID_ARGUMENT, "group_id") { e.group("grp\u0000x") }
        expectError(ErrorCode.INVALID_UTF8) { Native.engineGroupGet(e.handleForTests, byteArrayOf(0xC3.toByte())) }
        expectError(ErrorCode.INVALID_ARGUMENT, "group_id") { Native.engineGroupGet(e.handleForTests, null) }
        expectError(ErrorCode.INVALID_ARGUMENT, "order_id") { Native.engineOrderGroup(e.handleForTests, null) }
        expectError(ErrorCode.INVALID_ARGUMENT, "campaign_id") { Native.engineGroupsOpen(e.handleForTests, null, 5) }
        expectError(ErrorCode.INVALID_ARGUMENT, "user_id") { Native.engineGroupsOfUser(e.handleForTests, null, 5) }
        expectError(ErrorCode.INVALID_ARGUMENT, "campaign_id") { Native.engineGroupbuyReport(e.handleForTests, null) }
        expectError(ErrorCode.INVALID_ARGUMENT, "campaign_id") { Native.engineGroupbuyCampaignGet(e.handleForTests, null) }
        assertEquals(seq, e.latestEventSeq())
        assertEquals(1, e.group(gid).seats.size)

        // Names, and the NULL handle and indexes past the end reading as nothing.
        assertEquals(listOf("pending", "open", "filled", "failed", "cancelled", "unknown"),
            GroupState.values().map { SocialCart.groupStateName(it) })
        assertEquals("unknown", Native.groupStateName(0))
        assertEquals(GroupState.UNKNOWN, GroupState.of(0))
        assertEquals(SeatState.UNKNOWN, SeatState.of(9))
        assertEquals(LeaderPricing.UNKNOWN, LeaderPricing.of(3))
        assertEquals(LeaderPricing.GROUP_PRICE, LeaderPricing.of(0))
        val list = Native.engineGroupsOpen(e.handleForTests, utf8("mid-autumn"), 5)
        val report = Native.engineGroupbuyReport(e.handleForTests, utf8("mid-autumn"))
        try {
            assertEquals(1L, Native.groupsCount(list))
            val g = Native.groupsAt(list, 0)
            assertNotEquals(0L, g)
            assertEquals(gid, Native.groupId(g))
            assertEquals(1L, Native.groupSeatCount(g))
            assertNull(Native.groupSeatOrderId(g, 1))
            assertNull(Native.groupSeatUserId(g, -1))
            assertEquals(0L, Native.groupSeatPosition(g, 1))
            assertEquals(0L, Native.groupSeatQuantity(g, 1))
            assertEquals(0L, Native.groupSeatState(g, 1))
            assertEquals(0L, Native.groupSeatPaidAtMs(g, 1))
            assertEquals(0L, Native.groupsAt(list, 1))
            assertEquals(1L, Native.groupReportGet(report, 1))       // SC_GROUP_REPORT_OPENED
            assertEquals(1L, Native.groupReportGet(report, 2))       // SC_GROUP_REPORT_OPEN_NOW
            assertEquals(0L, Native.groupReportGet(report, 0))
            assertEquals(0L, Native.groupReportGet(report, 9))       // past the last figure
        } finally {
            Native.groupsFree(list)
            Native.groupReportFree(report)
        }
        assertEquals(0L, Native.groupsCount(0))
        assertEquals(0L, Native.groupsAt(0, 0))
        assertNull(Native.groupId(0))
        assertNull(Native.groupCampaignId(0))
        assertNull(Native.groupLeaderUserId(0))
        assertEquals(0L, Native.groupState(0))
        assertEquals(0L, Native.groupSize(0))
        assertEquals(0L, Native.groupPaidMembers(0))
        assertEquals(0L, Native.groupSeatsLeft(0))
        assertEquals(0L, Native.groupVirtualMembers(0))
        assertEquals(0L, Native.groupCreatedAtMs(0))
        assertEquals(0L, Native.groupOpenedAtMs(0))
        assertEquals(0L, Native.groupDeadlineMs(0))
        assertEquals(0L, Native.groupEndedAtMs(0))
        assertEquals(0L, Native.groupSeatCount(0))
        assertNull(Native.groupSeatOrderId(0, 0))
        assertNull(Native.groupbuyCampaignId(0))
        assertNull(Native.groupbuyCampaignSkuId(0))
        assertEquals(0L, Native.groupbuyCampaignGroupPrice(0))
        assertEquals(0L, Native.groupbuyCampaignGroupSize(0))
        assertEquals(0L, Native.groupbuyCampaignLifetimeMinutes(0))
        assertEquals(0L, Native.groupbuyCampaignStartsAtMs(0))
        assertEquals(0L, Native.groupbuyCampaignEndsAtMs(0))
        assertEquals(0L, Native.groupbuyCampaignLeaderPricing(0))
        assertEquals(0L, Native.groupbuyCampaignLeaderPrice(0))
        assertEquals(0L, Native.groupbuyCampaignMaxUnitsPerOrder(0))
        assertEquals(0L, Native.groupbuyCampaignMaxUnitsPerUser(0))
        assertEquals(0L, Native.groupbuyCampaignStock(0))
        assertFalse(Native.groupbuyCampaignNewUsersOnly(0))
        assertEquals(0L, Native.groupbuyCampaignVirtualFillMinMembers(0))
        assertEquals(0L, Native.groupReportGet(0, 1))
        Native.groupbuyCampaignFree(0)
        Native.groupFree(0)
        Native.groupsFree(0)
        Native.groupReportFree(0)
    }

    @Test
    fun suspendingTwinsAndAClosedEngine(): Unit = runBlocking<Unit> {
        val e = groupShop(midAutumn(size = 2))
        val s = e.suspending
        s.putGroupCampaign(midAutumn(size = 2, extra = ""","stock":10"""))
        assertEquals(10L, s.groupCampaign("mid-autumn").stock)
        val lead = s.checkout("ann", CheckoutRequest(group = GroupChoice.open("mid-autumn")), "co-ann")
        s.pay(lead.id, "p-ann", lead.total, "p-ann")
        val g = s.groupOfOrder(lead.id)!!
        assertEquals(g, s.group(g.id))
        assertEquals(listOf(g), s.openGroups("mid-autumn", 5))
        assertEquals(listOf(g), s.groupsOfUser("ann", 5))
        val bo = s.checkout("bo", CheckoutRequest(group = GroupChoice.join(g.id)), "co-bo")
        assertEquals(OrderState.GROUP_CONFIRMED, s.pay(bo.id, "p-bo", bo.total, "p-bo").state)
        assertEquals(GroupState.FILLED, s.group(g.id).state)
        assertEquals(1L, s.groupReport("mid-autumn").filled)
        expectError(ErrorCode.GROUP_FULL, "group_id") {
            s.checkout("cy", CheckoutRequest(group = GroupChoice.join(g.id)), "co-cy")
        }
        expectError(ErrorCode.NOT_FOUND, "group_id") { s.group("grp_nope") }
        e.close()
        expectError(ErrorCode.INVALID_STATE) { s.group(g.id) }
        expectError(ErrorCode.INVALID_STATE) { e.groupOfOrder(lead.id) }
        expectError(ErrorCode.INVALID_STATE) { s.putGroupCampaign(midAutumn()) }
        expectError(ErrorCode.INVALID_STATE) { s.groupReport("mid-autumn") }
    }
}
