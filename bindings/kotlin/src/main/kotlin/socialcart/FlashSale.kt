package socialcart

/**
 * A flash-sale checkout (秒杀; [CheckoutRequest.flashSale], `sc_checkout_request_set_flash_sale`):
 * the order is [quantity] units of the sale's SKU at the sale price (a lower member price still
 * wins), not the cart, which stays as it is; coupons, points and shipping apply as to any
 * checkout, and [Engine.quote] prices the same line. A request is one of a cart, group-buy or
 * flash-sale checkout: one with both [CheckoutRequest.group] and a flash sale is refused by the
 * checkout (INVALID_ARGUMENT, field "request").
 */
data class FlashSaleChoice @JvmOverloads constructor(
    /** The sale ([FlashSale.id]); empty or malformed is INVALID_ARGUMENT (field "sale_id"). */
    val saleId: String,
    /** The slot, by when it starts (UTC ms), as [FlashSlot.startsAtMs] gives it. */
    val slotStartsAtMs: Long,
    /** The units the order buys, ≥ 1 (less is INVALID_ARGUMENT, field "quantity"). */
    val quantity: Long = 1
)

/** A daily slot of a flash sale ([FlashSale.slots]), in the sale's local time. */
data class FlashSlotTime(
    /** Its start as a minute of the local day (600 = 10:00). */
    val startMinute: Long,
    /** How long it runs, in minutes. */
    val minutes: Long
)

/**
 * A flash sale's settings ([Engine.flashSale]): one entry of the program document's
 * "flash_sales", put with [Engine.putFlashSale]. Prices are minor units of the catalog's
 * currency; times are UTC ms.
 */
data class FlashSale(
    val id: String,
    /** The SKU it sells. */
    val skuId: String,
    /** The sale price per unit. */
    val salePrice: Long,
    /** The window: slots that start inside it run, none past its end. */
    val startsAtMs: Long,
    val endsAtMs: Long,
    /** The local time of its slots and days, as an offset from UTC in minutes. */
    val utcOffsetMinutes: Long,
    /** Units each slot may sell. */
    val stockPerSlot: Long,
    /** The most units one order may buy. */
    val maxUnitsPerOrder: Long,
    /** The most units one shopper may buy per local day. */
    val maxUnitsPerUserPerDay: Long,
    /** Its daily slots, by start. */
    val slots: List<FlashSlotTime>
)

/**
 * A slot running now or to come, with its stock as of the read ([Engine.flashSlots]): what a
 * flash-sale page shows ("starts in 12 min", "83% sold"). Units held by unpaid orders whose
 * payment window has passed count as left. Times are UTC ms.
 */
data class FlashSlot(
    val saleId: String,
    /** The sale's SKU. */
    val skuId: String,
    /** The sale price per unit. */
    val salePrice: Long,
    /** When it starts: the start names it in [FlashSaleChoice.slotStartsAtMs]. */
    val startsAtMs: Long,
    val endsAtMs: Long,
    /** Units it may sell. */
    val stock: Long,
    /** Units paid for. */
    val sold: Long,
    /** Units held by unpaid orders inside their window. */
    val held: Long,
    /** Units a checkout may still take: stock − sold − held. */
    val left: Long,
    /** When its last unit was paid for; null until it sold out. */
    val soldOutAtMs: Long?
)

/** A slot's figures as of the read ([Engine.flashReport]): what an operator judges it by. */
data class FlashReport(
    /** Units the slot may sell. */
    val stock: Long,
    /** Units paid for. */
    val sold: Long,
    /** Units held by unpaid orders inside their window. */
    val held: Long,
    /** stock − sold − held. */
    val left: Long,
    /** Flash-sale orders placed in the slot. */
    val orders: Long,
    val ordersPaid: Long,
    /** Unpaid when their window ended: their units went back. */
    val ordersLapsed: Long,
    /** Cancelled before payment. */
    val ordersCancelled: Long,
    /** From the slot's start to its last unit paid (ms); null until it sold out. */
    val sellOutMs: Long?
)

/** The figures of `sc_flash_report_get` (`sc_flash_figure_t`, stable values). */
internal enum class FlashFigure(val value: Int) {
    STOCK(1),
    SOLD(2),
    HELD(3),
    LEFT(4),
    ORDERS(5),
    ORDERS_PAID(6),
    ORDERS_LAPSED(7),
    ORDERS_CANCELLED(8),
    SELL_OUT_MS(9)
}
