package socialcart

/**
 * The JNI surface (bindings/kotlin/jni/socialcart_jni*.c). Internal to the
 * binding: handles are raw C pointers passed as Long, strings go in as UTF-8
 * byte arrays (see [utf8]). Every function that can fail throws
 * [SocialCartException].
 *
 * The members are public inside an internal object so that their JVM names are
 * not mangled (JNI looks them up by name).
 */
internal object Native {
    /** The ABI generation this Kotlin code was written for (SOCIALCART_ABI_VERSION). */
    const val ABI_VERSION: Int = 2

    init {
        loadLibraries()
        checkAbi(abiVersion(), headerAbiVersion())
    }

    private fun loadLibraries() {
        val explicit = System.getProperty("socialcart.jni.library")
        if (explicit != null && explicit.isNotEmpty()) {
            System.load(explicit)
            return
        }
        // One library: libsocialcart_jni has the C library linked in statically
        // (bindings/kotlin/jni/CMakeLists.txt), so there is no libsocialcart.so to
        // load first, on the JVM or on Android.
        System.loadLibrary("socialcart_jni")
    }

    /**
     * Fails with a clear message unless the library and the JNI layer were
     * built for the ABI generation of this binding.
     */
    @JvmStatic
    fun checkAbi(libraryAbi: Int, jniHeaderAbi: Int) {
        if (libraryAbi != ABI_VERSION || jniHeaderAbi != ABI_VERSION) {
            throw IllegalStateException(
                "socialcart ABI mismatch: libsocialcart reports ABI $libraryAbi, " +
                    "libsocialcart_jni was compiled against ABI $jniHeaderAbi, " +
                    "and this Kotlin binding needs ABI $ABI_VERSION. " +
                    "Rebuild the binding against the library you ship."
            )
        }
    }

    /** Called by the JNI layer to build the exception it throws. */
    @JvmStatic
    fun newException(status: Int, message: String?, field: String?, retryable: Boolean): Throwable =
        SocialCartException(ErrorCode.of(status), message ?: "", field, retryable, status)

    // Library
    @JvmStatic external fun version(): String
    @JvmStatic external fun abiVersion(): Int
    @JvmStatic external fun headerAbiVersion(): Int
    @JvmStatic external fun liveObjectCount(): Long
    @JvmStatic external fun statusName(status: Int): String
    @JvmStatic external fun orderStateName(state: Int): String
    @JvmStatic external fun moneyFormat(amount: Long, currency: ByteArray?): String
    @JvmStatic external fun currencyMinorUnits(currency: ByteArray?): Int

    // Options
    @JvmStatic external fun optionsNew(): Long
    @JvmStatic external fun optionsFree(options: Long)
    @JvmStatic external fun optionsSetDurability(options: Long, durability: Int)
    @JvmStatic external fun optionsSetPaymentWindowMs(options: Long, ms: Long)
    @JvmStatic external fun optionsSetBusyTimeoutMs(options: Long, ms: Long)
    @JvmStatic external fun optionsSetCacheSizeKib(options: Long, kib: Long)
    @JvmStatic external fun optionsSetReadConnections(options: Long, count: Long)
    @JvmStatic external fun optionsSetEventRetentionMs(options: Long, ms: Long)
    @JvmStatic external fun optionsSetIdempotencyRetentionMs(options: Long, ms: Long)
    /** clock needs `fun now(): Long`; null passes a NULL clock function. */
    @JvmStatic external fun optionsSetClock(options: Long, clock: Any?)
    /** random needs `fun next(): Long`; null passes a NULL random function. */
    @JvmStatic external fun optionsSetRandom(options: Long, random: Any?)
    @JvmStatic external fun optionsSetLogLevel(options: Long, level: Int)
    /** sink needs `fun log(level: Int, message: String)`; null passes a NULL log function. */
    @JvmStatic external fun optionsSetLog(options: Long, sink: Any?)

    // Engine
    @JvmStatic external fun engineOpen(path: ByteArray?, options: Long): Long
    @JvmStatic external fun engineClose(engine: Long)
    /** Returns `[settled, more (1 or 0)]`; a negative maxOrders is out of range. */
    @JvmStatic external fun engineSweep(engine: Long, maxOrders: Long): LongArray
    /** Returns `[eventsRemoved, idempotencyRemoved, more (1 or 0)]`; a negative maxRows is out of range. */
    @JvmStatic external fun engineCompact(engine: Long, maxRows: Long): LongArray

    // SKUs and catalog
    @JvmStatic external fun skuNew(id: ByteArray?, merchantId: ByteArray?, title: ByteArray?, currency: ByteArray?, listPrice: Long): Long
    @JvmStatic external fun skuSetStock(sku: Long, onHand: Long)
    @JvmStatic external fun skuSetMaxPerOrder(sku: Long, max: Long)
    @JvmStatic external fun skuSetActive(sku: Long, active: Boolean)
    @JvmStatic external fun skuAddCategory(sku: Long, category: ByteArray?)
    @JvmStatic external fun skuFree(sku: Long)
    @JvmStatic external fun skuId(sku: Long): String?
    @JvmStatic external fun skuMerchantId(sku: Long): String?
    @JvmStatic external fun skuTitle(sku: Long): String?
    @JvmStatic external fun skuCurrency(sku: Long): String?
    @JvmStatic external fun skuListPrice(sku: Long): Long
    @JvmStatic external fun skuStockTracked(sku: Long): Boolean
    @JvmStatic external fun skuStockOnHand(sku: Long): Long
    @JvmStatic external fun skuStockAvailable(sku: Long): Long
    @JvmStatic external fun skuMaxPerOrder(sku: Long): Long
    @JvmStatic external fun skuActive(sku: Long): Boolean
    @JvmStatic external fun skuCategoryCount(sku: Long): Long
    @JvmStatic external fun skuCategoryAt(sku: Long, index: Long): String?
    @JvmStatic external fun enginePutSku(engine: Long, sku: Long)
    @JvmStatic external fun engineGetSku(engine: Long, skuId: ByteArray?): Long
    @JvmStatic external fun engineCatalog(engine: Long): Long
    @JvmStatic external fun catalogCount(catalog: Long): Long
    @JvmStatic external fun catalogAt(catalog: Long, index: Long): Long
    @JvmStatic external fun catalogFree(catalog: Long)
    @JvmStatic external fun catalogNextCursor(catalog: Long): String?
    @JvmStatic external fun engineCatalogByMerchant(engine: Long, merchantId: ByteArray?, cursor: ByteArray?, limit: Long): Long
    @JvmStatic external fun engineCatalogByCategory(engine: Long, categoryId: ByteArray?, cursor: ByteArray?, limit: Long): Long

    // Program document
    @JvmStatic external fun engineImportProgram(engine: Long, json: ByteArray?)
    @JvmStatic external fun engineExportProgram(engine: Long): String

    // Cart
    @JvmStatic external fun engineCartAdd(engine: Long, userId: ByteArray?, skuId: ByteArray?, quantity: Long)
    @JvmStatic external fun engineCartAddOnce(engine: Long, userId: ByteArray?, skuId: ByteArray?, quantity: Long, key: ByteArray?)
    @JvmStatic external fun engineCartSetQuantity(engine: Long, userId: ByteArray?, skuId: ByteArray?, quantity: Long)
    @JvmStatic external fun engineCartRemove(engine: Long, userId: ByteArray?, skuId: ByteArray?)
    @JvmStatic external fun engineCartSelect(engine: Long, userId: ByteArray?, skuId: ByteArray?, selected: Boolean)
    @JvmStatic external fun engineCartClear(engine: Long, userId: ByteArray?)
    @JvmStatic external fun engineCartMergeGuest(engine: Long, userId: ByteArray?, guestId: ByteArray?)
    @JvmStatic external fun engineCartGet(engine: Long, userId: ByteArray?): Long
    @JvmStatic external fun cartUserId(cart: Long): String?
    @JvmStatic external fun cartCurrency(cart: Long): String?
    @JvmStatic external fun cartLineCount(cart: Long): Long
    @JvmStatic external fun cartLineSkuId(cart: Long, index: Long): String?
    @JvmStatic external fun cartLineTitle(cart: Long, index: Long): String?
    @JvmStatic external fun cartLineQuantity(cart: Long, index: Long): Long
    @JvmStatic external fun cartLineSelected(cart: Long, index: Long): Boolean
    @JvmStatic external fun cartLineUnitPrice(cart: Long, index: Long): Long
    @JvmStatic external fun cartLineAddedPrice(cart: Long, index: Long): Long
    @JvmStatic external fun cartLineAvailable(cart: Long, index: Long): Long
    @JvmStatic external fun cartLineProblems(cart: Long, index: Long): Long
    @JvmStatic external fun cartFree(cart: Long)

    // Checkout request (socialcart_jni_pricing.c); 0 as a request handle means the defaults
    @JvmStatic external fun checkoutRequestNew(): Long
    @JvmStatic external fun checkoutRequestFree(request: Long)
    @JvmStatic external fun checkoutRequestSetCouponChoice(request: Long, choice: Int)
    @JvmStatic external fun checkoutRequestAddCoupon(request: Long, code: ByteArray?)
    @JvmStatic external fun checkoutRequestSetShipping(request: Long, shipping: Int)
    @JvmStatic external fun checkoutRequestSetPoints(request: Long, use: Int, points: Long)

    // Rules (socialcart_jni_pricing.c)
    @JvmStatic external fun enginePromotionPut(engine: Long, json: ByteArray?)
    @JvmStatic external fun engineCouponTemplatePut(engine: Long, json: ByteArray?)
    @JvmStatic external fun engineShippingRulePut(engine: Long, json: ByteArray?)

    // Quote
    @JvmStatic external fun engineQuote(engine: Long, userId: ByteArray?, request: Long): Long
    @JvmStatic external fun quoteCurrency(quote: Long): String?
    @JvmStatic external fun quoteLineCount(quote: Long): Long
    @JvmStatic external fun quoteLineSkuId(quote: Long, index: Long): String?
    @JvmStatic external fun quoteLineQuantity(quote: Long, index: Long): Long
    @JvmStatic external fun quoteLineUnitPrice(quote: Long, index: Long): Long
    @JvmStatic external fun quoteLineBase(quote: Long, index: Long): Long
    @JvmStatic external fun quoteLineNet(quote: Long, index: Long): Long
    @JvmStatic external fun quoteSubtotal(quote: Long): Long
    @JvmStatic external fun quoteTotal(quote: Long): Long
    @JvmStatic external fun quoteDiscount(quote: Long): Long
    @JvmStatic external fun quoteShipping(quote: Long): Long
    @JvmStatic external fun quoteSaved(quote: Long): Long
    @JvmStatic external fun quotePointsUsed(quote: Long): Long
    @JvmStatic external fun quotePointsAmount(quote: Long): Long
    @JvmStatic external fun quotePointsMax(quote: Long): Long
    @JvmStatic external fun quotePointsToEarn(quote: Long): Long
    @JvmStatic external fun quoteLineMerchantId(quote: Long, index: Long): String?
    @JvmStatic external fun quoteLineAdjustmentCount(quote: Long, line: Long): Long
    @JvmStatic external fun quoteLineAdjustmentKind(quote: Long, line: Long, adjustment: Long): String?
    @JvmStatic external fun quoteLineAdjustmentSource(quote: Long, line: Long, adjustment: Long): String?
    @JvmStatic external fun quoteLineAdjustmentAmount(quote: Long, line: Long, adjustment: Long): Long
    @JvmStatic external fun quoteMerchantCount(quote: Long): Long
    @JvmStatic external fun quoteMerchantId(quote: Long, index: Long): String?
    @JvmStatic external fun quoteMerchantSubtotal(quote: Long, index: Long): Long
    @JvmStatic external fun quoteMerchantDiscount(quote: Long, index: Long): Long
    @JvmStatic external fun quoteMerchantShippingFee(quote: Long, index: Long): Long
    @JvmStatic external fun quoteMerchantShippingWaived(quote: Long, index: Long): Long
    @JvmStatic external fun quoteMerchantShippingWaivedBy(quote: Long, index: Long): String?
    @JvmStatic external fun quoteMerchantShipping(quote: Long, index: Long): Long
    @JvmStatic external fun quoteMerchantTotal(quote: Long, index: Long): Long
    @JvmStatic external fun quoteMerchantPointsAmount(quote: Long, index: Long): Long
    @JvmStatic external fun quotePromotionCount(quote: Long): Long
    @JvmStatic external fun quotePromotionId(quote: Long, index: Long): String?
    @JvmStatic external fun quotePromotionAmount(quote: Long, index: Long): Long
    @JvmStatic external fun quoteCouponCount(quote: Long): Long
    @JvmStatic external fun quoteCouponCode(quote: Long, index: Long): String?
    @JvmStatic external fun quoteCouponTemplateId(quote: Long, index: Long): String?
    @JvmStatic external fun quoteCouponAmount(quote: Long, index: Long): Long
    @JvmStatic external fun quoteGiftCount(quote: Long): Long
    @JvmStatic external fun quoteGiftPromotionId(quote: Long, index: Long): String?
    @JvmStatic external fun quoteGiftSkuId(quote: Long, index: Long): String?
    @JvmStatic external fun quoteGiftQuantity(quote: Long, index: Long): Long
    @JvmStatic external fun quoteExplanationCount(quote: Long): Long
    @JvmStatic external fun quoteExplanationCode(quote: Long, index: Long): String?
    @JvmStatic external fun quoteExplanationTemplateId(quote: Long, index: Long): String?
    @JvmStatic external fun quoteExplanationReason(quote: Long, index: Long): String?
    @JvmStatic external fun quoteExplanationMissing(quote: Long, index: Long): Long
    @JvmStatic external fun quoteExplanationConflicting(quote: Long, index: Long): String?
    @JvmStatic external fun quoteFree(quote: Long)

    // Orders
    @JvmStatic external fun engineCheckout(engine: Long, userId: ByteArray?, request: Long, idempotencyKey: ByteArray?): Long
    @JvmStatic external fun engineOrderGet(engine: Long, orderId: ByteArray?): Long
    @JvmStatic external fun engineOrderPay(engine: Long, orderId: ByteArray?, paymentRef: ByteArray?, amount: Long, idempotencyKey: ByteArray?, wantOut: Boolean): Long
    @JvmStatic external fun engineOrderCancel(engine: Long, orderId: ByteArray?, wantOut: Boolean): Long
    @JvmStatic external fun engineOrderRefundLine(engine: Long, orderId: ByteArray?, lineIndex: Long, quantity: Long, idempotencyKey: ByteArray?, wantOut: Boolean): Long
    @JvmStatic external fun engineOrderRefundAmount(engine: Long, orderId: ByteArray?, amount: Long, idempotencyKey: ByteArray?, wantOut: Boolean): Long
    @JvmStatic external fun orderId(order: Long): String?
    @JvmStatic external fun orderUserId(order: Long): String?
    @JvmStatic external fun orderStateOf(order: Long): Long
    @JvmStatic external fun orderCancelReason(order: Long): Long
    @JvmStatic external fun orderCurrency(order: Long): String?
    @JvmStatic external fun orderSubtotal(order: Long): Long
    @JvmStatic external fun orderTotal(order: Long): Long
    @JvmStatic external fun orderRefunded(order: Long): Long
    @JvmStatic external fun orderCreatedAtMs(order: Long): Long
    @JvmStatic external fun orderPayDeadlineMs(order: Long): Long
    @JvmStatic external fun orderPaidAtMs(order: Long): Long
    @JvmStatic external fun orderPaymentRef(order: Long): String?
    @JvmStatic external fun orderLineCount(order: Long): Long
    @JvmStatic external fun orderLineSkuId(order: Long, index: Long): String?
    @JvmStatic external fun orderLineTitle(order: Long, index: Long): String?
    @JvmStatic external fun orderLineMerchantId(order: Long, index: Long): String?
    @JvmStatic external fun orderLineQuantity(order: Long, index: Long): Long
    @JvmStatic external fun orderLineUnitPrice(order: Long, index: Long): Long
    @JvmStatic external fun orderLineBase(order: Long, index: Long): Long
    @JvmStatic external fun orderLineNet(order: Long, index: Long): Long
    @JvmStatic external fun orderLineRefundedQuantity(order: Long, index: Long): Long
    @JvmStatic external fun orderLineRefundedAmount(order: Long, index: Long): Long
    @JvmStatic external fun orderRefundCount(order: Long): Long
    @JvmStatic external fun orderRefundId(order: Long, index: Long): String?
    @JvmStatic external fun orderRefundAmount(order: Long, index: Long): Long
    @JvmStatic external fun orderRefundTimeMs(order: Long, index: Long): Long
    @JvmStatic external fun orderRefundLineCount(order: Long, refund: Long): Long
    @JvmStatic external fun orderRefundLineIndex(order: Long, refund: Long, part: Long): Long
    @JvmStatic external fun orderRefundLineQuantity(order: Long, refund: Long, part: Long): Long
    @JvmStatic external fun orderRefundLineAmount(order: Long, refund: Long, part: Long): Long
    @JvmStatic external fun orderFree(order: Long)
    // The order's pricing snapshot (socialcart_jni_pricing.c)
    @JvmStatic external fun orderDiscount(order: Long): Long
    @JvmStatic external fun orderShipping(order: Long): Long
    @JvmStatic external fun orderShippingMethod(order: Long): Long
    @JvmStatic external fun orderPointsUsed(order: Long): Long
    @JvmStatic external fun orderPointsAmount(order: Long): Long
    @JvmStatic external fun orderPointsEarned(order: Long): Long
    @JvmStatic external fun orderLineAdjustmentCount(order: Long, line: Long): Long
    @JvmStatic external fun orderLineAdjustmentKind(order: Long, line: Long, adjustment: Long): String?
    @JvmStatic external fun orderLineAdjustmentSource(order: Long, line: Long, adjustment: Long): String?
    @JvmStatic external fun orderLineAdjustmentAmount(order: Long, line: Long, adjustment: Long): Long
    @JvmStatic external fun orderMerchantCount(order: Long): Long
    @JvmStatic external fun orderMerchantId(order: Long, index: Long): String?
    @JvmStatic external fun orderMerchantSubtotal(order: Long, index: Long): Long
    @JvmStatic external fun orderMerchantDiscount(order: Long, index: Long): Long
    @JvmStatic external fun orderMerchantShippingFee(order: Long, index: Long): Long
    @JvmStatic external fun orderMerchantShippingWaived(order: Long, index: Long): Long
    @JvmStatic external fun orderMerchantShippingWaivedBy(order: Long, index: Long): String?
    @JvmStatic external fun orderMerchantShipping(order: Long, index: Long): Long
    @JvmStatic external fun orderMerchantTotal(order: Long, index: Long): Long
    @JvmStatic external fun orderMerchantPointsAmount(order: Long, index: Long): Long
    @JvmStatic external fun orderPromotionCount(order: Long): Long
    @JvmStatic external fun orderPromotionId(order: Long, index: Long): String?
    @JvmStatic external fun orderPromotionAmount(order: Long, index: Long): Long
    @JvmStatic external fun orderCouponCount(order: Long): Long
    @JvmStatic external fun orderCouponCode(order: Long, index: Long): String?
    @JvmStatic external fun orderCouponTemplateId(order: Long, index: Long): String?
    @JvmStatic external fun orderCouponAmount(order: Long, index: Long): Long
    @JvmStatic external fun engineOrderByCheckoutKey(engine: Long, userId: ByteArray?, idempotencyKey: ByteArray?): Long
    @JvmStatic external fun engineOrdersOfUser(engine: Long, userId: ByteArray?, state: Int, fromMs: Long, toMs: Long, cursor: ByteArray?, limit: Long): Long
    @JvmStatic external fun ordersCount(orders: Long): Long
    @JvmStatic external fun ordersAt(orders: Long, index: Long): Long
    @JvmStatic external fun ordersNextCursor(orders: Long): String?
    @JvmStatic external fun ordersFree(orders: Long)

    // Coupons (socialcart_jni_coupons.c)
    @JvmStatic external fun couponStateName(state: Int): String
    @JvmStatic external fun engineCouponClaim(engine: Long, userId: ByteArray?, templateId: ByteArray?, idempotencyKey: ByteArray?): Long
    @JvmStatic external fun engineCouponGrant(engine: Long, userId: ByteArray?, templateId: ByteArray?, idempotencyKey: ByteArray?): Long
    @JvmStatic external fun engineCouponExchangePoints(engine: Long, userId: ByteArray?, templateId: ByteArray?, idempotencyKey: ByteArray?): Long
    @JvmStatic external fun engineCouponRedeemCode(engine: Long, userId: ByteArray?, promoCode: ByteArray?, idempotencyKey: ByteArray?): Long
    @JvmStatic external fun engineCouponRevoke(engine: Long, code: ByteArray?, wantOut: Boolean): Long
    @JvmStatic external fun engineCouponList(engine: Long, userId: ByteArray?, state: Int): Long
    @JvmStatic external fun couponCode(coupon: Long): String?
    @JvmStatic external fun couponTemplateId(coupon: Long): String?
    @JvmStatic external fun couponOwnerId(coupon: Long): String?
    @JvmStatic external fun couponState(coupon: Long): Long
    @JvmStatic external fun couponValidFromMs(coupon: Long): Long
    @JvmStatic external fun couponValidUntilMs(coupon: Long): Long
    @JvmStatic external fun couponClaimedAtMs(coupon: Long): Long
    @JvmStatic external fun couponOrderId(coupon: Long): String?
    @JvmStatic external fun couponFree(coupon: Long)
    @JvmStatic external fun couponsCount(coupons: Long): Long
    @JvmStatic external fun couponsAt(coupons: Long, index: Long): Long
    @JvmStatic external fun couponsFree(coupons: Long)
    @JvmStatic external fun engineCouponReport(engine: Long): Long
    @JvmStatic external fun couponReportCount(report: Long): Long
    @JvmStatic external fun couponReportCurrency(report: Long): String?
    @JvmStatic external fun couponReportTemplateId(report: Long, index: Long): String?
    @JvmStatic external fun couponReportTotalQuantity(report: Long, index: Long): Long
    @JvmStatic external fun couponReportClaimed(report: Long, index: Long): Long
    @JvmStatic external fun couponReportUsed(report: Long, index: Long): Long
    @JvmStatic external fun couponReportReturned(report: Long, index: Long): Long
    @JvmStatic external fun couponReportHeld(report: Long, index: Long): Long
    @JvmStatic external fun couponReportDiscountGiven(report: Long, index: Long): Long
    @JvmStatic external fun couponReportFree(report: Long)

    // Points (socialcart_jni_points.c)
    @JvmStatic external fun pointsEntryKindName(kind: Int): String
    @JvmStatic external fun enginePointsProgramPut(engine: Long, json: ByteArray?)
    @JvmStatic external fun enginePointsBalance(engine: Long, userId: ByteArray?): Long
    @JvmStatic external fun pointsBalanceAvailable(balance: Long): Long
    @JvmStatic external fun pointsBalancePending(balance: Long): Long
    @JvmStatic external fun pointsBalanceHeld(balance: Long): Long
    @JvmStatic external fun pointsBalanceDebt(balance: Long): Long
    @JvmStatic external fun pointsBalanceTotal(balance: Long): Long
    @JvmStatic external fun pointsBalanceFree(balance: Long)
    @JvmStatic external fun enginePointsLots(engine: Long, userId: ByteArray?): Long
    @JvmStatic external fun pointsLotsCount(lots: Long): Long
    @JvmStatic external fun pointsLotId(lots: Long, index: Long): Long
    @JvmStatic external fun pointsLotEarned(lots: Long, index: Long): Long
    @JvmStatic external fun pointsLotFree(lots: Long, index: Long): Long
    @JvmStatic external fun pointsLotHeld(lots: Long, index: Long): Long
    @JvmStatic external fun pointsLotEarnedAtMs(lots: Long, index: Long): Long
    @JvmStatic external fun pointsLotVestsAtMs(lots: Long, index: Long): Long
    @JvmStatic external fun pointsLotExpires(lots: Long, index: Long): Boolean
    @JvmStatic external fun pointsLotExpiresAtMs(lots: Long, index: Long): Long
    @JvmStatic external fun pointsLotsFree(lots: Long)
    @JvmStatic external fun enginePointsHistory(engine: Long, userId: ByteArray?, cursor: ByteArray?, limit: Long): Long
    @JvmStatic external fun pointsPageCount(page: Long): Long
    @JvmStatic external fun pointsPageAt(page: Long, index: Long): Long
    @JvmStatic external fun pointsPageNextCursor(page: Long): String?
    @JvmStatic external fun pointsPageFree(page: Long)
    @JvmStatic external fun pointsEntrySeq(entry: Long): Long
    @JvmStatic external fun pointsEntryKind(entry: Long): Long
    @JvmStatic external fun pointsEntryPoints(entry: Long): Long
    @JvmStatic external fun pointsEntryEffect(entry: Long): Long
    @JvmStatic external fun pointsEntryReference(entry: Long): String?
    @JvmStatic external fun pointsEntryAtMs(entry: Long): Long
    @JvmStatic external fun pointsEntryVestsAtMs(entry: Long): Long
    @JvmStatic external fun pointsEntryReason(entry: Long): String?
    @JvmStatic external fun pointsEntryFree(entry: Long)
    @JvmStatic external fun enginePointsAdjust(engine: Long, userId: ByteArray?, points: Long, reason: ByteArray?, idempotencyKey: ByteArray?, wantOut: Boolean): Long
    @JvmStatic external fun enginePointsAdjustBatch(engine: Long, userIds: Array<ByteArray?>?, points: LongArray?, reasons: Array<ByteArray?>?, idempotencyKeys: Array<ByteArray?>?): Long
    @JvmStatic external fun enginePointsSignIn(engine: Long, userId: ByteArray?): Long
    @JvmStatic external fun signInDate(signIn: Long): String?
    @JvmStatic external fun signInStreak(signIn: Long): Long
    @JvmStatic external fun signInPoints(signIn: Long): Long
    @JvmStatic external fun signInFirst(signIn: Long): Boolean
    @JvmStatic external fun signInFree(signIn: Long)
    @JvmStatic external fun enginePointsActivity(engine: Long, userId: ByteArray?, activity: ByteArray?, reference: ByteArray?, idempotencyKey: ByteArray?, wantOut: Boolean): Long
    @JvmStatic external fun enginePointsReport(engine: Long, fromMs: Long, toMs: Long): Long
    @JvmStatic external fun pointsReportMembers(report: Long): Long
    @JvmStatic external fun pointsReportAvailable(report: Long): Long
    @JvmStatic external fun pointsReportPending(report: Long): Long
    @JvmStatic external fun pointsReportHeld(report: Long): Long
    @JvmStatic external fun pointsReportDebt(report: Long): Long
    @JvmStatic external fun pointsReportLiabilityPoints(report: Long): Long
    @JvmStatic external fun pointsReportLiabilityAmount(report: Long): Long
    @JvmStatic external fun pointsReportCurrency(report: Long): String?
    @JvmStatic external fun pointsReportEarned(report: Long): Long
    @JvmStatic external fun pointsReportSpent(report: Long): Long
    @JvmStatic external fun pointsReportExpired(report: Long): Long
    @JvmStatic external fun pointsReportReversed(report: Long): Long
    @JvmStatic external fun pointsReportReturned(report: Long): Long
    @JvmStatic external fun pointsReportAdjusted(report: Long): Long
    @JvmStatic external fun pointsReportFree(report: Long)

    // Tiers (socialcart_jni_tiers.c)
    @JvmStatic external fun engineTierProgramPut(engine: Long, json: ByteArray?)
    @JvmStatic external fun engineTierStatus(engine: Long, userId: ByteArray?): Long
    @JvmStatic external fun tierStatusTierId(status: Long): String?
    @JvmStatic external fun tierStatusTierName(status: Long): String?
    @JvmStatic external fun tierStatusRank(status: Long): Long
    @JvmStatic external fun tierStatusSinceMs(status: Long): Long
    @JvmStatic external fun tierStatusPeriodEndMs(status: Long): Long
    @JvmStatic external fun tierStatusFigure(status: Long): Long
    @JvmStatic external fun tierStatusNextTierId(status: Long): String?
    @JvmStatic external fun tierStatusToNext(status: Long): Long
    @JvmStatic external fun tierStatusFigureAtPeriodEnd(status: Long): Long
    @JvmStatic external fun tierStatusTierAtPeriodEnd(status: Long): String?
    @JvmStatic external fun tierStatusCanKeep(status: Long): Boolean
    @JvmStatic external fun tierStatusToKeep(status: Long): Long
    @JvmStatic external fun tierStatusMemberPriceBps(status: Long): Long
    @JvmStatic external fun tierStatusPointsMultiplierBps(status: Long): Long
    @JvmStatic external fun tierStatusHasFreeShippingOver(status: Long): Boolean
    @JvmStatic external fun tierStatusFreeShippingOver(status: Long): Long
    @JvmStatic external fun tierStatusFree(status: Long)
    @JvmStatic external fun engineTierReport(engine: Long, fromMs: Long, toMs: Long): Long
    @JvmStatic external fun tierReportCount(report: Long): Long
    @JvmStatic external fun tierReportTierId(report: Long, index: Long): String?
    @JvmStatic external fun tierReportMembers(report: Long, index: Long): Long
    @JvmStatic external fun tierReportUpgrades(report: Long, index: Long): Long
    @JvmStatic external fun tierReportDowngrades(report: Long, index: Long): Long
    @JvmStatic external fun tierReportFree(report: Long)

    // Share links (socialcart_jni_referral.c)
    @JvmStatic external fun shareTargetName(target: Int): String
    @JvmStatic external fun engineReferralProgramPut(engine: Long, json: ByteArray?)
    @JvmStatic external fun engineShareKeyGenerate(engine: Long, keyId: ByteArray?, wantOut: Boolean): Long
    @JvmStatic external fun engineShareKeyInstall(engine: Long, keyId: ByteArray?, privatePem: ByteArray?, wantOut: Boolean): Long
    @JvmStatic external fun engineShareKeyTrust(engine: Long, keyId: ByteArray?, publicPem: ByteArray?, wantOut: Boolean): Long
    @JvmStatic external fun engineShareKeyRetire(engine: Long, keyId: ByteArray?, wantOut: Boolean): Long
    @JvmStatic external fun engineShareKeys(engine: Long): Long
    @JvmStatic external fun shareKeyId(key: Long): String?
    @JvmStatic external fun shareKeyPublicPem(key: Long): String?
    @JvmStatic external fun shareKeyCanSign(key: Long): Boolean
    @JvmStatic external fun shareKeyIsSigning(key: Long): Boolean
    @JvmStatic external fun shareKeyAddedAtMs(key: Long): Long
    @JvmStatic external fun shareKeyIsRetired(key: Long): Boolean
    @JvmStatic external fun shareKeyRetiredAtMs(key: Long): Long
    @JvmStatic external fun shareKeyFree(key: Long)
    @JvmStatic external fun shareKeysCount(keys: Long): Long
    @JvmStatic external fun shareKeysAt(keys: Long, index: Long): Long
    @JvmStatic external fun shareKeysFree(keys: Long)
    @JvmStatic external fun engineShareLinkCreate(engine: Long, sharerId: ByteArray?, target: Int, targetId: ByteArray?, channel: ByteArray?, idempotencyKey: ByteArray?): Long
    @JvmStatic external fun engineShareLinkResolve(engine: Long, tokenOrCode: ByteArray?): Long
    @JvmStatic external fun shareLinkToken(link: Long): String?
    @JvmStatic external fun shareLinkCode(link: Long): String?
    @JvmStatic external fun shareLinkDisplayCode(link: Long): String?
    @JvmStatic external fun shareLinkUrl(link: Long): String?
    @JvmStatic external fun shareLinkKeyId(link: Long): String?
    @JvmStatic external fun shareLinkSharerId(link: Long): String?
    @JvmStatic external fun shareLinkTarget(link: Long): Long
    @JvmStatic external fun shareLinkTargetId(link: Long): String?
    @JvmStatic external fun shareLinkChannel(link: Long): String?
    @JvmStatic external fun shareLinkIssuedAtMs(link: Long): Long
    @JvmStatic external fun shareLinkExpiresAtMs(link: Long): Long
    @JvmStatic external fun shareLinkFree(link: Long)

    // Share-to-earn: opens, attribution, rewards (socialcart_jni_attribution.c)
    @JvmStatic external fun engineShareLinkOpen(engine: Long, tokenOrCode: ByteArray?, userId: ByteArray?, deviceId: ByteArray?, idempotencyKey: ByteArray?): Long
    @JvmStatic external fun shareOpenId(open: Long): String?
    @JvmStatic external fun shareOpenCode(open: Long): String?
    @JvmStatic external fun shareOpenSharerId(open: Long): String?
    @JvmStatic external fun shareOpenTarget(open: Long): Long
    @JvmStatic external fun shareOpenTargetId(open: Long): String?
    @JvmStatic external fun shareOpenChannel(open: Long): String?
    @JvmStatic external fun shareOpenUserId(open: Long): String?
    @JvmStatic external fun shareOpenDeviceId(open: Long): String?
    @JvmStatic external fun shareOpenOpenedAtMs(open: Long): Long
    @JvmStatic external fun shareOpenOutcome(open: Long): String?
    @JvmStatic external fun shareOpenIsBound(open: Long): Boolean
    @JvmStatic external fun shareOpenBoundUntilMs(open: Long): Long
    @JvmStatic external fun shareOpenFree(open: Long)
    /** wantOut false passes a NULL out and returns 0; otherwise 0 is "not bound". */
    @JvmStatic external fun engineReferralSignIn(engine: Long, userId: ByteArray?, deviceId: ByteArray?, wantOut: Boolean): Long
    /** 0 when there is no live binding. */
    @JvmStatic external fun engineReferralBinding(engine: Long, userId: ByteArray?, deviceId: ByteArray?): Long
    @JvmStatic external fun referralBindingUserId(binding: Long): String?
    @JvmStatic external fun referralBindingDeviceId(binding: Long): String?
    @JvmStatic external fun referralBindingSharerId(binding: Long): String?
    @JvmStatic external fun referralBindingOpenId(binding: Long): String?
    @JvmStatic external fun referralBindingBoundAtMs(binding: Long): Long
    @JvmStatic external fun referralBindingExpiresAtMs(binding: Long): Long
    @JvmStatic external fun referralBindingFree(binding: Long)
    /** 0 when the order was not credited to anyone. */
    @JvmStatic external fun engineOrderAttribution(engine: Long, orderId: ByteArray?): Long
    @JvmStatic external fun orderAttributionOrderId(attribution: Long): String?
    @JvmStatic external fun orderAttributionBuyerId(attribution: Long): String?
    @JvmStatic external fun orderAttributionSharerId(attribution: Long): String?
    @JvmStatic external fun orderAttributionCurrency(attribution: Long): String?
    @JvmStatic external fun orderAttributionPaid(attribution: Long): Long
    @JvmStatic external fun orderAttributionAttributedAtMs(attribution: Long): Long
    /** Borrowed from the attribution: read it, never free it. */
    @JvmStatic external fun orderAttributionOpen(attribution: Long): Long
    @JvmStatic external fun orderAttributionRewardCount(attribution: Long): Long
    /** Borrowed from the attribution: read it, never free it. */
    @JvmStatic external fun orderAttributionRewardAt(attribution: Long, index: Long): Long
    @JvmStatic external fun orderAttributionFree(attribution: Long)
    @JvmStatic external fun engineReferralRewards(engine: Long, sharerId: ByteArray?): Long
    @JvmStatic external fun referralRewardsCount(rewards: Long): Long
    /** Borrowed from the list: read it, never free it. */
    @JvmStatic external fun referralRewardsAt(rewards: Long, index: Long): Long
    @JvmStatic external fun referralRewardsFree(rewards: Long)
    @JvmStatic external fun referralRewardOrderId(reward: Long): String?
    @JvmStatic external fun referralRewardSharerId(reward: Long): String?
    @JvmStatic external fun referralRewardBuyerId(reward: Long): String?
    @JvmStatic external fun referralRewardLevel(reward: Long): Long
    @JvmStatic external fun referralRewardKind(reward: Long): Long
    @JvmStatic external fun referralRewardAmount(reward: Long): Long
    @JvmStatic external fun referralRewardCouponCode(reward: Long): String?
    @JvmStatic external fun referralRewardClawedBack(reward: Long): Long
    @JvmStatic external fun referralRewardState(reward: Long): Long
    @JvmStatic external fun referralRewardCreatedAtMs(reward: Long): Long
    @JvmStatic external fun referralRewardVestsAtMs(reward: Long): Long
    @JvmStatic external fun engineReferralRefusals(engine: Long, sharerId: ByteArray?): Long
    @JvmStatic external fun referralRefusalsCount(refusals: Long): Long
    @JvmStatic external fun referralRefusalsReason(refusals: Long, index: Long): String?
    @JvmStatic external fun referralRefusalsUserId(refusals: Long, index: Long): String?
    @JvmStatic external fun referralRefusalsDeviceId(refusals: Long, index: Long): String?
    @JvmStatic external fun referralRefusalsOpenId(refusals: Long, index: Long): String?
    @JvmStatic external fun referralRefusalsOrderId(refusals: Long, index: Long): String?
    @JvmStatic external fun referralRefusalsAtMs(refusals: Long, index: Long): Long
    @JvmStatic external fun referralRefusalsFree(refusals: Long)
    /** target 0 with sharerId and targetId null: every link. */
    @JvmStatic external fun engineReferralStats(engine: Long, sharerId: ByteArray?, target: Int, targetId: ByteArray?): Long
    /** figure: an sc_referral_figure_t ([ReferralFigure]); one that is not reads 0. */
    @JvmStatic external fun referralStatsGet(stats: Long, figure: Int): Long
    @JvmStatic external fun referralStatsFree(stats: Long)

    // Group-buy (socialcart_jni_groupbuy.c)
    @JvmStatic external fun groupStateName(state: Int): String
    /** mode: an sc_group_mode_t; id null with GROUP_MODE_NONE. */
    @JvmStatic external fun checkoutRequestSetGroup(request: Long, mode: Int, id: ByteArray?, quantity: Long)
    @JvmStatic external fun checkoutRequestGroupMode(request: Long): Long
    @JvmStatic external fun checkoutRequestGroupTarget(request: Long): String?
    @JvmStatic external fun checkoutRequestGroupQuantity(request: Long): Long
    @JvmStatic external fun engineGroupbuyCampaignPut(engine: Long, json: ByteArray?)
    @JvmStatic external fun engineGroupbuyCampaignGet(engine: Long, campaignId: ByteArray?): Long
    @JvmStatic external fun groupbuyCampaignId(campaign: Long): String?
    @JvmStatic external fun groupbuyCampaignSkuId(campaign: Long): String?
    @JvmStatic external fun groupbuyCampaignGroupPrice(campaign: Long): Long
    @JvmStatic external fun groupbuyCampaignGroupSize(campaign: Long): Long
    @JvmStatic external fun groupbuyCampaignLifetimeMinutes(campaign: Long): Long
    @JvmStatic external fun groupbuyCampaignStartsAtMs(campaign: Long): Long
    @JvmStatic external fun groupbuyCampaignEndsAtMs(campaign: Long): Long
    @JvmStatic external fun groupbuyCampaignLeaderPricing(campaign: Long): Long
    @JvmStatic external fun groupbuyCampaignLeaderPrice(campaign: Long): Long
    @JvmStatic external fun groupbuyCampaignMaxUnitsPerOrder(campaign: Long): Long
    @JvmStatic external fun groupbuyCampaignMaxUnitsPerUser(campaign: Long): Long
    @JvmStatic external fun groupbuyCampaignStock(campaign: Long): Long
    @JvmStatic external fun groupbuyCampaignNewUsersOnly(campaign: Long): Boolean
    @JvmStatic external fun groupbuyCampaignVirtualFillMinMembers(campaign: Long): Long
    @JvmStatic external fun groupbuyCampaignFree(campaign: Long)
    @JvmStatic external fun engineGroupGet(engine: Long, groupId: ByteArray?): Long
    /** 0 when the order is not a group order. */
    @JvmStatic external fun engineOrderGroup(engine: Long, orderId: ByteArray?): Long
    /** A negative limit is out of range. */
    @JvmStatic external fun engineGroupsOpen(engine: Long, campaignId: ByteArray?, limit: Long): Long
    /** A negative limit is out of range. */
    @JvmStatic external fun engineGroupsOfUser(engine: Long, userId: ByteArray?, limit: Long): Long
    @JvmStatic external fun groupsCount(groups: Long): Long
    /** Borrowed from the list: read it, never free it. */
    @JvmStatic external fun groupsAt(groups: Long, index: Long): Long
    @JvmStatic external fun groupsFree(groups: Long)
    @JvmStatic external fun groupId(group: Long): String?
    @JvmStatic external fun groupCampaignId(group: Long): String?
    @JvmStatic external fun groupLeaderUserId(group: Long): String?
    @JvmStatic external fun groupState(group: Long): Long
    @JvmStatic external fun groupSize(group: Long): Long
    @JvmStatic external fun groupPaidMembers(group: Long): Long
    @JvmStatic external fun groupSeatsLeft(group: Long): Long
    @JvmStatic external fun groupVirtualMembers(group: Long): Long
    @JvmStatic external fun groupCreatedAtMs(group: Long): Long
    @JvmStatic external fun groupOpenedAtMs(group: Long): Long
    @JvmStatic external fun groupDeadlineMs(group: Long): Long
    @JvmStatic external fun groupEndedAtMs(group: Long): Long
    @JvmStatic external fun groupSeatCount(group: Long): Long
    @JvmStatic external fun groupSeatOrderId(group: Long, index: Long): String?
    @JvmStatic external fun groupSeatUserId(group: Long, index: Long): String?
    @JvmStatic external fun groupSeatPosition(group: Long, index: Long): Long
    @JvmStatic external fun groupSeatQuantity(group: Long, index: Long): Long
    @JvmStatic external fun groupSeatState(group: Long, index: Long): Long
    @JvmStatic external fun groupSeatPaidAtMs(group: Long, index: Long): Long
    /** Only for a group the caller owns (engineGroupGet, engineOrderGroup), never one of a list. */
    @JvmStatic external fun groupFree(group: Long)
    @JvmStatic external fun engineGroupbuyReport(engine: Long, campaignId: ByteArray?): Long
    /** figure: an sc_group_figure_t ([GroupFigure]); one that is not reads 0. */
    @JvmStatic external fun groupReportGet(report: Long, figure: Int): Long
    @JvmStatic external fun groupReportFree(report: Long)

    // Flash sales (socialcart_jni_flashsale.c)
    /** saleId null: back to the cart (the slot and quantity are ignored). */
    @JvmStatic external fun checkoutRequestSetFlashSale(request: Long, saleId: ByteArray?, slotStartsAtMs: Long, quantity: Long)
    @JvmStatic external fun checkoutRequestFlashSaleId(request: Long): String?
    @JvmStatic external fun checkoutRequestFlashSlotStartsAtMs(request: Long): Long
    @JvmStatic external fun checkoutRequestFlashQuantity(request: Long): Long
    @JvmStatic external fun engineFlashSalePut(engine: Long, json: ByteArray?)
    @JvmStatic external fun engineFlashSaleGet(engine: Long, saleId: ByteArray?): Long
    @JvmStatic external fun flashSaleId(sale: Long): String?
    @JvmStatic external fun flashSaleSkuId(sale: Long): String?
    @JvmStatic external fun flashSalePrice(sale: Long): Long
    @JvmStatic external fun flashSaleStartsAtMs(sale: Long): Long
    @JvmStatic external fun flashSaleEndsAtMs(sale: Long): Long
    @JvmStatic external fun flashSaleUtcOffsetMinutes(sale: Long): Long
    @JvmStatic external fun flashSaleStockPerSlot(sale: Long): Long
    @JvmStatic external fun flashSaleMaxUnitsPerOrder(sale: Long): Long
    @JvmStatic external fun flashSaleMaxUnitsPerUserPerDay(sale: Long): Long
    @JvmStatic external fun flashSaleSlotCount(sale: Long): Long
    /** -1 past the end. */
    @JvmStatic external fun flashSaleSlotStartMinute(sale: Long, index: Long): Long
    @JvmStatic external fun flashSaleSlotMinutes(sale: Long, index: Long): Long
    @JvmStatic external fun flashSaleFree(sale: Long)
    /** saleId null: every sale's slots. A negative limit is out of range. */
    @JvmStatic external fun engineFlashSlots(engine: Long, saleId: ByteArray?, limit: Long): Long
    @JvmStatic external fun flashSlotsCount(slots: Long): Long
    /** Borrowed from the list: read it, never free it. */
    @JvmStatic external fun flashSlotsAt(slots: Long, index: Long): Long
    @JvmStatic external fun flashSlotsFree(slots: Long)
    @JvmStatic external fun flashSlotSaleId(slot: Long): String?
    @JvmStatic external fun flashSlotSkuId(slot: Long): String?
    @JvmStatic external fun flashSlotSalePrice(slot: Long): Long
    @JvmStatic external fun flashSlotStartsAtMs(slot: Long): Long
    @JvmStatic external fun flashSlotEndsAtMs(slot: Long): Long
    @JvmStatic external fun flashSlotStock(slot: Long): Long
    @JvmStatic external fun flashSlotSold(slot: Long): Long
    @JvmStatic external fun flashSlotHeld(slot: Long): Long
    @JvmStatic external fun flashSlotLeft(slot: Long): Long
    /** 0 until it sold out. */
    @JvmStatic external fun flashSlotSoldOutAtMs(slot: Long): Long
    @JvmStatic external fun engineFlashReport(engine: Long, saleId: ByteArray?, slotStartsAtMs: Long): Long
    /** figure: an sc_flash_figure_t ([FlashFigure]); one that is not reads 0. */
    @JvmStatic external fun flashReportGet(report: Long, figure: Int): Long
    @JvmStatic external fun flashReportFree(report: Long)

    // Bargains (socialcart_jni_bargain.c)
    @JvmStatic external fun bargainStateName(state: Int): String
    /** bargainId null: back to the cart. */
    @JvmStatic external fun checkoutRequestSetBargain(request: Long, bargainId: ByteArray?)
    @JvmStatic external fun checkoutRequestBargainId(request: Long): String?
    @JvmStatic external fun engineBargainProgramPut(engine: Long, json: ByteArray?)
    @JvmStatic external fun engineBargainProgramGet(engine: Long, programId: ByteArray?): Long
    @JvmStatic external fun bargainProgramId(program: Long): String?
    @JvmStatic external fun bargainProgramSkuId(program: Long): String?
    @JvmStatic external fun bargainProgramFloorPrice(program: Long): Long
    @JvmStatic external fun bargainProgramHelpers(program: Long): Long
    @JvmStatic external fun bargainProgramLifetimeMinutes(program: Long): Long
    @JvmStatic external fun bargainProgramStartsAtMs(program: Long): Long
    @JvmStatic external fun bargainProgramEndsAtMs(program: Long): Long
    @JvmStatic external fun bargainProgramFree(program: Long)
    @JvmStatic external fun engineBargainOpen(engine: Long, programId: ByteArray?, userId: ByteArray?, idempotencyKey: ByteArray?): Long
    /** The bargain after the help; amountOut[0] receives the amount cut. */
    @JvmStatic external fun engineBargainHelp(
        engine: Long,
        bargainId: ByteArray?,
        helperUserId: ByteArray?,
        idempotencyKey: ByteArray?,
        amountOut: LongArray?
    ): Long
    @JvmStatic external fun engineBargainGet(engine: Long, bargainId: ByteArray?): Long
    /** A negative limit is out of range. */
    @JvmStatic external fun engineBargainsOfUser(engine: Long, userId: ByteArray?, limit: Long): Long
    @JvmStatic external fun bargainsCount(bargains: Long): Long
    /** Borrowed from the list: read it, never free it. */
    @JvmStatic external fun bargainsAt(bargains: Long, index: Long): Long
    @JvmStatic external fun bargainsFree(bargains: Long)
    @JvmStatic external fun bargainId(bargain: Long): String?
    @JvmStatic external fun bargainProgramIdOf(bargain: Long): String?
    @JvmStatic external fun bargainUserId(bargain: Long): String?
    @JvmStatic external fun bargainSkuId(bargain: Long): String?
    @JvmStatic external fun bargainState(bargain: Long): Long
    @JvmStatic external fun bargainStartPrice(bargain: Long): Long
    @JvmStatic external fun bargainFloorPrice(bargain: Long): Long
    @JvmStatic external fun bargainPrice(bargain: Long): Long
    @JvmStatic external fun bargainHelpersNeeded(bargain: Long): Long
    @JvmStatic external fun bargainOpenedAtMs(bargain: Long): Long
    @JvmStatic external fun bargainDeadlineMs(bargain: Long): Long
    /** 0 before it was bought or expired. */
    @JvmStatic external fun bargainEndedAtMs(bargain: Long): Long
    /** "" before it was bought. */
    @JvmStatic external fun bargainOrderId(bargain: Long): String?
    @JvmStatic external fun bargainHelpCount(bargain: Long): Long
    @JvmStatic external fun bargainHelpUserId(bargain: Long, index: Long): String?
    @JvmStatic external fun bargainHelpAmount(bargain: Long, index: Long): Long
    @JvmStatic external fun bargainHelpPriceAfter(bargain: Long, index: Long): Long
    @JvmStatic external fun bargainHelpAtMs(bargain: Long, index: Long): Long
    /** Only for a bargain the caller owns (open, help, get), never one of a list. */
    @JvmStatic external fun bargainFree(bargain: Long)
    @JvmStatic external fun engineBargainReport(engine: Long, programId: ByteArray?): Long
    /** figure: an sc_bargain_figure_t ([BargainFigure]); one that is not reads 0. */
    @JvmStatic external fun bargainReportGet(report: Long, figure: Int): Long
    @JvmStatic external fun bargainReportFree(report: Long)

    // Events
    @JvmStatic external fun engineEventsRead(engine: Long, afterSeq: Long, limit: Long): Long
    @JvmStatic external fun engineEventsReadType(engine: Long, type: ByteArray?, afterSeq: Long, limit: Long): Long
    @JvmStatic external fun engineEventsLatestSeq(engine: Long): Long
    @JvmStatic external fun eventsCount(events: Long): Long
    @JvmStatic external fun eventsSeq(events: Long, index: Long): Long
    @JvmStatic external fun eventsType(events: Long, index: Long): String?
    @JvmStatic external fun eventsSubjectId(events: Long, index: Long): String?
    @JvmStatic external fun eventsTimeMs(events: Long, index: Long): Long
    @JvmStatic external fun eventsPayload(events: Long, index: Long): String?
    @JvmStatic external fun eventsFree(events: Long)
    /** sink needs `fun onEvents(events: Long)`; null passes a NULL callback. */
    @JvmStatic external fun engineSubscribe(engine: Long, sink: Any?): Long
    @JvmStatic external fun subscriptionFree(subscription: Long)
}

/** Standard UTF-8 bytes of a string, as the JNI layer expects them. */
internal fun utf8(s: String): ByteArray = s.toByteArray(Charsets.UTF_8)

internal fun utf8OrNull(s: String?): ByteArray? = s?.toByteArray(Charsets.UTF_8)
