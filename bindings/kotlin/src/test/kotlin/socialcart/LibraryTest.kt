package socialcart

import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Test

class LibraryTest : EngineTestBase() {
    @Test
    fun versionIsTheHeaderVersion() {
        assertEquals("0.3.0", SocialCart.version)
    }

    @Test
    fun abiVersionMatches() {
        assertEquals(2, SocialCart.ABI_VERSION)
        assertEquals(SocialCart.ABI_VERSION, SocialCart.libraryAbiVersion)
        assertEquals(SocialCart.ABI_VERSION, Native.headerAbiVersion())
    }

    @Test
    fun abiMismatchFailsClearly() {
        Native.checkAbi(2, 2)
        // A generation-1 library or JNI layer (0.1, whose quote and checkout took no request) is refused.
        for ((lib, jni) in listOf(1 to 2, 2 to 1, 1 to 1, 3 to 2, 0 to 0)) {
            try {
                Native.checkAbi(lib, jni)
                fail("no error for $lib/$jni")
            } catch (e: IllegalStateException) {
                assertTrue(e.message!!, e.message!!.contains("ABI mismatch"))
                assertTrue(e.message!!, e.message!!.contains("reports ABI $lib"))
            }
        }
    }

    @Test
    fun liveObjectCountCountsErrorsAndStrings() {
        val before = SocialCart.liveObjectCount
        SocialCart.formatMoney(1, "CNY")
        expectError(ErrorCode.INVALID_ARGUMENT) { SocialCart.formatMoney(1, "cny") }
        assertEquals(before, SocialCart.liveObjectCount)
        val h = Native.optionsNew()
        assertEquals(before + 1, SocialCart.liveObjectCount)
        Native.optionsFree(h)
        assertEquals(before, SocialCart.liveObjectCount)
    }

    @Test
    fun formatMoney() {
        assertEquals("CNY 68.00", SocialCart.formatMoney(6800, "CNY"))
        assertEquals("JPY 1200", SocialCart.formatMoney(1200, "JPY"))
        assertEquals("USD -0.05", SocialCart.formatMoney(-5, "USD"))
    }

    @Test
    fun currencyMinorUnitsComeFromIso4217() {
        assertEquals(2, SocialCart.currencyMinorUnits("CNY"))
        assertEquals(0, SocialCart.currencyMinorUnits("JPY"))
        assertEquals(3, SocialCart.currencyMinorUnits("KWD"))
        assertEquals(4, SocialCart.currencyMinorUnits("CLF"))
        assertEquals("CLF 1.2345", SocialCart.formatMoney(12345, "CLF"))
        expectError(ErrorCode.INVALID_ARGUMENT, "currency") { SocialCart.currencyMinorUnits("ZZZ") }
        expectError(ErrorCode.INVALID_ARGUMENT, "currency") { SocialCart.currencyMinorUnits("XAU") }
        expectError(ErrorCode.INVALID_ARGUMENT, "currency") { SocialCart.currencyMinorUnits("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "currency") { Native.currencyMinorUnits(null) }
        expectError(ErrorCode.INVALID_UTF8, "currency") {
            Native.currencyMinorUnits(byteArrayOf(0xff.toByte(), 0xfe.toByte()))
        }
    }

    @Test
    fun formatMoneyRejectsABadCurrency() {
        expectError(ErrorCode.INVALID_ARGUMENT) { SocialCart.formatMoney(100, "cny") }
        expectError(ErrorCode.INVALID_ARGUMENT) { SocialCart.formatMoney(100, "EURO") }
        expectError(ErrorCode.INVALID_ARGUMENT) { SocialCart.formatMoney(100, "") }
        expectError(ErrorCode.INVALID_ARGUMENT) { Native.moneyFormat(100, null) }
    }

    @Test
    fun errorCodesMirrorTheLibrary() {
        for (code in ErrorCode.values()) {
            if (code == ErrorCode.UNKNOWN) continue
            val expected = if (code == ErrorCode.OK) "SC_OK" else "SC_ERR_" + code.name
            assertEquals(expected, SocialCart.statusName(code))
            assertEquals(code, ErrorCode.of(code.value))
        }
        assertEquals("SC_UNKNOWN_STATUS", SocialCart.statusName(ErrorCode.UNKNOWN))
        assertEquals("SC_UNKNOWN_STATUS", Native.statusName(999))
        assertEquals(ErrorCode.UNKNOWN, ErrorCode.of(999))
        val e = Native.newException(999, "new", null, false) as SocialCartException
        assertEquals(ErrorCode.UNKNOWN, e.code)
        assertEquals(999, e.status)
    }

    @Test
    fun orderStateNames() {
        assertEquals("paid", SocialCart.orderStateName(OrderState.PAID))
        for (s in OrderState.values()) {
            val name = SocialCart.orderStateName(s)
            if (s == OrderState.UNKNOWN) assertEquals("unknown", name) else assertTrue(name != "unknown")
        }
        assertEquals("unknown", Native.orderStateName(0))
        assertEquals(OrderState.UNKNOWN, OrderState.of(42))
        assertEquals(CancelReason.UNKNOWN, CancelReason.of(42))
    }

    /** The header promises accessors never fail: NULL gives 0, false or NULL. */
    @Test
    fun accessorsAcceptNull() {
        assertEquals(null, Native.skuId(0)); assertEquals(null, Native.skuMerchantId(0))
        assertEquals(null, Native.skuTitle(0)); assertEquals(null, Native.skuCurrency(0))
        assertEquals(0L, Native.skuListPrice(0)); assertEquals(false, Native.skuStockTracked(0))
        assertEquals(0L, Native.skuStockOnHand(0)); assertEquals(0L, Native.skuStockAvailable(0))
        assertEquals(0L, Native.skuMaxPerOrder(0)); assertEquals(false, Native.skuActive(0))
        assertEquals(0L, Native.skuCategoryCount(0)); assertEquals(null, Native.skuCategoryAt(0, 0))
        assertEquals(0L, Native.catalogCount(0)); assertEquals(0L, Native.catalogAt(0, 0))
        assertEquals(null, Native.cartUserId(0)); assertEquals(null, Native.cartCurrency(0))
        assertEquals(0L, Native.cartLineCount(0)); assertEquals(null, Native.cartLineSkuId(0, 0))
        assertEquals(null, Native.cartLineTitle(0, 0)); assertEquals(0L, Native.cartLineQuantity(0, 0))
        assertEquals(false, Native.cartLineSelected(0, 0)); assertEquals(0L, Native.cartLineUnitPrice(0, 0))
        assertEquals(0L, Native.cartLineAddedPrice(0, 0)); assertEquals(0L, Native.cartLineAvailable(0, 0))
        assertEquals(0L, Native.cartLineProblems(0, 0))
        assertEquals(null, Native.quoteCurrency(0)); assertEquals(0L, Native.quoteLineCount(0))
        assertEquals(null, Native.quoteLineSkuId(0, 0)); assertEquals(0L, Native.quoteLineQuantity(0, 0))
        assertEquals(0L, Native.quoteLineUnitPrice(0, 0)); assertEquals(0L, Native.quoteLineBase(0, 0))
        assertEquals(0L, Native.quoteLineNet(0, 0)); assertEquals(0L, Native.quoteSubtotal(0))
        assertEquals(0L, Native.quoteTotal(0))
        assertEquals(null, Native.orderId(0)); assertEquals(null, Native.orderUserId(0))
        assertEquals(0L, Native.orderStateOf(0)); assertEquals(0L, Native.orderCancelReason(0))
        assertEquals(null, Native.orderCurrency(0)); assertEquals(0L, Native.orderSubtotal(0))
        assertEquals(0L, Native.orderTotal(0)); assertEquals(0L, Native.orderRefunded(0))
        assertEquals(0L, Native.orderCreatedAtMs(0)); assertEquals(0L, Native.orderPayDeadlineMs(0))
        assertEquals(0L, Native.orderPaidAtMs(0)); assertEquals(null, Native.orderPaymentRef(0))
        assertEquals(0L, Native.orderLineCount(0)); assertEquals(null, Native.orderLineSkuId(0, 0))
        assertEquals(null, Native.orderLineTitle(0, 0)); assertEquals(null, Native.orderLineMerchantId(0, 0))
        assertEquals(0L, Native.orderLineQuantity(0, 0)); assertEquals(0L, Native.orderLineUnitPrice(0, 0))
        assertEquals(0L, Native.orderLineBase(0, 0)); assertEquals(0L, Native.orderLineNet(0, 0))
        assertEquals(0L, Native.orderLineRefundedQuantity(0, 0)); assertEquals(0L, Native.orderLineRefundedAmount(0, 0))
        assertEquals(0L, Native.orderRefundCount(0)); assertEquals(null, Native.orderRefundId(0, 0))
        assertEquals(0L, Native.orderRefundAmount(0, 0))
        assertEquals(0L, Native.eventsCount(0)); assertEquals(0L, Native.eventsSeq(0, 0))
        assertEquals(null, Native.eventsType(0, 0)); assertEquals(null, Native.eventsSubjectId(0, 0))
        assertEquals(0L, Native.eventsTimeMs(0, 0)); assertEquals(null, Native.eventsPayload(0, 0))
        // The order's pricing snapshot.
        assertEquals(0L, Native.orderDiscount(0)); assertEquals(0L, Native.orderShipping(0))
        assertEquals(ShippingMethod.DELIVERY.value.toLong(), Native.orderShippingMethod(0))
        assertEquals(0L, Native.orderLineAdjustmentCount(0, 0)); assertEquals(null, Native.orderLineAdjustmentKind(0, 0, 0))
        assertEquals(null, Native.orderLineAdjustmentSource(0, 0, 0)); assertEquals(0L, Native.orderLineAdjustmentAmount(0, 0, 0))
        assertEquals(0L, Native.orderMerchantCount(0)); assertEquals(null, Native.orderMerchantId(0, 0))
        assertEquals(0L, Native.orderMerchantSubtotal(0, 0)); assertEquals(0L, Native.orderMerchantDiscount(0, 0))
        assertEquals(0L, Native.orderMerchantShippingFee(0, 0)); assertEquals(0L, Native.orderMerchantShippingWaived(0, 0))
        assertEquals(null, Native.orderMerchantShippingWaivedBy(0, 0)); assertEquals(0L, Native.orderMerchantShipping(0, 0))
        assertEquals(0L, Native.orderMerchantTotal(0, 0))
        assertEquals(0L, Native.orderPromotionCount(0)); assertEquals(null, Native.orderPromotionId(0, 0))
        assertEquals(0L, Native.orderPromotionAmount(0, 0))
        assertEquals(0L, Native.orderCouponCount(0)); assertEquals(null, Native.orderCouponCode(0, 0))
        assertEquals(null, Native.orderCouponTemplateId(0, 0)); assertEquals(0L, Native.orderCouponAmount(0, 0))
        // Coupons, their lists and the report.
        assertEquals(null, Native.couponCode(0)); assertEquals(null, Native.couponTemplateId(0))
        assertEquals(null, Native.couponOwnerId(0)); assertEquals(0L, Native.couponState(0))
        assertEquals(0L, Native.couponValidFromMs(0)); assertEquals(0L, Native.couponValidUntilMs(0))
        assertEquals(0L, Native.couponClaimedAtMs(0)); assertEquals(null, Native.couponOrderId(0))
        assertEquals(0L, Native.couponsCount(0)); assertEquals(0L, Native.couponsAt(0, 0))
        assertEquals(0L, Native.couponReportCount(0)); assertEquals(null, Native.couponReportTemplateId(0, 0))
        assertEquals(0L, Native.couponReportTotalQuantity(0, 0)); assertEquals(0L, Native.couponReportClaimed(0, 0))
        assertEquals(0L, Native.couponReportUsed(0, 0)); assertEquals(0L, Native.couponReportReturned(0, 0))
        assertEquals(0L, Native.couponReportHeld(0, 0)); assertEquals(0L, Native.couponReportDiscountGiven(0, 0))
        // Every free function accepts NULL.
        Native.optionsFree(0); Native.engineClose(0); Native.skuFree(0); Native.catalogFree(0)
        Native.cartFree(0); Native.quoteFree(0); Native.orderFree(0); Native.eventsFree(0)
        Native.subscriptionFree(0); Native.checkoutRequestFree(0); Native.couponFree(0)
        Native.couponsFree(0); Native.couponReportFree(0)
    }
}
