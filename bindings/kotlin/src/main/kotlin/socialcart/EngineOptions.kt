package socialcart

/**
 * Settings for [Engine.open]. Null means the library's default.
 *
 * @property durability what a commit waits for (library default [Durability.FULL]).
 * @property paymentWindowMs how long an unpaid order holds its stock,
 *   1000..604800000 ms (library default 15 minutes).
 * @property busyTimeoutMs how long a write waits for another process's lock,
 *   0..600000 ms (library default 5000).
 * @property clock replaces the system clock: returns UTC milliseconds since the
 *   epoch. It is called on the thread that made the engine call and must not
 *   call the engine. It should not throw: if it does, the exception is printed
 *   and the clock's last good reading (or the system clock) is used instead.
 */
data class EngineOptions(
    val durability: Durability? = null,
    val paymentWindowMs: Long? = null,
    val busyTimeoutMs: Long? = null,
    val clock: (() -> Long)? = null
) {
    /** Builds an sc_options handle; the caller frees it. */
    internal fun toNative(): Long {
        val h = Native.optionsNew()
        try {
            if (durability != null) Native.optionsSetDurability(h, durability.value)
            if (paymentWindowMs != null) Native.optionsSetPaymentWindowMs(h, paymentWindowMs)
            if (busyTimeoutMs != null) Native.optionsSetBusyTimeoutMs(h, busyTimeoutMs)
            if (clock != null) Native.optionsSetClock(h, ClockAdapter(clock))
            return h
        } catch (t: Throwable) {
            Native.optionsFree(h)
            throw t
        }
    }
}

/** What the JNI clock calls: `now()J`. Never lets an exception reach C. */
internal class ClockAdapter(private val fn: () -> Long) {
    @Volatile
    private var last: Long = Long.MIN_VALUE

    fun now(): Long {
        return try {
            val v = fn()
            last = v
            v
        } catch (t: Throwable) {
            System.err.println("socialcart: the engine clock threw; using the last reading instead")
            t.printStackTrace()
            if (last != Long.MIN_VALUE) last else System.currentTimeMillis()
        }
    }
}
