package socialcart

/** Library-wide functions. The first use loads the native libraries and checks the ABI. */
object SocialCart {
    /** The ABI generation this binding was written for (SOCIALCART_ABI_VERSION). */
    const val ABI_VERSION: Int = Native.ABI_VERSION

    /** The native library's version, "MAJOR.MINOR.PATCH". */
    @JvmStatic
    val version: String
        get() = Native.version()

    /**
     * The native library's ABI generation (`sc_abi_version()`, equal to [ABI_VERSION]
     * once loaded). Swift: `SCLibrary.libraryABIVersion`.
     */
    @JvmStatic
    val libraryAbiVersion: Int
        get() = Native.abiVersion()

    /**
     * How many objects the native library has handed out and not yet seen
     * freed. Tests use it to catch leaks.
     */
    @JvmStatic
    val liveObjectCount: Long
        get() = Native.liveObjectCount()

    /**
     * Formats an amount for people with the currency's minor-unit digits, e.g.
     * "CNY 68.00", "JPY 1200", "CLF 1.2345".
     * @throws SocialCartException INVALID_ARGUMENT unless currency is an ISO 4217 code
     *         with a minor unit (see [currencyMinorUnits]).
     */
    @JvmStatic
    fun formatMoney(amountMinor: Long, currency: String): String = Native.moneyFormat(amountMinor, utf8(currency))

    /**
     * The currency's minor-unit digits (CNY 2, JPY 0, BHD 3, CLF 4): how many decimal
     * places one unit of an amount stands for.
     * @throws SocialCartException INVALID_ARGUMENT (field "currency") unless currency is an
     *         active ISO 4217 code with a minor unit; XAU and the other codes without one are refused.
     */
    @JvmStatic
    fun currencyMinorUnits(currency: String): Int = Native.currencyMinorUnits(utf8(currency))

    /** The library's stable name of a status code, e.g. "SC_ERR_NOT_FOUND". */
    @JvmStatic
    fun statusName(code: ErrorCode): String = Native.statusName(code.value)

    /** The library's stable name of an order state, e.g. "paid". */
    @JvmStatic
    fun orderStateName(state: OrderState): String = Native.orderStateName(state.value)

    /** The library's stable name of a coupon state, e.g. "held"; "unknown" for [CouponState.UNKNOWN]. */
    @JvmStatic
    fun couponStateName(state: CouponState): String = Native.couponStateName(state.value)

    /**
     * The library's stable name of a share link's target kind, e.g. "campaign"; "unknown" for
     * [ShareTarget.UNKNOWN].
     */
    @JvmStatic
    fun shareTargetName(target: ShareTarget): String = Native.shareTargetName(target.value)

    /** The library's stable name of a group-buy group's state, e.g. "open"; "unknown" for [GroupState.UNKNOWN]. */
    @JvmStatic
    fun groupStateName(state: GroupState): String = Native.groupStateName(state.value)

    /** The library's stable name of a bargain's state, e.g. "floor_reached"; "unknown" for [BargainState.UNKNOWN]. */
    @JvmStatic
    fun bargainStateName(state: BargainState): String = Native.bargainStateName(state.value)

    /** The library's stable name of a points entry kind, e.g. "earn"; "unknown" for [PointsEntryKind.UNKNOWN]. */
    @JvmStatic
    fun pointsEntryKindName(kind: PointsEntryKind): String = Native.pointsEntryKindName(kind.value)
}
