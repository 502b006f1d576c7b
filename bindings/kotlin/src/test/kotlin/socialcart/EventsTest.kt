package socialcart

import kotlinx.coroutines.channels.ReceiveChannel
import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertSame
import org.junit.Assert.assertTrue
import org.junit.Test

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
        e.cartAdd("u1", "tea", 1)
        assertEquals(count, seen.size)
    }

    @Test
    fun aListenerMayCallTheEngine() {
        val e = openShop()
        val carts = ArrayList<Int>()
        e.subscribe { _ -> carts.add(e.cart("u1").lines.size) }
        e.cartAdd("u1", "tea", 1)
        assertTrue(carts.isNotEmpty())
        assertEquals(1, carts.last())
    }

    @Test
    fun aThrowingListenerDoesNotFailTheCall() {
        val e = openShop()
        val errors = ArrayList<Throwable>()
        e.subscribe({ t -> errors.add(t) }) { _ -> throw IllegalStateException("listener bug") }
        e.cartAdd("u1", "tea", 1)
        assertEquals(1L, e.cart("u1").line("tea")!!.quantity)
        assertTrue(errors.isNotEmpty())
        assertEquals("listener bug", errors[0].message)
    }

    @Test
    fun closingTheEngineInsideAListenerWaitsForTheCall() {
        val e = openShop()
        e.subscribe { _ -> e.close() }
        e.cartAdd("u1", "tea", 1) // completes; the engine closes when it returns
        assertTrue(e.isClosed)
        expectError(ErrorCode.INVALID_STATE) { e.cart("u1") }
    }

    @Test
    fun otherHandlesAreNotDelivered() {
        val a = openShop()
        val b = open()
        val seen = ArrayList<Event>()
        a.subscribe { ev -> seen.add(ev) }
        b.cartAdd("u9", "tea", 1)
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

    @Test
    fun eventChannel() {
        val e = openShop()
        val channel: ReceiveChannel<Event> = e.eventChannel()
        e.cartAdd("u1", "tea", 1)
        val expected = e.readEvents().last()
        val got = runBlocking {
            var last: Event? = null
            while (true) {
                val ev = channel.poll() ?: break
                last = ev
            }
            last
        }
        assertEquals(expected, got)
        channel.cancel()
        e.cartAdd("u1", "tea", 1)
        assertNull(runBlocking { channel.poll() })
    }

    @Test
    fun eventChannelClosesWithTheEngine() {
        val e = openShop()
        val channel = e.eventChannel()
        e.close()
        assertTrue(channel.isClosedForReceive)
        expectError(ErrorCode.INVALID_STATE) { e.eventChannel() }
    }

    @Test
    fun eventSinkIgnoresACollectedSubscription() {
        val sink = Engine.EventSink(java.lang.ref.WeakReference<Subscription>(null))
        sink.onEvents(0)
        val sub = Subscription({ _ -> }, { _ -> }, HashSet())
        assertSame(true, sub.isClosed)
    }
}
