package socialcart

import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.channels.ClosedReceiveChannelException
import kotlinx.coroutines.channels.ReceiveChannel
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeout
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertSame
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Test
import java.util.concurrent.CancellationException

/** How long a receive may wait for an event that must come: a guard against a hang, not a clock. */
const val RECEIVE_MS = 10_000L

/** The next event, which must arrive. */
fun ReceiveChannel<Event>.next(): Event = runBlocking { withTimeout(RECEIVE_MS) { receive() } }

/** The next n events, which must arrive. */
fun ReceiveChannel<Event>.next(n: Int): List<Event> = runBlocking { withTimeout(RECEIVE_MS) { (1..n).map { receive() } } }

/**
 * receive() fails on a cancelled channel: ClosedReceiveChannelException with
 * kotlinx-coroutines 1.0, a CancellationException with current releases.
 */
fun assertReceiveFails(channel: ReceiveChannel<Event>) {
    try {
        val e = runBlocking { withTimeout(RECEIVE_MS) { channel.receive() } }
        fail("received $e from a cancelled channel")
    } catch (expected: ClosedReceiveChannelException) {
    } catch (expected: CancellationException) {
        // (withTimeout's own TimeoutCancellationException would be one too: not expected here)
        assertFalse(expected.javaClass.name.contains("Timeout"))
    }
}

class EventsTest : EngineTestBase() {
    @Test
    fun readEventsInOrder() {
        val e = openShop()
        val order = placeOrder(e)
        clock.advance(7)
        e.pay(order.id, "ref", order.total, "k")
        val all = e.readEvents()
        assertTrue(all.size >= 3)
        assertEquals((1L..all.size.toLong()).toList(), all.map { it.seq }) // gap-free from 1
        val paid = all.last { it.type == "order.paid" }
        assertEquals(order.id, paid.subjectId)
        assertEquals(T0 + 7, paid.timeMs)
        assertTrue(paid.payload, paid.payload.trim().startsWith("{"))
        // Paging.
        assertEquals(all.take(2), e.readEvents(0, 2))
        assertEquals(all.drop(2), e.readEvents(2, 10_000))
        assertEquals(emptyList<Event>(), e.readEvents(all.last().seq, 1))
    }

    @Test
    fun readEventsErrors() {
        val e = openShop()
        expectError(ErrorCode.INVALID_ARGUMENT) { e.readEvents(0, 0) }
        expectError(ErrorCode.INVALID_ARGUMENT) { e.readEvents(0, 10_001) }
        expectError(ErrorCode.INVALID_ARGUMENT) { e.readEvents(0, -1) }
        expectError(ErrorCode.INVALID_ARGUMENT) { e.readEvents(-1, 10) }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineEventsRead(0, 0, 10) }
    }

    @Test
    fun subscribeDeliversOnTheCallingThread() {
        val e = openShop()
        val seen = ArrayList<Event>()
        val threads = HashSet<Thread>()
        val sub = e.subscribe { ev -> seen.add(ev); threads.add(Thread.currentThread()) }
        assertFalse(sub.isClosed)
        val before = e.readEvents().size.toLong()
        val order = placeOrder(e)
        e.pay(order.id, "ref", order.total, "k")
        assertEquals(e.readEvents(before, 1000), seen)
        assertEquals(setOf(Thread.currentThread()), threads)
        sub.close()
        sub.close()
        assertTrue(sub.isClosed)
        val count = seen.size
        e.addToCart("u1", "tea", 1)
        assertEquals(count, seen.size)
    }

    @Test
    fun aListenerMayCallTheEngine() {
        val e = openShop()
        val carts = ArrayList<Int>()
        e.subscribe { _ -> carts.add(e.cart("u1").lines.size) }
        e.addToCart("u1", "tea", 1)
        assertTrue(carts.isNotEmpty())
        assertEquals(1, carts.last())
    }

    @Test
    fun aThrowingListenerDoesNotFailTheCall() {
        val e = openShop()
        val errors = ArrayList<Throwable>()
        e.subscribe({ t -> errors.add(t) }) { _ -> throw IllegalStateException("listener bug") }
        e.addToCart("u1", "tea", 1)
        assertEquals(1L, e.cart("u1").line("tea")!!.quantity)
        assertTrue(errors.isNotEmpty())
        assertEquals("listener bug", errors[0].message)
    }

    @Test
    fun closingTheEngineInsideAListenerWaitsForTheCall() {
        val e = openShop()
        e.subscribe { _ -> e.close() }
        e.addToCart("u1", "tea", 1) // completes; the engine closes when it returns
        assertTrue(e.isClosed)
        expectError(ErrorCode.INVALID_STATE) { e.cart("u1") }
    }

    @Test
    fun otherHandlesAreNotDelivered() {
        val a = openShop()
        val b = open()
        val seen = ArrayList<Event>()
        a.subscribe { ev -> seen.add(ev) }
        b.addToCart("u9", "tea", 1)
        assertEquals(emptyList<Event>(), seen)
        assertEquals("u9", a.cart("u9").userId)
        assertEquals(b.readEvents(), a.readEvents())
    }

    @Test
    fun subscribeErrors() {
        val e = openShop()
        val sink = Engine.EventSink(java.lang.ref.WeakReference<Subscription>(null))
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineSubscribe(0, sink) }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.engineSubscribe(e.handleForTests, null) }
        val sub = e.subscribe { _ -> }
        e.close()
        assertTrue(sub.isClosed) // closing the engine ends its subscriptions
        sub.close()
        expectError(ErrorCode.INVALID_STATE) { e.subscribe { _ -> } }
    }

    // ------------------------------------------------------- events() channels
    // Real deliveries through the library's subscription, times from the injected clock;
    // a receive waits at most RECEIVE_MS for an event that must come (never a sleep).

    @Test
    fun eventsDeliversEveryEventInOrder() {
        val e = openShop()
        val channel: ReceiveChannel<Event> = e.events()
        val before = e.latestEventSeq()
        clock.advance(5)
        val order = placeOrder(e)
        clock.advance(7)
        e.pay(order.id, "ref", order.total, "k")
        val expected = e.readEvents(before, 1000)
        assertTrue(expected.size >= 4)
        assertEquals(expected, channel.next(expected.size))
        assertEquals(T0 + 12, expected.last { it.type == "order.paid" }.timeMs)
        // Nothing else is in between: the next event is the next write's.
        e.addToCart("u2", "tea", 1)
        val marker = channel.next()
        assertEquals("cart.line_added", marker.type)
        assertEquals("u2", marker.subjectId)
        channel.cancel()
    }

    @Test
    fun aWaitingReceiverIsResumedOnItsOwnDispatcher(): Unit = runBlocking<Unit> {
        val e = openShop()
        val channel = e.events()
        var received: Event? = null
        // Suspended in receive() before the write; it resumes on this runBlocking loop.
        val receiver = launch(start = CoroutineStart.UNDISPATCHED) { received = channel.receive() }
        assertTrue(receiver.isActive)
        // A coroutine queued on this loop before the engine call, not yet run.
        var inCall = false
        var ranInsideTheCall = false
        val queued = launch { ranInsideTheCall = inCall }
        inCall = true
        e.addToCart("u1", "tea", 1)
        inCall = false
        // The delivery ran no coroutine of this loop inside the engine call: it only queued
        // the receiver's resumption. (With current kotlinx-coroutines, `runBlocking { send }`
        // in the listener would share this thread's event loop and run the queued coroutine
        // inside the listener; 1.0, which runs here, gives each runBlocking a loop of its own.)
        assertNull(received)
        queued.join()
        receiver.join()
        assertFalse(ranInsideTheCall)
        assertEquals(e.readEvents().last(), received)
        channel.cancel()
    }

    @Test
    fun aCallerWithItsInterruptFlagSetStillDelivers() {
        val e = openShop()
        val channel = e.events()
        Thread.currentThread().interrupt()
        try {
            e.addToCart("u1", "tea", 1)
            // The flag is the caller's: left as it was (runBlocking would throw
            // InterruptedException in the listener, clear the flag and lose the event).
            assertTrue(Thread.currentThread().isInterrupted)
        } finally {
            Thread.interrupted()
        }
        assertEquals("cart.line_added", channel.next().type)
        channel.cancel()
    }

    @Test
    fun eventsOfCallsOnOtherThreadsArrive(): Unit = runBlocking<Unit> {
        val e = openShop()
        val channel = e.events()
        val before = e.latestEventSeq()
        clock.advance(3)
        e.suspending.addToCart("u1", "tea", 2)                           // on an IO thread
        val order = withContext(Dispatchers.IO) { e.checkout("u1", "co") } // on another
        val expected = e.readEvents(before, 100)
        assertEquals(listOf("cart.line_added", "order.created", "hold.placed"), expected.map { it.type })
        val got = withTimeout(RECEIVE_MS) { expected.map { channel.receive() } }
        assertEquals(expected, got)
        assertEquals(order.id, got[1].subjectId)
        assertTrue(got.all { it.timeMs == T0 + 3 })
        channel.cancel()
    }

    @Test
    fun cancellingTheChannelEndsTheSubscription() {
        val e = openShop()
        val live = SocialCart.liveObjectCount
        val channel = e.events()
        assertEquals(live + 1, SocialCart.liveObjectCount) // the native subscription
        e.addToCart("u1", "tea", 1)
        assertEquals("cart.line_added", channel.next().type)
        channel.cancel()
        assertEquals(live, SocialCart.liveObjectCount)
        e.addToCart("u1", "tea", 1) // no listener left to deliver to
        assertReceiveFails(channel)
    }

    @Test
    fun closingTheEngineClosesTheChannelAfterItsEvents() {
        val e = openShop()
        val channel = e.events()
        e.addToCart("u1", "tea", 1)
        e.close()
        assertEquals("cart.line_added", channel.next().type) // still buffered
        try {
            runBlocking { withTimeout(RECEIVE_MS) { channel.receive() } }
            fail("the channel should be closed")
        } catch (expected: ClosedReceiveChannelException) {
        }
        expectError(ErrorCode.INVALID_STATE) { e.events() }
    }

    @Test
    fun eventSinkIgnoresACollectedSubscription() {
        val sink = Engine.EventSink(java.lang.ref.WeakReference<Subscription>(null))
        sink.onEvents(0)
        val sub = Subscription({ _ -> }, { _ -> }, HashSet())
        assertSame(true, sub.isClosed)
    }
}
