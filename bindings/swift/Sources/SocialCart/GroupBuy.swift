internal import CSocialCart
import Foundation

// Group-buy, 拼团 (socialcart/groupbuy.h): a campaign sells a SKU at a group price to groups of
// N shoppers. A shopper opens a group with a checkout whose request says so
// (`SCCheckoutRequest.group`, `.open(campaignId:quantity:)`); the group opens when that order
// is paid (the order reads `.awaitingGroup`), and its deadline is the earlier of the payment
// plus the campaign's lifetime and the campaign's end. Friends join through the same checkout
// with the group's id (`.join(groupId:quantity:)`): joining reserves a seat at once, held for
// the payment window, and a group never has more than N seats reserved or paid, however many
// shoppers race for the last one (the losers get `.groupFull`, field "group_id"). The N-th
// payment fills the group and every member's order reads `.groupConfirmed`. At the deadline an
// unfilled group fails (or, when the campaign allows it and enough members paid, is filled
// with virtual members): each paid member's own order reads `.groupFailed`, with a
// group.refund_due event, and the host refunds it through its payment provider and confirms
// with `refundAmount(order:amount:idempotencyKey:)` or `refundLine(...)`. Deadlines are
// settled by every write and by `sweep(maxOrders:)`; reads see them at once.
//
// Campaigns are put as JSON, one entry of the program document's "group_buy.campaigns":
// {"id", "sku_id", "group_price", "group_size" (2-100), "lifetime_minutes", "starts_at",
// "ends_at", "leader": {"pricing": "group_price" | "leader_price" | "free", "price"},
// "limits": {"max_units_per_order", "max_units_per_user", "new_users_only"}, "stock",
// "virtual_fill": {"min_real_members"}}.

/// What a quote or a checkout does with group-buy (`sc_group_mode_t`).
public enum SCGroupChoice: Sendable, Hashable {
    /// A cart checkout: the selected cart lines. The default.
    case none
    /// Open a group of the campaign, led by the shopper: the order is `quantity` units of the
    /// campaign's SKU at the leader's price; the group opens when it is paid.
    case open(campaignId: String, quantity: Int64 = 1)
    /// Take a seat in an open group: the order is `quantity` units of the campaign's SKU at
    /// the group price.
    case join(groupId: String, quantity: Int64 = 1)
}

/// Where a group is in its life (`sc_group_state_t`). The values are stable.
public enum SCGroupState: Sendable, Hashable, CustomStringConvertible {
    /// The leader's order is not paid yet; nobody can join (1).
    case pending
    /// Filling until its deadline (2).
    case open
    /// N members paid, or virtual members completed it (3).
    case filled
    /// The deadline passed unfilled: its paid orders are due refunds (4).
    case failed
    /// The leader never paid, or every paid member left (5).
    case cancelled
    /// A state this binding does not know.
    case unknown(UInt32)

    init(rawValue: UInt32) {
        switch rawValue {
        case SC_GROUP_PENDING.rawValue: self = .pending
        case SC_GROUP_OPEN.rawValue: self = .open
        case SC_GROUP_FILLED.rawValue: self = .filled
        case SC_GROUP_FAILED.rawValue: self = .failed
        case SC_GROUP_CANCELLED.rawValue: self = .cancelled
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: UInt32 {
        switch self {
        case .pending: return SC_GROUP_PENDING.rawValue
        case .open: return SC_GROUP_OPEN.rawValue
        case .filled: return SC_GROUP_FILLED.rawValue
        case .failed: return SC_GROUP_FAILED.rawValue
        case .cancelled: return SC_GROUP_CANCELLED.rawValue
        case .unknown(let raw): return raw
        }
    }

    /// The library's stable name, e.g. "open"; "unknown" for `.unknown`
    /// (`sc_group_state_name`).
    public var name: String { copyString(sc_group_state_name(sc_group_state_t(rawValue: rawValue))) }

    public var description: String { name }
}

/// Where a seat of a group is (`sc_seat_state_t`).
public enum SCSeatState: Sendable, Hashable {
    /// Held by an unpaid order for its payment window (1).
    case reserved
    /// Its order is paid (2).
    case paid
    /// The unpaid order was cancelled or lapsed (3).
    case released
    /// The paid order was refunded while the group was open (4).
    case left
    /// A state this binding does not know.
    case unknown(UInt32)

    init(rawValue: UInt32) {
        switch rawValue {
        case SC_SEAT_RESERVED.rawValue: self = .reserved
        case SC_SEAT_PAID.rawValue: self = .paid
        case SC_SEAT_RELEASED.rawValue: self = .released
        case SC_SEAT_LEFT.rawValue: self = .left
        default: self = .unknown(rawValue)
        }
    }
}

/// What a group's leader pays per unit (`sc_leader_pricing_t`).
public enum SCLeaderPricing: Sendable, Hashable {
    /// The group price, as every member (0).
    case groupPrice
    /// The campaign's leader price (`SCGroupCampaign.leaderPrice`) (1).
    case leaderPrice
    /// Nothing (2).
    case free
    /// A pricing this binding does not know.
    case unknown(UInt32)

    init(rawValue: UInt32) {
        switch rawValue {
        case SC_LEADER_GROUP_PRICE.rawValue: self = .groupPrice
        case SC_LEADER_LEADER_PRICE.rawValue: self = .leaderPrice
        case SC_LEADER_FREE.rawValue: self = .free
        default: self = .unknown(rawValue)
        }
    }
}

/// A group-buy campaign's settings, as put.
public struct SCGroupCampaign: Sendable, Hashable, Identifiable {
    /// The campaign's id.
    public var id: String
    /// The SKU it sells.
    public var skuId: String
    /// The price per unit a member pays, in minor units of the catalog's currency.
    public var groupPrice: Int64
    /// N: the paid members that fill a group.
    public var groupSize: Int64
    /// A group's life from its leader's payment, in minutes.
    public var lifetimeMinutes: Int64
    /// When groups may start opening (UTC ms since the epoch).
    public var startsAtMs: Int64
    /// When the campaign ends: no group outlives it (UTC ms since the epoch).
    public var endsAtMs: Int64
    /// What the leader pays per unit.
    public var leaderPricing: SCLeaderPricing
    /// The leader's unit price, in minor units of the catalog's currency; nil unless
    /// `leaderPricing` is `.leaderPrice`.
    public var leaderPrice: Int64?
    /// The most units one group order may buy.
    public var maxUnitsPerOrder: Int64
    /// The most units one shopper may hold in the campaign; nil for no limit.
    public var maxUnitsPerUser: Int64?
    /// The campaign's own stock of units; nil when it has none (the SKU's stock only).
    public var stock: Int64?
    /// Only shoppers who have never paid an order may join.
    public var newUsersOnly: Bool
    /// Virtual fill: the least paid members a group needs at its deadline to be completed
    /// with virtual members; nil when the campaign has no virtual fill.
    public var virtualFillMinMembers: Int64?

    /// When groups may start opening.
    public var startsAt: Date { date(ms: startsAtMs) }
    /// When the campaign ends.
    public var endsAt: Date { date(ms: endsAtMs) }

    init(copying campaign: OpaquePointer) {
        id = copyString(sc_groupbuy_campaign_id(campaign))
        skuId = copyString(sc_groupbuy_campaign_sku_id(campaign))
        groupPrice = sc_groupbuy_campaign_group_price(campaign)
        groupSize = sc_groupbuy_campaign_group_size(campaign)
        lifetimeMinutes = sc_groupbuy_campaign_lifetime_minutes(campaign)
        startsAtMs = sc_groupbuy_campaign_starts_at_ms(campaign)
        endsAtMs = sc_groupbuy_campaign_ends_at_ms(campaign)
        leaderPricing = SCLeaderPricing(rawValue: sc_groupbuy_campaign_leader_pricing(campaign).rawValue)
        // The library reads 0 for a pricing other than the leader price.
        leaderPrice = leaderPricing == .leaderPrice ? sc_groupbuy_campaign_leader_price(campaign) : nil
        maxUnitsPerOrder = sc_groupbuy_campaign_max_units_per_order(campaign)
        let perUser = sc_groupbuy_campaign_max_units_per_user(campaign)
        maxUnitsPerUser = perUser == 0 ? nil : perUser
        let ownStock = sc_groupbuy_campaign_stock(campaign)
        stock = ownStock < 0 ? nil : ownStock
        newUsersOnly = sc_groupbuy_campaign_new_users_only(campaign)
        let minMembers = sc_groupbuy_campaign_virtual_fill_min_members(campaign)
        virtualFillMinMembers = minMembers == 0 ? nil : minMembers
    }
}

/// One seat of a group: the order that took it, by position.
public struct SCGroupSeat: Sendable, Hashable {
    /// The order holding the seat.
    public var orderId: String
    /// Its shopper.
    public var userId: String
    /// 1 for the leader's checkout, then in joining order.
    public var position: Int64
    /// The units its order buys.
    public var quantity: Int64
    /// Where the seat is.
    public var state: SCSeatState
    /// When its order was paid (UTC ms since the epoch); nil while unpaid.
    public var paidAtMs: Int64?

    /// When its order was paid; nil while unpaid.
    public var paidAt: Date? { paidAtMs.map { date(ms: $0) } }
}

/// A group-buy group with its seats, as of the read: past its deadline it reads failed or
/// filled, and a seat whose payment window passed reads released, before a write settles
/// them.
public struct SCGroup: Sendable, Hashable, Identifiable {
    /// The group's id ("grp_..."): the target of its invite link.
    public var id: String
    /// Its campaign.
    public var campaignId: String
    /// The leader: the opener, or after they left, the earliest remaining paid member.
    public var leaderUserId: String
    /// Where it is in its life.
    public var state: SCGroupState
    /// N: the paid members that fill it.
    public var size: Int64
    /// Members who paid and are still in it.
    public var paidMembers: Int64
    /// Seats neither reserved nor paid: how many more people are needed (0 once it ended).
    public var seatsLeft: Int64
    /// Members added by virtual fill.
    public var virtualMembers: Int64
    /// When the leader's checkout made it (UTC ms since the epoch).
    public var createdAtMs: Int64
    /// When the leader paid (UTC ms since the epoch); nil while pending.
    public var openedAtMs: Int64?
    /// When it fails unless filled (UTC ms since the epoch); nil while pending.
    public var deadlineMs: Int64?
    /// When it filled, failed or was cancelled (UTC ms since the epoch); nil before.
    public var endedAtMs: Int64?
    /// Every seat ever taken, released and left ones included, by position.
    public var seats: [SCGroupSeat]

    /// When the leader's checkout made it.
    public var createdAt: Date { date(ms: createdAtMs) }
    /// When the leader paid; nil while pending.
    public var openedAt: Date? { openedAtMs.map { date(ms: $0) } }
    /// When it fails unless filled; nil while pending.
    public var deadline: Date? { deadlineMs.map { date(ms: $0) } }
    /// When it filled, failed or was cancelled; nil before.
    public var endedAt: Date? { endedAtMs.map { date(ms: $0) } }

    init(copying group: OpaquePointer) {
        id = copyString(sc_group_id(group))
        campaignId = copyString(sc_group_campaign_id(group))
        leaderUserId = copyString(sc_group_leader_user_id(group))
        state = SCGroupState(rawValue: sc_group_state(group).rawValue)
        size = sc_group_size(group)
        paidMembers = sc_group_paid_members(group)
        seatsLeft = sc_group_seats_left(group)
        virtualMembers = sc_group_virtual_members(group)
        createdAtMs = sc_group_created_at_ms(group)
        let opened = sc_group_opened_at_ms(group)
        openedAtMs = opened == 0 ? nil : opened
        let deadline = sc_group_deadline_ms(group)
        deadlineMs = deadline == 0 ? nil : deadline
        let ended = sc_group_ended_at_ms(group)
        endedAtMs = ended == 0 ? nil : ended
        seats = (0..<sc_group_seat_count(group)).map { i in
            let paidAt = sc_group_seat_paid_at_ms(group, i)
            return SCGroupSeat(
                orderId: copyString(sc_group_seat_order_id(group, i)),
                userId: copyString(sc_group_seat_user_id(group, i)),
                position: sc_group_seat_position(group, i),
                quantity: sc_group_seat_quantity(group, i),
                state: SCSeatState(rawValue: sc_group_seat_state(group, i).rawValue),
                paidAtMs: paidAt == 0 ? nil : paidAt)
        }
    }
}

/// A campaign's figures as of the read: what an operator judges it by.
public struct SCGroupReport: Sendable, Hashable {
    /// Groups whose leader paid.
    public var opened: Int64
    /// Groups still filling.
    public var openNow: Int64
    /// Groups filled, virtually filled ones included.
    public var filled: Int64
    /// Groups completed by virtual fill.
    public var virtuallyFilled: Int64
    /// Groups that failed.
    public var failed: Int64
    /// filled × 10000 / (filled + failed), in basis points; 0 before any group ended.
    public var successRateBps: Int64
    /// From the leader's payment to the fill, on average over filled groups (ms).
    public var averageFillMs: Int64
    /// Units in the paid seats of filled groups.
    public var unitsSold: Int64
}

extension SCGroupReport {
    init(copying report: OpaquePointer) {
        opened = sc_group_report_get(report, SC_GROUP_REPORT_OPENED)
        openNow = sc_group_report_get(report, SC_GROUP_REPORT_OPEN_NOW)
        filled = sc_group_report_get(report, SC_GROUP_REPORT_FILLED)
        virtuallyFilled = sc_group_report_get(report, SC_GROUP_REPORT_VIRTUALLY_FILLED)
        failed = sc_group_report_get(report, SC_GROUP_REPORT_FAILED)
        successRateBps = sc_group_report_get(report, SC_GROUP_REPORT_SUCCESS_RATE_BPS)
        averageFillMs = sc_group_report_get(report, SC_GROUP_REPORT_AVERAGE_FILL_MS)
        unitsSold = sc_group_report_get(report, SC_GROUP_REPORT_UNITS_SOLD)
    }
}

extension CheckoutRequestHandle {
    /// - Throws: `.invalidArgument` (field "id": empty or a control character; field
    ///   "quantity": below 1), `.invalidUTF8`.
    func setGroup(_ choice: SCGroupChoice) throws {
        switch choice {
        case .none:
            try check { sc_checkout_request_set_group(raw, SC_GROUP_MODE_NONE, nil, 0, $0) }
        case .open(let campaignId, let quantity):
            try requireCString(campaignId, field: "id")
            try check { sc_checkout_request_set_group(raw, SC_GROUP_MODE_OPEN, campaignId, quantity, $0) }
        case .join(let groupId, let quantity):
            try requireCString(groupId, field: "id")
            try check { sc_checkout_request_set_group(raw, SC_GROUP_MODE_JOIN, groupId, quantity, $0) }
        }
    }

    /// The group choice the C request holds, read back (the tests check that what the
    /// value type asks for is what the library is given).
    var group: SCGroupChoice {
        let target = copyString(sc_checkout_request_group_target(raw))
        let quantity = sc_checkout_request_group_quantity(raw)
        switch sc_checkout_request_group_mode(raw) {
        case SC_GROUP_MODE_OPEN: return .open(campaignId: target, quantity: quantity)
        case SC_GROUP_MODE_JOIN: return .join(groupId: target, quantity: quantity)
        default: return .none
        }
    }
}

extension SCEngine.Blocking {
    /// Puts a campaign, one entry of the program document's "group_buy.campaigns" (see the
    /// top of this file), replacing the campaign with its id. Putting the stored campaign
    /// again changes nothing. Event group_campaign.put.
    /// - Throws: `.validation` naming the field at fault (a setting out of range, e.g.
    ///   "group_size"; "sku_id": a SKU that does not exist; "stock": below what the campaign
    ///   sold and unpaid orders hold), `.invalidArgument` (field "json"), `.invalidUTF8`.
    public func putGroupCampaign(json: String) throws {
        try requireCString(json, field: "json")
        try withHandle { handle in try check { sc_engine_groupbuy_campaign_put(handle, json, $0) } }
    }

    /// Reads a campaign.
    /// - Throws: `.notFound` (field "campaign_id"), `.invalidArgument` (field
    ///   "campaign_id"), `.invalidUTF8`.
    public func groupCampaign(id: String) throws -> SCGroupCampaign {
        try requireCString(id, field: "campaign_id")
        let raw = try withHandle { handle in try checkOut("sc_engine_groupbuy_campaign_get") { out, err in
            sc_engine_groupbuy_campaign_get(handle, id, out, err)
        } }
        defer { sc_groupbuy_campaign_free(raw) }
        return SCGroupCampaign(copying: raw)
    }

    /// Reads a group as of now (a group past its deadline reads failed or filled).
    /// - Throws: `.notFound` (field "group_id"), `.invalidArgument` (field "group_id"),
    ///   `.invalidUTF8`.
    public func group(id: String) throws -> SCGroup {
        try requireCString(id, field: "group_id")
        let raw = try withHandle { handle in try checkOut("sc_engine_group_get") { out, err in
            sc_engine_group_get(handle, id, out, err)
        } }
        defer { sc_group_free(raw) }
        return SCGroup(copying: raw)
    }

    /// Reads the group an order holds a seat in, as `group(id:)` does: after a leader's
    /// checkout, the group to invite friends to.
    /// - Returns: nil when the order is not a group order.
    /// - Throws: `.notFound` (field "order_id"), `.invalidArgument` (field "order_id"),
    ///   `.invalidUTF8`.
    public func groupOfOrder(orderId: String) throws -> SCGroup? {
        try requireCString(orderId, field: "order_id")
        var out: OpaquePointer? = nil
        try withHandle { handle in try check { sc_engine_order_group(handle, orderId, &out, $0) } }
        guard let raw = out else { return nil }
        defer { sc_group_free(raw) }
        return SCGroup(copying: raw)
    }

    /// Lists the open groups of a campaign a shopper may join, fewest seats left first ("1
    /// more person needed"), then the earliest deadline.
    /// - Parameter limit: 1 ... 100.
    /// - Throws: `.notFound` (field "campaign_id"), `.invalidArgument` (field "campaign_id"
    ///   or "limit"), `.invalidUTF8`.
    public func openGroups(campaignId: String, limit: Int = 20) throws -> [SCGroup] {
        try requireCString(campaignId, field: "campaign_id")
        return try takeGroups("sc_engine_groups_open", limit: limit) { handle, out, err in
            sc_engine_groups_open(handle, campaignId, limit, out, err)
        }
    }

    /// Lists the groups a shopper has or had a seat in, newest first.
    /// - Parameter limit: 1 ... 100.
    /// - Throws: `.invalidArgument` (field "user_id" or "limit"), `.invalidUTF8`.
    public func groupsOfUser(userId: String, limit: Int = 20) throws -> [SCGroup] {
        try requireCString(userId, field: "user_id")
        return try takeGroups("sc_engine_groups_of_user", limit: limit) { handle, out, err in
            sc_engine_groups_of_user(handle, userId, limit, out, err)
        }
    }

    /// Reads a campaign's figures as of now.
    /// - Throws: `.notFound` (field "campaign_id"), `.invalidArgument` (field
    ///   "campaign_id"), `.invalidUTF8`.
    public func groupReport(campaignId: String) throws -> SCGroupReport {
        try requireCString(campaignId, field: "campaign_id")
        let raw = try withHandle { handle in try checkOut("sc_engine_groupbuy_report") { out, err in
            sc_engine_groupbuy_report(handle, campaignId, out, err)
        } }
        defer { sc_group_report_free(raw) }
        return SCGroupReport(copying: raw)
    }

    private func takeGroups(
        _ function: StaticString, limit: Int,
        _ body: (OpaquePointer, UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<OpaquePointer?>)
            -> sc_status_t
    ) throws -> [SCGroup] {
        // size_t in C: a negative limit would arrive as a huge one.
        guard limit >= 0 else {
            throw SCError(code: .invalidArgument, message: "limit is negative", field: "limit")
        }
        let raw = try withHandle { handle in try checkOut(function) { out, err in body(handle, out, err) } }
        defer { sc_groups_free(raw) }
        // Borrowed from the list: copied, never freed on their own.
        return (0..<sc_groups_count(raw)).map { SCGroup(copying: sc_groups_at(raw, $0)!) }
    }
}

// The `async` forms (see Async.swift): each runs its `engine.blocking` twin off the
// caller's executor.
extension SCEngine {
    /// Puts a campaign. The `async` form of `SCEngine.Blocking.putGroupCampaign(json:)`.
    public func putGroupCampaign(json: String) async throws {
        try await runBlocking { try self.blocking.putGroupCampaign(json: json) }
    }

    /// Reads a campaign. The `async` form of `SCEngine.Blocking.groupCampaign(id:)`.
    public func groupCampaign(id: String) async throws -> SCGroupCampaign {
        try await runBlocking { try self.blocking.groupCampaign(id: id) }
    }

    /// Reads a group as of now. The `async` form of `SCEngine.Blocking.group(id:)`.
    public func group(id: String) async throws -> SCGroup {
        try await runBlocking { try self.blocking.group(id: id) }
    }

    /// Reads the group an order holds a seat in. The `async` form of
    /// `SCEngine.Blocking.groupOfOrder(orderId:)`.
    public func groupOfOrder(orderId: String) async throws -> SCGroup? {
        try await runBlocking { try self.blocking.groupOfOrder(orderId: orderId) }
    }

    /// Lists the open groups of a campaign. The `async` form of
    /// `SCEngine.Blocking.openGroups(campaignId:limit:)`.
    public func openGroups(campaignId: String, limit: Int = 20) async throws -> [SCGroup] {
        try await runBlocking { try self.blocking.openGroups(campaignId: campaignId, limit: limit) }
    }

    /// Lists the groups a shopper has or had a seat in. The `async` form of
    /// `SCEngine.Blocking.groupsOfUser(userId:limit:)`.
    public func groupsOfUser(userId: String, limit: Int = 20) async throws -> [SCGroup] {
        try await runBlocking { try self.blocking.groupsOfUser(userId: userId, limit: limit) }
    }

    /// Reads a campaign's figures. The `async` form of
    /// `SCEngine.Blocking.groupReport(campaignId:)`.
    public func groupReport(campaignId: String) async throws -> SCGroupReport {
        try await runBlocking { try self.blocking.groupReport(campaignId: campaignId) }
    }
}
