package socialcart

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

    /** Settles every deadline that has passed; returns how many orders were settled. */
    fun sweep(): Long = state.call { Native.engineSweep(it) }

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
    fun getSku(skuId: String): Sku = Snapshots.takeSku(state.call { Native.engineGetSku(it, utf8(skuId)) })

    /** The whole catalog, ordered by SKU id. */
    fun catalog(): List<Sku> = Snapshots.takeCatalog(state.call { Native.engineCatalog(it) })

    /**
     * Validates a program document and applies it, all or nothing.
     * @throws SocialCartException VALIDATION (field names the place), CURRENCY_MISMATCH.
     */
    fun importProgram(json: String) = state.call { Native.engineImportProgram(it, utf8(json)) }

    /** The catalog as a program document that [importProgram] accepts. */
    fun exportProgram(): String = state.call { Native.engineExportProgram(it) }

    // ------------------------------------------------------------------ cart

    /**
     * Adds units of a SKU to the user's cart (not idempotent: retry with [cartSetQuantity]).
     * @throws SocialCartException INVALID_ARGUMENT (quantity < 1), NOT_FOUND, SKU_INACTIVE,
     *   LIMIT_EXCEEDED, OUT_OF_STOCK, OVERFLOW.
     */
    fun cartAdd(userId: String, skuId: String, quantity: Long) =
        state.call { Native.engineCartAdd(it, utf8(userId), utf8(skuId), quantity) }

    /** Sets the quantity of the line for skuId, creating it if absent. Errors as [cartAdd]. */
    fun cartSetQuantity(userId: String, skuId: String, quantity: Long) =
        state.call { Native.engineCartSetQuantity(it, utf8(userId), utf8(skuId), quantity) }

    /** Removes the line for skuId. @throws SocialCartException NOT_FOUND. */
    fun cartRemove(userId: String, skuId: String) =
        state.call { Native.engineCartRemove(it, utf8(userId), utf8(skuId)) }

    /** Ticks or unticks a line; only selected lines go to checkout. @throws SocialCartException NOT_FOUND. */
    fun cartSelect(userId: String, skuId: String, selected: Boolean) =
        state.call { Native.engineCartSelect(it, utf8(userId), utf8(skuId), selected) }

    /** Empties the user's cart. */
    fun cartClear(userId: String) = state.call { Native.engineCartClear(it, utf8(userId)) }

    /** Moves a guest's cart into a user's cart. @throws SocialCartException INVALID_ARGUMENT (same ids). */
    fun cartMerge(guestId: String, userId: String) =
        state.call { Native.engineCartMerge(it, utf8(guestId), utf8(userId)) }

    /** The user's cart with each line's problems (an unknown user has an empty cart). */
    fun cart(userId: String): Cart = Snapshots.takeCart(state.call { Native.engineCartGet(it, utf8(userId)) })

    // ----------------------------------------------------------------- quote

    /** What checkout would charge for the selected lines now. @throws SocialCartException OVERFLOW. */
    fun quote(userId: String): Quote = Snapshots.takeQuote(state.call { Native.engineQuote(it, utf8(userId)) })

    // ---------------------------------------------------------------- orders

    /**
     * Turns the selected cart lines into an order holding stock until its
     * payment deadline. A retry with the same key returns the same order.
     * @throws SocialCartException CART_EMPTY, SKU_INACTIVE, OUT_OF_STOCK, LIMIT_EXCEEDED,
     *   OVERFLOW, IDEMPOTENCY_CONFLICT.
     */
    fun checkout(userId: String, idempotencyKey: String): Order =
        Snapshots.takeOrder(state.call { Native.engineCheckout(it, utf8(userId), utf8(idempotencyKey)) })

    /** Reads an order (settling its payment deadline first). @throws SocialCartException NOT_FOUND. */
    fun order(orderId: String): Order =
        Snapshots.takeOrder(state.call { Native.engineOrderGet(it, utf8(orderId)) })

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

    // ---------------------------------------------------------------- events

    /**
     * Reads up to limit (1..10000) events after afterSeq, in order.
     * @throws SocialCartException INVALID_ARGUMENT.
     */
    @JvmOverloads
    fun readEvents(afterSeq: Long = 0, limit: Int = 1000): List<Event> =
        Snapshots.takeEvents(state.call { Native.engineEventsRead(it, afterSeq, limit.toLong()) })

    /**
     * Calls listener with the events of each engine call made through this
     * engine, after its transaction committed, on the thread that made the call
     * (for [suspending] calls: an IO thread). The listener may call the engine;
     * it must not block on another thread that uses it. An exception from the
     * listener goes to onError (default: printed to stderr), never to the caller.
     *
     * The subscription lasts until it is closed or the engine is.
     */
    fun subscribe(listener: (Event) -> Unit): Subscription =
        subscribeInternal(listener, DEFAULT_LISTENER_ERROR, null)

    /** [subscribe] with a handler for exceptions thrown by the listener. */
    fun subscribe(onError: (Throwable) -> Unit, listener: (Event) -> Unit): Subscription =
        subscribeInternal(listener, onError, null)

    /**
     * The engine's events as a channel (unlimited buffer). Cancelling the
     * channel ends the subscription; closing the engine closes the channel.
     */
    fun eventChannel(): kotlinx.coroutines.channels.ReceiveChannel<Event> {
        val channel = kotlinx.coroutines.channels.Channel<Event>(kotlinx.coroutines.channels.Channel.UNLIMITED)
        val sub = subscribeInternal({ e -> channel.offer(e) }, DEFAULT_LISTENER_ERROR, { channel.close() })
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

private val DEFAULT_LISTENER_ERROR: (Throwable) -> Unit = { t ->
    System.err.println("socialcart: an event listener threw")
    t.printStackTrace()
}

/** A subscription to an engine's events; [close] ends it (idempotent). */
class Subscription internal constructor(
    private val listener: (Event) -> Unit,
    private val onError: (Throwable) -> Unit,
    /** The engine's set that keeps this object alive; not the engine itself. */
    private val owner: MutableSet<Subscription>
) : Closeable {
    @Volatile
    private var native: EngineState.SubscriptionState? = null

    internal fun attach(s: EngineState.SubscriptionState) {
        native = s
    }

    internal fun deliver(events: Long) {
        val batch = try {
            Snapshots.readEvents(events)
        } catch (t: Throwable) {
            onError(t)
            return
        }
        for (e in batch) {
            try {
                listener(e)
            } catch (t: Throwable) {
                try {
                    onError(t)
                } catch (ignored: Throwable) {
                }
            }
        }
    }

    /** Whether the subscription has ended (closed, or its engine closed). */
    val isClosed: Boolean
        get() = native?.isFreed ?: true

    override fun close() {
        native?.free()
        owner.remove(this)
    }
}

/**
 * The engine's native state, shared by the Engine and its cleanup action. It
 * must never reference the Engine object (or the backstop could not run).
 */
internal class EngineState(private var handle: Long) : Runnable {
    private val lock = Object()
    private var inFlight = 0
    private var closing = false
    private val subscriptions = LinkedHashSet<SubscriptionState>()

    val isClosing: Boolean
        get() = synchronized(lock) { closing }

    /** Runs block with the engine handle, keeping the engine open meanwhile. */
    fun <T> call(block: (Long) -> T): T {
        val h = synchronized(lock) {
            if (closing) throw SocialCartException(ErrorCode.INVALID_STATE, "the engine is closed", null, false)
            inFlight++
            handle
        }
        try {
            return block(h)
        } finally {
            val finish = synchronized(lock) {
                inFlight--
                closing && inFlight == 0 && handle != 0L
            }
            if (finish) finish()
        }
    }

    /** Close (explicit or from the backstop): the last call in flight finishes the job. */
    override fun run() {
        val finish = synchronized(lock) {
            if (closing) return
            closing = true
            inFlight == 0
        }
        if (finish) finish()
    }

    private fun finish() {
        val h: Long
        val subs: List<SubscriptionState>
        synchronized(lock) {
            h = handle
            handle = 0L
            subs = ArrayList(subscriptions)
            subscriptions.clear()
        }
        if (h == 0L) return
        for (s in subs) s.free()
        Native.engineClose(h)
    }

    fun addSubscription(h: Long, onEnd: (() -> Unit)?): SubscriptionState {
        val s = SubscriptionState(h, onEnd)
        synchronized(lock) { subscriptions.add(s) }
        return s
    }

    /**
     * A native subscription handle. It is reachable from the cleaner, so it
     * must reference neither the Engine nor the Subscription (whose listener
     * may capture the engine). onEnd only closes an event channel.
     */
    inner class SubscriptionState(
        private var sub: Long,
        private val onEnd: (() -> Unit)?
    ) {
        val isFreed: Boolean
            get() = synchronized(this) { sub == 0L }

        fun free() {
            val h = synchronized(this) {
                val h = sub
                sub = 0L
                h
            }
            if (h == 0L) return
            synchronized(lock) { subscriptions.remove(this) }
            Native.subscriptionFree(h)
            try {
                onEnd?.invoke()
            } catch (t: Throwable) {
                DEFAULT_LISTENER_ERROR(t)
            }
        }
    }
}
