package socialcart

/** What a referral reward pays in (`sc_reward_kind_t`). */
enum class RewardKind(val value: Int) {
    /** Points in the sharer's points ledger. */
    POINTS(1),
    /** Money, in the minor units of the order's currency. */
    COMMISSION(2),
    /** One copy of a grant-mode coupon template. */
    COUPON(3),
    /** A kind this binding does not know (a newer library). */
    UNKNOWN(-1);

    companion object {
        @JvmStatic
        fun of(value: Int): RewardKind = values().firstOrNull { it.value == value && it != UNKNOWN } ?: UNKNOWN
    }
}

/** Where a referral reward is in its life, as of the read that returned it (`sc_reward_state_t`). */
enum class RewardState(val value: Int) {
    /** Inside the cooling-off period. */
    PENDING(1),
    /** The sharer's; refunds may still claw part of it back. */
    VESTED(2),
    /** Refunds took all of it. */
    CLAWED_BACK(3),
    /** A state this binding does not know (a newer library). */
    UNKNOWN(-1);

    companion object {
        @JvmStatic
        fun of(value: Int): RewardState = values().firstOrNull { it.value == value && it != UNKNOWN } ?: UNKNOWN
    }
}

/**
 * An open of a share link ([Engine.openShareLink]): who opened whose link, and whether it bound
 * the opener to the sharer. A refusal by a fraud control is not an error: [outcome] names it.
 */
data class ShareOpen(
    /** The open's id ("opn_..."). */
    val id: String,
    /** The link's short code; null when the link was opened by its token. */
    val code: String?,
    /** Who shared the link. */
    val sharerId: String,
    /** What the link points at. */
    val target: ShareTarget,
    /** The target's id. */
    val targetId: String,
    /** The channel the link was shared through. */
    val channel: String,
    /** The opener's user id; null when opened by device only. */
    val userId: String?,
    /** The opener's device id; null when not given. */
    val deviceId: String?,
    /** When it was opened (UTC ms). */
    val openedAtMs: Long,
    /**
     * "bound" (bound, or rebound with a fresh window), "kept" (first touch: already bound to this
     * sharer), or the reason it was refused: "self_referral", "self_referral_device",
     * "already_bound", "cycle".
     */
    val outcome: String,
    /** Whether the opener is bound to the sharer ("bound" or "kept"). */
    val isBound: Boolean,
    /** When the binding ends (UTC ms); null when not bound. */
    val boundUntilMs: Long?
)

/**
 * A live binding of a user or a device to the sharer its orders are credited to
 * ([Engine.referralSignIn], [Engine.referralBindingOfUser], [Engine.referralBindingOfDevice]).
 */
data class ReferralBinding(
    /** The bound user; null for a device's binding. */
    val userId: String?,
    /** The bound device; null for a user's binding. */
    val deviceId: String?,
    /** The sharer the subject is credited to. */
    val sharerId: String,
    /** The open that made the binding ([ShareOpen.id]). */
    val openId: String,
    /** When it was made (UTC ms). */
    val boundAtMs: Long,
    /** When it ends (UTC ms, exclusive). */
    val expiresAtMs: Long
)

/** A reward an attributed order earned a sharer, as of the read ([Engine.referralRewards]). */
data class ReferralReward(
    /** The order that earned it. */
    val orderId: String,
    /** Who earns it. */
    val sharerId: String,
    /** Who bought. */
    val buyerId: String,
    /** 1 for the sharer the order is credited to, 2 for that sharer's own referrer. */
    val level: Int,
    val kind: RewardKind,
    /** What it was worth when made: points, minor units of the order's currency, or 1 (a coupon). */
    val amount: Long,
    /** The coupon a coupon reward issued (valid from its vesting time); null otherwise. */
    val couponCode: String?,
    /** How much of it refunds have clawed back. */
    val clawedBack: Long,
    val state: RewardState,
    /** When it was made (UTC ms). */
    val createdAtMs: Long,
    /** When it vests (UTC ms): the payment plus the cooling-off period. */
    val vestsAtMs: Long
)

/**
 * The attribution of a paid order ([Engine.orderAttribution]): the sharer it was credited to,
 * the open that bound its buyer, and its rewards.
 */
data class OrderAttribution(
    val orderId: String,
    /** Who paid for it. */
    val buyerId: String,
    /** The sharer it is credited to (level 1). */
    val sharerId: String,
    /** The currency of [paid] and of commissions. */
    val currency: String,
    /** What the goods paid (minor units): after discounts and points, no shipping. */
    val paid: Long,
    /** When it was credited: the payment's time (UTC ms). */
    val attributedAtMs: Long,
    /** The open that bound the buyer. */
    val open: ShareOpen,
    /** Its rewards by level: none, level 1, or levels 1 and 2. */
    val rewards: List<ReferralReward>
)

/** An open or an order refused for a sharer by a fraud control ([Engine.referralRefusals]). */
data class ReferralRefusal(
    /**
     * Why: "self_referral", "self_referral_device", "already_bound", "cycle",
     * "not_first_order", "daily_cap" or "monthly_cap".
     */
    val reason: String,
    /** The opener's or buyer's user id; null for a device. */
    val userId: String?,
    /** The opener's device id; null when not known. */
    val deviceId: String?,
    /** The open concerned (for an order: the open that bound its buyer). */
    val openId: String,
    /** The order refused; null for a refused open. */
    val orderId: String?,
    /** When (UTC ms). */
    val atMs: Long
)

/**
 * The statistics of a scope: one sharer's links and rewards ([Engine.referralStatsOfSharer]), the
 * links to one target ([Engine.referralStatsOfTarget]) or every link ([Engine.referralStats]).
 * The funnel is shares → opens → orders → paid orders; rewards are as of the read. Money is in
 * minor units.
 */
data class ReferralStats(
    /** Links made. */
    val shares: Long,
    /** Distinct sharers who made them. */
    val sharers: Long,
    /** Opens recorded. */
    val opens: Long,
    /** Opens that bound their opener. */
    val boundOpens: Long,
    /** Checkouts by shoppers bound then. */
    val orders: Long,
    /** Attributed paid orders. */
    val paidOrders: Long,
    /** What their goods paid. */
    val paidAmount: Long,
    /** Distinct buyers among them. */
    val convertedBuyers: Long,
    /** Opens and orders refused. */
    val refusals: Long,
    /** Points rewards not yet vested. */
    val pointsPending: Long,
    /** Points rewards vested, less clawbacks. */
    val pointsVested: Long,
    /** Points clawed back by refunds. */
    val pointsClawedBack: Long,
    /** Commission not yet vested. */
    val commissionPending: Long,
    /** Commission vested, less clawbacks. */
    val commissionVested: Long,
    /** Commission clawed back by refunds. */
    val commissionClawedBack: Long,
    /** Converted buyers per sharer, in basis points. */
    val viralCoefficientBps: Long,
    /** Coupon rewards not yet vested, counted. */
    val couponsPending: Long,
    /** Coupon rewards vested and not clawed back, counted. */
    val couponsVested: Long,
    /** Coupon rewards clawed back by full refunds, counted. */
    val couponsClawedBack: Long
)

/** The figures of `sc_referral_stats_get` (`sc_referral_figure_t`, stable values). */
internal enum class ReferralFigure(val value: Int) {
    SHARES(1),
    SHARERS(2),
    OPENS(3),
    BOUND_OPENS(4),
    ORDERS(5),
    PAID_ORDERS(6),
    PAID_AMOUNT(7),
    CONVERTED_BUYERS(8),
    REFUSALS(9),
    POINTS_PENDING(10),
    POINTS_VESTED(11),
    POINTS_CLAWED_BACK(12),
    COMMISSION_PENDING(13),
    COMMISSION_VESTED(14),
    COMMISSION_CLAWED_BACK(15),
    VIRAL_COEFFICIENT_BPS(16),
    COUPONS_PENDING(17),
    COUPONS_VESTED(18),
    COUPONS_CLAWED_BACK(19)
}
