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
 *   epoch. It is called on the thread that made the engine call, possibly on
 *   several threads at once (so it must be thread-safe), and must not call the
 *   engine. It should not throw: if it does, the exception is printed and the
 *   clock's last good reading (or the system clock) is used instead.
 * @property cacheSizeKib the page cache of each of the engine's database
 *   connections, 256..1048576 KiB (library default 8192 KiB). Memory is taken
 *   only as pages are used.
 * @property readConnections how many reader connections the engine may open,
 *   0..64 (library default 4). Reads use them beside the writer; 0 makes reads
 *   share the writer's connection (and wait for writes), for the smallest
 *   memory footprint. ":memory:" always reads through the writer.
 * @property eventRetentionMs how long events are kept before [Engine.compact]
 *   removes them, 3600000 (1 hour)..3153600000000 ms (100 years) (library
 *   default 30 days).
 * @property idempotencyRetentionMs how long idempotency keys are remembered
 *   before [Engine.compact] forgets them (the key is then new again),
 *   3600000 (1 hour)..3153600000000 ms (100 years) (library default 30 days).
 * @property log receives the engine's log messages (English, for developers,
 *   never personal data). It runs on the thread of the engine call that made
 *   the message (for suspending calls, an IO thread), after the call left the
 *   database, possibly on several threads at once: it must be thread-safe and
 *   must not call the engine. An exception it throws is printed and dropped.
 * @property logLevel the least level that reaches [log] (library default
 *   [LogLevel.INFO]).
 * @property random replaces the engine's random source (library default OpenSSL's RAND):
 *   each call returns a fresh uniform 64-bit draw (its bits read as unsigned). It draws the
 *   bargain cuts ([Engine.helpBargain]), once per help, so tests and replays can script them.
 *   It is called on the thread of the help call, possibly on several threads at once (so it
 *   must be thread-safe), and must not call the engine. It should not throw: if it does, the
 *   exception is printed and a draw of [java.security.SecureRandom] is used instead.
 */
data class EngineOptions(
    val durability: Durability? = null,
    val paymentWindowMs: Long? = null,
    val busyTimeoutMs: Long? = null,
    val clock: (() -> Long)? = null,
    val cacheSizeKib: Long? = null,
    val readConnections: Int? = null,
    val eventRetentionMs: Long? = null,
    val idempotencyRetentionMs: Long? = null,
    val log: ((LogLevel, String) -> Unit)? = null,
    val logLevel: LogLevel? = null,
    val random: (() -> Long)? = null
) {
    /** Builds an sc_options handle; the caller frees it. */
    internal fun toNative(): Long {
        val h = Native.optionsNew()
        try {
            if (durability != null) Native.optionsSetDurability(h, durability.value)
            if (paymentWindowMs != null) Native.optionsSetPaymentWindowMs(h, paymentWindowMs)
            if (busyTimeoutMs != null) Native.optionsSetBusyTimeoutMs(h, busyTimeoutMs)
            if (cacheSizeKib != null) Native.optionsSetCacheSizeKib(h, cacheSizeKib)
            if (readConnections != null) Native.optionsSetReadConnections(h, readConnections.toLong())
            if (eventRetentionMs != null) Native.optionsSetEventRetentionMs(h, eventRetentionMs)
            if (idempotencyRetentionMs != null) Native.optionsSetIdempotencyRetentionMs(h, idempotencyRetentionMs)
            if (clock != null) Native.optionsSetClock(h, ClockAdapter(clock))
            if (random != null) Native.optionsSetRandom(h, RandomAdapter(random))
            if (log != null) Native.optionsSetLog(h, LogAdapter(log))
            if (logLevel != null) Native.optionsSetLogLevel(h, logLevel.value)
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

/** What the JNI random source calls: `next()J`. Never lets an exception reach C. */
internal class RandomAdapter(private val fn: () -> Long) {
    fun next(): Long {
        return try {
            fn()
        } catch (t: Throwable) {
            System.err.println("socialcart: the random source threw; using a SecureRandom draw instead")
            t.printStackTrace()
            fallback.nextLong()
        }
    }

    private companion object {
        val fallback = java.security.SecureRandom()
    }
}

/** What the JNI log callback calls: `log(ILjava/lang/String;)V`. Never lets an exception reach C. */
internal class LogAdapter(private val fn: (LogLevel, String) -> Unit) {
    fun log(level: Int, message: String) {
        try {
            fn(LogLevel.of(level), message)
        } catch (t: Throwable) {
            System.err.println("socialcart: the log callback threw; the message is dropped")
            t.printStackTrace()
        }
    }
}
