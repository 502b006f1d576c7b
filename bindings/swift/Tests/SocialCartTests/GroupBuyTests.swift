import Foundation
import XCTest
@testable import SocialCart

/// Group-buy through the binding (socialcart/groupbuy.h): the checkout request's group choice
/// (sc_checkout_request_set_group and its getters), campaigns put and read
/// (sc_engine_groupbuy_campaign_put, sc_engine_groupbuy_campaign_get, sc_groupbuy_campaign_*),
/// groups read by id, by order, open in a campaign and of a shopper (sc_engine_group_get,
/// sc_engine_order_group, sc_engine_groups_open, sc_engine_groups_of_user, sc_groups_*,
/// sc_group_*), and the campaign report (sc_engine_groupbuy_report, sc_group_report_*).
/// The stories follow tests/cpp/test_group_buy.cpp. The figures:
///
/// - a box of mooncakes lists at 128.00; the campaign sells it at 99.00 to groups of 3 (or
///   as given), at most 2 boxes an order, for 24 hours from the leader's payment;
/// - the payment window is a minute (`makeEngine`'s), so an unpaid seat frees a minute later.
final class GroupBuyTests: SocialCartTestCase {
    private let minute: Int64 = 60_000
    private let day: Int64 = 86_400_000
    private var keys = 0

    /// A campaign entry around the test clock's start: open from a minute before to ten
    /// days after it.
    private func campaign(
        id: String = "mid-autumn", size: Int = 3, limits: String = #""max_units_per_order":2"#, extra: String = ""
    ) -> String {
        let start = clock.now
        return """
            {"id":"\(id)","sku_id":"box","group_price":9900,"group_size":\(size),"lifetime_minutes":1440,
             "starts_at":\(start - minute),"ends_at":\(start + 10 * day),"limits":{\(limits)}\(extra)}
            """
    }

    /// Mooncake boxes (128.00, 100 in stock), tea (44.00) and the campaign.
    private func shop(
        size: Int = 3, limits: String = #""max_units_per_order":2"#, extra: String = ""
    ) throws -> SCEngine {
        let engine = try makeEngine(program: nil)
        try engine.blocking.putSku(SCSku(
            id: "box", merchantId: "m1", title: "Mooncakes",
            listPrice: SCMoney(minorUnits: 12800, currency: "CNY"), stock: 100))
        try engine.blocking.putSku(SCSku(
            id: "tea", merchantId: "m1", title: "Tea", listPrice: SCMoney(minorUnits: 4400, currency: "CNY")))
        try engine.blocking.putGroupCampaign(json: campaign(size: size, limits: limits, extra: extra))
        return engine
    }

    private func checkout(_ engine: SCEngine, _ user: String, _ group: SCGroupChoice) throws -> SCOrder {
        keys += 1
        return try engine.blocking.checkout(
            user: user, request: SCCheckoutRequest(group: group), idempotencyKey: "co-\(keys)")
    }

    @discardableResult
    private func pay(_ engine: SCEngine, _ order: SCOrder) throws -> SCOrder {
        keys += 1
        return try engine.blocking.pay(
            order: order.id, paymentRef: "ref-\(keys)", amount: order.total, idempotencyKey: "pay-\(keys)")
    }

    /// Opens a group of the campaign and pays for it: the group's id.
    private func lead(_ engine: SCEngine, _ user: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let order = try pay(engine, checkout(engine, user, .open(campaignId: "mid-autumn")))
        XCTAssertEqual(order.state, .awaitingGroup, file: file, line: line)
        return try XCTUnwrap(engine.blocking.groupOfOrder(orderId: order.id), file: file, line: line).id
    }

    /// Joins a group and pays.
    @discardableResult
    private func join(_ engine: SCEngine, _ user: String, _ groupId: String) throws -> SCOrder {
        try pay(engine, checkout(engine, user, .join(groupId: groupId)))
    }

    private func count(_ engine: SCEngine, _ type: String) throws -> Int {
        try engine.blocking.readEvents(type: type).count
    }

    private func payload(_ event: SCEvent) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(event.payload.utf8)) as? [String: Any])
    }

    // MARK: Opening, joining, filling

    func testALeadersPaymentOpensTheGroupFriendsJoinAndTheLastSeatFillsIt() async throws {
        let engine = try shop()
        let t0 = clock.now

        // The quote prices the group line as the checkout will: two boxes at 99.00.
        let request = SCCheckoutRequest(group: .open(campaignId: "mid-autumn", quantity: 2))
        let quote = try await engine.quote(user: "ann", request: request)
        XCTAssertEqual(quote.totalMinor, 2 * 9900)

        let lead = try checkout(engine, "ann", .open(campaignId: "mid-autumn", quantity: 2))
        XCTAssertEqual(lead.state, .created)
        XCTAssertEqual(lead.totalMinor, 2 * 9900)
        XCTAssertEqual(lead.lines.map(\.skuId), ["box"])
        XCTAssertEqual(lead.lines[0].unitPriceMinor, 12800)
        XCTAssertEqual(lead.lines[0].netMinor, 2 * 9900)

        // The invite link's group, pending until the leader pays: nobody joins it yet.
        let pendingRead = try await engine.groupOfOrder(orderId: lead.id)
        let pending = try XCTUnwrap(pendingRead)
        XCTAssertTrue(pending.id.hasPrefix("grp_"), pending.id)
        XCTAssertEqual(pending.campaignId, "mid-autumn")
        XCTAssertEqual(pending.leaderUserId, "ann")
        XCTAssertEqual(pending.state, .pending)
        XCTAssertEqual(pending.state.name, "pending")
        XCTAssertEqual(pending.size, 3)
        XCTAssertEqual(pending.paidMembers, 0)
        XCTAssertEqual(pending.seatsLeft, 2)
        XCTAssertEqual(pending.createdAtMs, t0)
        XCTAssertEqual(pending.createdAt, Date(timeIntervalSince1970: Double(t0) / 1000))
        XCTAssertNil(pending.openedAtMs)
        XCTAssertNil(pending.deadlineMs)
        XCTAssertNil(pending.deadline)
        XCTAssertNil(pending.endedAtMs)
        XCTAssertEqual(pending.seats, [
            SCGroupSeat(orderId: lead.id, userId: "ann", position: 1, quantity: 2, state: .reserved, paidAtMs: nil)
        ])
        let gid = pending.id
        assertThrows(.invalidState, field: "group_id", try checkout(engine, "bo", .join(groupId: gid)))

        // Paid half a minute later: the group opens, its deadline a day after the payment.
        let second: Int64 = 1_000
        clock.advance(ms: 30 * second)
        let paid = try pay(engine, lead)
        XCTAssertEqual(paid.state, .awaitingGroup)
        XCTAssertEqual(paid.state.name, "awaiting_group")
        var group = try await engine.group(id: gid)
        XCTAssertEqual(group.state, .open)
        XCTAssertEqual(group.openedAtMs, t0 + 30 * second)
        XCTAssertEqual(group.deadlineMs, t0 + 30 * second + day)
        XCTAssertEqual(try XCTUnwrap(group.deadline).timeIntervalSince(try XCTUnwrap(group.openedAt)), 86_400)
        XCTAssertEqual(group.paidMembers, 1)
        XCTAssertEqual(group.seatsLeft, 2)
        XCTAssertEqual(group.seats[0].state, .paid)
        XCTAssertEqual(group.seats[0].paidAtMs, t0 + 30 * second)

        // Bo joins at the group price; the cart is not the group's and stays as it is.
        try engine.blocking.addToCart(user: "bo", sku: "tea")
        let bo = try join(engine, "bo", gid)
        XCTAssertEqual(bo.totalMinor, 9900)
        XCTAssertEqual(bo.state, .awaitingGroup)
        XCTAssertEqual(try engine.blocking.cart(user: "bo").lines.map(\.skuId), ["tea"])
        assertThrows(.invalidState, field: "group_id", try checkout(engine, "ann", .join(groupId: gid)))  // own group
        assertThrows(.invalidState, field: "group_id", try checkout(engine, "bo", .join(groupId: gid)))   // twice
        XCTAssertEqual(try engine.blocking.group(id: gid).seatsLeft, 1)

        // Cy's payment two minutes later is the third: every member's order is confirmed.
        clock.advance(ms: 2 * minute)
        let cy = try join(engine, "cy", gid)
        XCTAssertEqual(cy.state, .groupConfirmed)
        XCTAssertEqual(try engine.blocking.order(lead.id).state, .groupConfirmed)
        XCTAssertEqual(try engine.blocking.order(bo.id).state, .groupConfirmed)
        group = try engine.blocking.group(id: gid)
        XCTAssertEqual(group.state, .filled)
        XCTAssertEqual(group.paidMembers, 3)
        XCTAssertEqual(group.seatsLeft, 0)
        XCTAssertEqual(group.virtualMembers, 0)
        XCTAssertEqual(group.endedAtMs, t0 + 30 * second + 2 * minute)
        XCTAssertEqual(group.seats.map(\.userId), ["ann", "bo", "cy"])
        XCTAssertEqual(group.seats.map(\.position), [1, 2, 3])
        XCTAssertEqual(group.seats.map(\.quantity), [2, 1, 1])
        XCTAssertEqual(group.seats.map(\.state), [.paid, .paid, .paid])
        XCTAssertEqual(group.seats.map(\.orderId), [lead.id, bo.id, cy.id])
        XCTAssertEqual(group.seats[2].paidAt, Date(timeIntervalSince1970: Double(t0 + 30 * second + 2 * minute) / 1000))

        // A full group refuses the next shopper with its own code.
        do {
            _ = try checkout(engine, "di", .join(groupId: gid))
            XCTFail("a fourth member joined a group of three")
        } catch let error as SCError {
            XCTAssertEqual(error.code, .groupFull)
            XCTAssertEqual(error.code.name, "SC_ERR_GROUP_FULL")
            XCTAssertEqual(error.field, "group_id")
        }
        XCTAssertEqual(try count(engine, "group.filled"), 1)
        XCTAssertEqual(try count(engine, "group.seat_paid"), 3)

        // Every member finds the group among theirs; the campaign's figures.
        for user in ["ann", "bo", "cy"] {
            let mine = try await engine.groupsOfUser(userId: user)
            XCTAssertEqual(mine.map(\.id), [gid], user)
        }
        XCTAssertEqual(try engine.blocking.groupsOfUser(userId: "di"), [])
        let report = try await engine.groupReport(campaignId: "mid-autumn")
        XCTAssertEqual(report, SCGroupReport(
            opened: 1, openNow: 0, filled: 1, virtuallyFilled: 0, failed: 0, successRateBps: 10_000,
            averageFillMs: 2 * minute, unitsSold: 4))

        // A refund after the fill does not un-fill the group.
        try engine.blocking.refundLine(order: bo.id, lineIndex: 0, quantity: 1, idempotencyKey: "r1")
        XCTAssertEqual(try engine.blocking.group(id: gid).state, .filled)
        XCTAssertEqual(try engine.blocking.order(bo.id).state, .refunded)

        // A cart order has no group.
        let teaOrder = try engine.blocking.checkout(user: "bo", idempotencyKey: "tea-1")
        XCTAssertNil(try engine.blocking.groupOfOrder(orderId: teaOrder.id))
    }

    func testAnUnpaidSeatHoldsThePlaceForItsWindowThenFreesIt() throws {
        let engine = try shop(size: 2)
        let gid = try lead(engine, "ann")
        let bo = try checkout(engine, "bo", .join(groupId: gid))
        XCTAssertEqual(bo.payDeadlineMs, bo.createdAtMs + minute)
        XCTAssertEqual(try engine.blocking.group(id: gid).seatsLeft, 0)
        assertThrows(.groupFull, field: "group_id", try checkout(engine, "cy", .join(groupId: gid)))

        // The window passes: the seat reads released at once, and the next joiner takes it.
        clock.advance(ms: minute)
        let group = try engine.blocking.group(id: gid)
        XCTAssertEqual(group.seatsLeft, 1)
        XCTAssertEqual(group.seats.map(\.state), [.paid, .released])
        XCTAssertEqual(try engine.blocking.openGroups(campaignId: "mid-autumn").map(\.id), [gid])
        let cy = try join(engine, "cy", gid)
        XCTAssertEqual(cy.state, .groupConfirmed)
        XCTAssertEqual(try engine.blocking.order(bo.id).state, .cancelled)
        XCTAssertEqual(try count(engine, "group.seat_released"), 1)
        XCTAssertEqual(try engine.blocking.openGroups(campaignId: "mid-autumn"), [])
    }

    func testShoppersRacingForTheLastSeatMakeExactlyOneWinner() async throws {
        let engine = try shop(size: 3)
        let gid = try lead(engine, "ann")
        try join(engine, "bo", gid)
        let outcomes = try await withThrowingTaskGroup(of: String.self) { tasks in
            for i in 0..<8 {
                tasks.addTask {
                    do {
                        _ = try await engine.checkout(
                            user: "racer-\(i)", request: SCCheckoutRequest(group: .join(groupId: gid)),
                            idempotencyKey: "race-\(i)")
                        return "won"
                    } catch let error as SCError where error.code == .groupFull {
                        return "full"
                    }
                }
            }
            var all: [String] = []
            for try await outcome in tasks { all.append(outcome) }
            return all
        }
        XCTAssertEqual(outcomes.filter { $0 == "won" }.count, 1)
        XCTAssertEqual(outcomes.filter { $0 == "full" }.count, 7)
        let group = try await engine.group(id: gid)
        XCTAssertEqual(group.seats.count, 3)
        XCTAssertEqual(group.seatsLeft, 0)
    }

    // MARK: Deadlines

    func testAtTheDeadlineAnUnfilledGroupFailsAndEachPaidOrderIsDueARefund() async throws {
        let engine = try shop()
        let gid = try lead(engine, "ann")
        let bo = try join(engine, "bo", gid)
        let cyUnpaid = try checkout(engine, "cy", .join(groupId: gid))
        let deadline = try XCTUnwrap(try engine.blocking.group(id: gid).deadlineMs)
        clock.advance(ms: day)

        // A read sees the failure before any write settles it.
        let failed = try await engine.group(id: gid)
        XCTAssertEqual(failed.state, .failed)
        XCTAssertEqual(failed.state.name, "failed")
        XCTAssertEqual(failed.seatsLeft, 0)
        XCTAssertEqual(failed.endedAtMs, deadline)
        XCTAssertEqual(try engine.blocking.order(bo.id).state, .groupFailed)
        XCTAssertEqual(try count(engine, "group.failed"), 0)
        XCTAssertEqual(try engine.blocking.openGroups(campaignId: "mid-autumn"), [])

        // The sweep settles it: one refund_due event per paid member's own order.
        try await engine.sweep()
        XCTAssertEqual(try count(engine, "group.failed"), 1)
        let annOrder = try XCTUnwrap(try engine.blocking.groupsOfUser(userId: "ann", limit: 1).first?.seats.first?.orderId)
        let due = try engine.blocking.readEvents(type: "group.refund_due")
        XCTAssertEqual(due.count, 2)
        var dueOrders: Set<String> = []
        for event in due {
            let body = try payload(event)
            XCTAssertEqual(body["order_id"] as? String, event.subjectId)
            XCTAssertEqual(body["group_id"] as? String, gid)
            XCTAssertEqual((body["amount"] as? NSNumber)?.int64Value, 9900)
            XCTAssertEqual(body["currency"] as? String, "CNY")
            dueOrders.insert(event.subjectId)
        }
        XCTAssertEqual(dueOrders, [annOrder, bo.id])
        XCTAssertEqual(try engine.blocking.order(annOrder).state, .groupFailed)
        XCTAssertEqual(try engine.blocking.order(cyUnpaid.id).state, .cancelled)
        XCTAssertEqual(try engine.blocking.group(id: gid).seats.map(\.state), [.paid, .paid, .released])

        // The host refunds each order through its provider and confirms; a retry is safe.
        let refund = SCMoney(minorUnits: 9900, currency: "CNY")
        var refunded = try await engine.refundAmount(order: annOrder, amount: refund, idempotencyKey: "r-ann")
        XCTAssertEqual(refunded.state, .refunded)
        refunded = try engine.blocking.refundAmount(order: bo.id, amount: refund, idempotencyKey: "r-bo")
        XCTAssertEqual(refunded.state, .refunded)
        refunded = try engine.blocking.refundAmount(order: bo.id, amount: refund, idempotencyKey: "r-bo")
        XCTAssertEqual(refunded.state, .refunded)
        XCTAssertEqual(try count(engine, "order.refunded"), 2)
        XCTAssertEqual(try engine.blocking.group(id: gid).state, .failed)

        XCTAssertEqual(try engine.blocking.groupReport(campaignId: "mid-autumn"), SCGroupReport(
            opened: 1, openNow: 0, filled: 0, virtuallyFilled: 0, failed: 1, successRateBps: 0,
            averageFillMs: 0, unitsSold: 0))
    }

    func testVirtualFillCompletesAGroupWithEnoughPaidMembersAtItsDeadline() throws {
        let engine = try shop(size: 4, extra: #","virtual_fill":{"min_real_members":2}"#)
        let fullEnough = try lead(engine, "ann")
        let bo = try join(engine, "bo", fullEnough)
        clock.advance(ms: minute)
        let tooFew = try lead(engine, "cy")
        XCTAssertEqual(try engine.blocking.groupReport(campaignId: "mid-autumn").openNow, 2)
        clock.advance(ms: day)

        let filled = try engine.blocking.group(id: fullEnough)
        XCTAssertEqual(filled.state, .filled)
        XCTAssertEqual(filled.paidMembers, 2)
        XCTAssertEqual(filled.virtualMembers, 2)
        XCTAssertEqual(try engine.blocking.group(id: tooFew).state, .failed)
        XCTAssertEqual(try engine.blocking.order(bo.id).state, .groupConfirmed)

        try engine.blocking.sweep()
        let events = try engine.blocking.readEvents(type: "group.filled")
        XCTAssertEqual(events.count, 1)
        XCTAssertEqual(events.first?.subjectId, fullEnough)
        XCTAssertEqual((try payload(XCTUnwrap(events.first))["virtual_members"] as? NSNumber)?.int64Value, 2)
        XCTAssertEqual(try count(engine, "group.refund_due"), 1)

        XCTAssertEqual(try engine.blocking.groupReport(campaignId: "mid-autumn"), SCGroupReport(
            opened: 2, openNow: 0, filled: 1, virtuallyFilled: 1, failed: 1, successRateBps: 5000,
            averageFillMs: day, unitsSold: 2))
    }

    func testALapsedLeadersOrderCancelsThePendingGroup() throws {
        let engine = try shop()
        let order = try checkout(engine, "ann", .open(campaignId: "mid-autumn"))
        let gid = try XCTUnwrap(try engine.blocking.groupOfOrder(orderId: order.id)).id
        // One live group per leader.
        assertThrows(.invalidState, field: "campaign_id", try checkout(engine, "ann", .open(campaignId: "mid-autumn")))
        clock.advance(ms: minute)
        let cancelled = try engine.blocking.group(id: gid)
        XCTAssertEqual(cancelled.state, .cancelled)
        XCTAssertEqual(cancelled.state.name, "cancelled")
        XCTAssertEqual(cancelled.seats.map(\.state), [.released])
        try engine.blocking.sweep()
        XCTAssertEqual(try count(engine, "group.cancelled"), 1)
        // Ann may lead another group now.
        XCTAssertNotEqual(try lead(engine, "ann"), gid)
    }

    func testAMemberRefundedWhileTheGroupIsOpenLeavesAndTheLeaderHandsOver() throws {
        let engine = try shop(size: 4)
        let gid = try lead(engine, "ann")
        clock.advance(ms: minute)
        try join(engine, "bo", gid)
        let annOrder = try engine.blocking.group(id: gid).seats[0].orderId
        try engine.blocking.refundAmountMinor(annOrder)
        let group = try engine.blocking.group(id: gid)
        XCTAssertEqual(group.state, .open)
        XCTAssertEqual(group.leaderUserId, "bo")
        XCTAssertEqual(group.paidMembers, 1)
        XCTAssertEqual(group.seatsLeft, 3)
        XCTAssertEqual(group.seats.map(\.state), [.left, .paid])
        XCTAssertEqual(try count(engine, "group.member_left"), 1)
        XCTAssertEqual(try count(engine, "group.leader_changed"), 1)
    }

    // MARK: Discovery

    func testOpenGroupsListTheFewestSeatsLeftFirstThenTheEarliestDeadline() async throws {
        let engine = try shop(size: 4)
        let a = try lead(engine, "ann")
        clock.advance(ms: minute)
        let b = try lead(engine, "bo")
        try join(engine, "cy", b)
        clock.advance(ms: minute)
        let c = try lead(engine, "di")

        let listed = try await engine.openGroups(campaignId: "mid-autumn", limit: 10)
        XCTAssertEqual(listed.map(\.id), [b, a, c])  // 2 seats left, then 3 by deadline
        XCTAssertEqual(listed.map(\.seatsLeft), [2, 3, 3])
        XCTAssertEqual(listed.map(\.leaderUserId), ["bo", "ann", "di"])
        XCTAssertEqual(try engine.blocking.openGroups(campaignId: "mid-autumn", limit: 1).map(\.id), [b])
        XCTAssertEqual(try engine.blocking.openGroups(campaignId: "mid-autumn", limit: 100).count, 3)
        XCTAssertEqual(try engine.blocking.groupsOfUser(userId: "cy", limit: 10).map(\.id), [b])
        // The list's groups are copied out whole, seats included.
        XCTAssertEqual(listed[0], try engine.blocking.group(id: b))
    }

    // MARK: Campaigns

    func testACampaignReadsBackAsPutAndFromTheProgramDocument() async throws {
        let engine = try shop()
        let c = try await engine.groupCampaign(id: "mid-autumn")
        let start = c.startsAtMs + minute
        XCTAssertEqual(c.id, "mid-autumn")
        XCTAssertEqual(c.skuId, "box")
        XCTAssertEqual(c.groupPrice, 9900)
        XCTAssertEqual(c.groupSize, 3)
        XCTAssertEqual(c.lifetimeMinutes, 1440)
        XCTAssertEqual(c.endsAtMs, start + 10 * day)
        XCTAssertEqual(c.endsAt.timeIntervalSince(c.startsAt), Double(10 * day + minute) / 1000)
        XCTAssertEqual(c.leaderPricing, .groupPrice)
        XCTAssertNil(c.leaderPrice)
        XCTAssertEqual(c.maxUnitsPerOrder, 2)
        XCTAssertNil(c.maxUnitsPerUser)
        XCTAssertNil(c.stock)
        XCTAssertFalse(c.newUsersOnly)
        XCTAssertNil(c.virtualFillMinMembers)

        // The program document's section, with every setting.
        try engine.blocking.importProgram("""
            {"format":"socialcart.program/1","currency":"CNY",
             "skus":[{"id":"box","merchant_id":"m1","title":"Box","list_price":12800}],
             "group_buy":{"campaigns":[{"id":"c1","sku_id":"box","group_price":9900,"group_size":3,
               "lifetime_minutes":1440,"starts_at":0,"ends_at":4102444800000,
               "leader":{"pricing":"leader_price","price":8800},
               "limits":{"max_units_per_order":2,"max_units_per_user":4,"new_users_only":true},
               "stock":50,"virtual_fill":{"min_real_members":2}}]}}
            """)
        let c1 = try engine.blocking.groupCampaign(id: "c1")
        XCTAssertEqual(c1.leaderPricing, .leaderPrice)
        XCTAssertEqual(c1.leaderPrice, 8800)
        XCTAssertEqual(c1.maxUnitsPerOrder, 2)
        XCTAssertEqual(c1.maxUnitsPerUser, 4)
        XCTAssertEqual(c1.stock, 50)
        XCTAssertTrue(c1.newUsersOnly)
        XCTAssertEqual(c1.virtualFillMinMembers, 2)
        XCTAssertEqual(c1.startsAtMs, 0)
        XCTAssertEqual(c1.endsAtMs, 4_102_444_800_000)
        // The leader pays the leader price; a member the group price.
        let leader = try checkout(engine, "ann", .open(campaignId: "c1"))
        XCTAssertEqual(leader.totalMinor, 8800)

        // A free leader: putting the campaign again replaces it.
        try await engine.putGroupCampaign(json: campaign(id: "c2", extra: #","leader":{"pricing":"free"}"#))
        XCTAssertEqual(try engine.blocking.groupCampaign(id: "c2").leaderPricing, .free)
        XCTAssertNil(try engine.blocking.groupCampaign(id: "c2").leaderPrice)
        let puts = try count(engine, "group_campaign.put")
        try engine.blocking.putGroupCampaign(json: campaign(id: "c2", size: 5, extra: #","leader":{"pricing":"free"}"#))
        XCTAssertEqual(try engine.blocking.groupCampaign(id: "c2").groupSize, 5)
        XCTAssertEqual(try count(engine, "group_campaign.put"), puts + 1)
        // The stored campaign again changes nothing.
        try engine.blocking.putGroupCampaign(json: campaign(id: "c2", size: 5, extra: #","leader":{"pricing":"free"}"#))
        XCTAssertEqual(try count(engine, "group_campaign.put"), puts + 1)
    }

    func testACampaignsLimitsAreCheckedAtCheckout() throws {
        let limits = #""max_units_per_order":2,"max_units_per_user":3,"new_users_only":true"#
        let engine = try shop(size: 5, limits: limits, extra: #","stock":4"#)
        assertThrows(.limitExceeded, field: "quantity", try checkout(engine, "ann", .open(campaignId: "mid-autumn", quantity: 3)))
        assertThrows(.notFound, field: "campaign_id", try checkout(engine, "ann", .open(campaignId: "nope")))
        assertThrows(.notFound, field: "group_id", try checkout(engine, "ann", .join(groupId: "grp_nope")))
        let lead = try checkout(engine, "ann", .open(campaignId: "mid-autumn", quantity: 2))
        try pay(engine, lead)
        let gid = try XCTUnwrap(try engine.blocking.groupOfOrder(orderId: lead.id)).id

        // Bo has paid an order: a new-shoppers-only group is not his to join.
        try engine.blocking.addToCart(user: "bo", sku: "tea")
        try pay(engine, try engine.blocking.checkout(user: "bo", idempotencyKey: "tea-1"))
        assertThrows(.invalidState, field: "user_id", try checkout(engine, "bo", .join(groupId: gid)))

        // The campaign's stock: 2 of 4 sold; 2 more fit, a third unit does not.
        try join(engine, "cy", gid)
        assertThrows(.outOfStock, try checkout(engine, "di", .join(groupId: gid, quantity: 2)))
        try join(engine, "di", gid)
        // Less stock than the campaign sold is refused.
        assertThrows(.validation, field: "stock", try engine.blocking.putGroupCampaign(json: campaign(
            size: 5, limits: limits, extra: #","stock":3"#)))

        // Past the campaign's end.
        clock.advance(ms: 11 * day)
        assertThrows(.expired, field: "campaign_id", try checkout(engine, "eve", .open(campaignId: "mid-autumn")))
    }

    // MARK: The request and bad input

    func testTheRequestCarriesTheGroupChoiceToTheLibrary() throws {
        let choices: [SCGroupChoice] = [
            .none, .open(campaignId: "mid-autumn", quantity: 2), .join(groupId: "grp_1"),
        ]
        for choice in choices {
            let handle = try CheckoutRequestHandle(SCCheckoutRequest(coupons: .best, group: choice))
            XCTAssertEqual(handle.group, choice)
        }
        XCTAssertEqual(SCCheckoutRequest().group, .none)
        // Back to the cart after a group choice.
        let handle = try CheckoutRequestHandle(SCCheckoutRequest(group: .join(groupId: "grp_1", quantity: 3)))
        XCTAssertEqual(handle.group, .join(groupId: "grp_1", quantity: 3))
        try handle.setGroup(.none)
        XCTAssertEqual(handle.group, .none)
        // The request is unchanged on error.
        assertThrows(.invalidArgument, field: "quantity", try handle.setGroup(.open(campaignId: "c", quantity: 0)))
        XCTAssertEqual(handle.group, .none)
        assertThrows(.invalidArgument, field: "id", try CheckoutRequestHandle(SCCheckoutRequest(group: .open(campaignId: ""))))
        assertThrows(.invalidArgument, field: "id", try CheckoutRequestHandle(SCCheckoutRequest(group: .join(groupId: "g\u{0}"))))
        assertThrows(.invalidArgument, field: "quantity", try CheckoutRequestHandle(SCCheckoutRequest(group: .join(groupId: "g", quantity: -1))))
    }

    func testBadInputIsRefusedWithTheFieldAtFault() async throws {
        let engine = try shop()
        let gid = try lead(engine, "ann")

        // Empty ids.
        assertThrows(.invalidArgument, field: "campaign_id", try engine.blocking.groupCampaign(id: ""))
        assertThrows(.invalidArgument, field: "group_id", try engine.blocking.group(id: ""))
        assertThrows(.invalidArgument, field: "order_id", try engine.blocking.groupOfOrder(orderId: ""))
        assertThrows(.invalidArgument, field: "campaign_id", try engine.blocking.openGroups(campaignId: ""))
        assertThrows(.invalidArgument, field: "user_id", try engine.blocking.groupsOfUser(userId: ""))
        assertThrows(.invalidArgument, field: "campaign_id", try engine.blocking.groupReport(campaignId: ""))
        assertThrows(.invalidArgument, field: "group_id", try engine.blocking.group(id: "grp\u{0}"))
        await assertThrowsAsync(.invalidArgument, field: "campaign_id") { try await engine.groupCampaign(id: "") }

        // Limits: 1 ... 100.
        for limit in [0, 101, -1] {
            assertThrows(.invalidArgument, field: "limit", try engine.blocking.openGroups(campaignId: "mid-autumn", limit: limit))
            assertThrows(.invalidArgument, field: "limit", try engine.blocking.groupsOfUser(userId: "ann", limit: limit))
        }
        await assertThrowsAsync(.invalidArgument, field: "limit") {
            try await engine.openGroups(campaignId: "mid-autumn", limit: 0)
        }
        XCTAssertEqual(try engine.blocking.openGroups(campaignId: "mid-autumn", limit: 100).map(\.id), [gid])
        XCTAssertEqual(try engine.blocking.groupsOfUser(userId: "ann", limit: 1).map(\.id), [gid])

        // Unknown campaigns, groups and orders.
        assertThrows(.notFound, field: "campaign_id", try engine.blocking.groupCampaign(id: "nope"))
        assertThrows(.notFound, field: "campaign_id", try engine.blocking.openGroups(campaignId: "nope"))
        assertThrows(.notFound, field: "campaign_id", try engine.blocking.groupReport(campaignId: "nope"))
        assertThrows(.notFound, field: "group_id", try engine.blocking.group(id: "grp_nope"))
        assertThrows(.notFound, field: "order_id", try engine.blocking.groupOfOrder(orderId: "ord_nope"))
        await assertThrowsAsync(.notFound, field: "group_id") { try await engine.group(id: "grp_nope") }
        // A shopper with no groups is not an error.
        XCTAssertEqual(try engine.blocking.groupsOfUser(userId: "nobody"), [])

        // Bad campaign JSON: the field at fault.
        let bad: [(String, String)] = [
            (campaign(size: 1), "group_size"),
            (campaign(size: 101), "group_size"),
            (campaign(extra: #","leader":{"pricing":"cheap"}"#), "leader.pricing"),
            (campaign(extra: #","virtual_fill":{"min_real_members":3}"#), "virtual_fill.min_real_members"),
            (campaign(extra: #","colour":"red""#), "colour"),
            (campaign().replacingOccurrences(of: #""sku_id":"box""#, with: #""sku_id":"nope""#), "sku_id"),
            (campaign().replacingOccurrences(of: #""lifetime_minutes":1440"#, with: #""lifetime_minutes":0"#),
             "lifetime_minutes"),
        ]
        for (json, field) in bad {
            assertThrows(.validation, field: field, try engine.blocking.putGroupCampaign(json: json))
        }
        await assertThrowsAsync(.validation, field: "group_size") {
            try await engine.putGroupCampaign(json: self.campaign(size: 1))
        }
        assertThrows(.validation, try engine.blocking.putGroupCampaign(json: "{not json"))
        assertThrows(.validation, try engine.blocking.putGroupCampaign(json: "[]"))
        assertThrows(.invalidArgument, field: "json", try engine.blocking.putGroupCampaign(json: "{\u{0}}"))
        // Nothing was replaced.
        XCTAssertEqual(try engine.blocking.groupCampaign(id: "mid-autumn").groupSize, 3)
    }

    func testStateNamesAndTheUnknownFallbacks() {
        XCTAssertEqual(
            [SCGroupState.pending, .open, .filled, .failed, .cancelled].map(\.name),
            ["pending", "open", "filled", "failed", "cancelled"])
        XCTAssertEqual(SCGroupState(rawValue: 2), .open)
        XCTAssertEqual(SCGroupState(rawValue: 99), .unknown(99))
        XCTAssertEqual(SCGroupState.unknown(99).name, "unknown")
        XCTAssertEqual("\(SCGroupState.filled)", "filled")
        XCTAssertEqual(SCSeatState(rawValue: 4), .left)
        XCTAssertEqual(SCSeatState(rawValue: 0), .unknown(0))
        XCTAssertEqual(SCLeaderPricing(rawValue: 1), .leaderPrice)
        XCTAssertEqual(SCLeaderPricing(rawValue: 7), .unknown(7))
        XCTAssertEqual(SCError.Code(rawValue: 24), .groupFull)
        XCTAssertEqual(SCError.Code.groupFull.rawValue, 24)
        XCTAssertEqual(
            [SCOrderState.awaitingGroup, .groupConfirmed, .groupFailed].map(\.name),
            ["awaiting_group", "group_confirmed", "group_failed"])
    }
}

private extension SCEngine.Blocking {
    /// Refunds an order in full.
    func refundAmountMinor(_ orderId: String) throws {
        let order = try order(orderId)
        try refundAmount(order: orderId, amountMinor: order.totalMinor - order.refundedMinor, idempotencyKey: "full-\(orderId)")
    }
}
