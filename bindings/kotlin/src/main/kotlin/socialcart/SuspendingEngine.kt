package socialcart

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/**
 * The blocking calls of an [Engine] as suspending functions: each runs on
 * `Dispatchers.IO` and throws what the blocking call throws. Get it from
 * [Engine.suspending]. The names and parameters are the blocking ones.
 */
class SuspendingEngine internal constructor(val engine: Engine) {
    suspend fun sweep(maxOrders: Int = 1000): SweepResult = withContext(Dispatchers.IO) { engine.sweep(maxOrders) }
    suspend fun compact(maxRows: Int = 1000): CompactResult = withContext(Dispatchers.IO) { engine.compact(maxRows) }

    suspend fun putSku(sku: SkuSpec) = withContext(Dispatchers.IO) { engine.putSku(sku) }
    suspend fun sku(skuId: String): Sku = withContext(Dispatchers.IO) { engine.sku(skuId) }
    suspend fun catalog(): List<Sku> = withContext(Dispatchers.IO) { engine.catalog() }
    suspend fun catalogByMerchant(merchantId: String, cursor: String? = null, limit: Int = 50): Page<Sku> =
        withContext(Dispatchers.IO) { engine.catalogByMerchant(merchantId, cursor, limit) }
    suspend fun catalogByCategory(categoryId: String, cursor: String? = null, limit: Int = 50): Page<Sku> =
        withContext(Dispatchers.IO) { engine.catalogByCategory(categoryId, cursor, limit) }
    suspend fun importProgram(json: String) = withContext(Dispatchers.IO) { engine.importProgram(json) }
    suspend fun exportProgram(): String = withContext(Dispatchers.IO) { engine.exportProgram() }

    suspend fun addToCart(userId: String, skuId: String, quantity: Long = 1) =
        withContext(Dispatchers.IO) { engine.addToCart(userId, skuId, quantity) }
    suspend fun addToCart(userId: String, skuId: String, quantity: Long = 1, idempotencyKey: String) =
        withContext(Dispatchers.IO) { engine.addToCart(userId, skuId, quantity, idempotencyKey) }
    suspend fun setCartQuantity(userId: String, skuId: String, quantity: Long) =
        withContext(Dispatchers.IO) { engine.setCartQuantity(userId, skuId, quantity) }
    suspend fun removeFromCart(userId: String, skuId: String) =
        withContext(Dispatchers.IO) { engine.removeFromCart(userId, skuId) }
    suspend fun selectCartLine(userId: String, skuId: String, selected: Boolean = true) =
        withContext(Dispatchers.IO) { engine.selectCartLine(userId, skuId, selected) }
    suspend fun clearCart(userId: String) = withContext(Dispatchers.IO) { engine.clearCart(userId) }
    suspend fun mergeCart(userId: String, guestId: String) =
        withContext(Dispatchers.IO) { engine.mergeCart(userId, guestId) }
    suspend fun cart(userId: String): Cart = withContext(Dispatchers.IO) { engine.cart(userId) }

    suspend fun putPromotion(json: String) = withContext(Dispatchers.IO) { engine.putPromotion(json) }
    suspend fun putCouponTemplate(json: String) = withContext(Dispatchers.IO) { engine.putCouponTemplate(json) }
    suspend fun putShippingRule(json: String) = withContext(Dispatchers.IO) { engine.putShippingRule(json) }

    suspend fun quote(userId: String, request: CheckoutRequest = CheckoutRequest()): Quote =
        withContext(Dispatchers.IO) { engine.quote(userId, request) }

    suspend fun checkout(userId: String, request: CheckoutRequest, idempotencyKey: String): Order =
        withContext(Dispatchers.IO) { engine.checkout(userId, request, idempotencyKey) }
    suspend fun checkout(userId: String, idempotencyKey: String): Order =
        withContext(Dispatchers.IO) { engine.checkout(userId, idempotencyKey) }
    suspend fun order(orderId: String): Order = withContext(Dispatchers.IO) { engine.order(orderId) }
    suspend fun order(userId: String, checkoutKey: String): Order =
        withContext(Dispatchers.IO) { engine.order(userId, checkoutKey) }
    suspend fun orders(
        userId: String,
        state: OrderState? = null,
        createdFromMs: Long = 0,
        createdBeforeMs: Long = Long.MAX_VALUE,
        cursor: String? = null,
        limit: Int = 50
    ): Page<Order> = withContext(Dispatchers.IO) {
        engine.orders(userId, state, createdFromMs, createdBeforeMs, cursor, limit)
    }
    suspend fun pay(orderId: String, paymentRef: String, amount: Long, idempotencyKey: String): Order =
        withContext(Dispatchers.IO) { engine.pay(orderId, paymentRef, amount, idempotencyKey) }
    suspend fun cancel(orderId: String): Order = withContext(Dispatchers.IO) { engine.cancel(orderId) }
    suspend fun refundLine(orderId: String, lineIndex: Int, quantity: Long, idempotencyKey: String): Order =
        withContext(Dispatchers.IO) { engine.refundLine(orderId, lineIndex, quantity, idempotencyKey) }
    suspend fun refundAmount(orderId: String, amount: Long, idempotencyKey: String): Order =
        withContext(Dispatchers.IO) { engine.refundAmount(orderId, amount, idempotencyKey) }

    suspend fun claimCoupon(userId: String, templateId: String, idempotencyKey: String): Coupon =
        withContext(Dispatchers.IO) { engine.claimCoupon(userId, templateId, idempotencyKey) }
    suspend fun grantCoupon(userId: String, templateId: String, idempotencyKey: String): Coupon =
        withContext(Dispatchers.IO) { engine.grantCoupon(userId, templateId, idempotencyKey) }
    suspend fun exchangePoints(userId: String, templateId: String, idempotencyKey: String): Coupon =
        withContext(Dispatchers.IO) { engine.exchangePoints(userId, templateId, idempotencyKey) }
    suspend fun redeemPromoCode(userId: String, promoCode: String, idempotencyKey: String): Coupon =
        withContext(Dispatchers.IO) { engine.redeemPromoCode(userId, promoCode, idempotencyKey) }
    suspend fun revokeCoupon(code: String): Coupon = withContext(Dispatchers.IO) { engine.revokeCoupon(code) }
    suspend fun coupons(userId: String, state: CouponState? = null): List<Coupon> =
        withContext(Dispatchers.IO) { engine.coupons(userId, state) }
    suspend fun couponReport(): List<CouponReportRow> = withContext(Dispatchers.IO) { engine.couponReport() }

    suspend fun putPointsProgram(json: String) = withContext(Dispatchers.IO) { engine.putPointsProgram(json) }
    suspend fun pointsBalance(userId: String): PointsBalance = withContext(Dispatchers.IO) { engine.pointsBalance(userId) }
    suspend fun pointsLots(userId: String): List<PointsLot> = withContext(Dispatchers.IO) { engine.pointsLots(userId) }
    suspend fun pointsHistory(userId: String, cursor: String? = null, limit: Int = 50): Page<PointsEntry> =
        withContext(Dispatchers.IO) { engine.pointsHistory(userId, cursor, limit) }
    suspend fun adjustPoints(userId: String, points: Long, reason: String, idempotencyKey: String): PointsEntry =
        withContext(Dispatchers.IO) { engine.adjustPoints(userId, points, reason, idempotencyKey) }
    suspend fun adjustPointsBatch(items: List<PointsAdjustment>): Long =
        withContext(Dispatchers.IO) { engine.adjustPointsBatch(items) }
    suspend fun signIn(userId: String): SignIn = withContext(Dispatchers.IO) { engine.signIn(userId) }
    suspend fun recordActivity(userId: String, activity: String, reference: String, idempotencyKey: String): PointsEntry =
        withContext(Dispatchers.IO) { engine.recordActivity(userId, activity, reference, idempotencyKey) }
    suspend fun pointsReport(fromMs: Long, toMs: Long): PointsReport =
        withContext(Dispatchers.IO) { engine.pointsReport(fromMs, toMs) }

    suspend fun putTierProgram(json: String) = withContext(Dispatchers.IO) { engine.putTierProgram(json) }
    suspend fun tierStatus(userId: String): TierStatus = withContext(Dispatchers.IO) { engine.tierStatus(userId) }
    suspend fun tierReport(fromMs: Long, toMs: Long): List<TierReportRow> =
        withContext(Dispatchers.IO) { engine.tierReport(fromMs, toMs) }

    suspend fun putReferralProgram(json: String) = withContext(Dispatchers.IO) { engine.putReferralProgram(json) }
    suspend fun generateShareKey(keyId: String): ShareKey = withContext(Dispatchers.IO) { engine.generateShareKey(keyId) }
    suspend fun installShareKey(keyId: String, privatePem: String): ShareKey =
        withContext(Dispatchers.IO) { engine.installShareKey(keyId, privatePem) }
    suspend fun trustShareKey(keyId: String, publicPem: String): ShareKey =
        withContext(Dispatchers.IO) { engine.trustShareKey(keyId, publicPem) }
    suspend fun retireShareKey(keyId: String): ShareKey = withContext(Dispatchers.IO) { engine.retireShareKey(keyId) }
    suspend fun shareKeys(): List<ShareKey> = withContext(Dispatchers.IO) { engine.shareKeys() }
    suspend fun createShareLink(
        sharerId: String,
        target: ShareTarget,
        targetId: String,
        channel: String,
        idempotencyKey: String
    ): ShareLink = withContext(Dispatchers.IO) { engine.createShareLink(sharerId, target, targetId, channel, idempotencyKey) }
    suspend fun resolveShareLink(tokenOrCode: String): ShareLink =
        withContext(Dispatchers.IO) { engine.resolveShareLink(tokenOrCode) }
    suspend fun openShareLink(tokenOrCode: String, userId: String?, deviceId: String?, idempotencyKey: String): ShareOpen =
        withContext(Dispatchers.IO) { engine.openShareLink(tokenOrCode, userId, deviceId, idempotencyKey) }
    suspend fun referralSignIn(userId: String, deviceId: String): ReferralBinding? =
        withContext(Dispatchers.IO) { engine.referralSignIn(userId, deviceId) }
    suspend fun referralBindingOfUser(userId: String): ReferralBinding? =
        withContext(Dispatchers.IO) { engine.referralBindingOfUser(userId) }
    suspend fun referralBindingOfDevice(deviceId: String): ReferralBinding? =
        withContext(Dispatchers.IO) { engine.referralBindingOfDevice(deviceId) }
    suspend fun orderAttribution(orderId: String): OrderAttribution? =
        withContext(Dispatchers.IO) { engine.orderAttribution(orderId) }
    suspend fun referralRewards(sharerId: String): List<ReferralReward> =
        withContext(Dispatchers.IO) { engine.referralRewards(sharerId) }
    suspend fun referralRefusals(sharerId: String): List<ReferralRefusal> =
        withContext(Dispatchers.IO) { engine.referralRefusals(sharerId) }
    suspend fun referralStatsOfSharer(sharerId: String): ReferralStats =
        withContext(Dispatchers.IO) { engine.referralStatsOfSharer(sharerId) }
    suspend fun referralStatsOfTarget(target: ShareTarget, targetId: String): ReferralStats =
        withContext(Dispatchers.IO) { engine.referralStatsOfTarget(target, targetId) }
    suspend fun referralStats(): ReferralStats = withContext(Dispatchers.IO) { engine.referralStats() }

    suspend fun putGroupCampaign(json: String) = withContext(Dispatchers.IO) { engine.putGroupCampaign(json) }
    suspend fun groupCampaign(campaignId: String): GroupCampaign =
        withContext(Dispatchers.IO) { engine.groupCampaign(campaignId) }
    suspend fun group(groupId: String): Group = withContext(Dispatchers.IO) { engine.group(groupId) }
    suspend fun groupOfOrder(orderId: String): Group? = withContext(Dispatchers.IO) { engine.groupOfOrder(orderId) }
    suspend fun openGroups(campaignId: String, limit: Int = 20): List<Group> =
        withContext(Dispatchers.IO) { engine.openGroups(campaignId, limit) }
    suspend fun groupsOfUser(userId: String, limit: Int = 20): List<Group> =
        withContext(Dispatchers.IO) { engine.groupsOfUser(userId, limit) }
    suspend fun groupReport(campaignId: String): GroupReport =
        withContext(Dispatchers.IO) { engine.groupReport(campaignId) }

    suspend fun putFlashSale(json: String) = withContext(Dispatchers.IO) { engine.putFlashSale(json) }
    suspend fun flashSale(saleId: String): FlashSale = withContext(Dispatchers.IO) { engine.flashSale(saleId) }
    suspend fun flashSlots(saleId: String? = null, limit: Int = 20): List<FlashSlot> =
        withContext(Dispatchers.IO) { engine.flashSlots(saleId, limit) }
    suspend fun flashReport(saleId: String, slotStartsAtMs: Long): FlashReport =
        withContext(Dispatchers.IO) { engine.flashReport(saleId, slotStartsAtMs) }

    suspend fun putBargainProgram(json: String) = withContext(Dispatchers.IO) { engine.putBargainProgram(json) }
    suspend fun bargainProgram(programId: String): BargainProgram =
        withContext(Dispatchers.IO) { engine.bargainProgram(programId) }
    suspend fun openBargain(programId: String, userId: String, idempotencyKey: String): Bargain =
        withContext(Dispatchers.IO) { engine.openBargain(programId, userId, idempotencyKey) }
    suspend fun helpBargain(bargainId: String, helperUserId: String, idempotencyKey: String): BargainHelpResult =
        withContext(Dispatchers.IO) { engine.helpBargain(bargainId, helperUserId, idempotencyKey) }
    suspend fun bargain(bargainId: String): Bargain = withContext(Dispatchers.IO) { engine.bargain(bargainId) }
    suspend fun bargainsOfUser(userId: String, limit: Int = 20): List<Bargain> =
        withContext(Dispatchers.IO) { engine.bargainsOfUser(userId, limit) }
    suspend fun bargainReport(programId: String): BargainReport =
        withContext(Dispatchers.IO) { engine.bargainReport(programId) }

    suspend fun readEvents(afterSeq: Long = 0, limit: Int = 1000): List<Event> =
        withContext(Dispatchers.IO) { engine.readEvents(afterSeq, limit) }
    suspend fun readEvents(type: String, afterSeq: Long = 0, limit: Int = 1000): List<Event> =
        withContext(Dispatchers.IO) { engine.readEvents(type, afterSeq, limit) }
    suspend fun latestEventSeq(): Long = withContext(Dispatchers.IO) { engine.latestEventSeq() }
}
