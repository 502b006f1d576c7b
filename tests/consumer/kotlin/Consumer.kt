// A Kotlin host program outside the project: tests/consumer/kotlin/run.sh copies it to a
// temporary directory and compiles it against socialcart.jar alone (with the Kotlin standard
// library and kotlinx-coroutines), then runs it with java.library.path at the directory of
// libsocialcart_jni.so. It imports a program document, buys two units, pays, checks that the
// order.paid event came through the event channel, and prints the order total, which run.sh
// checks, with the versions of the jar (its manifest) and of the native library.
//
//   ConsumerKt DATABASE

import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import socialcart.Engine
import socialcart.EngineOptions
import socialcart.Event
import socialcart.OrderState
import socialcart.SocialCart
import kotlin.system.exitProcess

private const val PROGRAM = """
{"format":"socialcart.program/1","currency":"CNY","skus":[
 {"id":"tea","merchant_id":"m1","title":"Celadon tea","list_price":6800,"stock":10,"max_per_order":5}
]}
"""

private fun fail(message: String): Nothing {
    System.err.println("consumer: $message")
    exitProcess(1)
}

fun main(args: Array<String>) {
    if (args.size != 1) {
        System.err.println("usage: ConsumerKt DATABASE")
        exitProcess(2)
    }
    var now = 1_795_428_000_000L  // the injected clock
    val total = Engine.open(args[0], EngineOptions(clock = { now })).use { shop ->
        val events = shop.events()
        shop.importProgram(PROGRAM)
        shop.addToCart("u1", "tea", 2)
        val order = shop.checkout("u1", "checkout-1")
        now += 60_000
        val paid = shop.pay(order.id, "pay-1", order.total, "pay-1")
        if (paid.state != OrderState.PAID) fail("order is ${paid.state}, not PAID")
        val paidEvent: Event = runBlocking {
            withTimeout(10_000) {
                var e = events.receive()
                while (e.type != "order.paid") e = events.receive()
                e
            }
        }
        if (paidEvent.subjectId != order.id || paidEvent.timeMs != now) fail("unexpected event $paidEvent")
        events.cancel()
        SocialCart.formatMoney(paid.total, paid.currency)
    }
    val jarVersion = Engine::class.java.`package`?.implementationVersion ?: "(no manifest version)"
    println("socialcart jar $jarVersion, library ${SocialCart.version} (ABI ${SocialCart.libraryAbiVersion}): " +
        "paid order total $total")
    if (SocialCart.liveObjectCount != 0L) fail("${SocialCart.liveObjectCount} native object(s) leaked")
}
