internal import CSocialCart
import Foundation

// Share-to-earn past the link (socialcart/attribution.h, docs/referral.md): opening a link
// binds the opener (a user, or a device until its user signs in) to the sharer for the
// program's attribution window; a paid order is credited to the sharer its buyer is bound to
// (`SCEngine.pay` does it, nothing else to call); the credit rewards the sharer, and at level 2
// the sharer's own referrer, with points or a commission that vests after a cooling-off period
// and is clawed back in proportion by refunds. The program is the "referral" object given to
// `putReferralProgram(json:)` ("attribution", "rewards", "limits").
//
// Fraud controls are the engine's: an open or an order one of them refuses is not an error.
// The call succeeds and says what happened (`SCShareOpen.outcome`), and the refusal is kept
// with its reason ("self_referral", "self_referral_device", "already_bound", "cycle",
// "not_first_order", "daily_cap", "monthly_cap") for `referralRefusals(sharerId:)`.

/// What a reward pays in (`sc_reward_kind_t`).
public enum SCRewardKind: Sendable, Hashable {
    /// Points in the sharer's points ledger (1).
    case points
    /// Money, in minor units of the order's currency (2).
    case commission
    /// One copy of a grant-mode coupon template (3).
    case coupon
    /// A kind this binding does not know.
    case unknown(UInt32)

    init(rawValue: UInt32) {
        switch rawValue {
        case SC_REWARD_POINTS.rawValue: self = .points
        case SC_REWARD_COMMISSION.rawValue: self = .commission
        case SC_REWARD_COUPON.rawValue: self = .coupon
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: UInt32 {
        switch self {
        case .points: return SC_REWARD_POINTS.rawValue
        case .commission: return SC_REWARD_COMMISSION.rawValue
        case .coupon: return SC_REWARD_COUPON.rawValue
        case .unknown(let raw): return raw
        }
    }
}

/// Where a reward is in its life, as of the read that returned it (`sc_reward_state_t`).
public enum SCRewardState: Sendable, Hashable {
    /// Inside the cooling-off period (1).
    case pending
    /// The sharer's; refunds may still claw part of it back (2).
    case vested
    /// Refunds took all of it (3).
    case clawedBack
    /// A state this binding does not know.
    case unknown(UInt32)

    init(rawValue: UInt32) {
        switch rawValue {
        case SC_REWARD_PENDING.rawValue: self = .pending
        case SC_REWARD_VESTED.rawValue: self = .vested
        case SC_REWARD_CLAWED_BACK.rawValue: self = .clawedBack
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: UInt32 {
        switch self {
        case .pending: return SC_REWARD_PENDING.rawValue
        case .vested: return SC_REWARD_VESTED.rawValue
        case .clawedBack: return SC_REWARD_CLAWED_BACK.rawValue
        case .unknown(let raw): return raw
        }
    }
}

/// One open of a share link and what it bound.
public struct SCShareOpen: Sendable, Hashable, Identifiable {
    /// The open's id ("opn_...").
    public var id: String
    /// The link's short code; nil when the link was opened by its token.
    public var code: String?
    /// Who shared the link.
    public var sharerId: String
    /// What the link points at.
    public var target: SCShareTarget
    /// The target's id.
    public var targetId: String
    /// The channel the link was shared through.
    public var channel: String
    /// The opener's user id; nil when it was opened by a device only.
    public var userId: String?
    /// The opener's device id; nil when none was given.
    public var deviceId: String?
    /// When it was opened (UTC ms since the epoch).
    public var openedAtMs: Int64
    /// "bound" (bound, or rebound with a fresh window), "kept" (first touch: already bound to
    /// this sharer) or the reason it was refused ("self_referral", "already_bound", ...).
    public var outcome: String
    /// Whether the opener is bound to the sharer ("bound" or "kept").
    public var isBound: Bool
    /// When the binding ends (UTC ms since the epoch); nil when not bound.
    public var boundUntilMs: Int64?

    /// When it was opened.
    public var openedAt: Date { date(ms: openedAtMs) }
    /// When the binding ends; nil when not bound.
    public var boundUntil: Date? { boundUntilMs.map { date(ms: $0) } }

    init(copying open: OpaquePointer) {
        id = copyString(sc_share_open_id(open))
        let shortCode = copyString(sc_share_open_code(open))
        code = shortCode.isEmpty ? nil : shortCode
        sharerId = copyString(sc_share_open_sharer_id(open))
        target = SCShareTarget(rawValue: sc_share_open_target(open).rawValue)
        targetId = copyString(sc_share_open_target_id(open))
        channel = copyString(sc_share_open_channel(open))
        let user = copyString(sc_share_open_user_id(open))
        userId = user.isEmpty ? nil : user
        let device = copyString(sc_share_open_device_id(open))
        deviceId = device.isEmpty ? nil : device
        openedAtMs = sc_share_open_opened_at_ms(open)
        outcome = copyString(sc_share_open_outcome(open))
        isBound = sc_share_open_is_bound(open)
        boundUntilMs = isBound ? sc_share_open_bound_until_ms(open) : nil
    }
}

/// The live binding of a user or of a device to a sharer.
public struct SCReferralBinding: Sendable, Hashable {
    /// The bound user; nil for a device's binding.
    public var userId: String?
    /// The bound device; nil for a user's binding.
    public var deviceId: String?
    /// The sharer the subject's orders are credited to.
    public var sharerId: String
    /// The open that made the binding.
    public var openId: String
    /// When it was made (UTC ms since the epoch).
    public var boundAtMs: Int64
    /// When it ends (UTC ms since the epoch, exclusive).
    public var expiresAtMs: Int64

    /// When it was made.
    public var boundAt: Date { date(ms: boundAtMs) }
    /// When it ends (exclusive).
    public var expiresAt: Date { date(ms: expiresAtMs) }

    init(copying binding: OpaquePointer) {
        let user = copyString(sc_referral_binding_user_id(binding))
        userId = user.isEmpty ? nil : user
        let device = copyString(sc_referral_binding_device_id(binding))
        deviceId = device.isEmpty ? nil : device
        sharerId = copyString(sc_referral_binding_sharer_id(binding))
        openId = copyString(sc_referral_binding_open_id(binding))
        boundAtMs = sc_referral_binding_bound_at_ms(binding)
        expiresAtMs = sc_referral_binding_expires_at_ms(binding)
    }
}

/// One reward of an attributed order, as of the read: level 1 for the sharer, level 2 for
/// the sharer's own referrer.
public struct SCReferralReward: Sendable, Hashable {
    /// The order that earned it.
    public var orderId: String
    /// Who earns it.
    public var sharerId: String
    /// Who bought.
    public var buyerId: String
    /// 1 for the sharer, 2 for the sharer's own referrer.
    public var level: Int
    /// Points, commission or a coupon.
    public var kind: SCRewardKind
    /// What it was worth when made: points, minor units of the order's currency, or 1 (a coupon).
    public var amount: Int64
    /// The coupon a coupon reward issued (valid from its vesting time); nil otherwise.
    public var couponCode: String?
    /// How much of it refunds have clawed back (same unit as `amount`).
    public var clawedBack: Int64
    /// Its state as of the read.
    public var state: SCRewardState
    /// When it was made (UTC ms since the epoch).
    public var createdAtMs: Int64
    /// When it vests (UTC ms since the epoch): the payment plus the cooling-off period.
    public var vestsAtMs: Int64

    /// When it was made.
    public var createdAt: Date { date(ms: createdAtMs) }
    /// When it vests.
    public var vestsAt: Date { date(ms: vestsAtMs) }

    init(copying reward: OpaquePointer) {
        orderId = copyString(sc_referral_reward_order_id(reward))
        sharerId = copyString(sc_referral_reward_sharer_id(reward))
        buyerId = copyString(sc_referral_reward_buyer_id(reward))
        level = Int(sc_referral_reward_level(reward))
        kind = SCRewardKind(rawValue: sc_referral_reward_kind(reward).rawValue)
        amount = sc_referral_reward_amount(reward)
        let coupon = copyString(sc_referral_reward_coupon_code(reward))
        couponCode = coupon.isEmpty ? nil : coupon
        clawedBack = sc_referral_reward_clawed_back(reward)
        state = SCRewardState(rawValue: sc_referral_reward_state(reward).rawValue)
        createdAtMs = sc_referral_reward_created_at_ms(reward)
        vestsAtMs = sc_referral_reward_vests_at_ms(reward)
    }
}

/// The attribution of a paid order: the sharer it was credited to, the open that bound its
/// buyer, and its rewards.
public struct SCOrderAttribution: Sendable, Hashable {
    /// The order.
    public var orderId: String
    /// Who paid for it.
    public var buyerId: String
    /// The sharer it is credited to (level 1).
    public var sharerId: String
    /// The currency of `paid` and of commissions.
    public var currency: String
    /// What the goods paid, in minor units of `currency`: after discounts and points, no
    /// shipping.
    public var paid: Int64
    /// When it was credited: the payment's time (UTC ms since the epoch).
    public var attributedAtMs: Int64
    /// The open that bound the buyer.
    public var open: SCShareOpen
    /// Its rewards by level: none, level 1, or levels 1 and 2.
    public var rewards: [SCReferralReward]

    /// When it was credited: the payment's time.
    public var attributedAt: Date { date(ms: attributedAtMs) }

    init(copying attribution: OpaquePointer) {
        orderId = copyString(sc_order_attribution_order_id(attribution))
        buyerId = copyString(sc_order_attribution_buyer_id(attribution))
        sharerId = copyString(sc_order_attribution_sharer_id(attribution))
        currency = copyString(sc_order_attribution_currency(attribution))
        paid = sc_order_attribution_paid(attribution)
        attributedAtMs = sc_order_attribution_attributed_at_ms(attribution)
        // Borrowed from the attribution: copied, never freed on its own.
        open = SCShareOpen(copying: sc_order_attribution_open(attribution)!)
        rewards = (0..<sc_order_attribution_reward_count(attribution)).map {
            SCReferralReward(copying: sc_order_attribution_reward_at(attribution, $0)!)
        }
    }
}

/// An open or an order a fraud control refused.
public struct SCReferralRefusal: Sendable, Hashable {
    /// Why: "self_referral", "self_referral_device", "already_bound", "cycle",
    /// "not_first_order", "daily_cap" or "monthly_cap".
    public var reason: String
    /// The opener's or buyer's user id; nil for a device.
    public var userId: String?
    /// The opener's device id; nil when not known.
    public var deviceId: String?
    /// The open concerned (for an order: the open that bound its buyer).
    public var openId: String
    /// The order refused; nil for a refused open.
    public var orderId: String?
    /// When (UTC ms since the epoch).
    public var atMs: Int64

    /// When.
    public var time: Date { date(ms: atMs) }
}

/// The figures of a scope of share links: the funnel shares → opens → orders → paid orders,
/// the refusals, and the rewards by state as of the read.
public struct SCReferralStats: Sendable, Hashable {
    /// Links made.
    public var shares: Int64
    /// Distinct sharers who made them.
    public var sharers: Int64
    /// Opens recorded.
    public var opens: Int64
    /// Opens that bound their opener.
    public var boundOpens: Int64
    /// Checkouts by shoppers bound at the time.
    public var orders: Int64
    /// Attributed paid orders.
    public var paidOrders: Int64
    /// What their goods paid, minor units.
    public var paidAmount: Int64
    /// Distinct buyers among them.
    public var convertedBuyers: Int64
    /// Opens and orders refused.
    public var refusals: Int64
    /// Points rewards not yet vested.
    public var pointsPending: Int64
    /// Points rewards vested, less clawbacks.
    public var pointsVested: Int64
    /// Points clawed back by refunds.
    public var pointsClawedBack: Int64
    /// Commission not yet vested, minor units.
    public var commissionPending: Int64
    /// Commission vested, less clawbacks, minor units.
    public var commissionVested: Int64
    /// Commission clawed back by refunds, minor units.
    public var commissionClawedBack: Int64
    /// Converted buyers per sharer, in basis points (10000: each sharer brought one buyer).
    public var viralCoefficientBps: Int64
    /// Coupon rewards not yet vested, counted.
    public var couponsPending: Int64
    /// Coupon rewards vested and not clawed back, counted.
    public var couponsVested: Int64
    /// Coupon rewards clawed back by full refunds, counted.
    public var couponsClawedBack: Int64

    init(copying stats: OpaquePointer) {
        shares = sc_referral_stats_get(stats, SC_REFERRAL_SHARES)
        sharers = sc_referral_stats_get(stats, SC_REFERRAL_SHARERS)
        opens = sc_referral_stats_get(stats, SC_REFERRAL_OPENS)
        boundOpens = sc_referral_stats_get(stats, SC_REFERRAL_BOUND_OPENS)
        orders = sc_referral_stats_get(stats, SC_REFERRAL_ORDERS)
        paidOrders = sc_referral_stats_get(stats, SC_REFERRAL_PAID_ORDERS)
        paidAmount = sc_referral_stats_get(stats, SC_REFERRAL_PAID_AMOUNT)
        convertedBuyers = sc_referral_stats_get(stats, SC_REFERRAL_CONVERTED_BUYERS)
        refusals = sc_referral_stats_get(stats, SC_REFERRAL_REFUSALS)
        pointsPending = sc_referral_stats_get(stats, SC_REFERRAL_POINTS_PENDING)
        pointsVested = sc_referral_stats_get(stats, SC_REFERRAL_POINTS_VESTED)
        pointsClawedBack = sc_referral_stats_get(stats, SC_REFERRAL_POINTS_CLAWED_BACK)
        commissionPending = sc_referral_stats_get(stats, SC_REFERRAL_COMMISSION_PENDING)
        commissionVested = sc_referral_stats_get(stats, SC_REFERRAL_COMMISSION_VESTED)
        commissionClawedBack = sc_referral_stats_get(stats, SC_REFERRAL_COMMISSION_CLAWED_BACK)
        viralCoefficientBps = sc_referral_stats_get(stats, SC_REFERRAL_VIRAL_COEFFICIENT_BPS)
        couponsPending = sc_referral_stats_get(stats, SC_REFERRAL_COUPONS_PENDING)
        couponsVested = sc_referral_stats_get(stats, SC_REFERRAL_COUPONS_VESTED)
        couponsClawedBack = sc_referral_stats_get(stats, SC_REFERRAL_COUPONS_CLAWED_BACK)
    }
}

extension SCEngine.Blocking {
    /// Opens a share link: verifies the token or short code as `resolveShareLink(_:)` does,
    /// records the open, and binds the opener (the user when given, else the device) to the
    /// sharer for the program's attribution window, unless a fraud control refuses it (a
    /// refusal is not an error: see `SCShareOpen.outcome`). Under last touch a new open
    /// rebinds; under first touch a live binding to another sharer refuses it
    /// ("already_bound"). A new user's first binding receives the program's invitee coupon.
    /// Events share_link.opened and referral.bound or referral.refused.
    /// - Parameters:
    ///   - userId: the signed-in opener, or nil.
    ///   - deviceId: the opener's device, or nil; at least one of the two. Given with
    ///     `userId`, the device is remembered as the user's.
    ///   - idempotencyKey: a retry returns the first open; the key with another link, user
    ///     or device throws `.idempotencyConflict`.
    /// - Throws: the link refusals of `resolveShareLink(_:)`; `.invalidState` (field
    ///   "referral": no program is set); `.invalidArgument` (field "token", "user_id": both
    ///   ids nil, or "" given, "device_id" or "idempotency_key"), `.invalidUTF8`,
    ///   `.idempotencyConflict`.
    public func openShareLink(
        _ tokenOrCode: String, userId: String? = nil, deviceId: String? = nil, idempotencyKey: String
    ) throws -> SCShareOpen {
        try requireCString(tokenOrCode, field: "token")
        if let userId { try requireCString(userId, field: "user_id") }
        if let deviceId { try requireCString(deviceId, field: "device_id") }
        try requireCString(idempotencyKey, field: "idempotency_key")
        let raw = try withHandle { handle in try checkOut("sc_engine_share_link_open") { out, err in
            sc_engine_share_link_open(handle, tokenOrCode, userId, deviceId, idempotencyKey, out, err)
        } }
        defer { sc_share_open_free(raw) }
        return SCShareOpen(copying: raw)
    }

    /// The user signed in on the device: the device is remembered as the user's, and the
    /// device's live binding carries over to the user (its window still runs from the open),
    /// unless a fraud control refuses it or, under last touch, the user's own binding is from
    /// a later open. Repeating the call changes nothing more. Events
    /// referral.device_signed_in, referral.bound or referral.refused, each only when
    /// something changed.
    /// - Returns: the user's binding after the sign-in; nil when the user is not bound.
    /// - Throws: `.invalidState` (field "referral": no program is set), `.invalidArgument`
    ///   (field "user_id" or "device_id"), `.invalidUTF8`.
    @discardableResult
    public func referralSignIn(userId: String, deviceId: String) throws -> SCReferralBinding? {
        try requireCString(userId, field: "user_id")
        try requireCString(deviceId, field: "device_id")
        return try takeBinding { handle, out, err in sc_engine_referral_sign_in(handle, userId, deviceId, out, err) }
    }

    /// Reads the live binding of a user.
    /// - Returns: nil when the user is not bound now.
    /// - Throws: `.invalidArgument` (field "user_id"), `.invalidUTF8`.
    public func referralBinding(userId: String) throws -> SCReferralBinding? {
        try requireCString(userId, field: "user_id")
        return try takeBinding { handle, out, err in sc_engine_referral_binding(handle, userId, nil, out, err) }
    }

    /// Reads the live binding of a device (one not yet carried over to a user by
    /// `referralSignIn(userId:deviceId:)`).
    /// - Returns: nil when the device is not bound now.
    /// - Throws: `.invalidArgument` (field "device_id"), `.invalidUTF8`.
    public func referralBinding(deviceId: String) throws -> SCReferralBinding? {
        try requireCString(deviceId, field: "device_id")
        return try takeBinding { handle, out, err in sc_engine_referral_binding(handle, nil, deviceId, out, err) }
    }

    /// Reads the attribution of a paid order: the sharer it was credited to, the open that
    /// bound its buyer, and its rewards as of now.
    /// - Returns: nil when the order was not credited to anyone (not paid, its buyer not
    ///   bound, or refused by a fraud control).
    /// - Throws: `.notFound` (field "order_id"), `.invalidArgument` (field "order_id"),
    ///   `.invalidUTF8`.
    public func orderAttribution(orderId: String) throws -> SCOrderAttribution? {
        try requireCString(orderId, field: "order_id")
        var out: OpaquePointer? = nil
        try withHandle { handle in try check { sc_engine_order_attribution(handle, orderId, &out, $0) } }
        guard let raw = out else { return nil }
        defer { sc_order_attribution_free(raw) }
        return SCOrderAttribution(copying: raw)
    }

    /// Lists the rewards a sharer earned at either level, oldest first, as of now.
    /// - Throws: `.invalidArgument` (field "sharer_id"), `.invalidUTF8`.
    public func referralRewards(sharerId: String) throws -> [SCReferralReward] {
        try requireCString(sharerId, field: "sharer_id")
        let raw = try withHandle { handle in try checkOut("sc_engine_referral_rewards") { out, err in
            sc_engine_referral_rewards(handle, sharerId, out, err)
        } }
        defer { sc_referral_rewards_free(raw) }
        return (0..<sc_referral_rewards_count(raw)).map { SCReferralReward(copying: sc_referral_rewards_at(raw, $0)!) }
    }

    /// Lists the opens and orders refused for a sharer, oldest first, with the reason of
    /// each.
    /// - Throws: `.invalidArgument` (field "sharer_id"), `.invalidUTF8`.
    public func referralRefusals(sharerId: String) throws -> [SCReferralRefusal] {
        try requireCString(sharerId, field: "sharer_id")
        let raw = try withHandle { handle in try checkOut("sc_engine_referral_refusals") { out, err in
            sc_engine_referral_refusals(handle, sharerId, out, err)
        } }
        defer { sc_referral_refusals_free(raw) }
        return (0..<sc_referral_refusals_count(raw)).map { i in
            let user = copyString(sc_referral_refusals_user_id(raw, i))
            let device = copyString(sc_referral_refusals_device_id(raw, i))
            let order = copyString(sc_referral_refusals_order_id(raw, i))
            return SCReferralRefusal(
                reason: copyString(sc_referral_refusals_reason(raw, i)),
                userId: user.isEmpty ? nil : user,
                deviceId: device.isEmpty ? nil : device,
                openId: copyString(sc_referral_refusals_open_id(raw, i)),
                orderId: order.isEmpty ? nil : order,
                atMs: sc_referral_refusals_at_ms(raw, i))
        }
    }

    /// Reads the statistics of one sharer's links and rewards (level 1 and level 2 rewards
    /// the sharer earned).
    /// - Throws: `.invalidArgument` (field "sharer_id"), `.invalidUTF8`.
    public func referralStats(sharerId: String) throws -> SCReferralStats {
        try requireCString(sharerId, field: "sharer_id")
        return try takeStats { handle, out, err in
            sc_engine_referral_stats(handle, sharerId, sc_share_target_t(rawValue: 0), nil, out, err)
        }
    }

    /// Reads the statistics of the links to one target (e.g. a campaign) and of the rewards
    /// their orders made.
    /// - Throws: `.invalidArgument` (field "target" for `.unknown`, or "target_id"),
    ///   `.invalidUTF8`.
    public func referralStats(target: SCShareTarget, targetId: String) throws -> SCReferralStats {
        try requireCString(targetId, field: "target_id")
        return try takeStats { handle, out, err in
            sc_engine_referral_stats(handle, nil, sc_share_target_t(rawValue: target.rawValue), targetId, out, err)
        }
    }

    /// Reads the statistics of every link and every reward.
    public func referralStats() throws -> SCReferralStats {
        try takeStats { handle, out, err in
            sc_engine_referral_stats(handle, nil, sc_share_target_t(rawValue: 0), nil, out, err)
        }
    }

    /// A call whose out-parameter may be NULL on success (no binding).
    private func takeBinding(
        _ body: (OpaquePointer, UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<OpaquePointer?>)
            -> sc_status_t
    ) throws -> SCReferralBinding? {
        var out: OpaquePointer? = nil
        try withHandle { handle in try check { body(handle, &out, $0) } }
        guard let raw = out else { return nil }
        defer { sc_referral_binding_free(raw) }
        return SCReferralBinding(copying: raw)
    }

    private func takeStats(
        _ body: (OpaquePointer, UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<OpaquePointer?>)
            -> sc_status_t
    ) throws -> SCReferralStats {
        let raw = try withHandle { handle in try checkOut("sc_engine_referral_stats") { out, err in
            body(handle, out, err)
        } }
        defer { sc_referral_stats_free(raw) }
        return SCReferralStats(copying: raw)
    }
}

// The `async` forms (see Async.swift): each runs its `engine.blocking` twin off the
// caller's executor.
extension SCEngine {
    /// Opens a share link and binds the opener. The `async` form of
    /// `SCEngine.Blocking.openShareLink(_:userId:deviceId:idempotencyKey:)`.
    public func openShareLink(
        _ tokenOrCode: String, userId: String? = nil, deviceId: String? = nil, idempotencyKey: String
    ) async throws -> SCShareOpen {
        try await runBlocking {
            try self.blocking.openShareLink(
                tokenOrCode, userId: userId, deviceId: deviceId, idempotencyKey: idempotencyKey)
        }
    }

    /// The user signed in on the device: the device's binding carries over. The `async`
    /// form of `SCEngine.Blocking.referralSignIn(userId:deviceId:)`.
    @discardableResult
    public func referralSignIn(userId: String, deviceId: String) async throws -> SCReferralBinding? {
        try await runBlocking { try self.blocking.referralSignIn(userId: userId, deviceId: deviceId) }
    }

    /// Reads the live binding of a user. The `async` form of
    /// `SCEngine.Blocking.referralBinding(userId:)`.
    public func referralBinding(userId: String) async throws -> SCReferralBinding? {
        try await runBlocking { try self.blocking.referralBinding(userId: userId) }
    }

    /// Reads the live binding of a device. The `async` form of
    /// `SCEngine.Blocking.referralBinding(deviceId:)`.
    public func referralBinding(deviceId: String) async throws -> SCReferralBinding? {
        try await runBlocking { try self.blocking.referralBinding(deviceId: deviceId) }
    }

    /// Reads the attribution of a paid order. The `async` form of
    /// `SCEngine.Blocking.orderAttribution(orderId:)`.
    public func orderAttribution(orderId: String) async throws -> SCOrderAttribution? {
        try await runBlocking { try self.blocking.orderAttribution(orderId: orderId) }
    }

    /// Lists the rewards a sharer earned. The `async` form of
    /// `SCEngine.Blocking.referralRewards(sharerId:)`.
    public func referralRewards(sharerId: String) async throws -> [SCReferralReward] {
        try await runBlocking { try self.blocking.referralRewards(sharerId: sharerId) }
    }

    /// Lists the opens and orders refused for a sharer. The `async` form of
    /// `SCEngine.Blocking.referralRefusals(sharerId:)`.
    public func referralRefusals(sharerId: String) async throws -> [SCReferralRefusal] {
        try await runBlocking { try self.blocking.referralRefusals(sharerId: sharerId) }
    }

    /// Reads the statistics of one sharer. The `async` form of
    /// `SCEngine.Blocking.referralStats(sharerId:)`.
    public func referralStats(sharerId: String) async throws -> SCReferralStats {
        try await runBlocking { try self.blocking.referralStats(sharerId: sharerId) }
    }

    /// Reads the statistics of the links to one target. The `async` form of
    /// `SCEngine.Blocking.referralStats(target:targetId:)`.
    public func referralStats(target: SCShareTarget, targetId: String) async throws -> SCReferralStats {
        try await runBlocking { try self.blocking.referralStats(target: target, targetId: targetId) }
    }

    /// Reads the statistics of every link. The `async` form of
    /// `SCEngine.Blocking.referralStats()`.
    public func referralStats() async throws -> SCReferralStats {
        try await runBlocking { try self.blocking.referralStats() }
    }
}
