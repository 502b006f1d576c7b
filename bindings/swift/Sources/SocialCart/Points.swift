internal import CSocialCart
import Foundation

// Points (socialcart/points.h, docs/points.md): the program, a member's balance, lots and
// paged history, operator adjustments (one by one or in batches), daily sign-in, activities
// under a daily cap and the liability report. Points pay at checkout through
// `SCCheckoutRequest.points`; a paid order earns points (`SCOrder.pointsEarned`), pending for
// the program's return window; refunds reverse and return them in proportion. Points are
// whole numbers.

/// The kind of a points ledger entry (`sc_points_entry_kind_t`).
public enum SCPointsEntryKind: Sendable, Hashable, CustomStringConvertible {
    /// A new lot: an order's points (pending until vested), a sign-in, an activity.
    case earn
    /// Points taken from available lots.
    case spend
    /// Points reserved for an unpaid order (no change to the balance).
    case hold
    /// A hold given back: the order was cancelled or its payment window lapsed.
    case release
    /// A hold made final: the order was paid.
    case commit
    /// The rest of a lot past its expiry.
    case expire
    /// Earned points taken back by a refund.
    case reverse
    /// Spent points given back by a refund, into the lots they came from.
    case `return`
    /// An operator's correction, with a reason; positive or negative.
    case adjust
    /// A kind this binding does not know.
    case unknown(UInt32)

    init(rawValue: UInt32) {
        switch rawValue {
        case SC_POINTS_EARN.rawValue: self = .earn
        case SC_POINTS_SPEND.rawValue: self = .spend
        case SC_POINTS_HOLD.rawValue: self = .hold
        case SC_POINTS_RELEASE.rawValue: self = .release
        case SC_POINTS_COMMIT.rawValue: self = .commit
        case SC_POINTS_EXPIRE.rawValue: self = .expire
        case SC_POINTS_REVERSE.rawValue: self = .reverse
        case SC_POINTS_RETURN.rawValue: self = .return
        case SC_POINTS_ADJUST.rawValue: self = .adjust
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: UInt32 {
        switch self {
        case .earn: return SC_POINTS_EARN.rawValue
        case .spend: return SC_POINTS_SPEND.rawValue
        case .hold: return SC_POINTS_HOLD.rawValue
        case .release: return SC_POINTS_RELEASE.rawValue
        case .commit: return SC_POINTS_COMMIT.rawValue
        case .expire: return SC_POINTS_EXPIRE.rawValue
        case .reverse: return SC_POINTS_REVERSE.rawValue
        case .return: return SC_POINTS_RETURN.rawValue
        case .adjust: return SC_POINTS_ADJUST.rawValue
        case .unknown(let raw): return raw
        }
    }

    /// The library's stable name, e.g. "earn"; "unknown" for `.unknown`
    /// (`sc_points_entry_kind_name`).
    public var name: String {
        copyString(sc_points_entry_kind_name(sc_points_entry_kind_t(rawValue: rawValue)))
    }

    public var description: String { name }
}

/// A member's points as of the read. Points held by an unpaid order whose payment window
/// has passed read as available.
public struct SCPointsBalance: Sendable, Hashable {
    /// Spendable now: vested, not expired, not held.
    public var available: Int64
    /// Earned by orders still inside their return window: not yet spendable.
    public var pending: Int64
    /// Reserved by unpaid orders.
    public var held: Int64
    /// Points owed: reversed by a refund after they were spent. While above 0 the member
    /// cannot spend, and points earned repay it first.
    public var debt: Int64
    /// The sum of the ledger's entries: available + pending + held - debt (and points past
    /// expiry that no entry has settled yet). Below 0 only through debt.
    public var total: Int64
}

extension SCPointsBalance {
    init(copying balance: OpaquePointer) {
        available = sc_points_balance_available(balance)
        pending = sc_points_balance_pending(balance)
        held = sc_points_balance_held(balance)
        debt = sc_points_balance_debt(balance)
        total = sc_points_balance_total(balance)
    }
}

/// One lot of a member's points: what one earn or positive adjustment brought in, with
/// what is still free or held of it.
public struct SCPointsLot: Sendable, Hashable, Identifiable {
    /// The seq of the ledger entry that earned it.
    public var id: Int64
    /// Points the lot was earned with.
    public var earned: Int64
    /// Points free in it: pending before `vestsAtMs`, available after.
    public var free: Int64
    /// Points of it held by unpaid orders.
    public var held: Int64
    /// When it was earned (UTC ms since the epoch).
    public var earnedAtMs: Int64
    /// From when its points are spendable (UTC ms since the epoch).
    public var vestsAtMs: Int64
    /// When it expires (UTC ms since the epoch, exclusive); nil when it never expires.
    public var expiresAtMs: Int64?

    /// When it was earned.
    public var earnedAt: Date { date(ms: earnedAtMs) }
    /// From when its points are spendable.
    public var vestsAt: Date { date(ms: vestsAtMs) }
    /// When it expires (exclusive); nil when it never expires.
    public var expiresAt: Date? { expiresAtMs.map { date(ms: $0) } }
}

/// One entry of a member's append-only points ledger.
public struct SCPointsEntry: Sendable, Hashable {
    /// Its position in the member's ledger, from 1.
    public var seq: Int64
    /// What the entry did: earn, spend, hold, release, commit, expire, reverse, return or
    /// adjust.
    public var kind: SCPointsEntryKind
    /// The points it is about (> 0; an adjustment's signed correction).
    public var points: Int64
    /// What it did to the balance: the effects of all the member's entries sum to
    /// `SCPointsBalance.total`.
    public var effect: Int64
    /// What it is about: "order:<id>", "refund:<id>", "signin:2026-12-01",
    /// "activity:<name>:<reference>", "operator".
    public var reference: String
    /// When it was made (UTC ms since the epoch).
    public var atMs: Int64
    /// An earn's vesting time (UTC ms since the epoch); 0 for other kinds.
    public var vestsAtMs: Int64
    /// An adjustment's reason; "" for other kinds.
    public var reason: String

    /// When it was made.
    public var time: Date { date(ms: atMs) }
    /// An earn's vesting time; nil for other kinds.
    public var vestsAt: Date? { vestsAtMs == 0 ? nil : date(ms: vestsAtMs) }
}

extension SCPointsEntry {
    init(copying entry: OpaquePointer) {
        seq = sc_points_entry_seq(entry)
        kind = SCPointsEntryKind(rawValue: sc_points_entry_kind(entry).rawValue)
        points = sc_points_entry_points(entry)
        effect = sc_points_entry_effect(entry)
        reference = copyString(sc_points_entry_reference(entry))
        atMs = sc_points_entry_at_ms(entry)
        vestsAtMs = sc_points_entry_vests_at_ms(entry)
        reason = copyString(sc_points_entry_reason(entry))
    }
}

/// One correction of a batch for `SCEngine.adjustPointsBatch(_:)`: the arguments of
/// `SCEngine.adjustPoints(user:points:reason:idempotencyKey:)`, under the same rules.
public struct SCPointsAdjustment: Sendable, Hashable {
    /// The member whose points are corrected.
    public var user: String
    /// The signed correction, not 0: positive, a new lot; negative, taken from the
    /// available points, never beyond them.
    public var points: Int64
    /// Required text, kept on the entry.
    public var reason: String
    /// The item's key, shared with `adjustPoints`: an item applied before under its key
    /// appends nothing; the same key with another correction is a conflict.
    public var idempotencyKey: String

    public init(user: String, points: Int64, reason: String, idempotencyKey: String) {
        self.user = user
        self.points = points
        self.reason = reason
        self.idempotencyKey = idempotencyKey
    }
}

/// What one sign-in did.
public struct SCSignIn: Sendable, Hashable {
    /// The day signed in, "YYYY-MM-DD" (UTC, by the engine's clock).
    public var date: String
    /// The day of the streak, from 1.
    public var streak: Int64
    /// The points that day earned.
    public var points: Int64
    /// False when the member had already signed in that day: nothing was earned now, and
    /// the other figures are those of the first sign-in.
    public var isFirst: Bool
}

extension SCSignIn {
    init(copying signIn: OpaquePointer) {
        date = copyString(sc_sign_in_date(signIn))
        streak = sc_sign_in_streak(signIn)
        points = sc_sign_in_points(signIn)
        isFirst = sc_sign_in_first(signIn)
    }
}

/// The operator's points report (docs/points.md): the liability now over every member,
/// and what entries made in a period moved.
public struct SCPointsReport: Sendable, Hashable {
    /// Members with a ledger.
    public var members: Int64
    /// Σ available points.
    public var available: Int64
    /// Σ pending points.
    public var pending: Int64
    /// Σ held points.
    public var held: Int64
    /// Σ debt.
    public var debt: Int64
    /// available + pending + held: the points members may still spend.
    public var liabilityPoints: Int64
    /// The catalog's currency ("" before the first SKU).
    public var currency: String
    /// What `liabilityPoints` are worth at the redeem rate, rounded down, in minor units.
    public var liabilityAmountMinor: Int64
    /// In the period: points earned.
    public var earned: Int64
    /// In the period: points spent (spends and committed holds).
    public var spent: Int64
    /// In the period: points expired.
    public var expired: Int64
    /// In the period: earned points reversed by refunds.
    public var reversed: Int64
    /// In the period: spent points returned by refunds.
    public var returned: Int64
    /// In the period: the signed sum of adjustments.
    public var adjusted: Int64

    /// What `liabilityPoints` are worth at the redeem rate, rounded down.
    public var liabilityAmount: SCMoney { SCMoney(minorUnits: liabilityAmountMinor, currency: currency) }
}

extension SCPointsReport {
    init(copying report: OpaquePointer) {
        members = sc_points_report_members(report)
        available = sc_points_report_available(report)
        pending = sc_points_report_pending(report)
        held = sc_points_report_held(report)
        debt = sc_points_report_debt(report)
        liabilityPoints = sc_points_report_liability_points(report)
        currency = copyString(sc_points_report_currency(report))
        liabilityAmountMinor = sc_points_report_liability_amount(report)
        earned = sc_points_report_earned(report)
        spent = sc_points_report_spent(report)
        expired = sc_points_report_expired(report)
        reversed = sc_points_report_reversed(report)
        returned = sc_points_report_returned(report)
        adjusted = sc_points_report_adjusted(report)
    }
}

extension SCEngine.Blocking {
    /// Sets the points program: the "points" object of the program document (earn rate,
    /// redeem rate, unit and cap, expiry mode, return window, sign-in table, activities),
    /// read as strictly as the document, e.g.
    /// `{"earn":{"points":1,"per_amount":100},"sign_in":[5,10,20]}`. Replaces the program
    /// as a whole; a program equal to the stored one changes nothing and logs no event.
    /// - Throws: `.validation` naming the field at fault (e.g. "redeem.max_share_bps"),
    ///   `.invalidArgument` (field "json"), `.invalidUTF8`.
    public func putPointsProgram(json: String) throws {
        try requireCString(json, field: "json")
        try withHandle { handle in try check { sc_engine_points_program_put(handle, json, $0) } }
    }

    /// Reads a member's balance as of now. A member with no entries has a zero balance.
    /// - Throws: `.invalidArgument` (field "user_id"), `.invalidUTF8`.
    public func pointsBalance(user: String) throws -> SCPointsBalance {
        try requireCString(user, field: "user_id")
        let raw = try withHandle { handle in try checkOut("sc_engine_points_balance") { out, err in
            sc_engine_points_balance(handle, user, out, err)
        } }
        defer { sc_points_balance_free(raw) }
        return SCPointsBalance(copying: raw)
    }

    /// Reads a member's lots that still have points free or held, soonest expiry first and
    /// never-expiring last (the order spending takes them in).
    /// - Throws: `.invalidArgument` (field "user_id"), `.invalidUTF8`.
    public func pointsLots(user: String) throws -> [SCPointsLot] {
        try requireCString(user, field: "user_id")
        let raw = try withHandle { handle in try checkOut("sc_engine_points_lots") { out, err in
            sc_engine_points_lots(handle, user, out, err)
        } }
        defer { sc_points_lots_free(raw) }
        return (0..<sc_points_lots_count(raw)).map { i in
            SCPointsLot(
                id: sc_points_lot_id(raw, i),
                earned: sc_points_lot_earned(raw, i),
                free: sc_points_lot_free(raw, i),
                held: sc_points_lot_held(raw, i),
                earnedAtMs: sc_points_lot_earned_at_ms(raw, i),
                vestsAtMs: sc_points_lot_vests_at_ms(raw, i),
                expiresAtMs: sc_points_lot_expires(raw, i) ? sc_points_lot_expires_at_ms(raw, i) : nil)
        }
    }

    /// Reads one page of a member's points ledger, newest entry first.
    /// - Parameters:
    ///   - cursor: `nil` for the first page, else the previous page's `nextCursor`.
    ///   - limit: 1 ... 1000.
    /// - Throws: `.invalidArgument` (field "user_id", "cursor": not one this query
    ///   returned, or "limit"), `.invalidUTF8`.
    public func pointsHistory(user: String, cursor: String? = nil, limit: Int = 50) throws -> SCPage<SCPointsEntry> {
        try requireCString(user, field: "user_id")
        if let cursor { try requireCString(cursor, field: "cursor") }
        guard limit >= 0 else {
            throw SCError(code: .invalidArgument, message: "limit is negative", field: "limit")
        }
        let raw = try withHandle { handle in try checkOut("sc_engine_points_history") { out, err in
            sc_engine_points_history(handle, user, cursor, Int64(limit), out, err)
        } }
        defer { sc_points_page_free(raw) }
        return SCPage(
            items: (0..<sc_points_page_count(raw)).map { SCPointsEntry(copying: sc_points_page_at(raw, $0)!) },
            nextCursor: cursorOrNil(sc_points_page_next_cursor(raw)))
    }

    /// The operator corrects a member's points, with a reason. Positive: a new lot,
    /// available at once, expiring by the program's expiry mode; it repays debt first.
    /// Negative: taken from the available points as a spend would be, never beyond them.
    /// - Parameters:
    ///   - points: the signed correction, not 0.
    ///   - reason: required text, kept on the entry.
    ///   - idempotencyKey: a retry with the same key returns the same entry and changes
    ///     nothing.
    /// - Returns: the adjustment's ledger entry.
    /// - Throws: `.invalidArgument` (field "user_id", "reason", "idempotency_key"; field
    ///   "points": 0, or a debit beyond the available points), `.invalidState` (field
    ///   "points": a debit while the member owes points), `.idempotencyConflict` (the key
    ///   was used for another correction), `.invalidUTF8`, `.overflow`.
    @discardableResult
    public func adjustPoints(user: String, points: Int64, reason: String, idempotencyKey: String) throws
        -> SCPointsEntry
    {
        try requireCString(user, field: "user_id")
        try requireCString(reason, field: "reason")
        try requireCString(idempotencyKey, field: "idempotency_key")
        return try withHandle { handle in try takeEntry("sc_engine_points_adjust") { out, err in
            sc_engine_points_adjust(handle, user, points, reason, idempotencyKey, out, err)
        } }
    }

    /// Applies a batch of corrections in one transaction, in the order of the array: all of
    /// them or, when one is refused, none. Each item is idempotent under its key exactly as
    /// `adjustPoints(user:points:reason:idempotencyKey:)` (they share keys), so retrying a
    /// batch whose outcome is unknown appends nothing more, and two items with one key and
    /// the same correction make one entry. Every entry logs its event. The writer's lock is
    /// held while the batch runs: keep batches to a few thousand items where other writes
    /// must stay quick.
    /// - Parameter items: 1 ... 10 000 corrections (`SC_POINTS_BATCH_MAX`).
    /// - Returns: the entries appended (items applied before under their keys append none).
    /// - Throws: `.invalidArgument` (field "items": the array is empty), `.limitExceeded`
    ///   (field "items": more than 10 000 items), and an item's error with the field naming
    ///   the item, e.g. "items[3].points" (0, or a debit beyond the member's available
    ///   points), "items[0].user_id", "items[0].reason", "items[0].idempotency_key"
    ///   (`.invalidArgument`; `.idempotencyConflict`: the key was used for another
    ///   correction), `.invalidState` (a debit while the member owes points), `.overflow`.
    @discardableResult
    public func adjustPointsBatch(_ items: [SCPointsAdjustment]) throws -> Int64 {
        guard items.count <= Int(SC_POINTS_BATCH_MAX) else {
            throw SCError(
                code: .limitExceeded, message: "a batch takes at most \(SC_POINTS_BATCH_MAX) items", field: "items")
        }
        for (i, item) in items.enumerated() {
            try requireCString(item.user, field: "items[\(i)].user_id")
            try requireCString(item.reason, field: "items[\(i)].reason")
            try requireCString(item.idempotencyKey, field: "items[\(i)].idempotency_key")
        }
        let batch = try checkOut("sc_points_batch_new") { out, err in sc_points_batch_new(out, err) }
        defer { sc_points_batch_free(batch) }
        for (i, item) in items.enumerated() {
            do {
                try check { sc_points_batch_add(batch, item.user, item.points, item.reason, item.idempotencyKey, $0) }
            } catch let error as SCError {
                // The C batch names the argument ("user_id"); name the item as the
                // engine does for what it refuses when the batch is applied.
                let field = error.field.map { $0 == "batch" ? "items" : "items[\(i)].\($0)" } ?? "items[\(i)]"
                throw SCError(
                    code: error.code, message: "item \(i): \(error.message)", field: field,
                    isRetryable: error.isRetryable)
            }
        }
        var appended: Int64 = 0
        try withHandle { handle in try check { sc_engine_points_adjust_batch(handle, batch, &appended, $0) } }
        return appended
    }

    /// The member signs in for today (the UTC day of the engine's clock) and earns the
    /// points of the sign-in table for the day of the streak: a missed day starts the
    /// streak again at day 1, and so does the day after the table's last. Once per day:
    /// signing in again that day returns the same result with `isFirst` false and earns
    /// nothing.
    /// - Throws: `.invalidState` (field "sign_in": the program has no sign-in table),
    ///   `.invalidArgument` (field "user_id"), `.invalidUTF8`.
    @discardableResult
    public func signIn(user: String) throws -> SCSignIn {
        try requireCString(user, field: "user_id")
        let raw = try withHandle { handle in try checkOut("sc_engine_points_sign_in") { out, err in
            sc_engine_points_sign_in(handle, user, out, err)
        } }
        defer { sc_sign_in_free(raw) }
        return SCSignIn(copying: raw)
    }

    /// The host reports an activity of the points program (a share, a review) and the
    /// member earns its points, at most the activity's daily cap times per UTC day.
    /// - Parameters:
    ///   - activity: the activity's name in the program, e.g. "share".
    ///   - reference: what was shared or reviewed, e.g. a SKU id; kept on the entry.
    ///   - idempotencyKey: a retry with the same key returns the same entry and earns
    ///     nothing more.
    /// - Returns: the earn entry.
    /// - Throws: `.notFound` (field "activity": not in the program), `.limitExceeded`
    ///   (field "activity": today's cap is reached), `.idempotencyConflict` (the key was
    ///   used for another activity or reference), `.invalidArgument` (field "user_id",
    ///   "activity", "reference" or "idempotency_key"), `.invalidUTF8`.
    @discardableResult
    public func recordActivity(user: String, activity: String, reference: String, idempotencyKey: String) throws
        -> SCPointsEntry
    {
        try requireCString(user, field: "user_id")
        try requireCString(activity, field: "activity")
        try requireCString(reference, field: "reference")
        try requireCString(idempotencyKey, field: "idempotency_key")
        return try withHandle { handle in try takeEntry("sc_engine_points_activity") { out, err in
            sc_engine_points_activity(handle, user, activity, reference, idempotencyKey, out, err)
        } }
    }

    /// Reads the points report: the liability now over every member, and the points
    /// earned, spent, expired, reversed, returned and adjusted by entries made in
    /// `fromMs ..< toMs` (UTC ms since the epoch; by default every entry).
    /// - Throws: `.invalidArgument` (field "to_ms": before `fromMs`).
    public func pointsReport(fromMs: Int64 = 0, toMs: Int64 = .max) throws -> SCPointsReport {
        let raw = try withHandle { handle in try checkOut("sc_engine_points_report") { out, err in
            sc_engine_points_report(handle, fromMs, toMs, out, err)
        } }
        defer { sc_points_report_free(raw) }
        return SCPointsReport(copying: raw)
    }

    private func takeEntry(
        _ function: StaticString,
        _ body: (UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<OpaquePointer?>) -> sc_status_t
    ) throws -> SCPointsEntry {
        let raw = try checkOut(function, body)
        defer { sc_points_entry_free(raw) }
        return SCPointsEntry(copying: raw)
    }
}

// The `async` forms (see Async.swift): each runs its `engine.blocking` twin off the
// caller's executor.
extension SCEngine {
    /// Sets the points program. The `async` form of `SCEngine.Blocking.putPointsProgram(json:)`.
    public func putPointsProgram(json: String) async throws {
        try await runBlocking { try self.blocking.putPointsProgram(json: json) }
    }

    /// Reads a member's balance. The `async` form of `SCEngine.Blocking.pointsBalance(user:)`.
    public func pointsBalance(user: String) async throws -> SCPointsBalance {
        try await runBlocking { try self.blocking.pointsBalance(user: user) }
    }

    /// Reads a member's lots. The `async` form of `SCEngine.Blocking.pointsLots(user:)`.
    public func pointsLots(user: String) async throws -> [SCPointsLot] {
        try await runBlocking { try self.blocking.pointsLots(user: user) }
    }

    /// Reads a page of a member's ledger. The `async` form of
    /// `SCEngine.Blocking.pointsHistory(user:cursor:limit:)`.
    public func pointsHistory(user: String, cursor: String? = nil, limit: Int = 50) async throws
        -> SCPage<SCPointsEntry>
    {
        try await runBlocking { try self.blocking.pointsHistory(user: user, cursor: cursor, limit: limit) }
    }

    /// The operator corrects a member's points. The `async` form of
    /// `SCEngine.Blocking.adjustPoints(user:points:reason:idempotencyKey:)`.
    @discardableResult
    public func adjustPoints(user: String, points: Int64, reason: String, idempotencyKey: String) async throws
        -> SCPointsEntry
    {
        try await runBlocking {
            try self.blocking.adjustPoints(user: user, points: points, reason: reason, idempotencyKey: idempotencyKey)
        }
    }

    /// Applies a batch of corrections, all or none. The `async` form of
    /// `SCEngine.Blocking.adjustPointsBatch(_:)`.
    @discardableResult
    public func adjustPointsBatch(_ items: [SCPointsAdjustment]) async throws -> Int64 {
        try await runBlocking { try self.blocking.adjustPointsBatch(items) }
    }

    /// The member signs in for today. The `async` form of `SCEngine.Blocking.signIn(user:)`.
    @discardableResult
    public func signIn(user: String) async throws -> SCSignIn {
        try await runBlocking { try self.blocking.signIn(user: user) }
    }

    /// The host reports an activity of the points program. The `async` form of
    /// `SCEngine.Blocking.recordActivity(user:activity:reference:idempotencyKey:)`.
    @discardableResult
    public func recordActivity(user: String, activity: String, reference: String, idempotencyKey: String)
        async throws -> SCPointsEntry
    {
        try await runBlocking {
            try self.blocking.recordActivity(
                user: user, activity: activity, reference: reference, idempotencyKey: idempotencyKey)
        }
    }

    /// Reads the points report. The `async` form of `SCEngine.Blocking.pointsReport(fromMs:toMs:)`.
    public func pointsReport(fromMs: Int64 = 0, toMs: Int64 = .max) async throws -> SCPointsReport {
        try await runBlocking { try self.blocking.pointsReport(fromMs: fromMs, toMs: toMs) }
    }
}
