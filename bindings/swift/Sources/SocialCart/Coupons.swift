internal import CSocialCart
import Foundation

/// Where a coupon is in its life (`sc_coupon_state_t`).
public enum SCCouponState: Sendable, Hashable, CustomStringConvertible {
    /// The shopper may use it (inside its validity).
    case available
    /// Held by an unpaid order until it is paid, cancelled or lapses.
    case held
    /// Its order was paid. A full refund may make it available again.
    case used
    /// Its validity ended while it was available.
    case expired
    /// The operator withdrew it.
    case revoked
    /// A state this binding does not know.
    case unknown(UInt32)

    init(rawValue: UInt32) {
        switch rawValue {
        case SC_COUPON_AVAILABLE.rawValue: self = .available
        case SC_COUPON_HELD.rawValue: self = .held
        case SC_COUPON_USED.rawValue: self = .used
        case SC_COUPON_EXPIRED.rawValue: self = .expired
        case SC_COUPON_REVOKED.rawValue: self = .revoked
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: UInt32 {
        switch self {
        case .available: return SC_COUPON_AVAILABLE.rawValue
        case .held: return SC_COUPON_HELD.rawValue
        case .used: return SC_COUPON_USED.rawValue
        case .expired: return SC_COUPON_EXPIRED.rawValue
        case .revoked: return SC_COUPON_REVOKED.rawValue
        case .unknown(let raw): return raw
        }
    }

    /// The library's stable name, e.g. "held" (`sc_coupon_state_name`).
    public var name: String { copyString(sc_coupon_state_name(sc_coupon_state_t(rawValue: rawValue))) }

    public var description: String { name }
}

/// A shopper's copy of a coupon template, as of the read.
public struct SCCoupon: Sendable, Hashable, Identifiable {
    /// Unguessable and unique: what `SCCouponChoice.chosen` takes.
    public var code: String
    /// The template it was issued from.
    public var templateId: String
    /// The shopper who owns it.
    public var ownerId: String
    public var state: SCCouponState
    /// Start of its validity (UTC ms since the epoch, inclusive).
    public var validFromMs: Int64
    /// End of its validity (UTC ms since the epoch, exclusive).
    public var validUntilMs: Int64
    /// When it was issued to the owner (UTC ms since the epoch).
    public var claimedAtMs: Int64
    /// The order holding it while `.held`; nil otherwise.
    public var orderId: String?

    /// The code.
    public var id: String { code }
    /// Start of its validity (inclusive).
    public var validFrom: Date { date(ms: validFromMs) }
    /// End of its validity (exclusive).
    public var validUntil: Date { date(ms: validUntilMs) }
    /// When it was issued to the owner.
    public var claimedAt: Date { date(ms: claimedAtMs) }

    init(copying coupon: OpaquePointer) {
        code = copyString(sc_coupon_code(coupon))
        templateId = copyString(sc_coupon_template_id(coupon))
        ownerId = copyString(sc_coupon_owner_id(coupon))
        state = SCCouponState(rawValue: sc_coupon_state(coupon).rawValue)
        validFromMs = sc_coupon_valid_from_ms(coupon)
        validUntilMs = sc_coupon_valid_until_ms(coupon)
        claimedAtMs = sc_coupon_claimed_at_ms(coupon)
        let order = copyString(sc_coupon_order_id(coupon))
        orderId = order.isEmpty ? nil : order
    }
}

/// One coupon template's figures in the coupon report (docs/pricing.md, "Coupon report").
public struct SCCouponReportRow: Sendable, Hashable {
    public var templateId: String
    /// Copies the template offers; nil when unlimited.
    public var totalQuantity: Int64?
    /// Copies taken by shoppers: claimed, granted and redeemed from a promo code.
    public var claimed: Int64
    /// Times an order using one of its coupons was paid.
    public var used: Int64
    /// Times a full refund gave one back.
    public var returned: Int64
    /// Copies now held by unpaid orders whose payment window has not passed.
    public var held: Int64
    /// The catalog's currency ("" while the catalog is empty).
    public var currency: String
    /// The discount its coupons now in state used gave, in minor units.
    public var discountGivenMinor: Int64
    /// The discount its coupons now in state used gave.
    public var discountGiven: SCMoney { SCMoney(minorUnits: discountGivenMinor, currency: currency) }
}

extension SCEngine.Blocking {
    /// The shopper claims a copy of a template whose issue mode is "claim". The template's
    /// total quantity and per-user limit hold exactly, also under concurrent claims.
    /// - Parameter idempotencyKey: a retry with the same key returns the same coupon and
    ///   issues nothing more.
    /// - Throws: `.notFound` (field "template_id"), `.invalidState` (field "template_id":
    ///   the template is issued another way; field "user_id": outside its audience),
    ///   `.expired` (field "template_id": its fixed validity has ended), `.limitExceeded`
    ///   (field "template_id": every copy is taken; field "user_id": the per-user limit),
    ///   `.idempotencyConflict` (the key was used for another user or template).
    public func claimCoupon(user: String, template: String, idempotencyKey: String) throws -> SCCoupon {
        try issueCoupon("sc_engine_coupon_claim", user: user, source: template, sourceField: "template_id", idempotencyKey: idempotencyKey) {
            sc_engine_coupon_claim($0, $1, $2, $3, $4, $5)
        }
    }

    /// The operator grants a copy of a template whose issue mode is "grant" (e.g. an
    /// apology coupon).
    /// - Throws: as `claimCoupon(user:template:idempotencyKey:)`.
    public func grantCoupon(user: String, template: String, idempotencyKey: String) throws -> SCCoupon {
        try issueCoupon("sc_engine_coupon_grant", user: user, source: template, sourceField: "template_id", idempotencyKey: idempotencyKey) {
            sc_engine_coupon_grant($0, $1, $2, $3, $4, $5)
        }
    }

    /// The member exchanges points for a copy of a template whose issue mode is "points":
    /// its `points_cost` is spent from the available points (soonest-expiring first) in the
    /// same transaction that issues the coupon, so either both happen or neither.
    /// - Parameter idempotencyKey: a retry with the same key returns the same coupon and
    ///   spends nothing more.
    /// - Throws: as `claimCoupon(user:template:idempotencyKey:)`, and `.invalidArgument`
    ///   (field "points": fewer available points than the cost), `.invalidState` (field
    ///   "points": the member owes points after a refund).
    public func exchangePoints(user: String, template: String, idempotencyKey: String) throws -> SCCoupon {
        try issueCoupon("sc_engine_coupon_exchange_points", user: user, source: template, sourceField: "template_id", idempotencyKey: idempotencyKey) {
            sc_engine_coupon_exchange_points($0, $1, $2, $3, $4, $5)
        }
    }

    /// The shopper types a public promo code such as "SPRING20" and receives a copy of the
    /// template with that code (issue mode "promo_code"). Codes match exactly, case
    /// included.
    /// - Throws: as `claimCoupon(user:template:idempotencyKey:)`, with `.notFound` (field
    ///   "promo_code") for a code no template has.
    public func redeemPromoCode(user: String, code: String, idempotencyKey: String) throws -> SCCoupon {
        try issueCoupon("sc_engine_coupon_redeem_code", user: user, source: code, sourceField: "promo_code", idempotencyKey: idempotencyKey) {
            sc_engine_coupon_redeem_code($0, $1, $2, $3, $4, $5)
        }
    }

    /// The operator withdraws an available coupon; it can no longer be held or used.
    /// Revoking a revoked coupon returns it unchanged, so retries are safe.
    /// - Throws: `.notFound` (field "code"), `.invalidState` for a coupon that is held
    ///   (cancel its order first), used or expired.
    @discardableResult
    public func revokeCoupon(code: String) throws -> SCCoupon {
        try requireCString(code, field: "code")
        return try withHandle { handle in try takeCoupon("sc_engine_coupon_revoke") { out, err in
            sc_engine_coupon_revoke(handle, code, out, err)
        } }
    }

    /// Reads a shopper's coupons as of now, oldest claim first: a coupon held by an order
    /// whose payment window has passed reads as available, an available one past its
    /// validity as expired.
    /// - Parameter state: only coupons in this state; nil for every state.
    /// - Throws: `.invalidArgument` (field "user_id", or "state" for `.unknown`).
    public func coupons(user: String, state: SCCouponState? = nil) throws -> [SCCoupon] {
        try requireCString(user, field: "user_id")
        let raw = try withHandle { handle in try checkOut("sc_engine_coupon_list_by_user") { out, err in
            sc_engine_coupon_list_by_user(
                handle, user, sc_coupon_state_t(rawValue: state?.rawValue ?? couponStateAny), out, err)
        } }
        defer { sc_coupons_free(raw) }
        return (0..<sc_coupons_count(raw)).map { SCCoupon(copying: sc_coupons_at(raw, $0)!) }
    }

    /// Reads the coupon report: one row per template, in template id order.
    public func couponReport() throws -> [SCCouponReportRow] {
        let raw = try withHandle { handle in
            try checkOut("sc_engine_coupon_report") { out, err in sc_engine_coupon_report(handle, out, err) }
        }
        defer { sc_coupon_report_free(raw) }
        let currency = copyString(sc_coupon_report_currency(raw))
        return (0..<sc_coupon_report_count(raw)).map { i in
            let total = sc_coupon_report_total_quantity(raw, i)
            return SCCouponReportRow(
                templateId: copyString(sc_coupon_report_template_id(raw, i)),
                totalQuantity: total < 0 ? nil : total,
                claimed: sc_coupon_report_claimed(raw, i),
                used: sc_coupon_report_used(raw, i),
                returned: sc_coupon_report_returned(raw, i),
                held: sc_coupon_report_held(raw, i),
                currency: currency,
                discountGivenMinor: sc_coupon_report_discount_given(raw, i))
        }
    }

    /// Claim, grant, exchange and promo code differ only in the C call and the name of what
    /// is issued (a template id or a promo code).
    private func issueCoupon(
        _ function: StaticString, user: String, source: String, sourceField: String, idempotencyKey: String,
        _ call: (
            OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
            UnsafeMutablePointer<OpaquePointer?>?, UnsafeMutablePointer<OpaquePointer?>?
        ) -> sc_status_t
    ) throws -> SCCoupon {
        try requireCString(user, field: "user_id")
        try requireCString(source, field: sourceField)
        try requireCString(idempotencyKey, field: "idempotency_key")
        return try withHandle { handle in try takeCoupon(function) { out, err in
            call(handle, user, source, idempotencyKey, out, err)
        } }
    }

    private func takeCoupon(
        _ function: StaticString,
        _ body: (UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<OpaquePointer?>) -> sc_status_t
    ) throws -> SCCoupon {
        let raw = try checkOut(function, body)
        defer { sc_coupon_free(raw) }
        return SCCoupon(copying: raw)
    }
}

/// SC_COUPON_STATE_ANY, a cast macro Swift does not import.
private let couponStateAny: UInt32 = 0
