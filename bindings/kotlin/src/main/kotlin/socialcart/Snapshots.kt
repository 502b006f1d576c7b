package socialcart

/**
 * Copies C snapshots into data classes. Each `take*` function owns the handle
 * it is given and frees it before returning, whatever happens; each `read*`
 * function only borrows it.
 */
internal object Snapshots {
    private inline fun <T> taking(handle: Long, free: (Long) -> Unit, read: (Long) -> T): T {
        try {
            return read(handle)
        } finally {
            free(handle)
        }
    }

    private fun indices(count: Long): LongRange = 0L until count

    private fun adjustment(kind: String?, source: String?, amount: Long): Adjustment = Adjustment(
        kind = AdjustmentKind.of(kind ?: ""),
        rawKind = kind ?: "",
        source = source ?: "",
        amount = amount
    )

    fun readSku(h: Long): Sku = Sku(
        id = Native.skuId(h) ?: "",
        merchantId = Native.skuMerchantId(h) ?: "",
        title = Native.skuTitle(h) ?: "",
        currency = Native.skuCurrency(h) ?: "",
        listPrice = Native.skuListPrice(h),
        stockTracked = Native.skuStockTracked(h),
        stockOnHand = Native.skuStockOnHand(h),
        stockAvailable = Native.skuStockAvailable(h),
        maxPerOrder = Native.skuMaxPerOrder(h).takeIf { it > 0 },
        active = Native.skuActive(h),
        categories = indices(Native.skuCategoryCount(h)).map { Native.skuCategoryAt(h, it) ?: "" }
    )

    fun takeSku(h: Long): Sku = taking(h, { Native.skuFree(it) }) { readSku(it) }

    fun takeCatalog(h: Long): List<Sku> = taking(h, { Native.catalogFree(it) }) { c ->
        indices(Native.catalogCount(c)).map { readSku(Native.catalogAt(c, it)) }
    }

    fun takeCart(h: Long): Cart = taking(h, { Native.cartFree(it) }) { c ->
        Cart(
            userId = Native.cartUserId(c) ?: "",
            currency = Native.cartCurrency(c) ?: "",
            lines = indices(Native.cartLineCount(c)).map { i ->
                val available = Native.cartLineAvailable(c, i)
                CartLine(
                    skuId = Native.cartLineSkuId(c, i) ?: "",
                    title = Native.cartLineTitle(c, i) ?: "",
                    quantity = Native.cartLineQuantity(c, i),
                    selected = Native.cartLineSelected(c, i),
                    unitPrice = Native.cartLineUnitPrice(c, i),
                    addedPrice = Native.cartLineAddedPrice(c, i),
                    available = if (available < 0) null else available,
                    problems = LineProblem.fromFlags(Native.cartLineProblems(c, i))
                )
            }
        )
    }

    fun takeQuote(h: Long): Quote = taking(h, { Native.quoteFree(it) }) { q ->
        Quote(
            currency = Native.quoteCurrency(q) ?: "",
            lines = indices(Native.quoteLineCount(q)).map { i ->
                QuoteLine(
                    skuId = Native.quoteLineSkuId(q, i) ?: "",
                    quantity = Native.quoteLineQuantity(q, i),
                    unitPrice = Native.quoteLineUnitPrice(q, i),
                    base = Native.quoteLineBase(q, i),
                    net = Native.quoteLineNet(q, i),
                    merchantId = Native.quoteLineMerchantId(q, i) ?: "",
                    adjustments = indices(Native.quoteLineAdjustmentCount(q, i)).map { a ->
                        adjustment(
                            Native.quoteLineAdjustmentKind(q, i, a),
                            Native.quoteLineAdjustmentSource(q, i, a),
                            Native.quoteLineAdjustmentAmount(q, i, a)
                        )
                    }
                )
            },
            subtotal = Native.quoteSubtotal(q),
            total = Native.quoteTotal(q),
            discount = Native.quoteDiscount(q),
            shipping = Native.quoteShipping(q),
            saved = Native.quoteSaved(q),
            merchants = indices(Native.quoteMerchantCount(q)).map { i ->
                QuoteMerchant(
                    id = Native.quoteMerchantId(q, i) ?: "",
                    subtotal = Native.quoteMerchantSubtotal(q, i),
                    discount = Native.quoteMerchantDiscount(q, i),
                    shippingFee = Native.quoteMerchantShippingFee(q, i),
                    shippingWaived = Native.quoteMerchantShippingWaived(q, i),
                    shippingWaivedBy = Native.quoteMerchantShippingWaivedBy(q, i)?.takeIf { it.isNotEmpty() },
                    shipping = Native.quoteMerchantShipping(q, i),
                    total = Native.quoteMerchantTotal(q, i),
                    pointsAmount = Native.quoteMerchantPointsAmount(q, i)
                )
            },
            promotions = indices(Native.quotePromotionCount(q)).map { i ->
                AppliedPromotion(
                    id = Native.quotePromotionId(q, i) ?: "",
                    amount = Native.quotePromotionAmount(q, i)
                )
            },
            coupons = indices(Native.quoteCouponCount(q)).map { i ->
                AppliedCoupon(
                    code = Native.quoteCouponCode(q, i) ?: "",
                    templateId = Native.quoteCouponTemplateId(q, i) ?: "",
                    amount = Native.quoteCouponAmount(q, i)
                )
            },
            gifts = indices(Native.quoteGiftCount(q)).map { i ->
                Gift(
                    promotionId = Native.quoteGiftPromotionId(q, i) ?: "",
                    skuId = Native.quoteGiftSkuId(q, i) ?: "",
                    quantity = Native.quoteGiftQuantity(q, i)
                )
            },
            explanations = indices(Native.quoteExplanationCount(q)).map { i ->
                val reason = Native.quoteExplanationReason(q, i) ?: ""
                CouponExplanation(
                    code = Native.quoteExplanationCode(q, i) ?: "",
                    templateId = Native.quoteExplanationTemplateId(q, i) ?: "",
                    reason = ExplanationReason.of(reason),
                    rawReason = reason,
                    missing = Native.quoteExplanationMissing(q, i),
                    conflictingCode = Native.quoteExplanationConflicting(q, i)?.takeIf { it.isNotEmpty() }
                )
            },
            pointsUsed = Native.quotePointsUsed(q),
            pointsAmount = Native.quotePointsAmount(q),
            pointsMax = Native.quotePointsMax(q),
            pointsToEarn = Native.quotePointsToEarn(q)
        )
    }

    fun takeOrder(h: Long): Order = taking(h, { Native.orderFree(it) }) { readOrder(it) }

    fun takeOrderPage(h: Long): Page<Order> = taking(h, { Native.ordersFree(it) }) { p ->
        Page(
            items = indices(Native.ordersCount(p)).map { readOrder(Native.ordersAt(p, it)) },
            nextCursor = Native.ordersNextCursor(p)?.takeIf { it.isNotEmpty() }
        )
    }

    fun takeCatalogPage(h: Long): Page<Sku> = taking(h, { Native.catalogFree(it) }) { c ->
        Page(
            items = indices(Native.catalogCount(c)).map { readSku(Native.catalogAt(c, it)) },
            nextCursor = Native.catalogNextCursor(c)?.takeIf { it.isNotEmpty() }
        )
    }

    /** Reads an order (borrowed: from a page, or one [takeOrder] frees). */
    fun readOrder(o: Long): Order {
        val paidAt = Native.orderPaidAtMs(o)
        return Order(
            id = Native.orderId(o) ?: "",
            userId = Native.orderUserId(o) ?: "",
            state = OrderState.of(Native.orderStateOf(o).toInt()),
            cancelReason = CancelReason.of(Native.orderCancelReason(o).toInt()),
            currency = Native.orderCurrency(o) ?: "",
            subtotal = Native.orderSubtotal(o),
            total = Native.orderTotal(o),
            refunded = Native.orderRefunded(o),
            createdAtMs = Native.orderCreatedAtMs(o),
            payDeadlineMs = Native.orderPayDeadlineMs(o),
            paidAtMs = if (paidAt == 0L) null else paidAt,
            paymentRef = Native.orderPaymentRef(o),
            lines = indices(Native.orderLineCount(o)).map { i ->
                OrderLine(
                    skuId = Native.orderLineSkuId(o, i) ?: "",
                    title = Native.orderLineTitle(o, i) ?: "",
                    merchantId = Native.orderLineMerchantId(o, i) ?: "",
                    quantity = Native.orderLineQuantity(o, i),
                    unitPrice = Native.orderLineUnitPrice(o, i),
                    base = Native.orderLineBase(o, i),
                    net = Native.orderLineNet(o, i),
                    refundedQuantity = Native.orderLineRefundedQuantity(o, i),
                    refundedAmount = Native.orderLineRefundedAmount(o, i),
                    adjustments = indices(Native.orderLineAdjustmentCount(o, i)).map { a ->
                        adjustment(
                            Native.orderLineAdjustmentKind(o, i, a),
                            Native.orderLineAdjustmentSource(o, i, a),
                            Native.orderLineAdjustmentAmount(o, i, a)
                        )
                    }
                )
            },
            refunds = indices(Native.orderRefundCount(o)).map { i ->
                Refund(
                    id = Native.orderRefundId(o, i) ?: "",
                    amount = Native.orderRefundAmount(o, i),
                    timeMs = Native.orderRefundTimeMs(o, i),
                    lines = indices(Native.orderRefundLineCount(o, i)).map { p ->
                        RefundLine(
                            lineIndex = Native.orderRefundLineIndex(o, i, p).toInt(),
                            quantity = Native.orderRefundLineQuantity(o, i, p),
                            amount = Native.orderRefundLineAmount(o, i, p)
                        )
                    }
                )
            },
            discount = Native.orderDiscount(o),
            shipping = Native.orderShipping(o),
            shippingMethod = ShippingMethod.of(Native.orderShippingMethod(o).toInt()),
            merchants = indices(Native.orderMerchantCount(o)).map { i ->
                QuoteMerchant(
                    id = Native.orderMerchantId(o, i) ?: "",
                    subtotal = Native.orderMerchantSubtotal(o, i),
                    discount = Native.orderMerchantDiscount(o, i),
                    shippingFee = Native.orderMerchantShippingFee(o, i),
                    shippingWaived = Native.orderMerchantShippingWaived(o, i),
                    shippingWaivedBy = Native.orderMerchantShippingWaivedBy(o, i)?.takeIf { it.isNotEmpty() },
                    shipping = Native.orderMerchantShipping(o, i),
                    total = Native.orderMerchantTotal(o, i),
                    pointsAmount = Native.orderMerchantPointsAmount(o, i)
                )
            },
            promotions = indices(Native.orderPromotionCount(o)).map { i ->
                AppliedPromotion(
                    id = Native.orderPromotionId(o, i) ?: "",
                    amount = Native.orderPromotionAmount(o, i)
                )
            },
            coupons = indices(Native.orderCouponCount(o)).map { i ->
                AppliedCoupon(
                    code = Native.orderCouponCode(o, i) ?: "",
                    templateId = Native.orderCouponTemplateId(o, i) ?: "",
                    amount = Native.orderCouponAmount(o, i)
                )
            },
            pointsUsed = Native.orderPointsUsed(o),
            pointsAmount = Native.orderPointsAmount(o),
            pointsEarned = Native.orderPointsEarned(o)
        )
    }

    /** Reads a coupon (borrowed: from a list, or one [takeCoupon] frees). */
    fun readCoupon(c: Long): Coupon = Coupon(
        code = Native.couponCode(c) ?: "",
        templateId = Native.couponTemplateId(c) ?: "",
        ownerId = Native.couponOwnerId(c) ?: "",
        state = CouponState.of(Native.couponState(c).toInt()),
        validFromMs = Native.couponValidFromMs(c),
        validUntilMs = Native.couponValidUntilMs(c),
        claimedAtMs = Native.couponClaimedAtMs(c),
        orderId = Native.couponOrderId(c)?.takeIf { it.isNotEmpty() }
    )

    fun takeCoupon(h: Long): Coupon = taking(h, { Native.couponFree(it) }) { readCoupon(it) }

    fun takeCoupons(h: Long): List<Coupon> = taking(h, { Native.couponsFree(it) }) { list ->
        indices(Native.couponsCount(list)).map { readCoupon(Native.couponsAt(list, it)) }
    }

    fun takeCouponReport(h: Long): List<CouponReportRow> = taking(h, { Native.couponReportFree(it) }) { r ->
        val currency = Native.couponReportCurrency(r) ?: ""
        indices(Native.couponReportCount(r)).map { i ->
            val total = Native.couponReportTotalQuantity(r, i)
            CouponReportRow(
                templateId = Native.couponReportTemplateId(r, i) ?: "",
                totalQuantity = if (total < 0) null else total,
                claimed = Native.couponReportClaimed(r, i),
                used = Native.couponReportUsed(r, i),
                returned = Native.couponReportReturned(r, i),
                held = Native.couponReportHeld(r, i),
                discountGiven = Native.couponReportDiscountGiven(r, i),
                currency = currency
            )
        }
    }

    fun takePointsBalance(h: Long): PointsBalance = taking(h, { Native.pointsBalanceFree(it) }) { b ->
        PointsBalance(
            available = Native.pointsBalanceAvailable(b),
            pending = Native.pointsBalancePending(b),
            held = Native.pointsBalanceHeld(b),
            debt = Native.pointsBalanceDebt(b),
            total = Native.pointsBalanceTotal(b)
        )
    }

    fun takePointsLots(h: Long): List<PointsLot> = taking(h, { Native.pointsLotsFree(it) }) { l ->
        indices(Native.pointsLotsCount(l)).map { i ->
            PointsLot(
                id = Native.pointsLotId(l, i),
                earned = Native.pointsLotEarned(l, i),
                free = Native.pointsLotFree(l, i),
                held = Native.pointsLotHeld(l, i),
                earnedAtMs = Native.pointsLotEarnedAtMs(l, i),
                vestsAtMs = Native.pointsLotVestsAtMs(l, i),
                expiresAtMs = if (Native.pointsLotExpires(l, i)) Native.pointsLotExpiresAtMs(l, i) else null
            )
        }
    }

    /** Reads a points entry (borrowed: from a page, or one [takePointsEntry] frees). */
    fun readPointsEntry(e: Long): PointsEntry = PointsEntry(
        seq = Native.pointsEntrySeq(e),
        kind = PointsEntryKind.of(Native.pointsEntryKind(e).toInt()),
        points = Native.pointsEntryPoints(e),
        effect = Native.pointsEntryEffect(e),
        reference = Native.pointsEntryReference(e) ?: "",
        atMs = Native.pointsEntryAtMs(e),
        vestsAtMs = Native.pointsEntryVestsAtMs(e),
        reason = Native.pointsEntryReason(e) ?: ""
    )

    fun takePointsEntry(h: Long): PointsEntry = taking(h, { Native.pointsEntryFree(it) }) { readPointsEntry(it) }

    fun takePointsPage(h: Long): Page<PointsEntry> = taking(h, { Native.pointsPageFree(it) }) { p ->
        Page(
            items = indices(Native.pointsPageCount(p)).map { readPointsEntry(Native.pointsPageAt(p, it)) },
            nextCursor = Native.pointsPageNextCursor(p)?.takeIf { it.isNotEmpty() }
        )
    }

    fun takeSignIn(h: Long): SignIn = taking(h, { Native.signInFree(it) }) { s ->
        SignIn(
            date = Native.signInDate(s) ?: "",
            streak = Native.signInStreak(s),
            points = Native.signInPoints(s),
            first = Native.signInFirst(s)
        )
    }

    fun takePointsReport(h: Long): PointsReport = taking(h, { Native.pointsReportFree(it) }) { r ->
        PointsReport(
            members = Native.pointsReportMembers(r),
            available = Native.pointsReportAvailable(r),
            pending = Native.pointsReportPending(r),
            held = Native.pointsReportHeld(r),
            debt = Native.pointsReportDebt(r),
            liabilityPoints = Native.pointsReportLiabilityPoints(r),
            liabilityAmount = Native.pointsReportLiabilityAmount(r),
            currency = Native.pointsReportCurrency(r) ?: "",
            earned = Native.pointsReportEarned(r),
            spent = Native.pointsReportSpent(r),
            expired = Native.pointsReportExpired(r),
            reversed = Native.pointsReportReversed(r),
            returned = Native.pointsReportReturned(r),
            adjusted = Native.pointsReportAdjusted(r)
        )
    }

    fun takeTierStatus(h: Long): TierStatus = taking(h, { Native.tierStatusFree(it) }) { s ->
        val next = Native.tierStatusNextTierId(s) ?: ""
        TierStatus(
            tierId = Native.tierStatusTierId(s) ?: "",
            tierName = Native.tierStatusTierName(s) ?: "",
            rank = Native.tierStatusRank(s),
            sinceMs = Native.tierStatusSinceMs(s),
            periodEndMs = Native.tierStatusPeriodEndMs(s),
            figure = Native.tierStatusFigure(s),
            nextTierId = if (next.isEmpty()) null else next,
            toNext = Native.tierStatusToNext(s),
            figureAtPeriodEnd = Native.tierStatusFigureAtPeriodEnd(s),
            tierAtPeriodEnd = Native.tierStatusTierAtPeriodEnd(s) ?: "",
            toKeep = if (Native.tierStatusCanKeep(s)) Native.tierStatusToKeep(s) else null,
            memberPriceBps = Native.tierStatusMemberPriceBps(s),
            pointsMultiplierBps = Native.tierStatusPointsMultiplierBps(s),
            freeShippingOver = if (Native.tierStatusHasFreeShippingOver(s)) Native.tierStatusFreeShippingOver(s) else null
        )
    }

    fun takeTierReport(h: Long): List<TierReportRow> = taking(h, { Native.tierReportFree(it) }) { r ->
        indices(Native.tierReportCount(r)).map { i ->
            TierReportRow(
                tierId = Native.tierReportTierId(r, i) ?: "",
                members = Native.tierReportMembers(r, i),
                upgrades = Native.tierReportUpgrades(r, i),
                downgrades = Native.tierReportDowngrades(r, i)
            )
        }
    }

    /** Reads a share key (borrowed: from a list, or one [takeShareKey] frees). */
    fun readShareKey(k: Long): ShareKey = ShareKey(
        id = Native.shareKeyId(k) ?: "",
        publicPem = Native.shareKeyPublicPem(k) ?: "",
        canSign = Native.shareKeyCanSign(k),
        isSigning = Native.shareKeyIsSigning(k),
        addedAtMs = Native.shareKeyAddedAtMs(k),
        retiredAtMs = if (Native.shareKeyIsRetired(k)) Native.shareKeyRetiredAtMs(k) else null
    )

    fun takeShareKey(h: Long): ShareKey = taking(h, { Native.shareKeyFree(it) }) { readShareKey(it) }

    fun takeShareKeys(h: Long): List<ShareKey> = taking(h, { Native.shareKeysFree(it) }) { list ->
        indices(Native.shareKeysCount(list)).map { readShareKey(Native.shareKeysAt(list, it)) }
    }

    fun takeShareLink(h: Long): ShareLink = taking(h, { Native.shareLinkFree(it) }) { l ->
        ShareLink(
            token = Native.shareLinkToken(l) ?: "",
            code = Native.shareLinkCode(l)?.takeIf { it.isNotEmpty() },
            displayCode = Native.shareLinkDisplayCode(l)?.takeIf { it.isNotEmpty() },
            url = Native.shareLinkUrl(l) ?: "",
            keyId = Native.shareLinkKeyId(l) ?: "",
            sharerId = Native.shareLinkSharerId(l) ?: "",
            target = ShareTarget.of(Native.shareLinkTarget(l).toInt()),
            targetId = Native.shareLinkTargetId(l) ?: "",
            channel = Native.shareLinkChannel(l) ?: "",
            issuedAtMs = Native.shareLinkIssuedAtMs(l),
            expiresAtMs = Native.shareLinkExpiresAtMs(l)
        )
    }

    /** Reads an open (borrowed: from an attribution, or one [takeShareOpen] frees). */
    fun readShareOpen(o: Long): ShareOpen {
        val bound = Native.shareOpenIsBound(o)
        return ShareOpen(
            id = Native.shareOpenId(o) ?: "",
            code = Native.shareOpenCode(o)?.takeIf { it.isNotEmpty() },
            sharerId = Native.shareOpenSharerId(o) ?: "",
            target = ShareTarget.of(Native.shareOpenTarget(o).toInt()),
            targetId = Native.shareOpenTargetId(o) ?: "",
            channel = Native.shareOpenChannel(o) ?: "",
            userId = Native.shareOpenUserId(o)?.takeIf { it.isNotEmpty() },
            deviceId = Native.shareOpenDeviceId(o)?.takeIf { it.isNotEmpty() },
            openedAtMs = Native.shareOpenOpenedAtMs(o),
            outcome = Native.shareOpenOutcome(o) ?: "",
            isBound = bound,
            boundUntilMs = if (bound) Native.shareOpenBoundUntilMs(o) else null
        )
    }

    fun takeShareOpen(h: Long): ShareOpen = taking(h, { Native.shareOpenFree(it) }) { readShareOpen(it) }

    /** A binding, or null for the 0 handle (no binding). */
    fun takeReferralBinding(h: Long): ReferralBinding? {
        if (h == 0L) return null
        return taking(h, { Native.referralBindingFree(it) }) { b ->
            ReferralBinding(
                userId = Native.referralBindingUserId(b)?.takeIf { it.isNotEmpty() },
                deviceId = Native.referralBindingDeviceId(b)?.takeIf { it.isNotEmpty() },
                sharerId = Native.referralBindingSharerId(b) ?: "",
                openId = Native.referralBindingOpenId(b) ?: "",
                boundAtMs = Native.referralBindingBoundAtMs(b),
                expiresAtMs = Native.referralBindingExpiresAtMs(b)
            )
        }
    }

    /** Reads a reward (borrowed: from a list or an attribution). */
    fun readReferralReward(r: Long): ReferralReward = ReferralReward(
        orderId = Native.referralRewardOrderId(r) ?: "",
        sharerId = Native.referralRewardSharerId(r) ?: "",
        buyerId = Native.referralRewardBuyerId(r) ?: "",
        level = Native.referralRewardLevel(r).toInt(),
        kind = RewardKind.of(Native.referralRewardKind(r).toInt()),
        amount = Native.referralRewardAmount(r),
        couponCode = Native.referralRewardCouponCode(r)?.ifEmpty { null },
        clawedBack = Native.referralRewardClawedBack(r),
        state = RewardState.of(Native.referralRewardState(r).toInt()),
        createdAtMs = Native.referralRewardCreatedAtMs(r),
        vestsAtMs = Native.referralRewardVestsAtMs(r)
    )

    /** An attribution, or null for the 0 handle (the order was not credited). */
    fun takeOrderAttribution(h: Long): OrderAttribution? {
        if (h == 0L) return null
        return taking(h, { Native.orderAttributionFree(it) }) { a ->
            OrderAttribution(
                orderId = Native.orderAttributionOrderId(a) ?: "",
                buyerId = Native.orderAttributionBuyerId(a) ?: "",
                sharerId = Native.orderAttributionSharerId(a) ?: "",
                currency = Native.orderAttributionCurrency(a) ?: "",
                paid = Native.orderAttributionPaid(a),
                attributedAtMs = Native.orderAttributionAttributedAtMs(a),
                open = readShareOpen(Native.orderAttributionOpen(a)),
                rewards = indices(Native.orderAttributionRewardCount(a)).map {
                    readReferralReward(Native.orderAttributionRewardAt(a, it))
                }
            )
        }
    }

    fun takeReferralRewards(h: Long): List<ReferralReward> = taking(h, { Native.referralRewardsFree(it) }) { list ->
        indices(Native.referralRewardsCount(list)).map { readReferralReward(Native.referralRewardsAt(list, it)) }
    }

    fun takeReferralRefusals(h: Long): List<ReferralRefusal> = taking(h, { Native.referralRefusalsFree(it) }) { r ->
        indices(Native.referralRefusalsCount(r)).map { i ->
            ReferralRefusal(
                reason = Native.referralRefusalsReason(r, i) ?: "",
                userId = Native.referralRefusalsUserId(r, i)?.takeIf { it.isNotEmpty() },
                deviceId = Native.referralRefusalsDeviceId(r, i)?.takeIf { it.isNotEmpty() },
                openId = Native.referralRefusalsOpenId(r, i) ?: "",
                orderId = Native.referralRefusalsOrderId(r, i)?.takeIf { it.isNotEmpty() },
                atMs = Native.referralRefusalsAtMs(r, i)
            )
        }
    }

    fun takeReferralStats(h: Long): ReferralStats = taking(h, { Native.referralStatsFree(it) }) { s ->
        fun get(figure: ReferralFigure): Long = Native.referralStatsGet(s, figure.value)
        ReferralStats(
            shares = get(ReferralFigure.SHARES),
            sharers = get(ReferralFigure.SHARERS),
            opens = get(ReferralFigure.OPENS),
            boundOpens = get(ReferralFigure.BOUND_OPENS),
            orders = get(ReferralFigure.ORDERS),
            paidOrders = get(ReferralFigure.PAID_ORDERS),
            paidAmount = get(ReferralFigure.PAID_AMOUNT),
            convertedBuyers = get(ReferralFigure.CONVERTED_BUYERS),
            refusals = get(ReferralFigure.REFUSALS),
            pointsPending = get(ReferralFigure.POINTS_PENDING),
            pointsVested = get(ReferralFigure.POINTS_VESTED),
            pointsClawedBack = get(ReferralFigure.POINTS_CLAWED_BACK),
            commissionPending = get(ReferralFigure.COMMISSION_PENDING),
            commissionVested = get(ReferralFigure.COMMISSION_VESTED),
            commissionClawedBack = get(ReferralFigure.COMMISSION_CLAWED_BACK),
            viralCoefficientBps = get(ReferralFigure.VIRAL_COEFFICIENT_BPS),
            couponsPending = get(ReferralFigure.COUPONS_PENDING),
            couponsVested = get(ReferralFigure.COUPONS_VESTED),
            couponsClawedBack = get(ReferralFigure.COUPONS_CLAWED_BACK)
        )
    }

    fun takeGroupCampaign(h: Long): GroupCampaign = taking(h, { Native.groupbuyCampaignFree(it) }) { c ->
        GroupCampaign(
            id = Native.groupbuyCampaignId(c) ?: "",
            skuId = Native.groupbuyCampaignSkuId(c) ?: "",
            groupPrice = Native.groupbuyCampaignGroupPrice(c),
            groupSize = Native.groupbuyCampaignGroupSize(c),
            lifetimeMinutes = Native.groupbuyCampaignLifetimeMinutes(c),
            startsAtMs = Native.groupbuyCampaignStartsAtMs(c),
            endsAtMs = Native.groupbuyCampaignEndsAtMs(c),
            leaderPricing = LeaderPricing.of(Native.groupbuyCampaignLeaderPricing(c).toInt()),
            leaderPrice = Native.groupbuyCampaignLeaderPrice(c),
            maxUnitsPerOrder = Native.groupbuyCampaignMaxUnitsPerOrder(c),
            maxUnitsPerUser = Native.groupbuyCampaignMaxUnitsPerUser(c),
            stock = Native.groupbuyCampaignStock(c),
            newUsersOnly = Native.groupbuyCampaignNewUsersOnly(c),
            virtualFillMinMembers = Native.groupbuyCampaignVirtualFillMinMembers(c)
        )
    }

    /** Reads a group (borrowed: from a list, or one [takeGroup] frees). */
    fun readGroup(g: Long): Group = Group(
        id = Native.groupId(g) ?: "",
        campaignId = Native.groupCampaignId(g) ?: "",
        leaderUserId = Native.groupLeaderUserId(g) ?: "",
        state = GroupState.of(Native.groupState(g).toInt()),
        size = Native.groupSize(g),
        paidMembers = Native.groupPaidMembers(g),
        seatsLeft = Native.groupSeatsLeft(g),
        virtualMembers = Native.groupVirtualMembers(g),
        createdAtMs = Native.groupCreatedAtMs(g),
        openedAtMs = Native.groupOpenedAtMs(g),
        deadlineMs = Native.groupDeadlineMs(g),
        endedAtMs = Native.groupEndedAtMs(g),
        seats = indices(Native.groupSeatCount(g)).map { i ->
            GroupSeat(
                orderId = Native.groupSeatOrderId(g, i) ?: "",
                userId = Native.groupSeatUserId(g, i) ?: "",
                position = Native.groupSeatPosition(g, i),
                quantity = Native.groupSeatQuantity(g, i),
                state = SeatState.of(Native.groupSeatState(g, i).toInt()),
                paidAtMs = Native.groupSeatPaidAtMs(g, i)
            )
        }
    )

    fun takeGroup(h: Long): Group = taking(h, { Native.groupFree(it) }) { readGroup(it) }

    /** A group, or null for the 0 handle (the order is not a group order). */
    fun takeGroupOrNull(h: Long): Group? = if (h == 0L) null else takeGroup(h)

    fun takeGroups(h: Long): List<Group> = taking(h, { Native.groupsFree(it) }) { list ->
        indices(Native.groupsCount(list)).map { readGroup(Native.groupsAt(list, it)) }
    }

    fun takeGroupReport(h: Long): GroupReport = taking(h, { Native.groupReportFree(it) }) { r ->
        fun get(figure: GroupFigure): Long = Native.groupReportGet(r, figure.value)
        GroupReport(
            opened = get(GroupFigure.OPENED),
            openNow = get(GroupFigure.OPEN_NOW),
            filled = get(GroupFigure.FILLED),
            virtuallyFilled = get(GroupFigure.VIRTUALLY_FILLED),
            failed = get(GroupFigure.FAILED),
            successRateBps = get(GroupFigure.SUCCESS_RATE_BPS),
            averageFillMs = get(GroupFigure.AVERAGE_FILL_MS),
            unitsSold = get(GroupFigure.UNITS_SOLD)
        )
    }

    fun takeFlashSale(h: Long): FlashSale = taking(h, { Native.flashSaleFree(it) }) { s ->
        FlashSale(
            id = Native.flashSaleId(s) ?: "",
            skuId = Native.flashSaleSkuId(s) ?: "",
            salePrice = Native.flashSalePrice(s),
            startsAtMs = Native.flashSaleStartsAtMs(s),
            endsAtMs = Native.flashSaleEndsAtMs(s),
            utcOffsetMinutes = Native.flashSaleUtcOffsetMinutes(s),
            stockPerSlot = Native.flashSaleStockPerSlot(s),
            maxUnitsPerOrder = Native.flashSaleMaxUnitsPerOrder(s),
            maxUnitsPerUserPerDay = Native.flashSaleMaxUnitsPerUserPerDay(s),
            slots = indices(Native.flashSaleSlotCount(s)).map { i ->
                FlashSlotTime(startMinute = Native.flashSaleSlotStartMinute(s, i), minutes = Native.flashSaleSlotMinutes(s, i))
            }
        )
    }

    /** Reads a slot (borrowed from its list). */
    private fun readFlashSlot(s: Long): FlashSlot = FlashSlot(
        saleId = Native.flashSlotSaleId(s) ?: "",
        skuId = Native.flashSlotSkuId(s) ?: "",
        salePrice = Native.flashSlotSalePrice(s),
        startsAtMs = Native.flashSlotStartsAtMs(s),
        endsAtMs = Native.flashSlotEndsAtMs(s),
        stock = Native.flashSlotStock(s),
        sold = Native.flashSlotSold(s),
        held = Native.flashSlotHeld(s),
        left = Native.flashSlotLeft(s),
        soldOutAtMs = Native.flashSlotSoldOutAtMs(s).takeIf { it != 0L }
    )

    fun takeFlashSlots(h: Long): List<FlashSlot> = taking(h, { Native.flashSlotsFree(it) }) { list ->
        indices(Native.flashSlotsCount(list)).map { readFlashSlot(Native.flashSlotsAt(list, it)) }
    }

    fun takeBargainProgram(h: Long): BargainProgram = taking(h, { Native.bargainProgramFree(it) }) { p ->
        BargainProgram(
            id = Native.bargainProgramId(p) ?: "",
            skuId = Native.bargainProgramSkuId(p) ?: "",
            floorPrice = Native.bargainProgramFloorPrice(p),
            helpers = Native.bargainProgramHelpers(p),
            lifetimeMinutes = Native.bargainProgramLifetimeMinutes(p),
            startsAtMs = Native.bargainProgramStartsAtMs(p),
            endsAtMs = Native.bargainProgramEndsAtMs(p)
        )
    }

    /** Reads a bargain (borrowed: from a list, or one [takeBargain] frees). */
    fun readBargain(b: Long): Bargain = Bargain(
        id = Native.bargainId(b) ?: "",
        programId = Native.bargainProgramIdOf(b) ?: "",
        userId = Native.bargainUserId(b) ?: "",
        skuId = Native.bargainSkuId(b) ?: "",
        state = BargainState.of(Native.bargainState(b).toInt()),
        startPrice = Native.bargainStartPrice(b),
        floorPrice = Native.bargainFloorPrice(b),
        price = Native.bargainPrice(b),
        helpersNeeded = Native.bargainHelpersNeeded(b),
        openedAtMs = Native.bargainOpenedAtMs(b),
        deadlineMs = Native.bargainDeadlineMs(b),
        endedAtMs = Native.bargainEndedAtMs(b).takeIf { it != 0L },
        orderId = Native.bargainOrderId(b)?.takeIf { it.isNotEmpty() },
        helps = indices(Native.bargainHelpCount(b)).map { i ->
            BargainHelp(
                userId = Native.bargainHelpUserId(b, i) ?: "",
                amount = Native.bargainHelpAmount(b, i),
                priceAfter = Native.bargainHelpPriceAfter(b, i),
                atMs = Native.bargainHelpAtMs(b, i)
            )
        }
    )

    fun takeBargain(h: Long): Bargain = taking(h, { Native.bargainFree(it) }) { readBargain(it) }

    fun takeBargains(h: Long): List<Bargain> = taking(h, { Native.bargainsFree(it) }) { list ->
        indices(Native.bargainsCount(list)).map { readBargain(Native.bargainsAt(list, it)) }
    }

    fun takeBargainReport(h: Long): BargainReport = taking(h, { Native.bargainReportFree(it) }) { r ->
        fun get(figure: BargainFigure): Long = Native.bargainReportGet(r, figure.value)
        BargainReport(
            opened = get(BargainFigure.OPENED),
            completed = get(BargainFigure.COMPLETED),
            expired = get(BargainFigure.EXPIRED),
            bought = get(BargainFigure.BOUGHT),
            helps = get(BargainFigure.HELPS),
            helpersPerCompletion = get(BargainFigure.HELPERS_PER_COMPLETION),
            conversionBps = get(BargainFigure.CONVERSION_BPS)
        )
    }

    fun takeFlashReport(h: Long): FlashReport = taking(h, { Native.flashReportFree(it) }) { r ->
        fun get(figure: FlashFigure): Long = Native.flashReportGet(r, figure.value)
        FlashReport(
            stock = get(FlashFigure.STOCK),
            sold = get(FlashFigure.SOLD),
            held = get(FlashFigure.HELD),
            left = get(FlashFigure.LEFT),
            orders = get(FlashFigure.ORDERS),
            ordersPaid = get(FlashFigure.ORDERS_PAID),
            ordersLapsed = get(FlashFigure.ORDERS_LAPSED),
            ordersCancelled = get(FlashFigure.ORDERS_CANCELLED),
            sellOutMs = get(FlashFigure.SELL_OUT_MS).takeIf { it != -1L }
        )
    }

    /** Reads a batch (borrowed: the callback's batch is freed by the library). */
    fun readEvents(h: Long): List<Event> = indices(Native.eventsCount(h)).map { i ->
        Event(
            seq = Native.eventsSeq(h, i),
            type = Native.eventsType(h, i) ?: "",
            subjectId = Native.eventsSubjectId(h, i) ?: "",
            timeMs = Native.eventsTimeMs(h, i),
            payload = Native.eventsPayload(h, i) ?: "{}"
        )
    }

    fun takeEvents(h: Long): List<Event> = taking(h, { Native.eventsFree(it) }) { readEvents(it) }
}
