package socialcart

/**
 * What a share link points at (`sc_share_target_t`; docs/referral.md). The values are stable:
 * they travel in tokens.
 */
enum class ShareTarget(val value: Int) {
    SKU(1),
    GROUP(2),
    CAMPAIGN(3),
    STORE(4),
    /** A bargain ([Bargain.id]): its invite, for friends to help. */
    BARGAIN(5),
    /** A kind this binding does not know (a newer library). A link to make with it is refused. */
    UNKNOWN(-1);

    companion object {
        @JvmStatic
        fun of(value: Int): ShareTarget = values().firstOrNull { it.value == value && it != UNKNOWN } ?: UNKNOWN
    }
}

/**
 * A key that signs or verifies share links, as of the read ([Engine.shareKeys] and the key
 * calls). It never holds a private key: no call returns one.
 */
data class ShareKey(
    /** The key's id; it travels in the tokens the key signs. */
    val id: String,
    /** Its public key as SubjectPublicKeyInfo PEM, for another side to trust ([Engine.trustShareKey]). */
    val publicPem: String,
    /** Whether this side holds the private key. */
    val canSign: Boolean,
    /** Whether new links are signed with it. */
    val isSigning: Boolean,
    /** When it was added (UTC ms). */
    val addedAtMs: Long,
    /** When it was retired (UTC ms); null while it is in force. A retired key verifies no more. */
    val retiredAtMs: Long?
)

/**
 * A share link: the sharer's signed link to a target through a channel ([Engine.createShareLink],
 * [Engine.resolveShareLink]).
 */
data class ShareLink(
    /** The signed token (base64url, about 160 characters). */
    val token: String,
    /** The short code in canonical form ("K7QDM2XR4P"); null when not known (a link resolved from its token). */
    val code: String?,
    /** The short code as printed for people ("K7QD-M2XR4P"); null when [code] is. */
    val displayCode: String?,
    /** The referral program's URL with the token. */
    val url: String,
    /** The id of the key that signed it. */
    val keyId: String,
    /** Who shared it. */
    val sharerId: String,
    val target: ShareTarget,
    /** The target's id. */
    val targetId: String,
    /** The channel it was shared through, e.g. "wechat". */
    val channel: String,
    /** When it was made (UTC ms). */
    val issuedAtMs: Long,
    /** When it expires (UTC ms), before the clock-skew tolerance. */
    val expiresAtMs: Long
)
