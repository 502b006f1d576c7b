package socialcart

import java.lang.ref.PhantomReference
import java.lang.ref.ReferenceQueue
import java.util.Collections
import java.util.IdentityHashMap
import java.util.concurrent.atomic.AtomicBoolean

/**
 * A small stand-in for java.lang.ref.Cleaner, which Android only has from
 * API 33: runs an action once an object has become phantom reachable, on one
 * daemon thread. It is the backstop for handles nobody closed; closing
 * explicitly ([Cleanable.clean]) runs the action at once and unregisters it.
 *
 * The action must not reference the object it cleans up after (or it never
 * becomes unreachable).
 */
internal object NativeCleaner {
    private val queue = ReferenceQueue<Any>()

    /** Keeps the references themselves reachable until they are cleaned. */
    private val live: MutableSet<Ref> = Collections.synchronizedSet(
        Collections.newSetFromMap(IdentityHashMap<Ref, Boolean>())
    )

    /** A registered cleanup action. */
    interface Cleanable {
        /** Runs the action if it has not run yet, and forgets the registration. */
        fun clean()
    }

    private class Ref(referent: Any, private val action: Runnable) :
        PhantomReference<Any>(referent, queue), Cleanable {
        private val done = AtomicBoolean(false)

        override fun clean() {
            if (done.compareAndSet(false, true)) {
                live.remove(this)
                clear()
                action.run()
            }
        }
    }

    private val thread: Thread = Thread({
        while (true) {
            try {
                (queue.remove() as Ref).clean()
            } catch (e: InterruptedException) {
                // Daemon thread: keep serving.
            } catch (t: Throwable) {
                System.err.println("socialcart: a cleanup action failed: $t")
            }
        }
    }, "socialcart-cleaner").apply {
        isDaemon = true
        start()
    }

    fun register(obj: Any, action: Runnable): Cleanable {
        val ref = Ref(obj, action)
        live.add(ref)
        return ref
    }

    /** How many registrations are waiting (for tests). */
    val pending: Int
        get() = live.size
}
