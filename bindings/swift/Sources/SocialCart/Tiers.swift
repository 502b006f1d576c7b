internal import CSocialCart
import Foundation

// Member tiers (socialcart/tiers.h, docs/tiers.md): the tier program, a member's tier with the
// figures of a member page, and the operator's tier report. A member is in one tier of the
// program's ordered list by a qualifying figure (goods paid over a rolling window, refunds
// subtracted, or growth points over the member's lifetime); a payment that crosses a
// threshold upgrades at once, and a member goes down only at the end of an evaluation period
// (a calendar month, quarter or year in UTC). The tier prices every quote: the member price
// (an item price adjustment), the points multiplier on what an order earns, tier-only coupon
// templates (audience min_tier) and the free-shipping threshold.

/// A member's tier as of the read, with the figures of a member page. A period end that has
/// passed reads as reviewed.
public struct SCTierStatus: Sendable, Hashable {
    /// The member's tier id.
    public var tierId: String
    /// The tier's name, for people.
    public var tierName: String
    /// The tier's rank: its index in the program, 0 for the first tier.
    public var rank: Int64
    /// When the member reached the tier (UTC ms since the epoch).
    public var sinceMs: Int64
    /// When the current period ends and the tier is reviewed (UTC ms since the epoch,
    /// exclusive: that instant belongs to the next period).
    public var periodEndMs: Int64
    /// The qualifying figure now (never below 0): minor units of goods paid in the window,
    /// or growth points.
    public var figure: Int64
    /// The tier above the member's; nil at the top.
    public var nextTierId: String?
    /// Paid (or earned) now, what reaches the next tier at once; 0 at the top.
    public var toNext: Int64
    /// The figure the period end will review if nothing new happens (payments leave the
    /// window by then).
    public var figureAtPeriodEnd: Int64
    /// The tier the member holds after the period end if nothing new happens.
    public var tierAtPeriodEnd: String
    /// Paid now, what keeps the tier at the period end: 0 when it is kept already (always 0
    /// in the first tier); nil when no amount paid now can keep it (it would leave the
    /// spend window before the period ends).
    public var toKeep: Int64?
    /// The tier's member price: basis points off the list price (0 ... 10000).
    public var memberPriceBps: Int64
    /// The tier's points multiplier in basis points (10000 is x1, 15000 x1.5).
    public var pointsMultiplierBps: Int64
    /// The tier's free-shipping threshold: goods net at or above it ship free (minor units);
    /// nil when the tier has none.
    public var freeShippingOver: Int64?

    /// When the member reached the tier.
    public var since: Date { date(ms: sinceMs) }
    /// When the current period ends and the tier is reviewed (exclusive).
    public var periodEnd: Date { date(ms: periodEndMs) }
}

extension SCTierStatus {
    init(copying status: OpaquePointer) {
        tierId = copyString(sc_tier_status_tier_id(status))
        tierName = copyString(sc_tier_status_tier_name(status))
        rank = sc_tier_status_rank(status)
        sinceMs = sc_tier_status_since_ms(status)
        periodEndMs = sc_tier_status_period_end_ms(status)
        figure = sc_tier_status_figure(status)
        let next = copyString(sc_tier_status_next_tier_id(status))
        nextTierId = next.isEmpty ? nil : next
        toNext = sc_tier_status_to_next(status)
        figureAtPeriodEnd = sc_tier_status_figure_at_period_end(status)
        tierAtPeriodEnd = copyString(sc_tier_status_tier_at_period_end(status))
        toKeep = sc_tier_status_can_keep(status) ? sc_tier_status_to_keep(status) : nil
        memberPriceBps = sc_tier_status_member_price_bps(status)
        pointsMultiplierBps = sc_tier_status_points_multiplier_bps(status)
        freeShippingOver = sc_tier_status_has_free_shipping_over(status)
            ? sc_tier_status_free_shipping_over(status) : nil
    }
}

/// One row of the tier report: one tier of the program, in the program's order.
public struct SCTierReportRow: Sendable, Hashable {
    /// The tier's id.
    public var tierId: String
    /// Members placed in the tier now. A member is placed once the engine has touched them
    /// since the program was set (a payment, a refund, points earned, a sweep).
    public var members: Int64
    /// Upgrades into the tier made in the report's period.
    public var upgrades: Int64
    /// Downgrades into the tier made in the report's period (a period end counts once a
    /// sweep or the member's next call has reviewed it).
    public var downgrades: Int64
}

extension SCEngine.Blocking {
    /// Sets the tier program: the "tiers" object of the program document (basis,
    /// window_days, period, tiers with thresholds and benefits), read as strictly as the
    /// document, e.g. `{"basis":"paid_spend","window_days":365,"period":"quarter","tiers":[
    /// {"id":"normal","name":"Normal","threshold":0},{"id":"gold","name":"Gold",
    /// "threshold":100000,"benefits":{"member_price_bps":500}}]}`. Replaces the program as a
    /// whole; a program equal to the stored one changes nothing and logs no event. Members
    /// whose tier the new program no longer has are placed afresh by their figure when next
    /// touched.
    /// - Throws: `.validation` naming the field at fault (e.g. "tiers[2].threshold"; also
    ///   when a coupon template's audience min_tier names a rank the program has no tier
    ///   for), `.invalidArgument` (field "json"), `.invalidUTF8`.
    public func putTierProgram(json: String) throws {
        try requireCString(json, field: "json")
        try withHandle { handle in try check { sc_engine_tier_program_put(handle, json, $0) } }
    }

    /// Reads a member's tier as of now, with the figures of a member page. Reading changes
    /// nothing: a period end that has passed reads as reviewed.
    /// - Throws: `.invalidState` (field "tiers": no tier program is set),
    ///   `.invalidArgument` (field "user_id"), `.invalidUTF8`.
    public func tierStatus(user: String) throws -> SCTierStatus {
        try requireCString(user, field: "user_id")
        let raw = try withHandle { handle in try checkOut("sc_engine_tier_status") { out, err in
            sc_engine_tier_status(handle, user, out, err)
        } }
        defer { sc_tier_status_free(raw) }
        return SCTierStatus(copying: raw)
    }

    /// Reads the tier report: per tier of the program, in the program's order, the members
    /// placed in it now and the upgrades and downgrades into it made in `fromMs ..< toMs`
    /// (UTC ms since the epoch; by default every change).
    /// - Throws: `.invalidState` (field "tiers": no tier program is set),
    ///   `.invalidArgument` (field "to_ms": before `fromMs`).
    public func tierReport(fromMs: Int64 = 0, toMs: Int64 = .max) throws -> [SCTierReportRow] {
        let raw = try withHandle { handle in try checkOut("sc_engine_tier_report") { out, err in
            sc_engine_tier_report(handle, fromMs, toMs, out, err)
        } }
        defer { sc_tier_report_free(raw) }
        return (0..<sc_tier_report_count(raw)).map { i in
            SCTierReportRow(
                tierId: copyString(sc_tier_report_tier_id(raw, i)),
                members: sc_tier_report_members(raw, i),
                upgrades: sc_tier_report_upgrades(raw, i),
                downgrades: sc_tier_report_downgrades(raw, i))
        }
    }
}

// The `async` forms (see Async.swift): each runs its `engine.blocking` twin off the
// caller's executor.
extension SCEngine {
    /// Sets the tier program. The `async` form of `SCEngine.Blocking.putTierProgram(json:)`.
    public func putTierProgram(json: String) async throws {
        try await runBlocking { try self.blocking.putTierProgram(json: json) }
    }

    /// Reads a member's tier and member page. The `async` form of
    /// `SCEngine.Blocking.tierStatus(user:)`.
    public func tierStatus(user: String) async throws -> SCTierStatus {
        try await runBlocking { try self.blocking.tierStatus(user: user) }
    }

    /// Reads the tier report. The `async` form of `SCEngine.Blocking.tierReport(fromMs:toMs:)`.
    public func tierReport(fromMs: Int64 = 0, toMs: Int64 = .max) async throws -> [SCTierReportRow] {
        try await runBlocking { try self.blocking.tierReport(fromMs: fromMs, toMs: toMs) }
    }
}
