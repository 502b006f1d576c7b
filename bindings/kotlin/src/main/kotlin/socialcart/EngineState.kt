package socialcart

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
