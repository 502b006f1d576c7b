package socialcart

/**
 * A member's tier as of the read, with the figures of a member page ([Engine.tierStatus];
 * docs/tiers.md, "The member page"). Amounts are minor units for a `paid_spend` program and
 * points for a `growth_points` one.
 */
data class TierStatus(
    /** The member's tier. */
    val tierId: String,
    /** The tier's name, for people. */
    val tierName: String,
    /** The tier's index in the program, 0 for the first tier. */
    val rank: Long,
    /** When the member reached the tier (UTC ms). */
    val sinceMs: Long,
    /** When the current period ends and the tier is reviewed (UTC ms, exclusive). */
    val periodEndMs: Long,
    /** The qualifying figure now (never below 0). */
    val figure: Long,
    /** The tier above the member's; null at the top. */
    val nextTierId: String?,
    /** Paid (or earned) now, what reaches [nextTierId] at once; 0 at the top. */
    val toNext: Long,
    /** The figure the period end will review if nothing new happens. */
    val figureAtPeriodEnd: Long,
    /** The tier the member holds after the period end if nothing new happens. */
    val tierAtPeriodEnd: String,
    /**
     * Paid now, what keeps the tier at the period end: 0 when it is kept already; null when no
     * amount paid now can keep it (it would leave the spend window before the period ends).
     */
    val toKeep: Long?,
    /** The tier's member price: basis points off the list price. */
    val memberPriceBps: Long,
    /** The tier's points multiplier in basis points (10000 is ×1). */
    val pointsMultiplierBps: Long,
    /** The tier's free-shipping threshold (goods net at or above it ship free); null without one. */
    val freeShippingOver: Long?
)

/**
 * One row of the tier report ([Engine.tierReport]): one per tier of the program, in the
 * program's order.
 */
data class TierReportRow(
    val tierId: String,
    /**
     * Members placed in the tier now (a member is placed once the engine has touched them
     * since the program was set: a payment, a refund, points earned, a sweep).
     */
    val members: Long,
    /** Upgrades into the tier made in the period asked for. */
    val upgrades: Long,
    /** Downgrades into the tier made in the period asked for (a period end counts once reviewed). */
    val downgrades: Long
)
