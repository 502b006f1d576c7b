package socialcart

/** Where a bargain is in its life (`sc_bargain_state_t`). */
enum class BargainState(val value: Int) {
    /** Friends' helps accrue. */
    OPEN(1),
    /** The H-th help landed on the floor. */
    FLOOR_REACHED(2),
    /** An order at the bargained price was paid. */
    BOUGHT(3),
    /** The deadline passed without a paid order. */
    EXPIRED(4),
    /** A state this binding does not know (a newer library). */
    UNKNOWN(-1);

    companion object {
        @JvmStatic
        fun of(value: Int): BargainState = values().firstOrNull { it.value == value && it != UNKNOWN } ?: UNKNOWN
    }
}

/**
 * A bargain program's settings (砍价; [Engine.bargainProgram]): one entry of the program
 * document's "bargains.programs", put with [Engine.putBargainProgram]. Prices are minor units of
 * the catalog's currency; times are UTC ms.
 */
data class BargainProgram(
    val id: String,
    /** The SKU its bargains buy, opened at its list price. */
    val skuId: String,
    /** Where the H-th help lands. */
    val floorPrice: Long,
    /** H: the helps that take a bargain to the floor. */
    val helpers: Long,
    /** A bargain's life from its opening, in minutes. */
    val lifetimeMinutes: Long,
    /** When bargains may start opening. */
    val startsAtMs: Long,
    /** When the program ends: no bargain opens after it nor outlives it. */
    val endsAtMs: Long
)

/** A friend's help to a bargain ([Bargain.helps]). */
data class BargainHelp(
    /** The friend who helped. */
    val userId: String,
    /** What the help cut (≥ 1). */
    val amount: Long,
    /** The bargain's price once it landed. */
    val priceAfter: Long,
    /** When it landed (UTC ms). */
    val atMs: Long
)

/**
 * A bargain as of the read ([Engine.bargain], [Engine.openBargain], [Engine.helpBargain]): past
 * its deadline a bargain not bought reads expired before a write settles it. Its id is the target
 * of its invite link ([ShareTarget.BARGAIN]). Prices are minor units; times are UTC ms.
 */
data class Bargain(
    /** "brg_...". */
    val id: String,
    val programId: String,
    /** The shopper who opened it: the only one who may buy it. */
    val userId: String,
    /** The SKU it buys. */
    val skuId: String,
    val state: BargainState,
    /** The SKU's list price when it opened. */
    val startPrice: Long,
    /** The program's floor when it opened. */
    val floorPrice: Long,
    /** The price now: the start price less every help. */
    val price: Long,
    /** H: the helps that take it to the floor. */
    val helpersNeeded: Long,
    val openedAtMs: Long,
    /** When it expires unless bought. */
    val deadlineMs: Long,
    /** When it was bought or expired; null before. */
    val endedAtMs: Long?,
    /** The paid order that bought it; null before. */
    val orderId: String?,
    /** The helps it got, in the order they landed. */
    val helps: List<BargainHelp>
)

/** What a help did ([Engine.helpBargain]): the bargain after it and the amount it cut, to show. */
data class BargainHelpResult(
    val bargain: Bargain,
    /** The amount cut (minor units). */
    val amount: Long
)

/** A program's figures as of the read ([Engine.bargainReport]). */
data class BargainReport(
    val opened: Long,
    /** Reached the floor, bought afterwards or not. */
    val completed: Long,
    val expired: Long,
    /** Paid. */
    val bought: Long,
    /** Over all the program's bargains. */
    val helps: Long,
    /** Hundredths: helps × 100 / completed; 0 when none completed. */
    val helpersPerCompletion: Long,
    /** bought × 10000 / opened; 0 when none opened. */
    val conversionBps: Long
)

/** The figures of `sc_bargain_report_get` (`sc_bargain_figure_t`, stable values). */
internal enum class BargainFigure(val value: Int) {
    OPENED(1),
    COMPLETED(2),
    EXPIRED(3),
    BOUGHT(4),
    HELPS(5),
    HELPERS_PER_COMPLETION(6),
    CONVERSION_BPS(7)
}
