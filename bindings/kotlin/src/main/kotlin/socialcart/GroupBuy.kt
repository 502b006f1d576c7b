package socialcart

/**
 * What a checkout does with group-buy (拼团; [CheckoutRequest.group], `sc_checkout_request_set_group`).
 * The order is then [quantity] units of the campaign's SKU at the group price (the leader's
 * price when opening), not the cart, which stays as it is; coupons, points and shipping apply
 * as to any checkout, and [Engine.quote] prices the same line.
 */
sealed class GroupChoice {
    /** The units the order buys, ≥ 1 (less is INVALID_ARGUMENT, field "quantity"). */
    abstract val quantity: Long

    /** Open a group of a campaign, led by the shopper; it opens when the order is paid. */
    data class Open(val campaignId: String, override val quantity: Long = 1) : GroupChoice()

    /** Take a seat in an open group ([Group.id], the target of its invite link). */
    data class Join(val groupId: String, override val quantity: Long = 1) : GroupChoice()

    companion object {
        /** [Open]: open a group of the campaign. */
        @JvmStatic
        @JvmOverloads
        fun open(campaignId: String, quantity: Long = 1): GroupChoice = Open(campaignId, quantity)

        /** [Join]: take a seat in the group. */
        @JvmStatic
        @JvmOverloads
        fun join(groupId: String, quantity: Long = 1): GroupChoice = Join(groupId, quantity)
    }
}

/** Where a group is in its life (`sc_group_state_t`, stable values). */
enum class GroupState(val value: Int) {
    /** The leader's order is not paid yet; nobody can join. */
    PENDING(1),
    /** Filling until its deadline. */
    OPEN(2),
    /** N members paid, or virtual members completed it. */
    FILLED(3),
    /** The deadline passed unfilled: its paid orders are due refunds. */
    FAILED(4),
    /** The leader never paid, or every paid member left. */
    CANCELLED(5),
    /** A state this binding does not know (a newer library). */
    UNKNOWN(-1);

    companion object {
        @JvmStatic
        fun of(value: Int): GroupState = values().firstOrNull { it.value == value && it != UNKNOWN } ?: UNKNOWN
    }
}

/** Where a seat of a group is (`sc_seat_state_t`). */
enum class SeatState(val value: Int) {
    /** Held by an unpaid order for its payment window. */
    RESERVED(1),
    /** Its order is paid. */
    PAID(2),
    /** The unpaid order was cancelled or lapsed. */
    RELEASED(3),
    /** The paid order was refunded while the group was open. */
    LEFT(4),
    /** A state this binding does not know (a newer library). */
    UNKNOWN(-1);

    companion object {
        @JvmStatic
        fun of(value: Int): SeatState = values().firstOrNull { it.value == value && it != UNKNOWN } ?: UNKNOWN
    }
}

/** What a group's leader pays per unit (`sc_leader_pricing_t`). */
enum class LeaderPricing(val value: Int) {
    /** The group price, as every member. */
    GROUP_PRICE(0),
    /** The campaign's [GroupCampaign.leaderPrice]. */
    LEADER_PRICE(1),
    /** Nothing. */
    FREE(2),
    /** A pricing this binding does not know (a newer library). */
    UNKNOWN(-1);

    companion object {
        @JvmStatic
        fun of(value: Int): LeaderPricing = values().firstOrNull { it.value == value && it != UNKNOWN } ?: UNKNOWN
    }
}

/**
 * A group-buy campaign's settings ([Engine.groupCampaign]): one entry of the program document's
 * "group_buy.campaigns", put with [Engine.putGroupCampaign]. Prices are minor units of the
 * catalog's currency; times are UTC ms.
 */
data class GroupCampaign(
    val id: String,
    /** The SKU it sells. */
    val skuId: String,
    /** The price per unit a member pays. */
    val groupPrice: Long,
    /** N: the paid members that fill a group (2-100). */
    val groupSize: Long,
    /** A group's life from its leader's payment, in minutes. */
    val lifetimeMinutes: Long,
    /** When groups may start opening. */
    val startsAtMs: Long,
    /** When the campaign ends: no group outlives it. */
    val endsAtMs: Long,
    /** What the leader pays per unit. */
    val leaderPricing: LeaderPricing,
    /** The leader's unit price with [LeaderPricing.LEADER_PRICE]; 0 otherwise. */
    val leaderPrice: Long,
    /** The most units one group order may buy. */
    val maxUnitsPerOrder: Long,
    /** The most units one shopper may hold in the campaign; 0 for no limit. */
    val maxUnitsPerUser: Long,
    /** The campaign's own stock of units; -1 when it has none (the SKU's stock only). */
    val stock: Long,
    /** Only shoppers who have never paid an order may join. */
    val newUsersOnly: Boolean,
    /** Virtual fill's minimum of paid members at the deadline; 0 when off. */
    val virtualFillMinMembers: Long
)

/** A seat of a group: one order's place in it ([Group.seats]). */
data class GroupSeat(
    /** The order holding it. */
    val orderId: String,
    /** Its shopper. */
    val userId: String,
    /** 1 for the leader's checkout, then in joining order. */
    val position: Long,
    /** The units its order buys. */
    val quantity: Long,
    val state: SeatState,
    /** When its order was paid (UTC ms); 0 unpaid. */
    val paidAtMs: Long
)

/**
 * A group-buy group as of the read ([Engine.group], [Engine.groupOfOrder], [Engine.openGroups],
 * [Engine.groupsOfUser]): past its deadline it reads failed or filled, and a seat whose payment
 * window passed reads released, before a write settles them. Times are UTC ms.
 */
data class Group(
    /** The group's id ("grp_..."): the target of its invite link. */
    val id: String,
    val campaignId: String,
    /** The leader: the opener, or after they left, the earliest remaining paid member. */
    val leaderUserId: String,
    val state: GroupState,
    /** N. */
    val size: Long,
    /** Members who paid and are still in it. */
    val paidMembers: Long,
    /** Seats neither reserved nor paid: how many more people are needed (0 once ended). */
    val seatsLeft: Long,
    /** Members added by virtual fill. */
    val virtualMembers: Long,
    /** When the leader's checkout made it. */
    val createdAtMs: Long,
    /** When the leader paid; 0 while pending. */
    val openedAtMs: Long,
    /** When it fails unless filled; 0 while pending. */
    val deadlineMs: Long,
    /** When it filled, failed or was cancelled; 0 before. */
    val endedAtMs: Long,
    /** Seats ever taken, released and left ones included, by position. */
    val seats: List<GroupSeat>
)

/** A campaign's figures as of the read ([Engine.groupReport]). */
data class GroupReport(
    /** Groups whose leader paid. */
    val opened: Long,
    /** Groups still filling. */
    val openNow: Long,
    /** Groups filled, virtually filled ones included. */
    val filled: Long,
    val virtuallyFilled: Long,
    val failed: Long,
    /** filled × 10000 / (filled + failed); 0 before any group ended. */
    val successRateBps: Long,
    /** From the leader's payment to the fill, averaged over filled groups (ms). */
    val averageFillMs: Long,
    /** Units in the paid seats of filled groups. */
    val unitsSold: Long
)

/** The figures of `sc_group_report_get` (`sc_group_figure_t`, stable values). */
internal enum class GroupFigure(val value: Int) {
    OPENED(1),
    OPEN_NOW(2),
    FILLED(3),
    VIRTUALLY_FILLED(4),
    FAILED(5),
    SUCCESS_RATE_BPS(6),
    AVERAGE_FILL_MS(7),
    UNITS_SOLD(8)
}
