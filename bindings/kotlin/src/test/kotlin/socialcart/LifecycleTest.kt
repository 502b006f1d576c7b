package socialcart

import org.junit.Assert.assertEquals
import org.junit.Test
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

class LifecycleTest : EngineTestBase() {
    /** Opens an engine with a subscription and a channel, then drops every reference. */
    private fun openAndForget(start: Long) {
        val e = Engine.open(dbPath("forgotten.db"), options())
        e.importProgram(PROGRAM)
        e.subscribe { _ -> e.cart("u1") } // the listener captures the engine: no leak cycle
        e.events()
        e.addToCart("u1", "tea", 1)
        assertEquals(start + 3, SocialCart.liveObjectCount) // engine + 2 subscriptions
    }

    @Test
    fun anUnclosedEngineIsClosedByTheBackstop() {
        val start = SocialCart.liveObjectCount
        openAndForget(start)
        var tries = 0
        // Waiting for the garbage collector, not for the engine's clock.
        while (SocialCart.liveObjectCount != start && tries++ < 1000) {
            System.gc()
            Thread.sleep(10)
        }
        assertEquals(start, SocialCart.liveObjectCount)
    }

    @Test
    fun closeWaitsForCallsOnOtherThreads() {
        val e = openShop()
        val inCall = CountDownLatch(1)
        val release = CountDownLatch(1)
        e.subscribe { _ ->
            if (Thread.currentThread().name == "slow-caller") {
                inCall.countDown()
                release.await(10, TimeUnit.SECONDS)
            }
        }
        val result = arrayOfNulls<Any>(1)
        val t = Thread({
            try {
                e.addToCart("u1", "tea", 1)
                result[0] = e.cart("u1").lines.size
            } catch (ex: Throwable) {
                result[0] = ex
            }
        }, "slow-caller")
        t.start()
        inCall.await(10, TimeUnit.SECONDS)
        e.close() // the call in flight keeps the C engine open
        expectError(ErrorCode.INVALID_STATE) { e.cart("u1") }
        release.countDown()
        t.join(10_000)
        // The thread's follow-up call started after close().
        assertEquals(SocialCartException::class.java, result[0]!!.javaClass)
    }

    @Test
    fun manyThreadsShareOneEngine() {
        val e = openShop()
        val pool = Executors.newFixedThreadPool(4)
        try {
            val futures = (1..4).map { n ->
                pool.submit {
                    repeat(20) {
                        e.addToCart("user$n", "mooncake", 1)
                        e.catalog()
                    }
                }
            }
            futures.forEach { it.get(60, TimeUnit.SECONDS) }
        } finally {
            pool.shutdown()
        }
        for (n in 1..4) assertEquals(20L, e.cart("user$n").line("mooncake")!!.quantity)
    }
}
