package socialcart

/**
 * Mirrors `sc_status_t` (values are stable; the library may append new ones,
 * which arrive as [UNKNOWN] with the raw value in [SocialCartException.status]).
 */
enum class ErrorCode(val value: Int) {
    OK(0),
    /** An argument is null where not allowed, empty, or out of range. */
    INVALID_ARGUMENT(1),
    /** A string argument is not valid UTF-8. */
    INVALID_UTF8(2),
    /** The id names nothing the engine knows. */
    NOT_FOUND(3),
    /** The object is in a state where this call is not allowed (also: the engine is closed). */
    INVALID_STATE(4),
    /** An amount or quantity would overflow 64 bits. */
    OVERFLOW(5),
    /** Amounts in different currencies were combined. */
    CURRENCY_MISMATCH(6),
    /** Not enough tracked stock is available. */
    OUT_OF_STOCK(7),
    /** A per-order or per-user limit would be exceeded. */
    LIMIT_EXCEEDED(8),
    /** The SKU is inactive and cannot be bought. */
    SKU_INACTIVE(9),
    /** Checkout found no selected cart line. */
    CART_EMPTY(10),
    /** The payment amount differs from the order total. */
    AMOUNT_MISMATCH(11),
    /** The refund asks for more than is left to refund. */
    REFUND_EXCEEDS_PAID(12),
    /** A deadline has passed (for example the order's payment window). */
    EXPIRED(13),
    /** An idempotency key was reused with different arguments. */
    IDEMPOTENCY_CONFLICT(14),
    /** A program document is invalid; [SocialCartException.field] names the place. */
    VALIDATION(15),
    /** The database stayed locked by another process; retry later. */
    BUSY(16),
    /** The database could not be read or written. */
    STORAGE(17),
    /** The database was written by a newer library. */
    SCHEMA_TOO_NEW(18),
    /** Memory could not be allocated. */
    OUT_OF_MEMORY(19),
    /** A bug in socialcart. */
    INTERNAL(20),
    /** A share link token or short code is not one this library makes. */
    LINK_MALFORMED(21),
    /** A share link is signed under a key id the engine does not hold. */
    LINK_UNKNOWN_KEY(22),
    /** A share link's signature does not match its contents. */
    LINK_TAMPERED(23),
    /** Every seat of the group-buy group is taken, or it has filled. */
    GROUP_FULL(24),
    /** A status this binding does not know (a newer library). */
    UNKNOWN(-1);

    companion object {
        private val byValue: Map<Int, ErrorCode> = values().filter { it != UNKNOWN }.associateBy { it.value }

        @JvmStatic
        fun of(status: Int): ErrorCode = byValue[status] ?: UNKNOWN
    }
}

/**
 * The one exception of the binding. Every failed library call throws it, with
 * the library's code, message, field at fault and retry hint; the binding
 * itself throws it with [ErrorCode.INVALID_STATE] for a closed engine and
 * [ErrorCode.INVALID_ARGUMENT] for a string with a NUL character.
 *
 * @property code the status as an enum ([ErrorCode.UNKNOWN] for a status newer than the binding).
 * @property field the argument or document field at fault (e.g. "quantity",
 *   "skus[2].list_price"), or null.
 * @property retryable whether the same call may succeed if retried unchanged.
 * @property status the raw `sc_status_t` value.
 */
class SocialCartException @JvmOverloads constructor(
    val code: ErrorCode,
    message: String,
    val field: String? = null,
    val retryable: Boolean = false,
    val status: Int = code.value
) : RuntimeException(message) {
    override val message: String
        get() = super.message ?: ""

    override fun toString(): String {
        val where = if (field != null) " (field $field)" else ""
        return "SocialCartException[$code$where]: $message"
    }
}
