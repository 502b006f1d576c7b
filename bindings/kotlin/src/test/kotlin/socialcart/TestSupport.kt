package socialcart

import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.fail
import org.junit.Before
import java.io.File
import java.nio.file.Files

/** The engine's clock in tests: advanced by hand, never by sleeping. */
class TestClock(@Volatile var now: Long) {
    fun advance(ms: Long) {
        now += ms
    }
}

const val T0 = 1_700_000_000_000L
const val WINDOW_MS = 60_000L

/** tea: tracked 12, max 5; cup: tracked 3; mooncake: untracked; kettle: inactive. */
val PROGRAM = """
{"format":"socialcart.program/1","currency":"CNY","skus":[
 {"id":"tea","merchant_id":"m-tea","title":"Oolong tea","list_price":6800,"categories":["tea","gifts"],"stock":12,"max_per_order":5},
 {"id":"cup","merchant_id":"m-tea","title":"Celadon cup","list_price":3950,"categories":["teaware"],"stock":3},
 {"id":"mooncake","merchant_id":"m-bakery","title":"Mooncakes","list_price":12800,"categories":["food"]},
 {"id":"kettle","merchant_id":"m-tea","title":"Iron kettle","list_price":45900,"stock":0,"active":false}
]}
""".trimIndent()

/** Marks a field the test does not check. */
const val ANY_FIELD = "\u0000any"

/** Runs block, which must throw SocialCartException with code (and field, unless ANY_FIELD). */
inline fun expectError(code: ErrorCode, field: String? = ANY_FIELD, block: () -> Unit): SocialCartException {
    try {
        block()
    } catch (e: SocialCartException) {
        assertEquals("code of $e", code, e.code)
        assertEquals("status of $e", code.value, e.status)
        if (field != ANY_FIELD) assertEquals("field of $e", field, e.field)
        assertNotNull(e.message)
        return e
    }
    fail("expected SocialCartException $code")
    throw AssertionError()
}

/**
 * Temporary database files, an injected clock, and the leak check: each test
 * ends with SocialCart.liveObjectCount back at its start value.
 */
abstract class EngineTestBase {
    val clock = TestClock(T0)
    lateinit var dir: File
    private var liveAtStart = 0L
    private val opened = ArrayList<Engine>()

    @Before
    fun setUpBase() {
        liveAtStart = SocialCart.liveObjectCount
        dir = Files.createTempDirectory("socialcart-kt").toFile()
    }

    @After
    fun tearDownBase() {
        for (e in opened) e.close()
        opened.clear()
        dir.deleteRecursively()
        assertEquals("live native objects after the test", liveAtStart, SocialCart.liveObjectCount)
    }

    fun options(window: Long = WINDOW_MS): EngineOptions =
        EngineOptions(durability = Durability.NORMAL, paymentWindowMs = window, clock = { clock.now })

    fun dbPath(name: String = "cart.db"): String = File(dir, name).path

    /** Opens an engine that the base class closes after the test. */
    fun open(name: String = "cart.db", options: EngineOptions = options()): Engine {
        val e = Engine.open(dbPath(name), options)
        opened.add(e)
        return e
    }

    /** An engine with [PROGRAM] imported. */
    fun openShop(name: String = "cart.db"): Engine {
        val e = open(name)
        e.importProgram(PROGRAM)
        return e
    }

    /** A checked-out order of 2 tea + 1 mooncake for user u1. */
    fun placeOrder(
        e: Engine,
        user: String = "u1",
        key: String = "co-$user",
        request: CheckoutRequest = CheckoutRequest()
    ): Order {
        e.addToCart(user, "tea", 2)
        e.addToCart(user, "mooncake", 1)
        return e.checkout(user, request, key)
    }
}

const val DAY_MS = 86_400_000L

/** 20.00 off from 200.00 of goods, on every line. */
const val SPEND200 =
    """{"id":"spend200","title":"20 off 200","kind":"threshold","tiers":[{"min_spend":20000,"off":2000}]}"""

/** Every merchant 8.00, free from 150.00 of goods after discounts; the bakery 10.00 always. */
const val SHIPPING_DEFAULT = """{"merchant_id":"","flat_fee":800,"free_over":15000}"""
const val SHIPPING_BAKERY = """{"merchant_id":"m-bakery","flat_fee":1000}"""

/** A platform coupon a shopper claims: 15.00 off from 100.00, 7 days, 2 copies, 1 per user. */
const val WELCOME =
    """{"id":"welcome","title":"Welcome 15","kind":"fixed_amount","value":1500,"min_spend":10000,""" +
        """"validity":{"kind":"days_from_claim","days":7},"total_quantity":2,"per_user_limit":1,"issue_mode":"claim"}"""

/** The bakery's coupon behind the promo code SPRING20: 20.00 off its goods from 100.00, unlimited. */
const val SPRING =
    """{"id":"spring","title":"Bakery spring 20","kind":"fixed_amount","value":2000,"min_spend":10000,""" +
        """"issuer_merchant_id":"m-bakery","validity":{"kind":"days_from_claim","days":30},""" +
        """"issue_mode":"promo_code","promo_code":"SPRING20"}"""

/** An apology coupon the operator grants: 5.00 off, no minimum, 2 per user. */
const val SORRY =
    """{"id":"sorry","title":"Sorry 5","kind":"fixed_amount","value":500,""" +
        """"validity":{"kind":"days_from_claim","days":7},"per_user_limit":2,"issue_mode":"grant"}"""

/** [PROGRAM] with the pricing rules above, each put one at a time. */
fun putPricingRules(e: Engine) {
    e.putPromotion(SPEND200)
    e.putShippingRule(SHIPPING_DEFAULT)
    e.putShippingRule(SHIPPING_BAKERY)
    e.putCouponTemplate(WELCOME)
    e.putCouponTemplate(SPRING)
    e.putCouponTemplate(SORRY)
}
