package socialcart

import kotlinx.coroutines.channels.ClosedSendChannelException
import kotlinx.coroutines.channels.SendChannel
import java.io.Closeable
import java.util.concurrent.CancellationException
import kotlin.coroutines.Continuation
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.coroutines.startCoroutine

/**
 * Puts [event] into [channel] (created with `Channel.UNLIMITED`) from the listener, which is
 * not a coroutine and must not block.
 *
 * Why not the obvious calls: `offer`, the non-suspending send of kotlinx-coroutines 1.0, is
 * deprecated since 1.5 and an error since 1.6; its replacement `trySend` does
 * not exist before 1.5; `sendBlocking` went the same way (`trySendBlocking`). So no
 * non-suspending send exists in both. `runBlocking { channel.send(event) }` would compile
 * in both, but it throws InterruptedException (losing the event and clearing the flag) when
 * the calling thread's interrupt flag is set, and in current releases a nested runBlocking
 * shares the thread's event loop: called from a caller inside `runBlocking`, it would run
 * that loop's queued coroutines inside our listener (1.0 gave each runBlocking its own loop).
 *
 * What is left in both versions, neither deprecated nor experimental: [Channel.send], and
 * the standard library's `startCoroutine` (kotlin.coroutines, stable since Kotlin 1.3).
 * `send` runs at once on this thread, with no dispatcher, job or event loop; on an
 * UNLIMITED channel it never suspends (the buffer always takes the element), so the event
 * is in the channel when `startCoroutine` returns and events keep the order the listener
 * sees them in. If `send` ever did suspend, the channel would resume it later, still
 * without blocking this thread. A closed or cancelled channel makes `send` fail; that only
 * means the consumer is gone, and its invokeOnClose ends the subscription.
 */
internal fun sendNow(channel: SendChannel<Event>, event: Event) {
    val send: suspend () -> Unit = { channel.send(event) }
    send.startCoroutine(Continuation(EmptyCoroutineContext) { result ->
        val failure = result.exceptionOrNull()
        if (failure != null && failure !is ClosedSendChannelException && failure !is CancellationException) {
            DEFAULT_LISTENER_ERROR(failure)
        }
    })
}

internal val DEFAULT_LISTENER_ERROR: (Throwable) -> Unit = { t ->
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
