package socialcart

/**
 * How many of the member's points pay at checkout (`sc_points_use_t`), what
 * [CheckoutRequest.points] takes. The program's rules (redeem rate, unit, cap) and the
 * member's balance apply when the request is quoted or checked out.
 */
sealed class PointsUse {
    /** No points (the default). */
    object None : PointsUse() {
        override fun toString(): String = "None"
    }

    /**
     * Exactly these points (≥ 0): whole units of the program, at most the quote's
     * [Quote.pointsMax]; more, or a part of a unit, is INVALID_ARGUMENT (field "points")
     * from [Engine.quote] and [Engine.checkout].
     */
    data class Exactly(val points: Long) : PointsUse()

    /** As many as the cart allows: the quote's [Quote.pointsMax]. */
    object Most : PointsUse() {
        override fun toString(): String = "Most"
    }
}

/** The kind of a points ledger entry (`sc_points_entry_kind_t`; docs/points.md, "Entries"). */
enum class PointsEntryKind(val value: Int) {
    /** A new lot: an order's points (pending until vested), a sign-in, an activity. */
    EARN(1),
    /** Points taken from available lots. */
    SPEND(2),
    /** Points reserved for an unpaid order (no change to the balance). */
    HOLD(3),
    /** A hold given back: the order was cancelled or its payment window lapsed. */
    RELEASE(4),
    /** A hold made final: the order was paid. */
    COMMIT(5),
    /** The rest of a lot past its expiry. */
    EXPIRE(6),
    /** Earned points taken back by a refund. */
    REVERSE(7),
    /** Spent points given back by a refund, into the lots they came from. */
    RETURN(8),
    /** An operator's correction ([Engine.adjustPoints]), with a reason; positive or negative. */
    ADJUST(9),
    /** A kind this binding does not know (a newer library). */
    UNKNOWN(-1);

    companion object {
        @JvmStatic
        fun of(value: Int): PointsEntryKind = values().firstOrNull { it.value == value && it != UNKNOWN } ?: UNKNOWN
    }
}

/** A member's points as of the read ([Engine.pointsBalance]). Points are whole numbers. */
data class PointsBalance(
    /** Spendable now: vested, not expired, not held. */
    val available: Long,
    /** Earned by orders still inside their return window: not yet spendable. */
    val pending: Long,
    /** Reserved by unpaid orders (those whose payment window has passed read as available). */
    val held: Long,
    /**
     * Points owed: reversed by a refund after they were spent. While above 0 the member
     * cannot spend, and points earned repay it first.
     */
    val debt: Long,
    /**
     * The sum of the ledger's entries: available + pending + held − debt (and points past
     * expiry that no entry has settled yet). Below 0 only through debt.
     */
    val total: Long
)

/**
 * One lot of a member's points ([Engine.pointsLots]): what one earn or positive adjustment
 * brought, with what is left of it.
 */
data class PointsLot(
    /** The seq of the entry that earned it. */
    val id: Long,
    /** Points the lot was earned with. */
    val earned: Long,
    /** Points free in it: pending before [vestsAtMs], available after. */
    val free: Long,
    /** Points of it held by unpaid orders. */
    val held: Long,
    /** When it was earned (UTC ms). */
    val earnedAtMs: Long,
    /** From when its points are spendable (UTC ms). */
    val vestsAtMs: Long,
    /** When it expires (UTC ms, exclusive); null when it never expires. */
    val expiresAtMs: Long?
)

/** One entry of a member's append-only points ledger ([Engine.pointsHistory]). */
data class PointsEntry(
    /** Its position in the member's ledger, from 1. */
    val seq: Long,
    val kind: PointsEntryKind,
    /** The points it is about (> 0; an adjustment's signed correction). */
    val points: Long,
    /** What it did to the balance: the effects of all entries sum to [PointsBalance.total]. */
    val effect: Long,
    /**
     * What it is about: "order:<id>", "refund:<id>", "signin:2026-12-01",
     * "activity:<name>:<reference>", "operator".
     */
    val reference: String,
    /** When it was made (UTC ms). */
    val atMs: Long,
    /** An earn's vesting time (UTC ms); 0 for other kinds. */
    val vestsAtMs: Long,
    /** An adjustment's reason; "" for other kinds. */
    val reason: String
)

/**
 * One correction of a batch ([Engine.adjustPointsBatch]), with the arguments and rules of
 * [Engine.adjustPoints]: [points] ≠ 0 (positive: a new lot; negative: taken from the available
 * points), a [reason] kept on the entry, and an [idempotencyKey] shared with the single call.
 */
data class PointsAdjustment(
    val userId: String,
    val points: Long,
    val reason: String,
    val idempotencyKey: String
)

/** What a daily sign-in earned ([Engine.signIn]). */
data class SignIn(
    /** The day signed in, "YYYY-MM-DD" (UTC, by the engine's clock). */
    val date: String,
    /** The day of the streak, from 1. */
    val streak: Long,
    /** The points that day earned. */
    val points: Long,
    /** False when the member had already signed in that day (nothing was earned now). */
    val first: Boolean
)

/**
 * The operator's points report ([Engine.pointsReport]): the liability now over every member,
 * and the points moved by entries made in the period asked for.
 */
data class PointsReport(
    /** Members with a ledger. */
    val members: Long,
    /** Σ available points. */
    val available: Long,
    /** Σ pending points. */
    val pending: Long,
    /** Σ held points. */
    val held: Long,
    /** Σ debt. */
    val debt: Long,
    /** available + pending + held: the points members may still spend. */
    val liabilityPoints: Long,
    /** Their value at the redeem rate, rounded down (minor units of [currency]). */
    val liabilityAmount: Long,
    /** The catalog's currency, that of [liabilityAmount] ("" before the first SKU). */
    val currency: String,
    /** In the period: points earned. */
    val earned: Long,
    /** In the period: points spent (spends and committed holds). */
    val spent: Long,
    /** In the period: points expired. */
    val expired: Long,
    /** In the period: earned points reversed by refunds. */
    val reversed: Long,
    /** In the period: spent points returned by refunds. */
    val returned: Long,
    /** In the period: the signed sum of adjustments. */
    val adjusted: Long
)
