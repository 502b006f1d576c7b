package socialcart

/**
 * Which of the shopper's coupons pricing uses (`sc_coupon_choice_t`, with the codes of
 * `sc_checkout_request_add_coupon`).
 */
sealed class CouponChoice {
    /** No coupon (the default): each coupon the shopper holds is explained as not chosen. */
    object None : CouponChoice() {
        override fun toString(): String = "None"
    }

    /** The combination with the lowest payable under the stacking rules (docs/pricing.md). */
    object Best : CouponChoice() {
        override fun toString(): String = "Best"
    }

    /**
     * Exactly these coupon codes ([Coupon.code]), used in this order, as far as the stacking
     * rules allow (one that conflicts is explained, not applied). At most 20 codes, each once.
     */
    data class Chosen(val codes: List<String>) : CouponChoice()
}

/** How the goods reach the shopper (`sc_shipping_method_t`). */
enum class ShippingMethod(val value: Int) {
    /** Each merchant ships, charging its shipping rule's fee (the default). */
    DELIVERY(0),
    /** The shopper collects the goods (自提): no merchant charges shipping. */
    PICKUP(1),
    /**
     * A method this binding does not know (a newer library), as read from an [Order];
     * a request with it fails with INVALID_ARGUMENT (field "shipping").
     */
    UNKNOWN(-1);

    companion object {
        @JvmStatic
        fun of(value: Int): ShippingMethod = values().firstOrNull { it.value == value && it != UNKNOWN } ?: UNKNOWN
    }
}

/**
 * What a quote or a checkout is asked for beyond the selected cart lines. Pass the same
 * request to [Engine.quote] and then to [Engine.checkout]: the order is priced exactly as
 * the quote was, given the same cart, rules and clock. The default asks for no coupons,
 * delivery, no points, no group, no flash sale and no bargain, what `quote(userId)` and
 * `checkout(userId, idempotencyKey)` use. A request is one of a cart, group-buy, flash-sale or
 * bargain checkout: the checkout refuses one with more than one of [group], [flashSale] and
 * [bargainId] (INVALID_ARGUMENT, field "request").
 */
data class CheckoutRequest @JvmOverloads constructor(
    val coupons: CouponChoice = CouponChoice.None,
    val shipping: ShippingMethod = ShippingMethod.DELIVERY,
    /** How many of the member's points pay (`sc_checkout_request_set_points`). */
    val points: PointsUse = PointsUse.None,
    /**
     * A group-buy checkout: open a group of a campaign or join a group
     * (`sc_checkout_request_set_group`); the order is then the campaign's SKU, not the cart.
     * null (the default) checks out the cart.
     */
    val group: GroupChoice? = null,
    /**
     * A flash-sale checkout: units of a sale's slot (`sc_checkout_request_set_flash_sale`); the
     * order is then the sale's SKU at the sale price, not the cart. null (the default) checks
     * out the cart.
     */
    val flashSale: FlashSaleChoice? = null,
    /**
     * A bargain checkout: one unit of the bargain's SKU at its current price
     * (`sc_checkout_request_set_bargain`), which the order keeps even if later helps lower the
     * bargain's; the bargain is bought when the order is paid. Only its opener may buy it.
     * null (the default) checks out the cart.
     */
    val bargainId: String? = null
)

/** sc_coupon_choice_t values. */
private const val COUPONS_NONE = 0
private const val COUPONS_BEST = 1
private const val COUPONS_CHOSEN = 2

/** sc_points_use_t values. */
private const val POINTS_NONE = 0
private const val POINTS_EXACTLY = 1
private const val POINTS_MOST = 2

/** sc_group_mode_t values. */
internal const val GROUP_MODE_NONE = 0
internal const val GROUP_MODE_OPEN = 1
internal const val GROUP_MODE_JOIN = 2

/**
 * Runs block with a native `sc_checkout_request` holding this request, freed afterwards.
 * @throws SocialCartException INVALID_ARGUMENT (field "code": an empty, repeated or
 *   malformed code; field "shipping": [ShippingMethod.UNKNOWN]; field "points": a negative
 *   [PointsUse.Exactly]; field "id": an empty or malformed campaign or group id; field
 *   "quantity": a [GroupChoice.quantity] or [FlashSaleChoice.quantity] below 1; field
 *   "sale_id": an empty or malformed [FlashSaleChoice.saleId]; field "bargain_id": an empty or
 *   malformed [bargainId]), INVALID_UTF8,
 *   LIMIT_EXCEEDED (field "code": more than 20 codes).
 */
internal fun <T> CheckoutRequest.withNative(block: (Long) -> T): T {
    val h = Native.checkoutRequestNew()
    try {
        when (val choice = coupons) {
            CouponChoice.None -> Native.checkoutRequestSetCouponChoice(h, COUPONS_NONE)
            CouponChoice.Best -> Native.checkoutRequestSetCouponChoice(h, COUPONS_BEST)
            is CouponChoice.Chosen -> {
                // Chosen with no codes still means "exactly these": none.
                Native.checkoutRequestSetCouponChoice(h, COUPONS_CHOSEN)
                for (code in choice.codes) Native.checkoutRequestAddCoupon(h, utf8(code))
            }
        }
        Native.checkoutRequestSetShipping(h, shipping.value)
        when (val use = points) {
            PointsUse.None -> Native.checkoutRequestSetPoints(h, POINTS_NONE, 0)
            is PointsUse.Exactly -> Native.checkoutRequestSetPoints(h, POINTS_EXACTLY, use.points)
            PointsUse.Most -> Native.checkoutRequestSetPoints(h, POINTS_MOST, 0)
        }
        when (val choice = group) {
            null -> Native.checkoutRequestSetGroup(h, GROUP_MODE_NONE, null, 0)
            is GroupChoice.Open ->
                Native.checkoutRequestSetGroup(h, GROUP_MODE_OPEN, utf8(choice.campaignId), choice.quantity)
            is GroupChoice.Join ->
                Native.checkoutRequestSetGroup(h, GROUP_MODE_JOIN, utf8(choice.groupId), choice.quantity)
        }
        when (val choice = flashSale) {
            null -> Native.checkoutRequestSetFlashSale(h, null, 0, 0)
            else -> Native.checkoutRequestSetFlashSale(h, utf8(choice.saleId), choice.slotStartsAtMs, choice.quantity)
        }
        Native.checkoutRequestSetBargain(h, utf8OrNull(bargainId))
        return block(h)
    } finally {
        Native.checkoutRequestFree(h)
    }
}
