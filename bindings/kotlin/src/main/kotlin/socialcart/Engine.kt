package socialcart

import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.ReceiveChannel
import java.io.Closeable
import java.util.Collections
import java.util.IdentityHashMap

/**
 * An open socialcart database. Thread-safe: use one engine from many threads.
 *
 * Every call blocks on the database; from coroutines use [suspending], which
 * runs the same calls on `Dispatchers.IO`. Snapshots returned here are plain
 * data classes: the C objects behind them are freed before the call returns.
 *
 * Close the engine when done (it is [Closeable]: `Engine.open(...).use { }`).
 * [close] waits for no one: calls still running on other threads finish first
 * and the last of them closes the C engine; calls that start after [close]
 * throw [SocialCartException] with [ErrorCode.INVALID_STATE]. An engine that
 * nobody closed is closed by a garbage-collection backstop (a
 * PhantomReference queue, see NativeCleaner) once it is unreachable; do not
 * rely on it, it runs late or never.
 */
class Engine private constructor(handle: Long, val path: String) : Closeable {
    private val state = EngineState(handle)
    private val cleanable = NativeCleaner.register(this, state)

    /** Subscriptions live as long as the engine unless closed first. */
    private val subscriptions: MutableSet<Subscription> =
        Collections.synchronizedSet(Collections.newSetFromMap(IdentityHashMap<Subscription, Boolean>()))

    /** The same calls as suspending functions that run on `Dispatchers.IO`. */
    val suspending: SuspendingEngine by lazy { SuspendingEngine(this) }

    /** The raw sc_engine pointer while open (tests reach the C layer with it). */
    internal val handleForTests: Long
        get() = state.call { it }

    /** Whether [close] was called (or the backstop ran). */
    val isClosed: Boolean
        get() = state.isClosing

    companion object {
        /**
         * Opens (creating if needed) the database at path (":memory:" for a
         * private in-memory database) and migrates it.
         * @throws SocialCartException STORAGE, BUSY, SCHEMA_TOO_NEW, INVALID_ARGUMENT, INVALID_UTF8.
         */
        @JvmStatic
        @JvmOverloads
        fun open(path: String, options: EngineOptions = EngineOptions()): Engine {
            return Engine(openHandle(utf8(path), options), path)
        }

        /** [open] on `Dispatchers.IO`. */
        suspend fun openSuspending(path: String, options: EngineOptions = EngineOptions()): Engine =
            kotlinx.coroutines.withContext(kotlinx.coroutines.Dispatchers.IO) { open(path, options) }

        internal fun openHandle(path: ByteArray?, options: EngineOptions): Long {
            val opts = options.toNative()
            try {
                return Native.engineOpen(path, opts)
            } finally {
                Native.optionsFree(opts)
            }
        }
    }

    /** Closes the engine and ends its subscriptions. Safe to call more than once. */
    override fun close() {
        synchronized(subscriptions) { subscriptions.clear() }
        cleanable.clean()
    }

    // ---------------------------------------------------------------- engine

    /**
     * Settles one page of lapsed deadlines: up to maxOrders (1..100000) unpaid
     * orders whose payment window lapsed are cancelled (oldest deadline first)
     * and their holds released, with their events. This is housekeeping, not
     * needed for correctness: reads already see a lapsed order as cancelled and
     * its stock as free. It also settles group-buy groups whose deadline has
     * passed (failed, or filled by virtual members, with their events; reads
     * already see them so), which [SweepResult.settled] does not count. Call it
     * again while [SweepResult.more] is true; each call is one short transaction.
     * @throws SocialCartException INVALID_ARGUMENT (field "max_orders") for maxOrders out of range.
     */
    @JvmOverloads
    fun sweep(maxOrders: Int = 1000): SweepResult {
        val r = state.call { Native.engineSweep(it, maxOrders.toLong()) }
        return SweepResult(settled = r[0], more = r[1] != 0L)
    }

    /**
     * Compacts one page: removes up to maxRows (1..100000) of the oldest events
     * older than [EngineOptions.eventRetentionMs] and up to maxRows idempotency
     * records older than [EngineOptions.idempotencyRetentionMs] (those keys are
     * new again). Events go oldest first, so what remains of the log has no
     * gaps, and the newest event always stays, so sequence numbers never go
     * back. The file keeps its size; freed pages are reused by later writes.
     * Call it again while [CompactResult.more] is true.
     * @throws SocialCartException INVALID_ARGUMENT (field "max_rows") for maxRows out of range.
     */
    @JvmOverloads
    fun compact(maxRows: Int = 1000): CompactResult {
        val r = state.call { Native.engineCompact(it, maxRows.toLong()) }
        return CompactResult(eventsRemoved = r[0], idempotencyRemoved = r[1], more = r[2] != 0L)
    }

    // --------------------------------------------------------------- catalog

    /**
     * Creates or replaces a SKU.
     * @throws SocialCartException INVALID_ARGUMENT (field names the argument), INVALID_UTF8,
     *   CURRENCY_MISMATCH.
     */
    fun putSku(sku: SkuSpec) {
        val h = Native.skuNew(utf8(sku.id), utf8(sku.merchantId), utf8(sku.title), utf8(sku.currency), sku.listPrice)
        try {
            if (sku.stock != null) Native.skuSetStock(h, sku.stock)
            if (sku.maxPerOrder != null) Native.skuSetMaxPerOrder(h, sku.maxPerOrder)
            Native.skuSetActive(h, sku.active)
            for (c in sku.categories) Native.skuAddCategory(h, utf8(c))
            state.call { Native.enginePutSku(it, h) }
        } finally {
            Native.skuFree(h)
        }
    }

    /** Reads one SKU with its stock available now. @throws SocialCartException NOT_FOUND. */
    fun sku(skuId: String): Sku = Snapshots.takeSku(state.call { Native.engineGetSku(it, utf8(skuId)) })

    /** The whole catalog, ordered by SKU id. */
    fun catalog(): List<Sku> = Snapshots.takeCatalog(state.call { Native.engineCatalog(it) })

    /**
     * One page of a merchant's SKUs, ordered by SKU id, each with its stock
     * available now (as [catalog] reports it). Swift: `catalog(merchant:cursor:limit:)`;
     * Kotlin needs two names, as this and [catalogByCategory] take the same parameter types.
     * @param cursor null for the first page, else the previous page's [Page.nextCursor].
     * @param limit 1..1000.
     * @throws SocialCartException INVALID_ARGUMENT (field "merchant_id", "cursor" or "limit").
     */
    fun catalogByMerchant(merchantId: String, cursor: String? = null, limit: Int = 50): Page<Sku> =
        Snapshots.takeCatalogPage(state.call {
            Native.engineCatalogByMerchant(it, utf8(merchantId), utf8OrNull(cursor), limit.toLong())
        })

    /**
     * One page of the SKUs in a category, ordered by SKU id.
     * @throws SocialCartException INVALID_ARGUMENT (field "category_id", "cursor" or "limit").
     */
    fun catalogByCategory(categoryId: String, cursor: String? = null, limit: Int = 50): Page<Sku> =
        Snapshots.takeCatalogPage(state.call {
            Native.engineCatalogByCategory(it, utf8(categoryId), utf8OrNull(cursor), limit.toLong())
        })

    /**
     * Validates a program document and applies it, all or nothing.
     * @throws SocialCartException VALIDATION (field names the place), CURRENCY_MISMATCH.
     */
    fun importProgram(json: String) = state.call { Native.engineImportProgram(it, utf8(json)) }

    /** The catalog as a program document that [importProgram] accepts. */
    fun exportProgram(): String = state.call { Native.engineExportProgram(it) }

    // ------------------------------------------------------------------ cart

    /**
     * Adds units of a SKU to the user's cart (not idempotent: retry with [setCartQuantity],
     * or use the overload with an idempotency key).
     * @throws SocialCartException INVALID_ARGUMENT (quantity < 1), NOT_FOUND, SKU_INACTIVE,
     *   LIMIT_EXCEEDED, OUT_OF_STOCK, OVERFLOW.
     */
    @JvmOverloads
    fun addToCart(userId: String, skuId: String, quantity: Long = 1) =
        state.call { Native.engineCartAdd(it, utf8(userId), utf8(skuId), quantity) }

    /**
     * [addToCart] under an idempotency key: a retry with the same key (after a network error,
     * or a STORAGE error whose outcome is unknown) adds nothing more.
     * @throws SocialCartException as [addToCart]; IDEMPOTENCY_CONFLICT when the key was used
     *   for other arguments.
     */
    fun addToCart(userId: String, skuId: String, quantity: Long = 1, idempotencyKey: String) =
        state.call { Native.engineCartAddOnce(it, utf8(userId), utf8(skuId), quantity, utf8(idempotencyKey)) }

    /** Sets the quantity of the line for skuId, creating it if absent. Errors as [addToCart]. */
    fun setCartQuantity(userId: String, skuId: String, quantity: Long) =
        state.call { Native.engineCartSetQuantity(it, utf8(userId), utf8(skuId), quantity) }

    /** Removes the line for skuId. @throws SocialCartException NOT_FOUND. */
    fun removeFromCart(userId: String, skuId: String) =
        state.call { Native.engineCartRemove(it, utf8(userId), utf8(skuId)) }

    /** Ticks or unticks a line; only selected lines go to checkout. @throws SocialCartException NOT_FOUND. */
    @JvmOverloads
    fun selectCartLine(userId: String, skuId: String, selected: Boolean = true) =
        state.call { Native.engineCartSelect(it, utf8(userId), utf8(skuId), selected) }

    /** Empties the user's cart. */
    fun clearCart(userId: String) = state.call { Native.engineCartClear(it, utf8(userId)) }

    /**
     * Moves the guest's cart into the user's cart (at sign-in). The owner comes first, as
     * in every cart call and in `sc_engine_cart_merge_guest`; name the arguments when in
     * doubt: `mergeCart(userId = "lin", guestId = "guest-7f3a")`. (Swift's
     * `mergeCart(guest:into:)` has its labels to say it.)
     * @throws SocialCartException INVALID_ARGUMENT (same ids).
     */
    fun mergeCart(userId: String, guestId: String) =
        state.call { Native.engineCartMergeGuest(it, utf8(userId), utf8(guestId)) }

    /** The user's cart with each line's problems (an unknown user has an empty cart). */
    fun cart(userId: String): Cart = Snapshots.takeCart(state.call { Native.engineCartGet(it, utf8(userId)) })

    // ----------------------------------------------------------------- rules

    /**
     * Creates or replaces an automatic promotion: one JSON object of the program document's
     * "promotions" section (docs/program-document.md), read as strictly as the document.
     * Rules are read back with [exportProgram].
     * @throws SocialCartException VALIDATION (field names the place, e.g. "tiers[0].off"; none
     *   when the text is not a JSON object), INVALID_UTF8 (field "json").
     */
    fun putPromotion(json: String) = state.call { Native.enginePromotionPut(it, utf8(json)) }

    /**
     * Creates or replaces a coupon template (an object of "coupon_templates"). Copies already
     * issued keep the validity they were issued with.
     * @throws SocialCartException as [putPromotion]; VALIDATION also when another template has
     *   the promo code (field "promo_code") or the total is below the copies taken
     *   (field "total_quantity").
     */
    fun putCouponTemplate(json: String) = state.call { Native.engineCouponTemplatePut(it, utf8(json)) }

    /**
     * Creates or replaces a merchant's shipping rule, or the default rule without
     * "merchant_id" (an object of "shipping_rules"). @throws SocialCartException as [putPromotion].
     */
    fun putShippingRule(json: String) = state.call { Native.engineShippingRulePut(it, utf8(json)) }

    // ----------------------------------------------------------------- quote

    /**
     * What checkout with the same request would charge for the selected lines now: item
     * prices, automatic promotions, the coupons the request chooses, shipping per merchant
     * (docs/pricing.md). Changes nothing.
     * With [CheckoutRequest.points], the member's points pay part of the goods ([Quote.pointsUsed],
     * [Quote.pointsAmount], within [Quote.pointsMax]); [Quote.pointsToEarn] says what paying earns.
     * @throws SocialCartException OVERFLOW; NOT_FOUND (field "coupons") for a chosen code the
     *   shopper does not hold; INVALID_ARGUMENT / LIMIT_EXCEEDED (field "code") for a chosen
     *   code that is empty, repeated or one too many (more than 20); INVALID_ARGUMENT (field
     *   "points") for [PointsUse.Exactly] beyond [Quote.pointsMax] or not in whole units.
     */
    @JvmOverloads
    fun quote(userId: String, request: CheckoutRequest = CheckoutRequest()): Quote =
        request.withNative { r -> Snapshots.takeQuote(state.call { Native.engineQuote(it, utf8(userId), r) }) }

    // ---------------------------------------------------------------- orders

    /**
     * Turns the selected cart lines into an order, priced exactly as [quote] with the same
     * request would now. The order holds tracked stock, the coupons it applied and the points it
     * uses until its payment deadline (paying spends the points and earns [Order.pointsEarned];
     * cancelling or a lapse releases them), and keeps its pricing ([Order.discount],
     * [Order.merchants], [Order.pointsAmount], …). A retry with the same key and request returns
     * the same order.
     *
     * With [CheckoutRequest.group] the order is the campaign's SKU at the group price, not the
     * cart (which stays as it is): opening makes a pending group that opens when the order is
     * paid ([OrderState.AWAITING_GROUP]); joining reserves a seat at once, held for the payment
     * window, and the N-th payment fills the group ([OrderState.GROUP_CONFIRMED] for every
     * member's order). [groupOfOrder] reads the group for its invite link.
     *
     * With [CheckoutRequest.flashSale] the order is the sale's SKU at the sale price, not the
     * cart (which stays as it is): the slot's units are held for the payment window, committed
     * when the order is paid and returned when it is cancelled or lapses.
     *
     * With [CheckoutRequest.bargainId] the order is one unit of the bargain's SKU at the
     * bargain's current price, not the cart (which stays as it is); paying it buys the bargain
     * ([BargainState.BOUGHT]), and its payment window ends by the bargain's deadline.
     * @throws SocialCartException CART_EMPTY, SKU_INACTIVE, OUT_OF_STOCK, LIMIT_EXCEEDED,
     *   OVERFLOW, IDEMPOTENCY_CONFLICT (the key was used by another user or with another
     *   request), INVALID_STATE (field "coupons": a chosen coupon was taken by another checkout
     *   at the same moment), and the request's errors as [quote]. A group checkout adds:
     *   GROUP_FULL (field "group_id": no seat is left, or the group filled), NOT_FOUND (field
     *   "campaign_id" or "group_id"), INVALID_STATE (field "group_id": the group is not open, is
     *   the shopper's own or already has their seat; field "campaign_id": the shopper already
     *   leads a live group of it; field "user_id": a new-users-only campaign and a shopper who
     *   has paid an order), EXPIRED (field "campaign_id": outside the campaign's window),
     *   LIMIT_EXCEEDED (field "quantity": the per-order or per-shopper limit). A flash-sale
     *   checkout adds: NOT_FOUND (field "sale_id" or "slot_starts_at"), INVALID_STATE (field
     *   "slot_starts_at": before the slot starts; field "user_id": an earlier flash-sale order of
     *   the shopper's is unpaid), EXPIRED (field "slot_starts_at": after it ends), LIMIT_EXCEEDED
     *   (field "quantity": the per-order or per-day cap), OUT_OF_STOCK (field "quantity": the
     *   slot has not that many units left). A bargain checkout adds: NOT_FOUND (field
     *   "bargain_id"), INVALID_STATE (field "bargain_id": the shopper did not open it; or it is
     *   bought or held by another unpaid order), EXPIRED (past its deadline). A request with more
     *   than one of a group, a flash sale and a bargain is INVALID_ARGUMENT (field "request").
     */
    fun checkout(userId: String, request: CheckoutRequest, idempotencyKey: String): Order =
        request.withNative { r ->
            Snapshots.takeOrder(state.call { Native.engineCheckout(it, utf8(userId), r, utf8(idempotencyKey)) })
        }

    /** [checkout] with the default request: no coupons, delivery, no points. */
    fun checkout(userId: String, idempotencyKey: String): Order = checkout(userId, CheckoutRequest(), idempotencyKey)

    /** Reads an order (settling its payment deadline first). @throws SocialCartException NOT_FOUND. */
    fun order(orderId: String): Order =
        Snapshots.takeOrder(state.call { Native.engineOrderGet(it, utf8(orderId)) })

    /**
     * The order that the user's checkout with this idempotency key made, as of
     * now: "did my checkout happen?" after a lost response. Swift:
     * `order(checkoutKey:user:)`; here the user comes first, as in C.
     * @throws SocialCartException NOT_FOUND (field "idempotency_key") when no
     *   checkout of this user used the key within the idempotency retention.
     */
    fun order(userId: String, checkoutKey: String): Order =
        Snapshots.takeOrder(state.call { Native.engineOrderByCheckoutKey(it, utf8(userId), utf8(checkoutKey)) })

    /**
     * One page of a shopper's orders, newest first, each as of now.
     * @param state only orders in this state as a read sees it now (a lapsed
     *   unpaid order is [OrderState.CANCELLED]); null for every state.
     * @param createdFromMs, createdBeforeMs only orders created in
     *   [createdFromMs, createdBeforeMs).
     * @param cursor null for the first page, else the previous page's [Page.nextCursor].
     * @param limit 1..1000.
     * @throws SocialCartException INVALID_ARGUMENT (field "user_id", "state",
     *   "from_ms", "to_ms", "cursor" or "limit").
     */
    fun orders(
        userId: String,
        state: OrderState? = null,
        createdFromMs: Long = 0,
        createdBeforeMs: Long = Long.MAX_VALUE,
        cursor: String? = null,
        limit: Int = 50
    ): Page<Order> {
        val stateValue = state?.value ?: 0
        return Snapshots.takeOrderPage(this.state.call {
            Native.engineOrdersOfUser(
                it, utf8(userId), stateValue, createdFromMs, createdBeforeMs, utf8OrNull(cursor), limit.toLong()
            )
        })
    }

    /**
     * Records the payment of an order.
     * @throws SocialCartException NOT_FOUND, AMOUNT_MISMATCH, EXPIRED, INVALID_STATE,
     *   IDEMPOTENCY_CONFLICT.
     */
    fun pay(orderId: String, paymentRef: String, amount: Long, idempotencyKey: String): Order =
        Snapshots.takeOrder(state.call {
            Native.engineOrderPay(it, utf8(orderId), utf8(paymentRef), amount, utf8(idempotencyKey), true)
        })

    /** Cancels an unpaid order (idempotent). @throws SocialCartException NOT_FOUND, INVALID_STATE. */
    fun cancel(orderId: String): Order =
        Snapshots.takeOrder(state.call { Native.engineOrderCancel(it, utf8(orderId), true) })

    /**
     * Refunds quantity units of one order line.
     * @throws SocialCartException INVALID_STATE, INVALID_ARGUMENT, REFUND_EXCEEDS_PAID,
     *   IDEMPOTENCY_CONFLICT.
     */
    fun refundLine(orderId: String, lineIndex: Int, quantity: Long, idempotencyKey: String): Order =
        Snapshots.takeOrder(state.call {
            Native.engineOrderRefundLine(it, utf8(orderId), lineIndex.toLong(), quantity, utf8(idempotencyKey), true)
        })

    /** Refunds an amount spread over the lines. Errors as [refundLine]. */
    fun refundAmount(orderId: String, amount: Long, idempotencyKey: String): Order =
        Snapshots.takeOrder(state.call {
            Native.engineOrderRefundAmount(it, utf8(orderId), amount, utf8(idempotencyKey), true)
        })

    // --------------------------------------------------------------- coupons

    /**
     * The shopper claims a copy of a template whose issue mode is "claim". The template's
     * total quantity and per-user limit hold exactly, also under concurrent claims. A retry
     * with the same key returns the same coupon and issues nothing more.
     * @throws SocialCartException NOT_FOUND (field "template_id"), INVALID_STATE (field
     *   "template_id": issued another way; field "user_id": outside the template's audience),
     *   EXPIRED (its fixed validity has ended), LIMIT_EXCEEDED (field "template_id": every copy
     *   is taken; field "user_id": the per-user limit), IDEMPOTENCY_CONFLICT.
     */
    fun claimCoupon(userId: String, templateId: String, idempotencyKey: String): Coupon =
        Snapshots.takeCoupon(state.call {
            Native.engineCouponClaim(it, utf8(userId), utf8(templateId), utf8(idempotencyKey))
        })

    /**
     * The operator grants a copy of a template whose issue mode is "grant" (e.g. an apology
     * coupon). Limits, audience and errors as [claimCoupon].
     */
    fun grantCoupon(userId: String, templateId: String, idempotencyKey: String): Coupon =
        Snapshots.takeCoupon(state.call {
            Native.engineCouponGrant(it, utf8(userId), utf8(templateId), utf8(idempotencyKey))
        })

    /**
     * The member exchanges points for a copy of a template whose issue mode is "points": its
     * `points_cost` is spent from the available points (soonest-expiring first) in the same
     * transaction that issues the coupon, so either both happen or neither. A retry with the
     * same key returns the same coupon and spends nothing more.
     * @throws SocialCartException as [claimCoupon], and INVALID_ARGUMENT (field "points": fewer
     *   available points than the cost), INVALID_STATE (field "points": the member owes points).
     */
    fun exchangePoints(userId: String, templateId: String, idempotencyKey: String): Coupon =
        Snapshots.takeCoupon(state.call {
            Native.engineCouponExchangePoints(it, utf8(userId), utf8(templateId), utf8(idempotencyKey))
        })

    /**
     * The shopper types a public promo code such as "SPRING20" and receives a copy of the
     * template with that code (issue mode "promo_code"); codes match exactly, case included.
     * Errors as [claimCoupon], with NOT_FOUND (field "promo_code") for a code no template has.
     */
    fun redeemPromoCode(userId: String, promoCode: String, idempotencyKey: String): Coupon =
        Snapshots.takeCoupon(state.call {
            Native.engineCouponRedeemCode(it, utf8(userId), utf8(promoCode), utf8(idempotencyKey))
        })

    /**
     * The operator withdraws an available coupon; it can no longer be held or used.
     * Revoking a revoked coupon returns it unchanged, so retries are safe.
     * @throws SocialCartException NOT_FOUND (field "code"), INVALID_STATE for a coupon that
     *   is held (cancel its order first), used or expired.
     */
    fun revokeCoupon(code: String): Coupon =
        Snapshots.takeCoupon(state.call { Native.engineCouponRevoke(it, utf8(code), true) })

    /**
     * The shopper's coupons as of now, oldest claim first: one held by an order whose payment
     * window has passed reads as available, an available one past its validity as expired.
     * @param state only coupons in this state; null for every state.
     * @throws SocialCartException INVALID_ARGUMENT (field "user_id" or "state").
     */
    @JvmOverloads
    fun coupons(userId: String, state: CouponState? = null): List<Coupon> {
        val stateValue = state?.value ?: 0
        return Snapshots.takeCoupons(this.state.call { Native.engineCouponList(it, utf8(userId), stateValue) })
    }

    /** The coupon report: one row per template, in template id order (docs/pricing.md). */
    fun couponReport(): List<CouponReportRow> =
        Snapshots.takeCouponReport(state.call { Native.engineCouponReport(it) })

    // ---------------------------------------------------------------- points

    /**
     * Sets the points program: the "points" object of the program document (earn rate, redeem
     * rate, unit and cap, expiry mode, return window, sign-in table, activities), read as
     * strictly as the document. Replaces the program as a whole; a program equal to the stored
     * one changes nothing and appends no event. It is read back with [exportProgram].
     * @throws SocialCartException VALIDATION (field names the place, e.g. "redeem.max_share_bps"),
     *   INVALID_UTF8 (field "json").
     */
    fun putPointsProgram(json: String) = state.call { Native.enginePointsProgramPut(it, utf8(json)) }

    /**
     * A member's points as of now. Points held by an unpaid order whose payment window has
     * passed read as available; a member with no entries has a zero balance.
     * @throws SocialCartException INVALID_ARGUMENT (field "user_id"), INVALID_UTF8.
     */
    fun pointsBalance(userId: String): PointsBalance =
        Snapshots.takePointsBalance(state.call { Native.enginePointsBalance(it, utf8(userId)) })

    /**
     * A member's lots that still have points free or held, soonest expiry first and
     * never-expiring last (the order spending takes them in).
     * @throws SocialCartException INVALID_ARGUMENT (field "user_id"), INVALID_UTF8.
     */
    fun pointsLots(userId: String): List<PointsLot> =
        Snapshots.takePointsLots(state.call { Native.enginePointsLots(it, utf8(userId)) })

    /**
     * One page of a member's points ledger, newest entry first.
     * @param cursor null for the first page, else the previous page's [Page.nextCursor] of the
     *   same member's history.
     * @param limit 1..1000.
     * @throws SocialCartException INVALID_ARGUMENT (field "user_id", "cursor": not one this
     *   query returned, or "limit"), INVALID_UTF8.
     */
    @JvmOverloads
    fun pointsHistory(userId: String, cursor: String? = null, limit: Int = 50): Page<PointsEntry> =
        Snapshots.takePointsPage(state.call {
            Native.enginePointsHistory(it, utf8(userId), utf8OrNull(cursor), limit.toLong())
        })

    /**
     * The operator corrects a member's points, with a reason. Positive: a new lot, available at
     * once, expiring by the program's expiry mode; it repays debt first. Negative: taken from
     * the available points as a spend would be, never beyond them. A retry with the same key
     * returns the same entry and changes nothing.
     * @param points ≠ 0.
     * @param reason required; kept on the entry ([PointsEntry.reason]).
     * @return the adjustment's entry.
     * @throws SocialCartException INVALID_ARGUMENT (field "user_id", "reason",
     *   "idempotency_key"; field "points": 0, or a debit beyond the available points),
     *   INVALID_STATE (field "points": a debit while the member owes points),
     *   IDEMPOTENCY_CONFLICT (the key was used for another correction), INVALID_UTF8, OVERFLOW.
     */
    fun adjustPoints(userId: String, points: Long, reason: String, idempotencyKey: String): PointsEntry =
        Snapshots.takePointsEntry(state.call {
            Native.enginePointsAdjust(it, utf8(userId), points, utf8(reason), utf8(idempotencyKey), true)
        })

    /**
     * Applies a batch of corrections in one transaction, in list order: all of them or, when one
     * is refused, none (e.g. a campaign bonus for a list of members). Each item is idempotent
     * under its key exactly as [adjustPoints] (they share keys), so retrying a batch whose
     * outcome is unknown appends nothing more, and two items with one key and the same
     * correction make one entry. Every entry logs its event. The engine's writer lock is held
     * while the batch runs: keep batches to a few thousand items where other writes must stay
     * quick.
     * @param items 1..10,000 corrections.
     * @return the entries appended (items applied before under their keys append none).
     * @throws SocialCartException with the field naming the item, e.g. "items[3].user_id":
     *   INVALID_ARGUMENT (field "items": the list is empty; "items[N].user_id", ".reason",
     *   ".idempotency_key"; "items[N].points": 0, or a debit beyond the member's available
     *   points), INVALID_STATE ("items[N].points": a debit while the member owes points),
     *   IDEMPOTENCY_CONFLICT ("items[N].idempotency_key": the key was used for another
     *   correction), INVALID_UTF8 ("items[N].<field>"), OVERFLOW, LIMIT_EXCEEDED (field
     *   "items": more than 10,000 items).
     */
    fun adjustPointsBatch(items: List<PointsAdjustment>): Long {
        val n = items.size
        val userIds = arrayOfNulls<ByteArray>(n)
        val points = LongArray(n)
        val reasons = arrayOfNulls<ByteArray>(n)
        val keys = arrayOfNulls<ByteArray>(n)
        items.forEachIndexed { i, item ->
            userIds[i] = utf8(item.userId)
            points[i] = item.points
            reasons[i] = utf8(item.reason)
            keys[i] = utf8(item.idempotencyKey)
        }
        return state.call { Native.enginePointsAdjustBatch(it, userIds, points, reasons, keys) }
    }

    /**
     * The member signs in for today (the UTC day of the engine's clock) and earns the points of
     * the sign-in table for the day of the streak: a missed day starts the streak again at day 1,
     * and so does the day after the table's last. Once per day: signing in again that day
     * returns the same result with [SignIn.first] false and earns nothing.
     * @throws SocialCartException INVALID_STATE (field "sign_in": the program has no sign-in
     *   table), INVALID_ARGUMENT (field "user_id"), INVALID_UTF8.
     */
    fun signIn(userId: String): SignIn = Snapshots.takeSignIn(state.call { Native.enginePointsSignIn(it, utf8(userId)) })

    /**
     * The host reports an activity of the points program (a share, a review) and the member
     * earns its points, at most the activity's daily cap times per UTC day. A retry with the
     * same key returns the same entry and earns nothing more.
     * @param activity the activity's name in the program, e.g. "share".
     * @param reference what was shared or reviewed, e.g. a SKU id; kept on the entry.
     * @return the earn entry.
     * @throws SocialCartException NOT_FOUND (field "activity": not in the program),
     *   LIMIT_EXCEEDED (field "activity": today's cap is reached), INVALID_ARGUMENT (field
     *   "user_id", "activity", "reference" or "idempotency_key"), IDEMPOTENCY_CONFLICT (the key
     *   was used for another activity or reference), INVALID_UTF8.
     */
    fun recordActivity(userId: String, activity: String, reference: String, idempotencyKey: String): PointsEntry =
        Snapshots.takePointsEntry(state.call {
            Native.enginePointsActivity(it, utf8(userId), utf8(activity), utf8(reference), utf8(idempotencyKey), true)
        })

    /**
     * The points report: the liability now over every member (available, pending, held, debt;
     * the points members may still spend and their value at the redeem rate) and the points
     * earned, spent, expired, reversed, returned and adjusted by entries made in [fromMs, toMs).
     * @throws SocialCartException INVALID_ARGUMENT (field "to_ms": before fromMs).
     */
    fun pointsReport(fromMs: Long, toMs: Long): PointsReport =
        Snapshots.takePointsReport(state.call { Native.enginePointsReport(it, fromMs, toMs) })

    // ----------------------------------------------------------------- tiers

    /**
     * Sets the tier program: the "tiers" object of the program document (basis, window_days,
     * period, tiers with thresholds and benefits), read as strictly as the document
     * (docs/tiers.md). Replaces the program as a whole; a program equal to the stored one
     * changes nothing and appends no event. Members whose tier the new program no longer has
     * are placed afresh by their figure when next touched.
     * @throws SocialCartException VALIDATION (field names the place, e.g. "tiers[2].threshold";
     *   also a coupon template's audience min_tier that names a rank the program has no tier
     *   for), INVALID_ARGUMENT (field "json"), INVALID_UTF8 (field "json").
     */
    fun putTierProgram(json: String) = state.call { Native.engineTierProgramPut(it, utf8(json)) }

    /**
     * A member's tier as of now, with the figures of a member page (to the next tier, what the
     * period end will review, what keeps the tier). Reading changes nothing: a period end that
     * has passed reads as reviewed.
     * @throws SocialCartException INVALID_STATE (field "tiers": no tier program is set),
     *   INVALID_ARGUMENT (field "user_id"), INVALID_UTF8.
     */
    fun tierStatus(userId: String): TierStatus =
        Snapshots.takeTierStatus(state.call { Native.engineTierStatus(it, utf8(userId)) })

    /**
     * The tier report: per tier of the program, in the program's order, the members placed in
     * it now and the upgrades and downgrades into it made in [fromMs, toMs). A member is placed
     * once the engine has touched them since the program was set (a payment, a refund, points
     * earned, a sweep); a period end counts once [sweep] or the member's next call reviewed it.
     * @throws SocialCartException INVALID_STATE (field "tiers": no tier program is set),
     *   INVALID_ARGUMENT (field "to_ms": before fromMs).
     */
    fun tierReport(fromMs: Long, toMs: Long): List<TierReportRow> =
        Snapshots.takeTierReport(state.call { Native.engineTierReport(it, fromMs, toMs) })

    // ----------------------------------------------------------- share links

    /**
     * Sets the referral program: the "referral" object of the program document (url_template
     * with "{token}" once, link_lifetime_days 1-365, clock_skew_seconds 0-3600), read as
     * strictly as the document (docs/referral.md). A program equal to the stored one changes
     * nothing and appends no event.
     * @throws SocialCartException VALIDATION (field names the place, e.g. "url_template"),
     *   INVALID_ARGUMENT (field "json"), INVALID_UTF8 (field "json").
     */
    fun putReferralProgram(json: String) = state.call { Native.engineReferralProgramPut(it, utf8(json)) }

    /**
     * Generates a signing key under keyId and makes it the key new links are signed with; the
     * keys in force before still verify (rotation). A repeat for a key id that already names a
     * signing key returns that key unchanged, so a retry is safe.
     * @param keyId 1-32 characters of A-Z a-z 0-9 _ - . (it travels in tokens).
     * @throws SocialCartException INVALID_ARGUMENT (field "key_id"), INVALID_STATE (field
     *   "key_id": the id names a key trusted for verification only, or a retired key).
     */
    fun generateShareKey(keyId: String): ShareKey =
        Snapshots.takeShareKey(state.call { Native.engineShareKeyGenerate(it, utf8(keyId), true) })

    /**
     * Installs the host's own Ed25519 private key (PKCS#8 PEM, as `openssl genpkey -algorithm
     * ed25519` writes it) under keyId and makes it the signing key. The same key again is a
     * safe retry; a key id trusted with this key's public half gains the private half.
     * @throws SocialCartException INVALID_ARGUMENT (field "key_id", or "private_pem": not an
     *   Ed25519 private key), INVALID_STATE (field "key_id": the id names another key, or a
     *   retired one).
     */
    fun installShareKey(keyId: String, privatePem: String): ShareKey =
        Snapshots.takeShareKey(state.call {
            Native.engineShareKeyInstall(it, utf8(keyId), utf8(privatePem), true)
        })

    /**
     * Trusts another side's Ed25519 public key (SubjectPublicKeyInfo PEM, its
     * [ShareKey.publicPem]) under keyId, to verify that side's links. The same key again is a
     * safe retry.
     * @throws SocialCartException INVALID_ARGUMENT (field "key_id", or "public_pem": not an
     *   Ed25519 public key), INVALID_STATE (field "key_id": the id names another key).
     */
    fun trustShareKey(keyId: String, publicPem: String): ShareKey =
        Snapshots.takeShareKey(state.call {
            Native.engineShareKeyTrust(it, utf8(keyId), utf8(publicPem), true)
        })

    /**
     * Retires a key: it verifies no more, so its links are refused with LINK_UNKNOWN_KEY; a
     * retired signing key leaves the engine without one until another is generated or
     * installed. Retiring a retired key returns it unchanged. A key id is never reused.
     * @throws SocialCartException NOT_FOUND (field "key_id"), INVALID_ARGUMENT (field "key_id").
     */
    fun retireShareKey(keyId: String): ShareKey =
        Snapshots.takeShareKey(state.call { Native.engineShareKeyRetire(it, utf8(keyId), true) })

    /** Every key, retired ones included, by key id. */
    fun shareKeys(): List<ShareKey> = Snapshots.takeShareKeys(state.call { Native.engineShareKeys(it) })

    /**
     * Makes a share link: the sharer's link to a target through a channel, signed with the
     * signing key, valid for the program's link lifetime, kept under a short code. Event
     * share_link.created.
     * @param channel 1-32 characters of a-z 0-9 _ - ("wechat", "copy_link", "qr").
     * @param idempotencyKey a retry by the same sharer with the same key returns the first link.
     * @throws SocialCartException INVALID_STATE (field "referral": no program is set; field
     *   "key_id": no signing key), INVALID_ARGUMENT (field "sharer_id", "target", "target_id",
     *   "channel" or "idempotency_key"), INVALID_UTF8, IDEMPOTENCY_CONFLICT (the same key for
     *   another target or channel).
     */
    fun createShareLink(
        sharerId: String,
        target: ShareTarget,
        targetId: String,
        channel: String,
        idempotencyKey: String
    ): ShareLink = Snapshots.takeShareLink(state.call {
        Native.engineShareLinkCreate(it, utf8(sharerId), target.value, utf8(targetId), utf8(channel), utf8(idempotencyKey))
    })

    /**
     * Verifies a token, or a short code as people type it (case, hyphens and spaces ignored,
     * I and L read as 1, O as 0), as of now. Reading changes nothing. A link resolved from its
     * token has [ShareLink.code] and [ShareLink.displayCode] null.
     * @throws SocialCartException, each with field "token" or "code": LINK_MALFORMED,
     *   LINK_UNKNOWN_KEY (never added, or retired), LINK_TAMPERED, EXPIRED (past expiry beyond
     *   the clock-skew tolerance), INVALID_STATE (issued beyond the tolerance after now; or
     *   field "referral": no program is set); NOT_FOUND (field "code": no link here has the
     *   code); INVALID_ARGUMENT (field "token").
     */
    fun resolveShareLink(tokenOrCode: String): ShareLink =
        Snapshots.takeShareLink(state.call { Native.engineShareLinkResolve(it, utf8(tokenOrCode)) })

    // ------------------------------------- share-to-earn: opens, attribution, rewards

    /**
     * Opens a share link: verifies the token or short code as [resolveShareLink] does, records
     * the open, and binds the opener (the user when given, else the device) to the sharer for
     * the program's attribution window, unless a fraud control refuses it. Under last touch a
     * new open rebinds; under first touch a live binding to another sharer refuses it
     * ("already_bound"). A refusal is not an error: [ShareOpen.outcome] names it and
     * [referralRefusals] lists it. A new user's first binding receives the program's invitee
     * coupon. Events share_link.opened and referral.bound or referral.refused.
     * @param userId the signed-in opener, or null.
     * @param deviceId the opener's device, or null; at least one of the two. Given with userId,
     *   the device is remembered as the user's.
     * @param idempotencyKey a retry returns the first open.
     * @throws SocialCartException the link refusals of [resolveShareLink] (LINK_MALFORMED,
     *   LINK_TAMPERED, EXPIRED, NOT_FOUND with field "code", ...); INVALID_STATE (field
     *   "referral": no program is set); INVALID_ARGUMENT (field "token", "user_id", "device_id"
     *   or "idempotency_key"), INVALID_UTF8, IDEMPOTENCY_CONFLICT (the key with another link,
     *   user or device).
     */
    fun openShareLink(tokenOrCode: String, userId: String?, deviceId: String?, idempotencyKey: String): ShareOpen =
        Snapshots.takeShareOpen(state.call {
            Native.engineShareLinkOpen(it, utf8(tokenOrCode), utf8OrNull(userId), utf8OrNull(deviceId), utf8(idempotencyKey))
        })

    /**
     * The user signed in on the device: the device is remembered as the user's, and the
     * device's live binding carries over to the user (its window still runs from the open),
     * unless a fraud control refuses it or, under last touch, the user's own binding is from a
     * later open. Repeating the call changes nothing more. Events referral.device_signed_in,
     * referral.bound or referral.refused, each only when something changed.
     * @return the user's binding after the sign-in; null when the user is not bound.
     * @throws SocialCartException INVALID_STATE (field "referral"), INVALID_ARGUMENT (field
     *   "user_id" or "device_id"), INVALID_UTF8.
     */
    fun referralSignIn(userId: String, deviceId: String): ReferralBinding? =
        Snapshots.takeReferralBinding(state.call {
            Native.engineReferralSignIn(it, utf8(userId), utf8(deviceId), true)
        })

    /**
     * The user's live binding; null when there is none.
     * @throws SocialCartException INVALID_ARGUMENT (field "user_id"), INVALID_UTF8.
     */
    fun referralBindingOfUser(userId: String): ReferralBinding? =
        Snapshots.takeReferralBinding(state.call { Native.engineReferralBinding(it, utf8(userId), null) })

    /**
     * The device's live binding (an open by device only, not yet carried over to a user);
     * null when there is none.
     * @throws SocialCartException INVALID_ARGUMENT (field "device_id"), INVALID_UTF8.
     */
    fun referralBindingOfDevice(deviceId: String): ReferralBinding? =
        Snapshots.takeReferralBinding(state.call { Native.engineReferralBinding(it, null, utf8(deviceId)) })

    /**
     * The attribution of a paid order: the sharer it was credited to, the open that bound its
     * buyer, and its rewards as of now. Attribution needs no call of its own: [pay] makes it,
     * and the refunds claw rewards back in proportion.
     * @return null when the order was not credited to anyone.
     * @throws SocialCartException NOT_FOUND (field "order_id"), INVALID_ARGUMENT (field
     *   "order_id"), INVALID_UTF8.
     */
    fun orderAttribution(orderId: String): OrderAttribution? =
        Snapshots.takeOrderAttribution(state.call { Native.engineOrderAttribution(it, utf8(orderId)) })

    /**
     * The rewards a sharer earned at either level, oldest first, as of now.
     * @throws SocialCartException INVALID_ARGUMENT (field "sharer_id"), INVALID_UTF8.
     */
    fun referralRewards(sharerId: String): List<ReferralReward> =
        Snapshots.takeReferralRewards(state.call { Native.engineReferralRewards(it, utf8(sharerId)) })

    /**
     * The opens and orders refused for a sharer, oldest first, with the reason of each.
     * @throws SocialCartException INVALID_ARGUMENT (field "sharer_id"), INVALID_UTF8.
     */
    fun referralRefusals(sharerId: String): List<ReferralRefusal> =
        Snapshots.takeReferralRefusals(state.call { Native.engineReferralRefusals(it, utf8(sharerId)) })

    /**
     * The statistics of one sharer's links and rewards.
     * @throws SocialCartException INVALID_ARGUMENT (field "sharer_id"), INVALID_UTF8.
     */
    fun referralStatsOfSharer(sharerId: String): ReferralStats =
        Snapshots.takeReferralStats(state.call { Native.engineReferralStats(it, utf8(sharerId), 0, null) })

    /**
     * The statistics of the links to one target, e.g. a campaign.
     * @throws SocialCartException INVALID_ARGUMENT (field "target": [ShareTarget.UNKNOWN]; field
     *   "target_id"), INVALID_UTF8.
     */
    fun referralStatsOfTarget(target: ShareTarget, targetId: String): ReferralStats =
        Snapshots.takeReferralStats(state.call {
            Native.engineReferralStats(it, null, target.value, utf8(targetId))
        })

    /** The statistics of every link. */
    fun referralStats(): ReferralStats =
        Snapshots.takeReferralStats(state.call { Native.engineReferralStats(it, null, 0, null) })

    // ------------------------------------------------------------- group-buy

    /**
     * Puts a group-buy campaign: one entry of the program document's "group_buy.campaigns"
     * (`{"id", "sku_id", "group_price", "group_size" (2-100), "lifetime_minutes", "starts_at",
     * "ends_at", "leader", "limits", "stock", "virtual_fill"}`), replacing the campaign with its
     * id. Putting the stored campaign again changes nothing. Event group_campaign.put.
     * Shoppers open and join its groups through [checkout] with [CheckoutRequest.group].
     * @throws SocialCartException VALIDATION (the field at fault, e.g. "group_size": a setting
     *   out of range, a SKU that does not exist ("sku_id"), a stock below what the campaign sold
     *   and unpaid orders hold ("stock")), INVALID_ARGUMENT (field "json"), INVALID_UTF8.
     */
    fun putGroupCampaign(json: String) = state.call { Native.engineGroupbuyCampaignPut(it, utf8(json)) }

    /**
     * Reads a campaign's settings.
     * @throws SocialCartException NOT_FOUND (field "campaign_id"), INVALID_ARGUMENT (field
     *   "campaign_id"), INVALID_UTF8.
     */
    fun groupCampaign(campaignId: String): GroupCampaign =
        Snapshots.takeGroupCampaign(state.call { Native.engineGroupbuyCampaignGet(it, utf8(campaignId)) })

    /**
     * Reads a group as of now: past its deadline it reads failed or filled, and a seat whose
     * payment window passed reads released, before a write (or [sweep]) settles them.
     * @throws SocialCartException NOT_FOUND (field "group_id"), INVALID_ARGUMENT (field
     *   "group_id"), INVALID_UTF8.
     */
    fun group(groupId: String): Group = Snapshots.takeGroup(state.call { Native.engineGroupGet(it, utf8(groupId)) })

    /**
     * The group an order holds a seat in, as [group] reads it (for the invite link after a
     * leader's checkout); null when the order is not a group order.
     * @throws SocialCartException NOT_FOUND (field "order_id"), INVALID_ARGUMENT (field
     *   "order_id"), INVALID_UTF8.
     */
    fun groupOfOrder(orderId: String): Group? =
        Snapshots.takeGroupOrNull(state.call { Native.engineOrderGroup(it, utf8(orderId)) })

    /**
     * The open groups of a campaign a shopper may join, fewest seats left first ("1 more person
     * needed"), then the earliest deadline.
     * @param limit 1..100.
     * @throws SocialCartException NOT_FOUND (field "campaign_id"), INVALID_ARGUMENT (field
     *   "campaign_id" or "limit"), INVALID_UTF8.
     */
    @JvmOverloads
    fun openGroups(campaignId: String, limit: Int = 20): List<Group> =
        Snapshots.takeGroups(state.call { Native.engineGroupsOpen(it, utf8(campaignId), limit.toLong()) })

    /**
     * The groups a shopper has or had a seat in, newest first.
     * @param limit 1..100.
     * @throws SocialCartException INVALID_ARGUMENT (field "user_id" or "limit"), INVALID_UTF8.
     */
    @JvmOverloads
    fun groupsOfUser(userId: String, limit: Int = 20): List<Group> =
        Snapshots.takeGroups(state.call { Native.engineGroupsOfUser(it, utf8(userId), limit.toLong()) })

    /**
     * A campaign's figures as of now: groups opened, open, filled (virtually or not) and
     * failed, the success rate, the average time to fill and the units sold.
     * @throws SocialCartException NOT_FOUND (field "campaign_id"), INVALID_ARGUMENT (field
     *   "campaign_id"), INVALID_UTF8.
     */
    fun groupReport(campaignId: String): GroupReport =
        Snapshots.takeGroupReport(state.call { Native.engineGroupbuyReport(it, utf8(campaignId)) })

    // ----------------------------------------------------------- flash sales

    /**
     * Puts a flash sale: one entry of the program document's "flash_sales" (`{"id", "sku_id",
     * "sale_price", "starts_at", "ends_at", "utc_offset_minutes", "slots": [{"start": "HH:MM",
     * "minutes"}], "stock_per_slot", "max_units_per_order", "max_units_per_user_per_day"}`),
     * replacing the sale with its id. Putting the stored sale again changes nothing. A slot keeps
     * the stock it had when its first order was placed; a new stock_per_slot applies to slots
     * with no order yet. Event flash_sale.put. Shoppers buy through [checkout] with
     * [CheckoutRequest.flashSale].
     * @throws SocialCartException VALIDATION (the field at fault: a setting out of range,
     *   overlapping slots, a SKU that does not exist; no field for text that is not a JSON
     *   object), INVALID_ARGUMENT (field "json"), INVALID_UTF8.
     */
    fun putFlashSale(json: String) = state.call { Native.engineFlashSalePut(it, utf8(json)) }

    /**
     * Reads a flash sale's settings.
     * @throws SocialCartException NOT_FOUND (field "sale_id"), INVALID_ARGUMENT (field
     *   "sale_id"), INVALID_UTF8.
     */
    fun flashSale(saleId: String): FlashSale =
        Snapshots.takeFlashSale(state.call { Native.engineFlashSaleGet(it, utf8(saleId)) })

    /**
     * The slots running now or to come, earliest first, with their stock as of now. Units held
     * by unpaid orders whose window has passed count as left.
     * @param saleId one sale, or null for every sale's slots together.
     * @param limit 1..100.
     * @throws SocialCartException NOT_FOUND (field "sale_id"), INVALID_ARGUMENT (field
     *   "sale_id" or "limit"), INVALID_UTF8.
     */
    @JvmOverloads
    fun flashSlots(saleId: String? = null, limit: Int = 20): List<FlashSlot> =
        Snapshots.takeFlashSlots(state.call { Native.engineFlashSlots(it, utf8OrNull(saleId), limit.toLong()) })

    /**
     * A slot's figures as of now: stock, units sold, held and left, its orders (paid, lapsed,
     * cancelled) and how long it took to sell out.
     * @param slotStartsAtMs the slot's start (UTC ms), as [FlashSlot.startsAtMs] gives it.
     * @throws SocialCartException NOT_FOUND (field "sale_id" or "slot_starts_at"),
     *   INVALID_ARGUMENT (field "sale_id"), INVALID_UTF8.
     */
    fun flashReport(saleId: String, slotStartsAtMs: Long): FlashReport =
        Snapshots.takeFlashReport(state.call { Native.engineFlashReport(it, utf8(saleId), slotStartsAtMs) })

    // -------------------------------------------------------------- bargains

    /**
     * Puts a bargain program: one entry of the program document's "bargains.programs" (`{"id",
     * "sku_id", "floor_price" (≥ 0), "helpers" (1-100), "lifetime_minutes" (1-43200),
     * "starts_at", "ends_at"}`), replacing the program with its id. Putting the stored program
     * again changes nothing. Event bargain_program.put.
     * @throws SocialCartException VALIDATION (the field at fault: a setting out of range, a SKU
     *   that does not exist, "floor_price" when the SKU's list price less the floor is below the
     *   helpers; no field for text that is not a JSON object), INVALID_ARGUMENT (field "json"),
     *   INVALID_UTF8.
     */
    fun putBargainProgram(json: String) = state.call { Native.engineBargainProgramPut(it, utf8(json)) }

    /**
     * Reads a bargain program's settings.
     * @throws SocialCartException NOT_FOUND (field "program_id"), INVALID_ARGUMENT (field
     *   "program_id"), INVALID_UTF8.
     */
    fun bargainProgram(programId: String): BargainProgram =
        Snapshots.takeBargainProgram(state.call { Native.engineBargainProgramGet(it, utf8(programId)) })

    /**
     * Opens a bargain of the program for the shopper at the SKU's list price; share it with a
     * link targeting [ShareTarget.BARGAIN]. A retry with the same key returns the first bargain.
     * Event bargain.opened. The shopper buys it through [checkout] with
     * [CheckoutRequest.bargainId].
     * @throws SocialCartException NOT_FOUND (field "program_id"), INVALID_STATE (field
     *   "program_id": before the program's window, the SKU's list price leaves less than one
     *   minor unit per helper above the floor, or the shopper already has a live bargain of the
     *   program), EXPIRED (field "program_id": after the window), IDEMPOTENCY_CONFLICT,
     *   INVALID_ARGUMENT (field "program_id", "user_id" or "idempotency_key"), INVALID_UTF8.
     */
    fun openBargain(programId: String, userId: String, idempotencyKey: String): Bargain =
        Snapshots.takeBargain(state.call {
            Native.engineBargainOpen(it, utf8(programId), utf8(userId), utf8(idempotencyKey))
        })

    /**
     * A friend helps: cuts the bargain's price by a random amount drawn from the engine's random
     * source ([EngineOptions.random]), keeping at least one minor unit per help still to come, so
     * the H-th help lands on the floor. A retry with the same key returns the first result (the
     * bargain as of now and that help's amount). Events bargain.helped and, with the H-th help,
     * bargain.floor_reached.
     * @throws SocialCartException NOT_FOUND (field "bargain_id"), INVALID_STATE (field
     *   "user_id": the opener, or a friend who already helped; field "bargain_id": the floor is
     *   reached or it was bought), EXPIRED (field "bargain_id"), IDEMPOTENCY_CONFLICT,
     *   INVALID_ARGUMENT (field "bargain_id", "helper_user_id" or "idempotency_key"),
     *   INVALID_UTF8.
     */
    fun helpBargain(bargainId: String, helperUserId: String, idempotencyKey: String): BargainHelpResult {
        val amount = LongArray(1)
        val bargain = Snapshots.takeBargain(state.call {
            Native.engineBargainHelp(it, utf8(bargainId), utf8(helperUserId), utf8(idempotencyKey), amount)
        })
        return BargainHelpResult(bargain, amount[0])
    }

    /**
     * Reads a bargain as of now: past its deadline a bargain not bought reads expired before a
     * write (or [sweep]) settles it.
     * @throws SocialCartException NOT_FOUND (field "bargain_id"), INVALID_ARGUMENT (field
     *   "bargain_id"), INVALID_UTF8.
     */
    fun bargain(bargainId: String): Bargain =
        Snapshots.takeBargain(state.call { Native.engineBargainGet(it, utf8(bargainId)) })

    /**
     * The bargains a shopper opened, newest first, as of now.
     * @param limit 1..100.
     * @throws SocialCartException INVALID_ARGUMENT (field "user_id" or "limit"), INVALID_UTF8.
     */
    @JvmOverloads
    fun bargainsOfUser(userId: String, limit: Int = 20): List<Bargain> =
        Snapshots.takeBargains(state.call { Native.engineBargainsOfUser(it, utf8(userId), limit.toLong()) })

    /**
     * A program's figures as of now: bargains opened, completed (reached the floor), expired and
     * bought, the helps, helpers per completion (hundredths) and the conversion (basis points).
     * @throws SocialCartException NOT_FOUND (field "program_id"), INVALID_ARGUMENT (field
     *   "program_id"), INVALID_UTF8.
     */
    fun bargainReport(programId: String): BargainReport =
        Snapshots.takeBargainReport(state.call { Native.engineBargainReport(it, utf8(programId)) })

    // ---------------------------------------------------------------- events

    /**
     * Reads up to limit (1..10000) events after afterSeq, in order.
     * @throws SocialCartException INVALID_ARGUMENT.
     */
    @JvmOverloads
    fun readEvents(afterSeq: Long = 0, limit: Int = 1000): List<Event> =
        Snapshots.takeEvents(state.call { Native.engineEventsRead(it, afterSeq, limit.toLong()) })

    /**
     * Up to [limit] events of one type (e.g. "order.paid") with a sequence
     * number greater than [afterSeq], in order. An unknown type has no events.
     * @throws SocialCartException INVALID_ARGUMENT (field "type", "after_seq" or "limit").
     */
    @JvmOverloads
    fun readEvents(type: String, afterSeq: Long = 0, limit: Int = 1000): List<Event> =
        Snapshots.takeEvents(state.call { Native.engineEventsReadType(it, utf8(type), afterSeq, limit.toLong()) })

    /** The sequence number of the latest event in the log; 0 when it is empty. */
    fun latestEventSeq(): Long = state.call { Native.engineEventsLatestSeq(it) }

    /**
     * Calls listener with the events of each engine call made through this
     * engine, in sequence order, after its transaction committed and outside
     * the engine's lock. It runs on the thread of an engine call that wrote:
     * the calling thread when one thread writes at a time (for [suspending]
     * calls: an IO thread); when several threads write at once, another
     * writer's thread may deliver, so a listener may run on a thread other than
     * the one whose call made the events, after that call returned. A slow
     * listener delays only the thread delivering. The listener may call the
     * engine; the events of a write made from inside it are delivered after the
     * current batch. An exception from the listener goes to onError (default:
     * printed to stderr), never to the caller.
     *
     * The subscription lasts until it is closed or the engine is. (Kotlin only: Swift
     * offers the stream form, [events], alone.)
     */
    fun subscribe(listener: (Event) -> Unit): Subscription =
        subscribeInternal(listener, DEFAULT_LISTENER_ERROR, null)

    /** [subscribe] with a handler for exceptions thrown by the listener. */
    fun subscribe(onError: (Throwable) -> Unit, listener: (Event) -> Unit): Subscription =
        subscribeInternal(listener, onError, null)

    /**
     * The events of this engine's calls from now on, in sequence order, as a channel with an
     * unlimited buffer (Swift: `events()`, an `AsyncStream`). Each event is in the channel
     * when the listener delivering it returns (see [subscribe] for on which thread and when
     * that is); a slow consumer only lets the buffer grow. Cancelling the channel ends the
     * subscription; closing the engine closes the channel, after the events already in it.
     *
     * The same source compiles and behaves alike with kotlinx-coroutines 1.0 (Debian's, which
     * the tests use) and current releases (1.8 in the Android module); see [sendNow].
     */
    fun events(): ReceiveChannel<Event> {
        val channel = Channel<Event>(Channel.UNLIMITED)
        val sub = subscribeInternal({ e -> sendNow(channel, e) }, DEFAULT_LISTENER_ERROR, { channel.close() })
        // Weakly: the channel is reachable from the cleaner through onEnd.
        val ref = java.lang.ref.WeakReference(sub)
        channel.invokeOnClose { ref.get()?.close() }
        return channel
    }

    private fun subscribeInternal(
        listener: (Event) -> Unit,
        onError: (Throwable) -> Unit,
        onEnd: (() -> Unit)?
    ): Subscription {
        val subscription = Subscription(listener, onError, subscriptions)
        val sink = EventSink(java.lang.ref.WeakReference(subscription))
        state.call { h ->
            val sh = Native.engineSubscribe(h, sink)
            subscription.attach(state.addSubscription(sh, onEnd))
        }
        subscriptions.add(subscription)
        return subscription
    }

    /** What a [Subscription] delivers through; the JNI layer holds it by a global reference. */
    internal class EventSink(private val target: java.lang.ref.WeakReference<Subscription>) {
        fun onEvents(events: Long) {
            val subscription = target.get() ?: return
            subscription.deliver(events)
        }
    }
}
