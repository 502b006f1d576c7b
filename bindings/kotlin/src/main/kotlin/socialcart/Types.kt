package socialcart

/** What a commit waits for before it returns (`sc_durability_t`). */
enum class Durability(val value: Int) {
    /** Each commit reaches the disk before the call returns (default). */
    FULL(0),
    /** Commits return once written to the OS; faster, a power cut may lose the last few. */
    NORMAL(1)
}

/** Where an order is in its life (`sc_order_state_t`). */
enum class OrderState(val value: Int) {
    CREATED(1),
    PAID(2),
    PARTIALLY_REFUNDED(3),
    REFUNDED(4),
    CANCELLED(5),
    /** A group-buy order, paid; its group has not filled yet. */
    AWAITING_GROUP(6),
    /** A group-buy order, paid, and its group filled. */
    GROUP_CONFIRMED(7),
    /** A group-buy order, paid, whose group failed: refund it. */
    GROUP_FAILED(8),
    /** A state this binding does not know (a newer library). */
    UNKNOWN(-1);

    companion object {
        @JvmStatic
        fun of(value: Int): OrderState = values().firstOrNull { it.value == value && it != UNKNOWN } ?: UNKNOWN
    }
}

/** Why an order was cancelled (`sc_cancel_reason_t`). */
enum class CancelReason(val value: Int) {
    NONE(0),
    /** [Engine.cancel] was called. */
    REQUESTED(1),
    /** The payment window lapsed. */
    PAYMENT_LAPSED(2),
    /** A reason this binding does not know (a newer library). */
    UNKNOWN(-1);

    companion object {
        @JvmStatic
        fun of(value: Int): CancelReason = values().firstOrNull { it.value == value && it != UNKNOWN } ?: UNKNOWN
    }
}

/** A problem the engine sees on a cart line (the `SC_LINE_*` flags). */
enum class LineProblem(val flag: Int) {
    /** The SKU is no longer buyable. */
    INACTIVE(1 shl 0),
    /** Tracked stock available is below the line's quantity. */
    OUT_OF_STOCK(1 shl 1),
    /** The quantity is above the SKU's per-order maximum. */
    OVER_MAX(1 shl 2),
    /** The list price differs from the price when the line was added. */
    PRICE_CHANGED(1 shl 3);

    companion object {
        /** The problems set in flags; bits this binding does not know are dropped. */
        @JvmStatic
        fun fromFlags(flags: Long): Set<LineProblem> =
            values().filterTo(java.util.EnumSet.noneOf(LineProblem::class.java)) { flags and it.flag.toLong() != 0L }
    }
}

/**
 * A SKU to create or replace with [Engine.putSku].
 *
 * @property stock units on hand, or null for untracked stock.
 * @property maxPerOrder how many units one order may hold, or null for no limit.
 */
data class SkuSpec(
    val id: String,
    val merchantId: String,
    val title: String,
    val currency: String,
    val listPrice: Long,
    val stock: Long? = null,
    val maxPerOrder: Long? = null,
    val active: Boolean = true,
    val categories: List<String> = emptyList()
)

/** A SKU as the engine stores it, with the stock available when it was read. */
data class Sku(
    val id: String,
    val merchantId: String,
    val title: String,
    val currency: String,
    val listPrice: Long,
    val stockTracked: Boolean,
    /** Units on hand (0 when untracked). */
    val stockOnHand: Long,
    /** Units on hand less those held by unpaid orders (-1 when untracked). */
    val stockAvailable: Long,
    /** The per-order maximum; null when there is none. */
    val maxPerOrder: Long?,
    val active: Boolean,
    val categories: List<String>
)

/** One line of a [Cart]. */
data class CartLine(
    val skuId: String,
    /** The SKU's current title. */
    val title: String,
    val quantity: Long,
    /** Whether the line goes to checkout. */
    val selected: Boolean,
    /** The SKU's current list price per unit. */
    val unitPrice: Long,
    /** The list price per unit when the line was last added. */
    val addedPrice: Long,
    /** Tracked stock available now; null when the SKU's stock is untracked. */
    val available: Long?,
    /** Empty when the line can be bought as it is. */
    val problems: Set<LineProblem>
)

/** A user's cart, lines in the order they were first added. */
data class Cart(
    val userId: String,
    /** The catalog's currency ("" while the catalog is empty). */
    val currency: String,
    val lines: List<CartLine>
) {
    /** The line for skuId, or null. */
    fun line(skuId: String): CartLine? = lines.firstOrNull { it.skuId == skuId }
}

/** One priced line of a [Quote]. Money is in minor units of [Quote.currency]. */
data class QuoteLine(
    val skuId: String,
    val quantity: Long,
    val unitPrice: Long,
    /** Unit price times quantity. */
    val base: Long,
    /** What the line costs after every adjustment. */
    val net: Long,
    /** The merchant that sells the line's SKU. */
    val merchantId: String = "",
    /** What was taken off the line, in the order it was applied; the amounts sum to base - net. */
    val adjustments: List<Adjustment> = emptyList()
)

/** What kind of rule made an [Adjustment] (the library's names in [wireName]). */
enum class AdjustmentKind(val wireName: String) {
    /** A flash-sale, member or group price. */
    ITEM_PRICE("item_price"),
    /** An automatic promotion. */
    PROMOTION("promotion"),
    /** A coupon. */
    COUPON("coupon"),
    /** The member's points paying part of the line (source "points"); payment, not a discount. */
    POINTS("points"),
    /** A kind this binding does not know (a newer library): see [Adjustment.rawKind]. */
    UNKNOWN("");

    companion object {
        /** The kind named name; [UNKNOWN] for a name this binding does not know. */
        @JvmStatic
        fun of(name: String): AdjustmentKind = values().firstOrNull { it.wireName == name && it != UNKNOWN } ?: UNKNOWN
    }
}

/** One adjustment of a [QuoteLine] or an [OrderLine]: an item price, a promotion, a coupon or points. */
data class Adjustment(
    val kind: AdjustmentKind,
    /** The library's name of the kind, e.g. "item_price" (kept for an [AdjustmentKind.UNKNOWN] one). */
    val rawKind: String,
    /** Where it came from: the offer's source, a promotion id, a coupon code, or "points". */
    val source: String,
    /** What it took off the line (> 0). */
    val amount: Long
)

/** One merchant's share of a [Quote], or of an [Order] as it was priced at checkout. */
data class QuoteMerchant(
    val id: String,
    /** Sum of the merchant's line bases. */
    val subtotal: Long,
    /** Sum of the discount adjustments of the merchant's lines (not points: see [pointsAmount]). */
    val discount: Long,
    /** The fee the merchant's shipping rule charges for these goods, before waivers. */
    val shippingFee: Long,
    /** The part of the fee that a free-shipping promotion or coupon waived. */
    val shippingWaived: Long,
    /** The promotion id or coupon code that waived it; null when nothing did. */
    val shippingWaivedBy: String?,
    /** Shipping payable: shippingFee - shippingWaived. */
    val shipping: Long,
    /** subtotal - discount - pointsAmount + shipping. */
    val total: Long,
    /** What points pay of the merchant's goods (minor units; [total] is net of it). */
    val pointsAmount: Long = 0
)

/** An automatic promotion that applied to a [Quote] or an [Order]. */
data class AppliedPromotion(
    val id: String,
    /** What it took off (item discount, or the shipping it waived). */
    val amount: Long
)

/** A coupon that applied to a [Quote] or an [Order]. */
data class AppliedCoupon(
    val code: String,
    val templateId: String,
    /** What it took off (item discount, or the shipping it waived). */
    val amount: Long
)

/** A gift item granted by a gift promotion. */
data class Gift(
    /** The promotion that grants the gift. */
    val promotionId: String,
    val skuId: String,
    val quantity: Long
)

/** Why a coupon was not applied (the library's names in [wireName]). */
enum class ExplanationReason(val wireName: String) {
    /** Its validity has not started. */
    NOT_YET_VALID("not_yet_valid"),
    /** Its validity has ended. */
    EXPIRED("expired"),
    /** Held by another order, used or revoked. */
    NOT_AVAILABLE("not_available"),
    /** The goods in its scope fall short of its minimum spend (see [CouponExplanation.missing]). */
    BELOW_MIN_SPEND("below_min_spend"),
    /** No line of the quote is in its scope (or sold by its issuing merchant). */
    OUT_OF_SCOPE("out_of_scope"),
    /** It does not stack with the coupon that applied (see [CouponExplanation.conflictingCode]). */
    NOT_STACKABLE("not_stackable"),
    /** One coupon per issuer, and another one applied (see [CouponExplanation.conflictingCode]). */
    ONE_PER_ISSUER("one_per_issuer"),
    /** The best choice saves more without it. */
    NOT_BETTER("not_better"),
    /** The caller did not choose it (coupons by code, or none). */
    NOT_CHOSEN("not_chosen"),
    /** It would take nothing off (or waive no shipping). */
    ZERO_DISCOUNT("zero_discount"),
    /** A reason this binding does not know (a newer library): see [CouponExplanation.rawReason]. */
    UNKNOWN("");

    companion object {
        /** The reason named name; [UNKNOWN] for a name this binding does not know. */
        @JvmStatic
        fun of(name: String): ExplanationReason = values().firstOrNull { it.wireName == name && it != UNKNOWN } ?: UNKNOWN
    }
}

/** One of the shopper's coupons that was not applied to a [Quote], and why. */
data class CouponExplanation(
    val code: String,
    val templateId: String,
    val reason: ExplanationReason,
    /** The library's name of the reason, e.g. "below_min_spend" (kept for an UNKNOWN one: show it generically). */
    val rawReason: String,
    /** For BELOW_MIN_SPEND: how much more the shopper must spend in its scope (0 otherwise). */
    val missing: Long,
    /** For NOT_STACKABLE and ONE_PER_ISSUER: the code of the coupon that applied instead; null otherwise. */
    val conflictingCode: String?
)

/**
 * What checkout would charge for the selected lines now. Money is in minor units of
 * [currency]; total = subtotal - discount - pointsAmount + shipping.
 */
data class Quote(
    /** The currency ("" while the catalog is empty). */
    val currency: String,
    val lines: List<QuoteLine>,
    /** Sum of the lines' base amounts. */
    val subtotal: Long,
    /** What the shopper would pay. */
    val total: Long,
    /** Sum of the line adjustments that are discounts: item prices, promotions and coupons (not points). */
    val discount: Long = 0,
    /** Shipping payable, summed over the merchants, after waivers. */
    val shipping: Long = 0,
    /** What the shopper saves: the discount plus the shipping waived (points are payment, not saving). */
    val saved: Long = 0,
    /** One share per merchant, in the order each first appears among the lines. */
    val merchants: List<QuoteMerchant> = emptyList(),
    /** The automatic promotions that applied, in the order they applied. */
    val promotions: List<AppliedPromotion> = emptyList(),
    /** The coupons that applied, in the order they applied. */
    val coupons: List<AppliedCoupon> = emptyList(),
    /** Gift items granted by gift promotions. */
    val gifts: List<Gift> = emptyList(),
    /** The shopper's coupons that were not applied, each with its reason, in the order the shopper holds them. */
    val explanations: List<CouponExplanation> = emptyList(),
    /** Points that pay, as [CheckoutRequest.points] asked. */
    val pointsUsed: Long = 0,
    /** What those points pay (minor units); each line shows its part as an adjustment of kind [AdjustmentKind.POINTS]. */
    val pointsAmount: Long = 0,
    /**
     * The most points this cart may use: the member's available points, in whole units of the
     * program, worth at most the program's cap of the goods after coupons. 0 when the program
     * lets points pay for nothing or the member owes points.
     */
    val pointsMax: Long = 0,
    /** Points that paying this quote would earn (pending until the return window has passed). */
    val pointsToEarn: Long = 0
)

/** One line of an [Order], as it was at checkout. */
data class OrderLine(
    val skuId: String,
    val title: String,
    val merchantId: String,
    val quantity: Long,
    val unitPrice: Long,
    val base: Long,
    /** What the line paid (refunds of the line are bounded by it). */
    val net: Long,
    val refundedQuantity: Long,
    val refundedAmount: Long,
    /** What was taken off the line at checkout, in the order applied; the amounts sum to base - net. */
    val adjustments: List<Adjustment> = emptyList()
)

/** One refund of an [Order]. */
data class Refund(
    val id: String,
    val amount: Long,
    /** When the refund was made. */
    val timeMs: Long = 0,
    /** What it took from each line, by line index; the amounts add up to [amount]. */
    val lines: List<RefundLine> = emptyList()
)

/** The part of a refund taken from one order line. */
data class RefundLine(
    /** The index into [Order.lines]. */
    val lineIndex: Int,
    /** Units refunded (0 for a refund by amount). */
    val quantity: Long,
    val amount: Long
)

/**
 * One page of a paged read. Pass [nextCursor] back unchanged to read the next
 * page; it is null on the last page. Pages are keyset pages: items added while
 * a host pages never repeat or skip an item that sorts before the cursor.
 */
data class Page<T>(val items: List<T>, val nextCursor: String?)

/** How much a log message matters (`sc_log_level_t`). */
enum class LogLevel(val value: Int) {
    DEBUG(0),
    /** Normal events worth a line (e.g. "settled 8 lapsed orders"). */
    INFO(1),
    /** Trouble the engine handled itself (e.g. a busy database it retried). */
    WARNING(2),
    /** A storage failure (I/O, corruption) reported to the caller. */
    ERROR(3);

    companion object {
        @JvmStatic
        fun of(value: Int): LogLevel = values().firstOrNull { it.value == value } ?: ERROR
    }
}

/**
 * An order snapshot, with the pricing it was placed at: total = subtotal - discount -
 * pointsAmount + shipping, the same figures as the quote made with the same [CheckoutRequest]
 * at checkout.
 */
data class Order(
    val id: String,
    val userId: String,
    val state: OrderState,
    val cancelReason: CancelReason,
    val currency: String,
    val subtotal: Long,
    val total: Long,
    /** Sum of all refunds so far. */
    val refunded: Long,
    val createdAtMs: Long,
    /** When an unpaid order lapses. */
    val payDeadlineMs: Long,
    /** When it was paid; null when unpaid. */
    val paidAtMs: Long?,
    /** The payment provider's reference; null when unpaid. */
    val paymentRef: String?,
    val lines: List<OrderLine>,
    /** Refunds, oldest first. */
    val refunds: List<Refund>,
    /** Sum of the line adjustments that are discounts (item prices, promotions, coupons; not points). */
    val discount: Long = 0,
    /** Shipping paid, after waivers. Refunds never return it. */
    val shipping: Long = 0,
    /** How the goods reach the shopper (the request's [CheckoutRequest.shipping]). */
    val shippingMethod: ShippingMethod = ShippingMethod.DELIVERY,
    /** One share per merchant, in the order each first appears among the lines. */
    val merchants: List<QuoteMerchant> = emptyList(),
    /** The automatic promotions that applied. */
    val promotions: List<AppliedPromotion> = emptyList(),
    /** The coupons the order used (held until paid, then used). */
    val coupons: List<AppliedCoupon> = emptyList(),
    /** Points that paid part of the goods (held at checkout, spent at payment). */
    val pointsUsed: Long = 0,
    /** What those points paid (minor units); not in [total], never refunded as money. */
    val pointsAmount: Long = 0,
    /** Points the payment earned (0 before payment); refunds reverse them in proportion. */
    val pointsEarned: Long = 0
)

/** What one [Engine.sweep] call did. */
data class SweepResult(
    /** How many lapsed orders this call settled (tier reviews and group-buy deadlines are not counted). */
    val settled: Long,
    /** Whether lapsed orders, tier reviews or group-buy deadlines remain: call [Engine.sweep] again. */
    val more: Boolean
)

/** What one [Engine.compact] call did. */
data class CompactResult(
    /** How many events past the event retention this call removed. */
    val eventsRemoved: Long,
    /** How many idempotency records past the idempotency retention this call removed. */
    val idempotencyRemoved: Long,
    /** Whether there may be more to remove: call [Engine.compact] again. */
    val more: Boolean
)

/** One entry of the engine's event log. */
data class Event(
    /** Increasing and gap-free within one database. */
    val seq: Long,
    /** The event type, e.g. "order.paid". */
    val type: String,
    /** The id of the object the event is about (an order, SKU or user id). */
    val subjectId: String,
    /** When it happened, by the engine's clock. */
    val timeMs: Long,
    /** The event's details as a JSON object. */
    val payload: String
)
