package socialcart

/** Where a coupon is in its life (`sc_coupon_state_t`; docs/pricing.md, "A coupon's life"). */
enum class CouponState(val value: Int) {
    /** The shopper may use it (inside its validity). */
    AVAILABLE(1),
    /** Held by an unpaid order until it is paid, cancelled or lapses. */
    HELD(2),
    /** Its order was paid. A full refund may make it available again. */
    USED(3),
    /** Its validity ended while it was available. */
    EXPIRED(4),
    /** The operator withdrew it ([Engine.revokeCoupon]). */
    REVOKED(5),
    /** A state this binding does not know (a newer library). */
    UNKNOWN(-1);

    companion object {
        @JvmStatic
        fun of(value: Int): CouponState = values().firstOrNull { it.value == value && it != UNKNOWN } ?: UNKNOWN
    }
}

/** A copy of a coupon template issued to one shopper, as of the read. */
data class Coupon(
    /** Unguessable and unique; what [CouponChoice.Chosen] takes. */
    val code: String,
    /** The template it was issued from. */
    val templateId: String,
    /** The shopper who owns it. */
    val ownerId: String,
    val state: CouponState,
    /** Start of its validity (UTC ms, inclusive). */
    val validFromMs: Long,
    /** End of its validity (UTC ms, exclusive). */
    val validUntilMs: Long,
    /** When it was issued to the owner. */
    val claimedAtMs: Long,
    /** The order holding it while [CouponState.HELD]; null otherwise. */
    val orderId: String?
)

/**
 * One template's row of the coupon report ([Engine.couponReport]): the figures an operator
 * judges a coupon campaign by (docs/pricing.md, "Coupon report").
 */
data class CouponReportRow(
    val templateId: String,
    /** Copies the template offers; null when unlimited. */
    val totalQuantity: Long?,
    /** Copies taken by shoppers: claimed, granted and redeemed from a promo code. */
    val claimed: Long,
    /** Times an order using one of its coupons was paid. */
    val used: Long,
    /** Times a full refund gave one back. */
    val returned: Long,
    /** Copies now held by unpaid orders whose payment window has not passed. */
    val held: Long,
    /** The discount its coupons now in state used gave (minor units of [currency]). */
    val discountGiven: Long,
    /** The catalog's currency, that of [discountGiven] ("" while the catalog is empty). */
    val currency: String = ""
)
