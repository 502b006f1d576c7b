internal import CSocialCart
import Foundation

// Bargains, 砍价 (socialcart/bargain.h): a program offers a SKU whose price a shopper's
// friends cut. A shopper opens a bargain at the SKU's list price (`openBargain`) and shares
// it (a share link targeting `SCShareTarget.bargain`); each friend who helps (`helpBargain`)
// cuts a random part of what remains above the program's floor, keeping at least one minor
// unit per help still to come, so the H-th help lands exactly on the floor. The draws come
// from the engine's random source (`SCEngineOptions.random`), so tests script them. The
// opener buys one unit at the bargain's current price with a checkout whose request names
// the bargain (`SCCheckoutRequest.bargainId`); the bargain is bought when that order is paid.
// A bargain's deadline is the earlier of its opening + the program's lifetime and the
// program's end; past it a bargain not bought is expired (reads see it at once; writes and
// `sweep` settle it). docs/bargain.md describes every rule.
//
// Programs are put as JSON, one entry of the program document's "bargains.programs": {"id",
// "sku_id", "floor_price" (≥ 0), "helpers" (1-100), "lifetime_minutes" (1-43200),
// "starts_at", "ends_at"}.

/// Where a bargain is in its life (`sc_bargain_state_t`).
public enum SCBargainState: Sendable, Hashable, CustomStringConvertible {
    /// Friends' helps accrue (1).
    case open
    /// The H-th help landed on the floor (2).
    case floorReached
    /// An order at the bargained price was paid (3).
    case bought
    /// The deadline passed without a paid order (4).
    case expired
    /// A state this binding does not know.
    case unknown(UInt32)

    init(rawValue: UInt32) {
        switch rawValue {
        case SC_BARGAIN_OPEN.rawValue: self = .open
        case SC_BARGAIN_FLOOR_REACHED.rawValue: self = .floorReached
        case SC_BARGAIN_BOUGHT.rawValue: self = .bought
        case SC_BARGAIN_EXPIRED.rawValue: self = .expired
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: UInt32 {
        switch self {
        case .open: return SC_BARGAIN_OPEN.rawValue
        case .floorReached: return SC_BARGAIN_FLOOR_REACHED.rawValue
        case .bought: return SC_BARGAIN_BOUGHT.rawValue
        case .expired: return SC_BARGAIN_EXPIRED.rawValue
        case .unknown(let raw): return raw
        }
    }

    /// The library's stable name, e.g. "floor_reached"; "unknown" for `.unknown`
    /// (`sc_bargain_state_name`).
    public var name: String { copyString(sc_bargain_state_name(sc_bargain_state_t(rawValue: rawValue))) }

    public var description: String { name }
}

/// A bargain program's settings, as put.
public struct SCBargainProgram: Sendable, Hashable, Identifiable {
    /// The program's id.
    public var id: String
    /// The SKU its bargains buy.
    public var skuId: String
    /// Where the H-th help lands, in minor units of the catalog's currency.
    public var floorPrice: Int64
    /// H: the helps that take a bargain to the floor.
    public var helpers: Int64
    /// A bargain's life from its opening, in minutes.
    public var lifetimeMinutes: Int64
    /// When bargains may start opening (UTC ms since the epoch).
    public var startsAtMs: Int64
    /// When the program ends: no bargain opens after it nor outlives it (UTC ms since the epoch).
    public var endsAtMs: Int64

    /// When bargains may start opening.
    public var startsAt: Date { date(ms: startsAtMs) }
    /// When the program ends.
    public var endsAt: Date { date(ms: endsAtMs) }
}

extension SCBargainProgram {
    init(copying program: OpaquePointer) {
        id = copyString(sc_bargain_program_id(program))
        skuId = copyString(sc_bargain_program_sku_id(program))
        floorPrice = sc_bargain_program_floor_price(program)
        helpers = sc_bargain_program_helpers(program)
        lifetimeMinutes = sc_bargain_program_lifetime_minutes(program)
        startsAtMs = sc_bargain_program_starts_at_ms(program)
        endsAtMs = sc_bargain_program_ends_at_ms(program)
    }
}

/// One friend's help, in the order they landed.
public struct SCBargainHelp: Sendable, Hashable {
    /// The friend who helped.
    public var userId: String
    /// What the help cut (≥ 1), in minor units.
    public var amount: Int64
    /// The bargain's price once it landed.
    public var priceAfter: Int64
    /// When it landed (UTC ms since the epoch).
    public var atMs: Int64

    /// When it landed.
    public var at: Date { date(ms: atMs) }

    public init(userId: String, amount: Int64, priceAfter: Int64, atMs: Int64) {
        self.userId = userId
        self.amount = amount
        self.priceAfter = priceAfter
        self.atMs = atMs
    }
}

/// A bargain as of the read: past its deadline a bargain not bought reads `.expired`.
public struct SCBargain: Sendable, Hashable, Identifiable {
    /// The bargain's id ("brg_..."): the target of its invite link.
    public var id: String
    /// Its program.
    public var programId: String
    /// The shopper who opened it: the only one who may buy it.
    public var userId: String
    /// The SKU it buys.
    public var skuId: String
    /// Its state.
    public var state: SCBargainState
    /// The SKU's list price when it opened, in minor units.
    public var startPrice: Int64
    /// The program's floor when it opened.
    public var floorPrice: Int64
    /// The price now: the start price less every help.
    public var price: Int64
    /// H: the helps that take it to the floor.
    public var helpersNeeded: Int64
    /// When it opened (UTC ms since the epoch).
    public var openedAtMs: Int64
    /// When it expires unless bought (UTC ms since the epoch).
    public var deadlineMs: Int64
    /// When it was bought or expired (UTC ms since the epoch); nil before.
    public var endedAtMs: Int64?
    /// The paid order that bought it; nil before.
    public var orderId: String?
    /// The helps it got, in the order they landed.
    public var helps: [SCBargainHelp]

    /// When it opened.
    public var openedAt: Date { date(ms: openedAtMs) }
    /// When it expires unless bought.
    public var deadline: Date { date(ms: deadlineMs) }
    /// When it was bought or expired; nil before.
    public var endedAt: Date? { endedAtMs.map { date(ms: $0) } }
}

extension SCBargain {
    init(copying bargain: OpaquePointer) {
        id = copyString(sc_bargain_id(bargain))
        programId = copyString(sc_bargain_program_id_of(bargain))
        userId = copyString(sc_bargain_user_id(bargain))
        skuId = copyString(sc_bargain_sku_id(bargain))
        state = SCBargainState(rawValue: sc_bargain_state(bargain).rawValue)
        startPrice = sc_bargain_start_price(bargain)
        floorPrice = sc_bargain_floor_price(bargain)
        price = sc_bargain_price(bargain)
        helpersNeeded = sc_bargain_helpers_needed(bargain)
        openedAtMs = sc_bargain_opened_at_ms(bargain)
        deadlineMs = sc_bargain_deadline_ms(bargain)
        let ended = sc_bargain_ended_at_ms(bargain)
        endedAtMs = ended == 0 ? nil : ended
        let order = copyString(sc_bargain_order_id(bargain))
        orderId = order.isEmpty ? nil : order
        helps = (0..<sc_bargain_help_count(bargain)).map { i in
            SCBargainHelp(
                userId: copyString(sc_bargain_help_user_id(bargain, i)),
                amount: sc_bargain_help_amount(bargain, i),
                priceAfter: sc_bargain_help_price_after(bargain, i),
                atMs: sc_bargain_help_at_ms(bargain, i))
        }
    }
}

/// What a friend's help did: the bargain after it and the amount it cut.
public struct SCBargainHelpResult: Sendable, Hashable {
    /// The bargain after the help.
    public var bargain: SCBargain
    /// What the help cut, in minor units.
    public var amount: Int64
}

/// A program's figures as of the read: what an operator judges it by.
public struct SCBargainReport: Sendable, Hashable {
    /// Bargains opened.
    public var opened: Int64
    /// Bargains that reached the floor, bought afterwards or not.
    public var completed: Int64
    /// Bargains that expired.
    public var expired: Int64
    /// Bargains bought (their order paid).
    public var bought: Int64
    /// Helps over all the program's bargains.
    public var helps: Int64
    /// helps × 100 / completed, in hundredths; 0 when none completed.
    public var helpersPerCompletion: Int64
    /// bought × 10000 / opened, in basis points; 0 when none opened.
    public var conversionBps: Int64
}

extension SCBargainReport {
    init(copying report: OpaquePointer) {
        opened = sc_bargain_report_get(report, SC_BARGAIN_FIGURE_OPENED)
        completed = sc_bargain_report_get(report, SC_BARGAIN_FIGURE_COMPLETED)
        expired = sc_bargain_report_get(report, SC_BARGAIN_FIGURE_EXPIRED)
        bought = sc_bargain_report_get(report, SC_BARGAIN_FIGURE_BOUGHT)
        helps = sc_bargain_report_get(report, SC_BARGAIN_FIGURE_HELPS)
        helpersPerCompletion = sc_bargain_report_get(report, SC_BARGAIN_FIGURE_HELPERS_PER_COMPLETION)
        conversionBps = sc_bargain_report_get(report, SC_BARGAIN_FIGURE_CONVERSION_BPS)
    }
}

extension CheckoutRequestHandle {
    /// - Throws: `.invalidArgument` (field "bargain_id": empty, too long or a NUL character),
    ///   `.invalidUTF8`.
    func setBargain(_ bargainId: String?) throws {
        if let bargainId { try requireCString(bargainId, field: "bargain_id") }
        try check { sc_checkout_request_set_bargain(raw, bargainId, $0) }
    }

    /// The bargain the C request holds, read back (the tests check that what the value type
    /// asks for is what the library is given).
    var bargainId: String? {
        let id = copyString(sc_checkout_request_bargain_id(raw))
        return id.isEmpty ? nil : id
    }
}

extension SCEngine.Blocking {
    /// Puts a program, one entry of the program document's "bargains.programs" (see the top of
    /// this file), replacing the program with its id. Putting the stored program again changes
    /// nothing. Event bargain_program.put.
    /// - Throws: `.validation` naming the field at fault (a setting out of range; "sku_id": a
    ///   SKU that does not exist; "floor_price": the SKU's list price less the floor is below
    ///   the helpers; no field for text that is not a JSON object), `.invalidArgument` (field
    ///   "json"), `.invalidUTF8`.
    public func putBargainProgram(json: String) throws {
        try requireCString(json, field: "json")
        try withHandle { handle in try check { sc_engine_bargain_program_put(handle, json, $0) } }
    }

    /// Reads a program.
    /// - Throws: `.notFound` (field "program_id"), `.invalidArgument` (field "program_id"),
    ///   `.invalidUTF8`.
    public func bargainProgram(id: String) throws -> SCBargainProgram {
        try requireCString(id, field: "program_id")
        let raw = try withHandle { handle in try checkOut("sc_engine_bargain_program_get") { out, err in
            sc_engine_bargain_program_get(handle, id, out, err)
        } }
        defer { sc_bargain_program_free(raw) }
        return SCBargainProgram(copying: raw)
    }

    /// Opens a bargain of the program for the shopper at the SKU's list price. A retry with
    /// the same key returns the first bargain. Event bargain.opened.
    /// - Throws: `.notFound` (field "program_id"), `.invalidState` (field "program_id": before
    ///   the program's window, the SKU's list price now leaves less than one minor unit per
    ///   helper above the floor, or the shopper already has a live bargain of the program),
    ///   `.expired` (field "program_id": after the window), `.idempotencyConflict`,
    ///   `.invalidArgument` (field "program_id", "user_id" or "idempotency_key"),
    ///   `.invalidUTF8`.
    public func openBargain(programId: String, userId: String, idempotencyKey: String) throws -> SCBargain {
        try requireCString(programId, field: "program_id")
        try requireCString(userId, field: "user_id")
        try requireCString(idempotencyKey, field: "idempotency_key")
        let raw = try withHandle { handle in try checkOut("sc_engine_bargain_open") { out, err in
            sc_engine_bargain_open(handle, programId, userId, idempotencyKey, out, err)
        } }
        defer { sc_bargain_free(raw) }
        return SCBargain(copying: raw)
    }

    /// A friend helps: cuts the bargain's price by a random amount (one draw of the random
    /// source; a retry draws again but changes nothing). A retry with the same key returns the
    /// first result. Events bargain.helped and, with the H-th help, bargain.floor_reached.
    /// - Throws: `.notFound` (field "bargain_id"), `.invalidState` (field "user_id": the
    ///   opener, or a friend who already helped; field "bargain_id": the floor is reached or it
    ///   was bought), `.expired` (field "bargain_id"), `.idempotencyConflict`,
    ///   `.invalidArgument` (field "bargain_id", "helper_user_id" or "idempotency_key"),
    ///   `.invalidUTF8`.
    public func helpBargain(bargainId: String, helperUserId: String, idempotencyKey: String) throws
        -> SCBargainHelpResult
    {
        try requireCString(bargainId, field: "bargain_id")
        try requireCString(helperUserId, field: "helper_user_id")
        try requireCString(idempotencyKey, field: "idempotency_key")
        var amount: Int64 = 0
        let raw = try withHandle { handle in try checkOut("sc_engine_bargain_help") { out, err in
            sc_engine_bargain_help(handle, bargainId, helperUserId, idempotencyKey, &amount, out, err)
        } }
        defer { sc_bargain_free(raw) }
        return SCBargainHelpResult(bargain: SCBargain(copying: raw), amount: amount)
    }

    /// Reads a bargain as of now: past its deadline a bargain not bought reads `.expired`
    /// before a write settles it.
    /// - Throws: `.notFound` (field "bargain_id"), `.invalidArgument` (field "bargain_id"),
    ///   `.invalidUTF8`.
    public func bargain(id: String) throws -> SCBargain {
        try requireCString(id, field: "bargain_id")
        let raw = try withHandle { handle in try checkOut("sc_engine_bargain_get") { out, err in
            sc_engine_bargain_get(handle, id, out, err)
        } }
        defer { sc_bargain_free(raw) }
        return SCBargain(copying: raw)
    }

    /// Lists the bargains a shopper opened, newest first, as of now.
    /// - Parameter limit: 1 ... 100.
    /// - Throws: `.invalidArgument` (field "user_id" or "limit"), `.invalidUTF8`.
    public func bargainsOfUser(userId: String, limit: Int = 20) throws -> [SCBargain] {
        try requireCString(userId, field: "user_id")
        // size_t in C: a negative limit would arrive as a huge one.
        guard limit >= 0 else {
            throw SCError(code: .invalidArgument, message: "limit is negative", field: "limit")
        }
        let raw = try withHandle { handle in try checkOut("sc_engine_bargains_of_user") { out, err in
            sc_engine_bargains_of_user(handle, userId, limit, out, err)
        } }
        defer { sc_bargains_free(raw) }
        // Borrowed from the list: copied, never freed on their own.
        return (0..<sc_bargains_count(raw)).map { SCBargain(copying: sc_bargains_at(raw, $0)!) }
    }

    /// Reads a program's figures as of now.
    /// - Throws: `.notFound` (field "program_id"), `.invalidArgument` (field "program_id"),
    ///   `.invalidUTF8`.
    public func bargainReport(programId: String) throws -> SCBargainReport {
        try requireCString(programId, field: "program_id")
        let raw = try withHandle { handle in try checkOut("sc_engine_bargain_report") { out, err in
            sc_engine_bargain_report(handle, programId, out, err)
        } }
        defer { sc_bargain_report_free(raw) }
        return SCBargainReport(copying: raw)
    }
}

// The `async` forms (see Async.swift): each runs its `engine.blocking` twin off the
// caller's executor.
extension SCEngine {
    /// Puts a program. The `async` form of `SCEngine.Blocking.putBargainProgram(json:)`.
    public func putBargainProgram(json: String) async throws {
        try await runBlocking { try self.blocking.putBargainProgram(json: json) }
    }

    /// Reads a program. The `async` form of `SCEngine.Blocking.bargainProgram(id:)`.
    public func bargainProgram(id: String) async throws -> SCBargainProgram {
        try await runBlocking { try self.blocking.bargainProgram(id: id) }
    }

    /// Opens a bargain. The `async` form of
    /// `SCEngine.Blocking.openBargain(programId:userId:idempotencyKey:)`.
    public func openBargain(programId: String, userId: String, idempotencyKey: String) async throws -> SCBargain {
        try await runBlocking {
            try self.blocking.openBargain(programId: programId, userId: userId, idempotencyKey: idempotencyKey)
        }
    }

    /// A friend helps. The `async` form of
    /// `SCEngine.Blocking.helpBargain(bargainId:helperUserId:idempotencyKey:)`.
    public func helpBargain(bargainId: String, helperUserId: String, idempotencyKey: String) async throws
        -> SCBargainHelpResult
    {
        try await runBlocking {
            try self.blocking.helpBargain(
                bargainId: bargainId, helperUserId: helperUserId, idempotencyKey: idempotencyKey)
        }
    }

    /// Reads a bargain as of now. The `async` form of `SCEngine.Blocking.bargain(id:)`.
    public func bargain(id: String) async throws -> SCBargain {
        try await runBlocking { try self.blocking.bargain(id: id) }
    }

    /// Lists the bargains a shopper opened. The `async` form of
    /// `SCEngine.Blocking.bargainsOfUser(userId:limit:)`.
    public func bargainsOfUser(userId: String, limit: Int = 20) async throws -> [SCBargain] {
        try await runBlocking { try self.blocking.bargainsOfUser(userId: userId, limit: limit) }
    }

    /// Reads a program's figures. The `async` form of
    /// `SCEngine.Blocking.bargainReport(programId:)`.
    public func bargainReport(programId: String) async throws -> SCBargainReport {
        try await runBlocking { try self.blocking.bargainReport(programId: programId) }
    }
}
